/** Every tenant on the platform: platform administrators list and create them. */
import { schemas } from "@callplane/sdk";
import { hashSecret, maskSecret, newId, newSecret } from "../auth/secrets.js";
import type { Store } from "../db/store.js";
import type { RequestContext, RouteDefinition } from "../http/context.js";
import { audit, etagOf, pageBody, pageRequest, parseBody } from "./common.js";

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
];
