/** `callplane_tenant`: the tenant of the provider's credential. */
import type { Tenant } from "@callplane/sdk";
import type { Model } from "../framework/model.js";
import { defineSchema, objectTypeOf } from "../framework/schema.js";
import { t } from "../values/index.js";
import { addApiError, callplaneDataSource } from "../resources/callplane-api.js";

const text = (description: string) => ({ type: t.string, computed: true, description }) as const;

const schema = defineSchema({
  version: 0,
  description: "The tenant the provider's credential belongs to.",
  attributes: {
    id: text("The tenant's id."),
    name: text("The organisation's name."),
    description: text("A short description."),
    phone: text("Contact number: 7 to 15 digits, optional leading +."),
    billing_email: text("Billing contact."),
    country: text("The country of the mailing address."),
    street: text("The street of the mailing address."),
    zip_code: text("Postal code of the mailing address."),
    website: text("Company website."),
    timezone: text("IANA time zone."),
    logo_url: text("Where the logo is served from."),
    plan_limit: { type: t.number, computed: true, description: "The most concurrent calls the plan allows." },
    read_only: { type: t.bool, computed: true, description: "Read-only tenants refuse every change." },
    api_key_masked: text("The tenant API key, masked."),
    created_at: text("When the tenant was created."),
    modified_at: text("When the tenant was last changed."),
  },
});

export function tenantState(tenant: Tenant): Model<typeof schema> {
  return {
    id: tenant.id, name: tenant.name, description: tenant.description, phone: tenant.phone, billing_email: tenant.billingEmail,
    country: tenant.country, street: tenant.street, zip_code: tenant.zipCode, website: tenant.website, timezone: tenant.timezone,
    logo_url: tenant.logoUrl, plan_limit: tenant.planLimit, read_only: tenant.readOnly, api_key_masked: tenant.apiKeyMasked,
    created_at: tenant.createdAt, modified_at: tenant.modifiedAt,
  };
}

export const tenantDataSource = callplaneDataSource({
  typeName: "callplane_tenant",
  schema,
  async read(_config, ctx, diagnostics) {
    try {
      return tenantState(await ctx.client.tenant.get());
    } catch (error) {
      addApiError(diagnostics, error, "read the tenant", objectTypeOf(schema));
      return null;
    }
  },
});
