/**
 * `callplane_tenant`: a whole tenant, for platform administrators (a provider configured with the
 * platform token). Creates tenants, sets their plan limit and read-only flag, rotates and deletes.
 */
import { NotFoundError, schemas, type PlatformTenantUpdate, type Tenant } from "@callplane/sdk";
import type { Model, Planned } from "../framework/model.js";
import { useStateForUnknown } from "../framework/plan-modifiers.js";
import { defineSchema, objectTypeOf } from "../framework/schema.js";
import { t } from "../values/index.js";
import { addApiError, callplaneResource, idOf, matchesApiRule } from "./callplane-api.js";

const optional = (description: string, rule: Parameters<typeof matchesApiRule>[0]) => ({
  type: t.string, optional: true, description: `${description} Null (left out) clears it.`, validators: [matchesApiRule(rule)],
}) as const;

const schema = defineSchema({
  version: 0,
  description: [
    "A tenant, managed by a **platform administrator**: configure the provider with the platform token (for example in an aliased provider) to create tenants, set their plan limit and read-only flag, rotate their API key and delete them. Tenant admins manage their own tenant's settings with `callplane_tenant_settings` instead.",
    "",
    "Every field is authoritative: a field left out is cleared. Changes made by hand show up as drift and are set back by apply.",
    "",
    "**Destroying a tenant deletes everything in it** (environments, users, invitations, API tokens); while `deletion_protection` is true (the default) destroy is refused. The tenant's API key is known after creation and after each rotation (`api_key_rotation`), like an environment's.",
    "",
    "Import it by id: `terraform import callplane_tenant.globex ten_0123abcd` (an imported tenant's `api_key` is null).",
  ].join("\n"),
  attributes: {
    id: { type: t.string, computed: true, description: "The tenant's id. Import with it.", planModifiers: [useStateForUnknown()] },
    name: { type: t.string, required: true, description: "The organisation's name, 3 to 100 characters.", validators: [matchesApiRule(schemas.TenantName)] },
    billing_email: { type: t.string, required: true, description: "Where invoices go: a valid email address.", validators: [matchesApiRule(schemas.Email)] },
    plan_limit: {
      type: t.number, required: true, validators: [matchesApiRule(schemas.PlanLimit)],
      description: "The most concurrent calls the tenant's plan allows, shared by its environments. It cannot go below what the environments already have.",
    },
    read_only: { type: t.bool, optional: true, default: false, description: "Read-only tenants refuse every change their own credentials make." },
    description: optional("A short description of the organisation, at most 500 characters.", schemas.TenantDescription),
    phone: optional("Contact phone number: 7 to 15 digits with an optional leading `+`.", schemas.Phone),
    country: optional("The country, at most 100 characters.", schemas.Country),
    street: optional("The street address, at most 200 characters.", schemas.Street),
    zip_code: optional("The postal code, 3 to 10 characters.", schemas.ZipCode),
    website: optional("The company website; must start with `http://` or `https://`.", schemas.Website),
    timezone: optional("The tenant's time zone, an IANA name such as `Europe/Berlin`.", schemas.TimeZone),
    logo_url: optional("The URL of the organisation's logo; must start with `http://` or `https://`.", schemas.LogoUrl),
    deletion_protection: {
      type: t.bool, optional: true, default: true,
      description: "While true, the tenant cannot be destroyed: set it to false and apply first. Destroying a tenant deletes everything in it.",
    },
    api_key_rotation: { type: t.string, optional: true, description: "Any value; changing it rotates the tenant's API key (the old key stops working at once)." },
    api_key: { type: t.string, computed: true, sensitive: true, description: "The tenant's API key. Known after creation and after each rotation; null for an imported tenant." },
    api_key_masked: { type: t.string, computed: true, description: "The API key, masked as the console shows it." },
    created_at: { type: t.string, computed: true, description: "When the tenant was created (RFC 3339).", planModifiers: [useStateForUnknown()] },
  },
});
const type = objectTypeOf(schema);
type TenantModel = Model<typeof schema>;
type Kept = Pick<TenantModel, "api_key" | "api_key_rotation" | "deletion_protection">;

function toState(tenant: Tenant, kept: Kept): TenantModel {
  return {
    id: tenant.id, name: tenant.name, billing_email: tenant.billingEmail, plan_limit: tenant.planLimit, read_only: tenant.readOnly,
    description: tenant.description, phone: tenant.phone, country: tenant.country, street: tenant.street, zip_code: tenant.zipCode,
    website: tenant.website, timezone: tenant.timezone, logo_url: tenant.logoUrl, api_key_masked: tenant.apiKeyMasked,
    created_at: tenant.createdAt, ...kept,
  };
}

