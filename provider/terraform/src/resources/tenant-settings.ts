/**
 * `callplane_tenant_settings`: the settings of the provider's own tenant. A singleton: creating
 * it adopts the tenant that exists, destroying it only forgets it.
 */
import { schemas, type Tenant, type TenantUpdate } from "@callplane/sdk";
import type { Diagnostics } from "../framework/diagnostics.js";
import type { Draft, Model, Planned } from "../framework/model.js";
import { useStateForUnknown } from "../framework/plan-modifiers.js";
import { defineSchema, objectTypeOf } from "../framework/schema.js";
import { t } from "../values/index.js";
import { addApiError, callplaneResource, matchesApiRule, type CallplaneContext } from "./callplane-api.js";
import { liveTenant } from "./live.js";

const UNSET_KEEPS = "Leave it unset to keep whatever the tenant has (Terraform then does not manage it); removing it from the configuration later also keeps the current value.";

/** An optional setting: managed when set, otherwise the live value is only shown. */
const setting = (description: string, rule: Parameters<typeof matchesApiRule>[0]) => ({
  type: t.string, optional: true, computed: true, description: `${description} ${UNSET_KEEPS}`,
  validators: [matchesApiRule(rule)], planModifiers: [useStateForUnknown()],
}) as const;

const schema = defineSchema({
  version: 0,
  description: [
    "The settings of the tenant the provider's credential belongs to (organisation name, contact and billing details, time zone, logo).",
    "",
    "There is exactly one tenant per credential, so this resource is a singleton: **creating it adopts the existing tenant** and changes only the settings you configure, and **destroying it only removes it from the Terraform state** — the tenant and its settings stay as they are. Declare it at most once per tenant.",
    "",
    "Optional settings you leave unset are not managed: Terraform shows the live value but never changes it. Read-only tenants refuse every change; a plan that would change one fails with an error.",
    "",
    "Import it with any id, for example the tenant's id: `terraform import callplane_tenant_settings.this ten_0123abcd`.",
  ].join("\n"),
  attributes: {
    id: { type: t.string, computed: true, description: "The tenant's id.", planModifiers: [useStateForUnknown()] },
    name: { type: t.string, required: true, description: "The organisation's name, 3 to 100 characters.", validators: [matchesApiRule(schemas.TenantName)] },
    billing_email: { type: t.string, required: true, description: "Where invoices go: a valid email address.", validators: [matchesApiRule(schemas.Email)] },
    description: setting("A short description of the organisation, at most 500 characters.", schemas.TenantDescription),
    phone: setting("Contact phone number: 7 to 15 digits with an optional leading `+`, e.g. `+4930123456`.", schemas.Phone),
    country: setting("The country, at most 100 characters.", schemas.Country),
    street: setting("The street address, at most 200 characters.", schemas.Street),
    zip_code: setting("The postal code, 3 to 10 characters.", schemas.ZipCode),
    website: setting("The company website; must start with `http://` or `https://`.", schemas.Website),
    timezone: setting("The tenant's time zone, an IANA name such as `Europe/Berlin` or `UTC`.", schemas.TimeZone),
    logo_url: setting("The URL of the organisation's logo; must start with `http://` or `https://`.", schemas.LogoUrl),
    plan_limit: {
      type: t.number, computed: true, planModifiers: [useStateForUnknown()],
      description: "The most concurrent calls the tenant's plan allows, shared by all environments (see `callplane_concurrency_split`). Set by the platform, not here.",
    },
    read_only: {
      type: t.bool, computed: true, planModifiers: [useStateForUnknown()],
      description: "Whether the tenant is read-only. Read-only tenants refuse every change; set by a platform administrator.",
    },
  },
});
const type = objectTypeOf(schema);

/** Terraform attribute → API field, for the settings this resource writes. */
const FIELDS = [
  ["name", "name"], ["billing_email", "billingEmail"], ["description", "description"], ["phone", "phone"], ["country", "country"],
  ["street", "street"], ["zip_code", "zipCode"], ["website", "website"], ["timezone", "timezone"], ["logo_url", "logoUrl"],
] as const satisfies ReadonlyArray<readonly [keyof TenantSettingsModel, keyof TenantUpdate & keyof Tenant]>;

