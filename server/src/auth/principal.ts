/**
 * Who is calling: resolved from the bearer credential on every request.
 */
import type { Actor, Role } from "@callplane/sdk";
import type { Store } from "../db/store.js";
import { problems } from "../http/problem.js";
import { hashSecret, sameSecret } from "./secrets.js";
import { SESSION_PREFIX, sessionPrincipal } from "./sessions.js";

export type Principal =
  | { kind: "platform"; scope: string; actor: Actor }
  | {
      kind: "tenant";
      tenantId: string;
      /** Stable per credential: scopes idempotency keys and rate limits. */
      scope: string;
      actor: Actor;
      /** The role acted with: the tenant API key acts as an admin. */
      role: Role;
      canWrite: boolean;
      /** The user behind a personal token or session, if any. */
      userId: string | null;
      /** Set when the credential is a session token. */
      sessionId?: string;
    };

export type TenantPrincipal = Extract<Principal, { kind: "tenant" }>;

/** How often a token's `lastUsedAt` is written: reads should not all become writes. */
const LAST_USED_GRANULARITY_MS = 60_000;

export function resolvePrincipal(store: Store, authorization: string | undefined, platformToken: string | undefined, now: Date): Principal {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) throw problems.unauthenticated("Send a tenant API key or an API token as `Authorization: Bearer <credential>`.");
  const credential = match[1]!;

  if (platformToken && sameSecret(credential, platformToken)) {
    return { kind: "platform", scope: "platform", actor: { type: "platform", id: null, name: "Platform administrator" } };
  }
  const hash = hashSecret(credential);
  if (credential.startsWith(SESSION_PREFIX)) return sessionPrincipal(store, hash, now);
  if (credential.startsWith("cpk_")) {
    const tenantId = store.tenantIdByApiKeyHash(hash);
    if (tenantId) {
      return { kind: "tenant", tenantId, scope: `tenant-key:${tenantId}`, actor: { type: "tenantApiKey", id: null, name: "Tenant API key" }, role: "admin", canWrite: true, userId: null };
    }
    if (store.isEnvironmentApiKey(hash)) {
      throw problems.forbidden("Environment API keys cannot call the settings API; use the tenant API key or an API token.");
    }
  }
  const token = store.apiTokenByHash(hash);
  if (!token || token.revoked) throw problems.unauthenticated("The credential is unknown or has been revoked.");
  if (token.expiresAt && Date.parse(token.expiresAt) <= now.getTime()) throw problems.unauthenticated("The API token has expired.");

  if (!token.lastUsedAt || now.getTime() - Date.parse(token.lastUsedAt) > LAST_USED_GRANULARITY_MS) {
    store.touchApiToken(token.id, now.toISOString());
  }
  let role: Role = "admin";
  let actor = token.owner;
  if (token.ownerUserId) {
    const user = store.getUser(token.tenantId, token.ownerUserId);
    if (!user) throw problems.unauthenticated("The API token's owner no longer exists.");
    role = user.value.role;
    actor = { type: "user", id: user.value.id, name: user.value.name };
  } else if (token.owner.type !== "tenantApiKey") {
    throw problems.unauthenticated("The API token's owner no longer exists.");
  }
  return {
    kind: "tenant",
    tenantId: token.tenantId,
    scope: `token:${token.id}`,
    actor,
    role,
    canWrite: token.scope === "write" && role === "admin",
    userId: token.ownerUserId,
  };
}
