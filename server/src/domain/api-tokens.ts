/** Personal API tokens: listed masked, created with their value shown once, revoked. */
import { schemas, type Actor } from "@callplane/sdk";
import { hashSecret, maskSecret, newId, newSecret } from "../auth/secrets.js";
import type { Store } from "../db/store.js";
import type { RouteDefinition } from "../http/context.js";
import { problems } from "../http/problem.js";
import { audit, pageBody, pageRequest, parseBody, tenantOf, writableTenant } from "./common.js";

/** Creates a token and returns its id and value (the only time the value is seen). */
export function insertApiToken(store: Store, input: { tenantId: string; ownerUserId: string | null; owner: Actor; name: string; scope: "read" | "write"; expiresAt: string | null }, now: string): { id: string; token: string } {
  const id = newId("tok");
  const token = newSecret("cpt");
  store.insertApiToken({ ...input, id, tokenHash: hashSecret(token), tokenMasked: maskSecret(token), now });
  return { id, token };
}

export const apiTokenRoutes: RouteDefinition[] = [
  {
    method: "GET",
    pattern: "/v1/api-tokens",
    access: "read",
    handler: (ctx, { store }) => ({ status: 200, body: pageBody(store.listApiTokens(tenantOf(ctx).tenantId, pageRequest(ctx))) }),
  },
  {
    method: "POST",
    pattern: "/v1/api-tokens",
    access: "write",
    handler: (ctx, services) => {
      const principal = writableTenant(ctx, services);
      const input = parseBody(schemas.ApiTokenCreate, ctx.body);
      if (input.expiresAt && Date.parse(input.expiresAt) <= ctx.now.getTime()) {
        throw problems.validation([{ path: "expiresAt", message: "must be in the future" }]);
      }
      const { id, token } = insertApiToken(services.store, {
        tenantId: principal.tenantId,
        ownerUserId: principal.userId,
        owner: principal.actor,
        name: input.name,
        scope: input.scope,
        expiresAt: input.expiresAt ? new Date(input.expiresAt).toISOString() : null,
      }, ctx.now.toISOString());
      const created = services.store.getApiToken(principal.tenantId, id)!;
      audit(ctx, services, principal.tenantId, { action: "apiToken.create", resourceType: "apiToken", resourceId: id, before: null, after: created });
      return { status: 201, body: { ...created, token } };
    },
  },
  {
    method: "DELETE",
    pattern: "/v1/api-tokens/{tokenId}",
    access: "write",
    handler: (ctx, services) => {
      const { tenantId } = writableTenant(ctx, services);
      const id = ctx.params.tokenId!;
      const token = services.store.getApiToken(tenantId, id);
      if (!token) throw problems.notFound(`API token ${id} does not exist.`);
      services.store.revokeApiToken(tenantId, id, ctx.now.toISOString());
      audit(ctx, services, tenantId, { action: "apiToken.revoke", resourceType: "apiToken", resourceId: id, before: token, after: null });
      return { status: 204 };
    },
  },
];
