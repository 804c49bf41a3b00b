import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useTerraform, shortcuts } from "./terraform.js";

const ws = useTerraform();
const { stateOf, apply, plan } = shortcuts(ws);

const settings = (fields: Record<string, string>) => `
resource "callplane_tenant_settings" "this" {
${Object.entries(fields).map(([name, value]) => `  ${name} = ${JSON.stringify(value)}`).join("\n")}
}
`;

const DECLARED = {
  name: "Acme Voice GmbH",
  billing_email: "billing@acme.test",
  phone: "+4930123456",
  timezone: "Europe/Berlin",
  website: "https://acme.test",
};

// A lifecycle on one workspace, step by step like terraform-plugin-testing's TestSteps: each
// test starts from the state the one before left, so the order is part of the test.
describe("callplane_tenant_settings with real Terraform", { shuffle: false }, () => {
  it("adopts the existing tenant, changing only the configured settings, then plans no changes", async () => {
    const before = await ws.sdk.tenant.get();
    ws.config(settings(DECLARED));
    const applied = await apply();
    expect(applied.code, applied.output).toBe(0);
    expect(applied.output).toContain("Apply complete! Resources: 1 added");
    const live = await ws.sdk.tenant.get();
    expect(live).toMatchObject({ id: before.id, name: "Acme Voice GmbH", billingEmail: "billing@acme.test", phone: "+4930123456", timezone: "Europe/Berlin", website: "https://acme.test" });
    // Not configured: left as it was, and shown in the state.
    expect(live.planLimit).toBe(before.planLimit);
    const state = await stateOf("callplane_tenant_settings.this");
    expect(state).toMatchObject({ id: before.id, plan_limit: 40, read_only: false, country: before.country });
    const again = await plan();
    expect(again.code, again.output).toBe(0);
    expect(again.output).not.toContain("inconsistent");
  });

  it("updates the changed settings in place", async () => {
    ws.config(settings({ ...DECLARED, phone: "+4940987654", street: "Hauptstraße 1", zip_code: "10115" }));
    const applied = await apply();
    expect(applied.code, applied.output).toBe(0);
    expect(applied.output).toContain("0 added, 1 changed, 0 destroyed");
    expect(await ws.sdk.tenant.get()).toMatchObject({ phone: "+4940987654", street: "Hauptstraße 1", zipCode: "10115", name: "Acme Voice GmbH" });
    expect((await plan()).code).toBe(0);
  });

  it("shows a setting changed by hand as drift (exit 2), and apply restores it", async () => {
    await ws.sdk.tenant.update({ name: "Renamed in the console", street: "Elsewhere 5" });
    const drift = await plan();
    expect(drift.code, drift.output).toBe(2);
    expect(drift.output).toMatch(/name\s+= "Renamed in the console" -> "Acme Voice GmbH"/);
    expect(drift.output).toMatch(/street\s+= "Elsewhere 5" -> "Hauptstraße 1"/);
    expect((await apply()).code).toBe(0);
    expect(await ws.sdk.tenant.get()).toMatchObject({ name: "Acme Voice GmbH", street: "Hauptstraße 1" });
    expect((await plan()).code).toBe(0);
  });

  it("does not manage settings left unset: a change by hand there is no drift", async () => {
    ws.config(settings({ ...DECLARED, phone: "+4940987654", zip_code: "10115" })); // street no longer set
    expect((await plan()).code).toBe(0);
    await ws.sdk.tenant.update({ country: "Germany", street: "Neue Straße 2" });
    const unmanaged = await plan();
    expect(unmanaged.code, unmanaged.output).toBe(0);
    expect((await apply()).code).toBe(0);
    expect(await ws.sdk.tenant.get()).toMatchObject({ country: "Germany", street: "Neue Straße 2" });
    expect(await stateOf("callplane_tenant_settings.this")).toMatchObject({ country: "Germany", street: "Neue Straße 2" });
  });

  it("puts an invalid phone or website on the attribute at plan time, and changes nothing", async () => {
    const before = await ws.sdk.tenant.get();
    ws.config(settings({ ...DECLARED, phone: "call us", website: "acme.test" }));
    const planned = await ws.terraform(["plan", "-input=false"]);
    expect(planned.code).toBe(1);
    expect(planned.output).toContain("Invalid phone");
    expect(planned.output).toMatch(/phone: must be 7 to 15 digits with an optional leading \+/);
    expect(planned.output).toContain("Invalid website");
    expect(planned.output).toMatch(/website: must start with http:\/\/ or https:\/\//);
    expect(planned.output).toContain('resource "callplane_tenant_settings" "this"');
    expect(planned.output).toMatch(/phone\s+= "call us"/); // the source line Terraform points at
    expect(await ws.sdk.tenant.get()).toEqual(before);
  });

  it("imports the tenant by its id", async () => {
    ws.config(settings({ ...DECLARED, phone: "+4940987654", zip_code: "10115" }));
    const tenant = await ws.sdk.tenant.get();
    expect((await ws.terraform(["state", "rm", "callplane_tenant_settings.this"])).code).toBe(0);
    ws.config(settings({ ...DECLARED, phone: "+4940987654", zip_code: "10115" }) + `
import {
  to = callplane_tenant_settings.this
  id = "${tenant.id}"
}
`);
    const planned = await plan();
    expect(planned.output).toContain("1 to import, 0 to add, 0 to change, 0 to destroy");
    expect((await apply()).code).toBe(0);
    expect((await stateOf("callplane_tenant_settings.this")).id).toBe(tenant.id);
    expect((await plan()).code).toBe(0);
  });

  it("destroy only forgets the settings: the tenant is left exactly as it was", async () => {
    ws.config(settings({ ...DECLARED, phone: "+4940987654", zip_code: "10115" }));
    const before = await ws.sdk.tenant.get();
    const destroyed = await ws.terraform(["destroy", "-auto-approve", "-input=false"]);
    expect(destroyed.code, destroyed.output).toBe(0);
    expect(destroyed.output).toContain("Resources: 1 destroyed");
    const after = await ws.sdk.tenant.get();
    expect(after).toEqual(before); // modifiedAt included: nothing was written
    expect(after.etag).toBe(before.etag);
    expect(await stateOf("callplane_tenant_settings.this")).toBeUndefined();
  });

  it("refuses to plan changes to a read-only tenant, with a clear error", async () => {
    // A second tenant, read-only, with its own API key (as a platform administrator would make).
    const apiKey = "cpk_readonly_e2e_0123456789abcdef0123456789";
    const now = new Date().toISOString();
    ws.server.store.insertTenant({
      id: "ten_readonly_e2e", name: "Frozen Corp", description: null, phone: null, billingEmail: "billing@frozen.test",
      country: null, street: null, zipCode: null, website: null, timezone: "UTC", logoUrl: null, planLimit: 10, readOnly: true,
      apiKeyHash: createHash("sha256").update(apiKey).digest("hex"), apiKeyMasked: `cpk_…${apiKey.slice(-4)}`, now,
    });
    ws.config(settings({ name: "Thawed Corp", billing_email: "billing@frozen.test" }));
    const planned = await ws.terraform(["plan", "-input=false"], { CALLPLANE_TOKEN: apiKey });
    expect(planned.code).toBe(1);
    expect(planned.output).toContain("The tenant is read-only");
    expect(planned.output).toContain('Tenant "Frozen Corp" (ten_readonly_e2e) is read-only');
    expect(planned.output).toContain("would change name");
    expect(ws.server.store.getTenant("ten_readonly_e2e")?.value.name).toBe("Frozen Corp");
    // Adopting it unchanged is fine: there is nothing to write.
    ws.config(settings({ name: "Frozen Corp", billing_email: "billing@frozen.test" }));
    const adopted = await ws.terraform(["apply", "-auto-approve", "-input=false"], { CALLPLANE_TOKEN: apiKey });
    expect(adopted.code, adopted.output).toBe(0);
    expect(await stateOf("callplane_tenant_settings.this")).toMatchObject({ id: "ten_readonly_e2e", read_only: true });
  });
});
