/** The caller's own tenant: read, update, rotate its API key. */
import { schemas } from "@callplane/sdk";
import { hashSecret, maskSecret, newSecret } from "../auth/secrets.js";
import type { TenantFields } from "../db/store.js";
import type { RouteDefinition } from "../http/context.js";
import { audit, changedFields, checkIfMatch, etagOf, parseBody, tenantOf, writableTenant } from "./common.js";

export const tenantRoutes: RouteDefinition[] = [
  {
    method: "GET",
    pattern: "/v1/tenant",
    access: "read",
    handler: (ctx, { store }) => {
      const tenant = store.getTenant(tenantOf(ctx).tenantId)!;
      return { status: 200, body: tenant.value, etag: etagOf(tenant.version) };
    },
  },
  {
    method: "PATCH",
    pattern: "/v1/tenant",
    access: "write",
    handler: (ctx, services) => {
      const { tenantId } = writableTenant(ctx, services);
      const patch = parseBody(schemas.TenantUpdate, ctx.body) as Partial<TenantFields>;
      const before = services.store.getTenant(tenantId)!;
      checkIfMatch(ctx, etagOf(before.version), "tenant");
      services.store.updateTenant(tenantId, patch, ctx.now.toISOString());
      const after = services.store.getTenant(tenantId)!;
      audit(ctx, services, tenantId, { action: "tenant.update", resourceType: "tenant", resourceId: tenantId, ...changedFields(before.value, after.value) });
      return { status: 200, body: after.value, etag: etagOf(after.version) };
    },
  },
  {
    method: "POST",
    pattern: "/v1/tenant/api-key/rotate",
    access: "write",
    takesNoBody: true,
    handler: (ctx, services) => {
      const { tenantId } = writableTenant(ctx, services);
      const apiKey = newSecret("cpk");
      const before = services.store.getTenant(tenantId)!.value;
      services.store.setTenantApiKey(tenantId, hashSecret(apiKey), maskSecret(apiKey), ctx.now.toISOString());
      audit(ctx, services, tenantId, { action: "tenant.rotateApiKey", resourceType: "tenant", resourceId: tenantId, before: { apiKeyMasked: before.apiKeyMasked }, after: { apiKeyMasked: maskSecret(apiKey) } });
      // Tokens die with the credential that owns them (docs/security.md): the old key's go now.
      for (const token of services.store.apiTokensOwnedByTenantKey(tenantId)) {
        services.store.revokeApiToken(tenantId, token.id, ctx.now.toISOString());
        audit(ctx, services, tenantId, { action: "apiToken.revoke", resourceType: "apiToken", resourceId: token.id, before: token, after: null });
      }
      return { status: 200, body: { apiKey, apiKeyMasked: maskSecret(apiKey), rotatedAt: ctx.now.toISOString() } };
    },
  },
];
