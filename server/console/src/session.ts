/**
 * Signing in: an SDK client for this server that says `console` to the audit log, and who the
 * token acts as. The API has no "who am I" call, so the console finds its own token among the
 * tenant's API tokens by its masked form (prefix and last four characters) and reads the
 * owner's role. The token itself lives only in memory.
 */
import {
  AuthenticationError,
  CallplaneError,
  ConnectionError,
  PermissionError,
  PreconditionFailedError,
  createCallplaneClient,
  maskSecret,
  type CallplaneClient,
  type Role,
  type Tenant,
} from "@callplane/sdk";
import { createContext } from "preact";
import { useContext } from "preact/hooks";

export interface Identity {
  /** Who acts: a user's name, or "Tenant API key". */
  name: string;
  /** Undefined when it could not be told (the API still decides every write). */
  role: Role | undefined;
  scope: "read" | "write" | undefined;
}

export interface Session {
  client: CallplaneClient;
  tenant: Tenant;
  who: Identity;
  /** Why this session may not change settings; undefined when it may. */
  readOnlyReason: string | undefined;
}

export function consoleClient(token: string, endpoint = globalThis.location.origin): CallplaneClient {
  return createCallplaneClient({
    endpoint,
    token,
    source: "console",
    maxRetries: 1,
    timeoutMs: 15_000,
    fetch: (request) => globalThis.fetch(request),
  });
}

export async function signIn(token: string, endpoint?: string): Promise<Session> {
  const trimmed = token.trim();
  if (!trimmed) throw new Error("Enter an API token or the tenant API key.");
  const client = consoleClient(trimmed, endpoint);
  const tenant = await client.tenant.get();
  const who = await identify(client, trimmed);
  return { client, tenant, who, readOnlyReason: readOnlyReason(tenant, who) };
}

async function identify(client: CallplaneClient, token: string): Promise<Identity> {
  if (token.startsWith("cpk_")) return { name: "Tenant API key", role: "admin", scope: "write" };
  const masked = maskSecret(token);
  const tokens = (await client.apiTokens.list({ limit: 100 }).toArray(1000)).filter((t) => t.tokenMasked === masked);
  // The token in use was just used: prefer the most recently used match.
  tokens.sort((a, b) => (b.lastUsedAt ?? "").localeCompare(a.lastUsedAt ?? ""));
  const mine = tokens[0];
  if (!mine) return { name: "API token", role: undefined, scope: undefined };
  if (mine.owner.type === "user" && mine.owner.id) {
    try {
      const user = await client.users.get(mine.owner.id);
      return { name: user.name, role: user.role, scope: mine.scope };
    } catch {
      return { name: mine.owner.name, role: undefined, scope: mine.scope };
    }
  }
  return { name: mine.owner.name, role: "admin", scope: mine.scope };
}

export function readOnlyReason(tenant: Tenant, who: Identity): string | undefined {
  if (tenant.readOnly) return "This tenant is read-only: it cannot be edited from the console. Contact support to change it.";
  if (who.role && who.role !== "admin") {
    return `You are signed in as ${article(who.role)} ${who.role}. Only admins may change settings; ask an admin to change your role or to make the change for you.`;
  }
  if (who.scope === "read") return "This API token has read scope: it can read settings but not change them. Sign in with a write token.";
  return undefined;
}

const article = (word: string) => (/^[aeiou]/.test(word) ? "an" : "a");

/** A sentence for people, for any failure of a call. Secrets never appear (the SDK redacts them). */
export function describeError(error: unknown): string {
  if (error instanceof PermissionError) {
    const detail = error.detail ?? error.title;
    return /^permission denied/i.test(detail) ? detail : `Permission denied: ${detail}`;
  }
  if (error instanceof AuthenticationError) return `Not signed in: ${error.detail ?? error.title} Sign in again with a valid token.`;
  if (error instanceof PreconditionFailedError) return "Someone changed this since you opened it. Close this form, look at the new values and try again.";
  if (error instanceof ConnectionError) return "The Callplane server does not answer. Is it still running?";
  if (error instanceof CallplaneError) return error.detail ?? error.title;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The API's field errors by path (the first message for each). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  if (error instanceof CallplaneError) for (const { path, message } of error.fieldErrors) errors[path] ??= message;
  return errors;
}

export type SessionValue = Session & {
  /** Keeps the header and the read-only state in step after the tenant changed. */
  setTenant: (tenant: Tenant) => void;
};

export const SessionContext = createContext<SessionValue | undefined>(undefined);

/** The signed-in session, and whether it may change settings. */
export function useSession(): SessionValue & { canWrite: boolean } {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside a signed-in console");
  return { ...session, canWrite: session.readOnlyReason === undefined };
}
