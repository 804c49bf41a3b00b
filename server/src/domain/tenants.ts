/** Every tenant on the platform: platform administrators list and create them. */
import { schemas } from "@callplane/sdk";
import { hashSecret, maskSecret, newId, newSecret } from "../auth/secrets.js";
import type { Store, TenantFields } from "../db/store.js";
import type { RequestContext, RouteDefinition } from "../http/context.js";
import { problems } from "../http/problem.js";
import { audit, changedFields, checkIfMatch, etagOf, pageBody, pageRequest, parseBody } from "./common.js";

/** The plan limit of tenants made without a platform administrator (first start, sign-up). */
export const DEFAULT_PLAN_LIMIT = 40;

export interface NewTenant {
  name: string;
  billingEmail: string;
  planLimit: number;
  readOnly?: boolean;
  description?: string | null;
  phone?: string | null;
  country?: string | null;
  street?: string | null;
  zipCode?: string | null;
  website?: string | null;
  timezone?: string | null;
  logoUrl?: string | null;
}

/** Creates a tenant and returns its id and API key (the only time the key is seen). */
export function insertTenant(store: Store, input: NewTenant, now: string): { id: string; apiKey: string } {
  const id = newId("ten");
  const apiKey = newSecret("cpk");
  store.insertTenant({
    id, name: input.name, billingEmail: input.billingEmail, planLimit: input.planLimit, readOnly: input.readOnly ?? false,
    description: input.description ?? null, phone: input.phone ?? null, country: input.country ?? null, street: input.street ?? null,
    zipCode: input.zipCode ?? null, website: input.website ?? null, timezone: input.timezone ?? null, logoUrl: input.logoUrl ?? null,
    apiKeyHash: hashSecret(apiKey), apiKeyMasked: maskSecret(apiKey), now,
  });
  return { id, apiKey };
}

export const tenantsRoutes: RouteDefinition[] = [
  {
    method: "GET",
    pattern: "/v1/tenants",
    access: "platform",
    handler: (ctx, { store }) => ({ status: 200, body: pageBody(store.listTenants(pageRequest(ctx))) }),
  },
  {
    method: "POST",
    pattern: "/v1/tenants",
    access: "platform",
    handler: (ctx: RequestContext, services) => {
      const input = parseBody(schemas.TenantCreate, ctx.body) as NewTenant;
      const { id, apiKey } = insertTenant(services.store, input, ctx.now.toISOString());
      const tenant = services.store.getTenant(id)!;
      audit(ctx, services, id, { action: "tenant.create", resourceType: "tenant", resourceId: id, before: null, after: tenant.value });
      return { status: 201, body: { ...tenant.value, apiKey }, etag: etagOf(tenant.version) };
    },
  },
  {
    method: "GET",
    pattern: "/v1/tenants/{tenantId}",
    access: "platform",
    handler: (ctx, { store }) => {
      const tenant = existingTenant(store, ctx.params.tenantId!);
      return { status: 200, body: tenant.value, etag: etagOf(tenant.version) };
    },
  },
  {
    method: "PATCH",
    pattern: "/v1/tenants/{tenantId}",
    access: "platform",
    handler: (ctx, services) => {
      const before = existingTenant(services.store, ctx.params.tenantId!);
      const id = before.value.id;
      const patch = parseBody(schemas.PlatformTenantUpdate, ctx.body) as Partial<TenantFields & { planLimit: number; readOnly: boolean }>;
      checkIfMatch(ctx, etagOf(before.version), "tenant");
      if (patch.planLimit !== undefined) {
        // The plan limit never drops below what the environments already have.
        const allocated = services.store.allEnvironments(id).reduce((sum, env) => sum + env.maxConcurrentCalls, 0);
        if (patch.planLimit < allocated) {
          throw problems.validation([{ path: "planLimit", message: `must be at least ${allocated}: the tenant's environments have that many concurrent calls; lower their allocations first` }]);
        }
      }
      services.store.updateTenantAsPlatform(id, patch, ctx.now.toISOString());
      const after = services.store.getTenant(id)!;
      audit(ctx, services, id, { action: "tenant.update", resourceType: "tenant", resourceId: id, ...changedFields(before.value, after.value) });
      return { status: 200, body: after.value, etag: etagOf(after.version) };
    },
  },
  {
    method: "DELETE",
    pattern: "/v1/tenants/{tenantId}",
    access: "platform",
    handler: (ctx, services) => {
      const before = existingTenant(services.store, ctx.params.tenantId!);
      services.store.deleteTenant(before.value.id);
      audit(ctx, services, before.value.id, { action: "tenant.delete", resourceType: "tenant", resourceId: before.value.id, before: before.value, after: null });
      return { status: 204 };
    },
  },
  {
    method: "POST",
    pattern: "/v1/tenants/{tenantId}/api-key/rotate",
    access: "platform",
    takesNoBody: true,
    handler: (ctx, services) => {
      // A body other than {} never gets here: the route takes no body (see server.ts, refuseBody).
      const before = existingTenant(services.store, ctx.params.tenantId!);
      const apiKey = newSecret("cpk");
      const id = before.value.id;
      services.store.setTenantApiKey(id, hashSecret(apiKey), maskSecret(apiKey), ctx.now.toISOString());
      const after = services.store.getTenant(id)!;
      audit(ctx, services, id, { action: "tenant.rotateApiKey", resourceType: "tenant", resourceId: id, before: { apiKeyMasked: before.value.apiKeyMasked }, after: { apiKeyMasked: after.value.apiKeyMasked } });
      return { status: 200, body: { ...after.value, apiKey }, etag: etagOf(after.version) };
    },
  },
];

function existingTenant(store: Store, id: string) {
  const tenant = store.getTenant(id);
  if (!tenant) throw problems.notFound(`Tenant ${id} does not exist.`);
  return tenant;
}