type TenantSettingsModel = Model<typeof schema>;

function toState(tenant: Tenant): TenantSettingsModel {
  return {
    id: tenant.id, name: tenant.name, billing_email: tenant.billingEmail, description: tenant.description, phone: tenant.phone,
    country: tenant.country, street: tenant.street, zip_code: tenant.zipCode, website: tenant.website, timezone: tenant.timezone,
    logo_url: tenant.logoUrl, plan_limit: tenant.planLimit, read_only: tenant.readOnly,
  };
}

/** The tenant, read once per refresh and shared with every other reader of the tenant. */

/** The configured settings that differ from `current`: what a PATCH must send. */
function changes(planned: Planned<typeof schema> | Draft<typeof schema>, current: TenantSettingsModel): TenantUpdate {
  const patch: TenantUpdate = {};
  for (const [attribute, field] of FIELDS) {
    const value = planned[attribute];
    // Unset (null) or not yet known: not managed, so not sent.
    if (typeof value !== "string") continue;
    if (value !== current[attribute]) patch[field] = value;
  }
  return patch;
}

function readOnlyError(diagnostics: Diagnostics, tenant: Tenant, patch: TenantUpdate): void {
  const fields = Object.keys(patch).map((f) => f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
  diagnostics.error(
    "The tenant is read-only",
    `Tenant "${tenant.name}" (${tenant.id}) is read-only, so its settings cannot be changed (this plan would change ${fields.join(", ")}). ` +
      "Ask a platform administrator to make the tenant writable, or make the configuration match the current settings.",
    [{ attribute: "read_only" }],
  );
}

/** Sends the configured settings that differ from the live tenant; nothing when none do. */
async function applySettings(planned: Planned<typeof schema>, ctx: CallplaneContext, diagnostics: Diagnostics, action: string): Promise<TenantSettingsModel | null> {
  try {
    const tenant = await ctx.client.tenant.get();
    const patch = changes(planned, toState(tenant));
    if (Object.keys(patch).length === 0) return toState(tenant);
    if (tenant.readOnly) {
      readOnlyError(diagnostics, tenant, patch);
      return null;
    }
    return toState(await ctx.client.tenant.update(patch, { ifMatch: tenant.etag }));
  } catch (error) {
    addApiError(diagnostics, error, action, type);
    return null;
  }
}

export const tenantSettingsResource = callplaneResource({
  typeName: "callplane_tenant_settings",
  schema,

  async modifyPlan(planned, prior, ctx, diagnostics) {
    // Fail at plan time, not halfway through an apply, when the tenant cannot be changed.
    let tenant: Tenant;
    try {
      tenant = await liveTenant(ctx);
    } catch (error) {
      addApiError(diagnostics, error, "read the tenant", type);
      return;
    }
    const patch = changes(planned, prior ?? toState(tenant));
    if (tenant.readOnly && Object.keys(patch).length > 0) readOnlyError(diagnostics, tenant, patch);
  },

  create(planned, ctx, diagnostics) {
    return applySettings(planned, ctx, diagnostics, "adopt the tenant settings");
  },

  async read(_state, ctx, diagnostics) {
    try {
      return toState(await liveTenant(ctx));
    } catch (error) {
      addApiError(diagnostics, error, "read the tenant settings", type);
      return null;
    }
  },

  update(planned, _prior, ctx, diagnostics) {
    return applySettings(planned, ctx, diagnostics, "update the tenant settings");
  },

  async delete() {
    // Forgetting is all: the tenant outlives its settings in Terraform, and nothing is reset.
  },

  async importState(_id, ctx, diagnostics) {
    try {
      return toState(await ctx.client.tenant.get());
    } catch (error) {
      addApiError(diagnostics, error, "import the tenant settings", type);
      return null;
    }
  },
});
