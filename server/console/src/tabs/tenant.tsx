/**
 * The tenant: its details, checked with the SDK's own rules as you type and again on save.
 * Read-only tenants, and people who may not change settings, see the form disabled with the reason.
 */
import { schemas, validate, type Tenant, type TenantUpdate } from "@callplane/sdk";
import { useState } from "preact/hooks";
import { Callout, ConfirmDialog, FormError, Loading, SecretDialog, TextField, useLoad, useNotify } from "../components.js";
import { formatDate } from "../format.js";
import { describeError, fieldErrorsOf, useSession } from "../session.js";

const FIELDS = ["name", "description", "phone", "billingEmail", "country", "street", "zipCode", "website", "timezone", "logoUrl"] as const;
type FieldName = (typeof FIELDS)[number];
type Values = Record<FieldName, string>;

/** Required fields stay strings; an emptied optional field is cleared (null). */
const REQUIRED: ReadonlySet<FieldName> = new Set(["name", "billingEmail"]);

function valuesOf(tenant: Tenant): Values {
  return Object.fromEntries(FIELDS.map((f) => [f, tenant[f] ?? ""])) as Values;
}

function bodyOf(values: Values): Record<FieldName, string | null> {
  return Object.fromEntries(FIELDS.map((f) => {
    const value = values[f].trim();
    return [f, value === "" && !REQUIRED.has(f) ? null : value];
  })) as Record<FieldName, string | null>;
}

function check(values: Values): Record<string, string> {
  const result = validate(schemas.TenantUpdate, bodyOf(values));
  return result.ok ? {} : Object.fromEntries(result.fieldErrors.map((f) => [f.path, f.message]));
}

export function TenantTab() {
  const { client, setTenant } = useSession();
  const { data: tenant, error, reload } = useLoad(() => client.tenant.get(), []);
  return (
    <section>
      <p class="lead">Your organisation's workspace: its details, plan limit and API key.</p>
      {error && <Callout kind="error">Could not load the tenant: {error}</Callout>}
      {!tenant && !error && <Loading what="the tenant" />}
      {tenant && <TenantForm key={tenant.etag ?? tenant.modifiedAt} tenant={tenant} etag={tenant.etag} onSaved={async () => { await reload(); }} onTenant={setTenant} />}
    </section>
  );
}

function TenantForm({ tenant, etag, onSaved, onTenant }: { tenant: Tenant; etag: string | undefined; onSaved: () => Promise<void>; onTenant: (t: Tenant) => void }) {
  const { client, canWrite, readOnlyReason } = useSession();
  const notify = useNotify();
  const [values, setValues] = useState<Values>(() => valuesOf(tenant));
  const [touched, setTouched] = useState<Set<FieldName>>(new Set());
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [rotate, setRotate] = useState<"confirm" | { apiKey: string }>();
  const disabled = !canWrite || tenant.readOnly;
  const reason = tenant.readOnly ? "This tenant is read-only: it cannot be edited from the console. Contact support to change it." : readOnlyReason;

  const errors = check(values);
  const shown = (field: FieldName) => (touched.has(field) ? errors[field] : undefined) ?? serverErrors[field];

  const set = (field: FieldName) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setTouched((t) => new Set(t).add(field));
    setServerErrors(({ [field]: _gone, ...rest }) => rest);
  };

  const save = async (e: Event) => {
    e.preventDefault();
    setTouched(new Set(FIELDS));
    setFormError(undefined);
    const invalid = FIELDS.find((f) => errors[f]);
    if (invalid) {
      document.querySelector<HTMLElement>(`[name="${invalid}"]`)?.focus();
      setFormError("Some fields need fixing before the tenant can be saved.");
      return;
    }
    const body = bodyOf(values);
    const patch = Object.fromEntries(FIELDS.filter((f) => body[f] !== tenant[f]).map((f) => [f, body[f]])) as TenantUpdate;
    if (Object.keys(patch).length === 0) {
      notify("success", "Nothing changed.");
      return;
    }
    setBusy(true);
    try {
      const saved = await client.tenant.update(patch, etag ? { ifMatch: etag } : undefined);
      onTenant(saved);
      notify("success", "Tenant saved.");
      await onSaved();
    } catch (failure) {
      setServerErrors(fieldErrorsOf(failure));
      setFormError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: FieldName, label: string, extra: Record<string, unknown> = {}) => (
    <TextField name={name} label={label} value={values[name]} onValue={set(name)} error={shown(name)} {...extra} />
  );

  return (
    <>
      {tenant.readOnly && <Callout kind="warning"><strong>Read-only tenant.</strong> {reason}</Callout>}
      <dl class="facts">
        <div><dt>Tenant ID</dt><dd><code>{tenant.id}</code></dd></div>
        <div><dt>Plan limit</dt><dd>{tenant.planLimit} concurrent calls</dd></div>
        <div><dt>Tenant API key</dt><dd><code>{tenant.apiKeyMasked}</code>{!disabled && <button type="button" class="link" onClick={() => setRotate("confirm")}>Rotate</button>}</dd></div>
        <div><dt>Created</dt><dd>{formatDate(tenant.createdAt)}</dd></div>
        <div><dt>Modified</dt><dd>{formatDate(tenant.modifiedAt)}</dd></div>
      </dl>
      <form onSubmit={save} noValidate aria-label="Edit tenant">
        <fieldset disabled={disabled} title={disabled ? reason : undefined}>
          <legend>Edit tenant</legend>
          <div class="grid">
            {field("name", "Name", { required: true, hint: "At least 3 characters.", autoComplete: "organization" })}
            {field("billingEmail", "Billing email", { required: true, type: "email", autoComplete: "email" })}
            {field("phone", "Phone", { type: "tel", hint: "7 to 15 digits, with an optional leading +.", autoComplete: "tel" })}
            {field("website", "Website", { type: "url", hint: "Starts with http:// or https://.", autoComplete: "url" })}
            {field("country", "Country", { autoComplete: "country-name" })}
            {field("street", "Street", { autoComplete: "street-address" })}
            {field("zipCode", "ZIP code", { hint: "3 to 10 characters.", autoComplete: "postal-code" })}
            {field("timezone", "Timezone", { list: "tenant-timezones", hint: "An IANA name such as Europe/Berlin.", autoComplete: "off" })}
            {field("logoUrl", "Logo URL", { type: "url", hint: "Starts with http:// or https://." })}
            {field("description", "Description")}
          </div>
          <datalist id="tenant-timezones">
            {(typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []).map((z) => <option key={z} value={z} />)}
          </datalist>
          <FormError message={formError} />
          <div class="form-actions">
            <button type="submit" class="primary" disabled={busy}>Save tenant</button>
          </div>
        </fieldset>
      </form>
      {rotate === "confirm" && (
        <ConfirmDialog
          title="Rotate the tenant API key?"
          confirmLabel="Rotate key"
          onClose={() => setRotate(undefined)}
          onConfirm={async () => {
            try {
              const rotated = await client.tenant.rotateApiKey();
              setRotate({ apiKey: rotated.apiKey });
            } catch (failure) {
              throw new Error(describeError(failure));
            }
          }}
        >
          <p>The current key (<code>{tenant.apiKeyMasked}</code>) stops working at once, for every script and pipeline that uses it. The new key is shown once.</p>
        </ConfirmDialog>
      )}
      {rotate && rotate !== "confirm" && (
        <SecretDialog title="New tenant API key" label="Tenant API key" secret={rotate.apiKey} onClose={() => { setRotate(undefined); void onSaved(); }} />
      )}
    </>
  );
}