/** What only Terraform knows, with the key as it is known now. */
const kept = (model: Pick<TenantModel, "api_key_rotation" | "deletion_protection">, apiKey: string | null): Kept =>
  ({ api_key: apiKey, api_key_rotation: model.api_key_rotation, deletion_protection: model.deletion_protection });

/** The fields the API stores, from the planned configuration. */
function fields(planned: Planned<typeof schema>) {
  return {
    name: planned.name, billingEmail: planned.billing_email, planLimit: planned.plan_limit, readOnly: planned.read_only,
    description: planned.description, phone: planned.phone, country: planned.country, street: planned.street,
    zipCode: planned.zip_code, website: planned.website, timezone: planned.timezone, logoUrl: planned.logo_url,
  };
}

/** What differs from the live tenant: what a PATCH must send. */
function changes(planned: Planned<typeof schema>, live: Tenant): PlatformTenantUpdate {
  const wanted = fields(planned);
  const patch: PlatformTenantUpdate = {};
  if (wanted.name !== live.name) patch.name = wanted.name;
  if (wanted.billingEmail !== live.billingEmail) patch.billingEmail = wanted.billingEmail;
  if (wanted.planLimit !== live.planLimit) patch.planLimit = wanted.planLimit;
  if (wanted.readOnly !== live.readOnly) patch.readOnly = wanted.readOnly;
  if (wanted.description !== live.description) patch.description = wanted.description;
  if (wanted.phone !== live.phone) patch.phone = wanted.phone;
  if (wanted.country !== live.country) patch.country = wanted.country;
  if (wanted.street !== live.street) patch.street = wanted.street;
  if (wanted.zipCode !== live.zipCode) patch.zipCode = wanted.zipCode;
  if (wanted.website !== live.website) patch.website = wanted.website;
  if (wanted.timezone !== live.timezone) patch.timezone = wanted.timezone;
  if (wanted.logoUrl !== live.logoUrl) patch.logoUrl = wanted.logoUrl;
  return patch;
}

export const tenantResource = callplaneResource({
  typeName: "callplane_tenant",
  schema,

  async modifyPlan(planned, prior) {
    // The key changes only when the keeper does; other updates keep it as it is.
    if (prior && planned.api_key_rotation === prior.api_key_rotation) {
      planned.api_key = prior.api_key;
      planned.api_key_masked = prior.api_key_masked;
    }
  },

  async create(planned, ctx, diagnostics) {
    try {
      const { description, phone, country, street, zipCode, website, timezone, logoUrl, ...required } = fields(planned);
      const optionalFields = { description, phone, country, street, zipCode, website, timezone, logoUrl };
      const created = await ctx.client.tenants.create({
        ...required,
        ...Object.fromEntries(Object.entries(optionalFields).filter(([, value]) => value !== null)),
      });
      return toState(created, kept(planned, created.apiKey));
    } catch (error) {
      addApiError(diagnostics, error, "create the tenant", type);
      return null;
    }
  },

  async read(state, ctx, diagnostics) {
    try {
      return toState(await ctx.client.tenants.get(idOf(state, "tenant")), kept(state, state.api_key));
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      addApiError(diagnostics, error, "read the tenant", type);
      return null;
    }
  },

  async update(planned, prior, ctx, diagnostics) {
    const id = idOf(prior, "tenant");
    try {
      let tenant = await ctx.client.tenants.get(id);
      const patch = changes(planned, tenant);
      if (Object.keys(patch).length > 0) tenant = await ctx.client.tenants.update(id, patch, { ifMatch: tenant.etag });
      let apiKey = prior.api_key;
      if (planned.api_key_rotation !== prior.api_key_rotation) {
        const rotated = await ctx.client.tenants.rotateApiKey(id);
        apiKey = rotated.apiKey;
        tenant = rotated;
      }
      return toState(tenant, kept(planned, apiKey));
    } catch (error) {
      addApiError(diagnostics, error, "update the tenant", type);
      return null;
    }
  },

  async delete(state, ctx, diagnostics) {
    if (state.deletion_protection) {
      diagnostics.error(
        "Deletion protection is on",
        `Tenant "${state.name}" has deletion_protection = true. Set it to false and apply, then destroy it. Destroying a tenant deletes its environments, users, invitations and API tokens for good.`,
        [{ attribute: "deletion_protection" }],
      );
      return;
    }
    try {
      await ctx.client.tenants.delete(idOf(state, "tenant"));
    } catch (error) {
      if (error instanceof NotFoundError) return;
      addApiError(diagnostics, error, "delete the tenant", type);
    }
  },

  async importState(id, ctx, diagnostics) {
    try {
      return toState(await ctx.client.tenants.get(id), { api_key: null, api_key_rotation: null, deletion_protection: true });
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      addApiError(diagnostics, error, "import the tenant", type);
      return null;
    }
  },
});
