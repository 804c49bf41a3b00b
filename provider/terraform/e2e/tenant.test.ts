import { createCallplaneClient } from "@callplane/sdk";
import { describe, expect, it } from "vitest";
import { PLATFORM_TOKEN, shortcuts, useTerraform } from "./terraform.js";

const ws = useTerraform({ platform: true });
const { stateOf, apply, plan } = shortcuts(ws);

const platform = () => createCallplaneClient({ endpoint: ws.server.url, token: PLATFORM_TOKEN, source: "console" });
const withKey = (key: string) => createCallplaneClient({ endpoint: ws.server.url, token: key, source: "sdk", maxRetries: 0 });

const tenant = ({ planLimit = 25, phone = '"+12125550123"', rotation = "", protection = "" } = {}) => `
provider "callplane" {
  alias = "platform"
  token = "${PLATFORM_TOKEN}"
}

resource "callplane_tenant" "globex" {
  provider      = callplane.platform
  name          = "Globex Calling"
  billing_email = "finance@globex.test"
  plan_limit    = ${planLimit}
  phone         = ${phone}
  timezone      = "America/New_York"
${rotation}${protection}}
`;

// A lifecycle on one workspace, step by step: each test starts from the state the one before
// left, so the order is part of the test.
describe("callplane_tenant with real Terraform and the platform token", { shuffle: false }, () => {
  it("creates a tenant whose API key works, then plans no changes", async () => {
    ws.config(tenant());
    const applied = await apply();
    expect(applied.code, applied.output).toBe(0);
    const state = await stateOf("callplane_tenant.globex");
    expect(state).toMatchObject({ name: "Globex Calling", plan_limit: 25, read_only: false, phone: "+12125550123", country: null, deletion_protection: true });
    expect(state.api_key).toMatch(/^cpk_/);
    expect(applied.output).not.toContain(state.api_key as string);
    expect((await withKey(state.api_key as string).tenant.get()).id).toBe(state.id);
    expect((await plan()).code).toBe(0);
  });

  it("updates the plan limit and clears a field in place", async () => {
    const id = (await stateOf("callplane_tenant.globex")).id as string;
    ws.config(tenant({ planLimit: 60, phone: "null" }));
    const planned = await plan();
    expect(planned.code).toBe(2);
    expect(planned.output).toContain("callplane_tenant.globex will be updated in-place");
    expect(planned.output).toMatch(/plan_limit\s+= 25 -> 60/);
    const applied = await apply();
    expect(applied.code, applied.output).toBe(0);
    expect(await platform().tenants.get(id)).toMatchObject({ planLimit: 60, phone: null });
    expect((await plan()).code).toBe(0);
  });

  it("rotates the API key through api_key_rotation; the old key stops working", async () => {
    const before = await stateOf("callplane_tenant.globex");
    ws.config(tenant({ planLimit: 60, phone: "null", rotation: '  api_key_rotation = "2026-11"\n' }));
    const applied = await apply();
    expect(applied.code, applied.output).toBe(0);
    const after = await stateOf("callplane_tenant.globex");
    expect(after.api_key).not.toBe(before.api_key);
    await expect(withKey(before.api_key as string).tenant.get()).rejects.toMatchObject({ status: 401 });
    expect((await withKey(after.api_key as string).tenant.get()).id).toBe(after.id);
    expect((await plan()).code).toBe(0);
  });

  it("shows a read-only flag and a plan limit changed by hand as drift (exit 2), and apply sets them back", async () => {
    const id = (await stateOf("callplane_tenant.globex")).id as string;
    await platform().tenants.update(id, { readOnly: true, planLimit: 30 });
    const planned = await plan();
    expect(planned.code, planned.output).toBe(2);
    expect(planned.output).toMatch(/read_only\s+= true -> false/);
    expect(planned.output).toMatch(/plan_limit\s+= 30 -> 60/);
    expect((await apply()).code).toBe(0);
    expect(await platform().tenants.get(id)).toMatchObject({ readOnly: false, planLimit: 60 });
  });

  it("imports a tenant by id without its key, and plans no changes", async () => {
    const made = await platform().tenants.create({ name: "Initech Voice", billingEmail: "ap@initech.test", planLimit: 5 });
    ws.config(`${tenant({ planLimit: 60, phone: "null", rotation: '  api_key_rotation = "2026-11"\n' })}
resource "callplane_tenant" "initech" {
  provider      = callplane.platform
  name          = "Initech Voice"
  billing_email = "ap@initech.test"
  plan_limit    = 5
}
`);
    const imported = await ws.terraform(["import", "-input=false", "callplane_tenant.initech", made.id]);
    expect(imported.code, imported.output).toBe(0);
    expect(await stateOf("callplane_tenant.initech")).toMatchObject({ id: made.id, api_key: null, api_key_masked: made.apiKeyMasked });
    const planned = await plan();
    expect(planned.code, planned.output).toBe(0);
  });

  it("refuses to destroy while deletion_protection is on, then destroys with it off", async () => {
    const id = (await stateOf("callplane_tenant.globex")).id as string;
    const importedId = (await stateOf("callplane_tenant.initech")).id as string;
    ws.config(`provider "callplane" {
  alias = "platform"
  token = "${PLATFORM_TOKEN}"
}
`);
    const refused = await apply();
    expect(refused.code).toBe(1);
    expect(refused.output.replace(/\s+/g, " ")).toContain("Deletion protection is on");
    expect((await platform().tenants.get(id)).id).toBe(id);

    ws.config(`${tenant({ planLimit: 60, phone: "null", rotation: '  api_key_rotation = "2026-11"\n', protection: "  deletion_protection = false\n" })}
resource "callplane_tenant" "initech" {
  provider            = callplane.platform
  name                = "Initech Voice"
  billing_email       = "ap@initech.test"
  plan_limit          = 5
  deletion_protection = false
}
`);
    expect((await apply()).code).toBe(0);
    ws.config(`provider "callplane" {
  alias = "platform"
  token = "${PLATFORM_TOKEN}"
}
`);
    const destroyed = await apply();
    expect(destroyed.code, destroyed.output).toBe(0);
    expect(destroyed.output).toContain("2 destroyed");
    await expect(platform().tenants.get(id)).rejects.toMatchObject({ status: 404 });
    await expect(platform().tenants.get(importedId)).rejects.toMatchObject({ status: 404 });
  });
});
