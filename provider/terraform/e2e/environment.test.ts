import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TOKEN, useTerraform, shortcuts } from "./terraform.js";

const ws = useTerraform();
const { stateOf } = shortcuts(ws);

const environments = (production: string, extra = "") => `
resource "callplane_environment" "production" {
  name                 = "production"
  max_concurrent_calls = ${production}
  deletion_protection  = false
  ${extra}
}
resource "callplane_environment" "staging" {
  name                 = "staging"
  hidden               = true
  deletion_protection  = false
}
`;

// A lifecycle on one workspace, step by step like terraform-plugin-testing's TestSteps: each
// test starts from the state the one before left, so the order is part of the test.
describe("callplane_environment with real Terraform", { shuffle: false }, () => {
  it("creates environments, then plans no changes", async () => {
    ws.config(environments("20"));
    const apply = await ws.terraform(["apply", "-auto-approve", "-input=false"]);
    expect(apply.code, apply.output).toBe(0);
    expect(apply.output).toContain("Apply complete! Resources: 2 added");
    const live = await ws.sdk.environments.list({ includeHidden: true }).toArray();
    expect(live.map((e) => [e.name, e.maxConcurrentCalls, e.hidden])).toEqual(expect.arrayContaining([["production", 20, false], ["staging", 0, true]]));
    const plan = await ws.terraform(["plan", "-detailed-exitcode", "-input=false"]);
    expect(plan.code, plan.output).toBe(0);
    expect(plan.output).not.toContain("inconsistent");
  });

  it("updates in place", async () => {
    ws.config(environments("25"));
    const apply = await ws.terraform(["apply", "-auto-approve", "-input=false"]);
    expect(apply.code, apply.output).toBe(0);
    expect(apply.output).toContain("1 changed");
    const state = await stateOf("callplane_environment.production");
    expect((await ws.sdk.environments.get(state.id as string)).maxConcurrentCalls).toBe(25);
  });

  it("shows a change made by hand as drift (exit 2), and apply restores the declared value", async () => {
    const id = (await stateOf("callplane_environment.production")).id as string;
    await ws.sdk.environments.update(id, { maxConcurrentCalls: 7 });
    const plan = await ws.terraform(["plan", "-detailed-exitcode", "-input=false"]);
    expect(plan.code, plan.output).toBe(2);
    expect(plan.output).toMatch(/max_concurrent_calls\s+= 7 -> 25/);
    expect((await ws.terraform(["apply", "-auto-approve", "-input=false"])).code).toBe(0);
    expect((await ws.sdk.environments.get(id)).maxConcurrentCalls).toBe(25);
    expect((await ws.terraform(["plan", "-detailed-exitcode", "-input=false"])).code).toBe(0);
  });

  it("forgets an environment deleted by hand, and plans to create it again", async () => {
    const id = (await stateOf("callplane_environment.staging")).id as string;
    await ws.sdk.environments.delete(id);
    const plan = await ws.terraform(["plan", "-detailed-exitcode", "-input=false"]);
    expect(plan.code).toBe(2);
    expect(plan.output).toContain("callplane_environment.staging will be created");
    expect((await ws.terraform(["apply", "-auto-approve", "-input=false"])).code).toBe(0);
  });

  it("rotates the API key when the keeper changes, and keeps the key out of the output", async () => {
    const before = await stateOf("callplane_environment.production");
    ws.config(environments("25", `api_key_rotation = "2026-11"`));
    const apply = await ws.terraform(["apply", "-auto-approve", "-input=false"], { TF_LOG: "trace" });
    expect(apply.code, apply.output.slice(-2000)).toBe(0);
    const after = await stateOf("callplane_environment.production");
    expect(after.api_key).toMatch(/^cpk_/);
    expect(after.api_key).not.toBe(before.api_key);
    expect(apply.output).not.toContain(after.api_key as string);
    expect(apply.output).not.toContain(TOKEN);
    expect(after.api_key_masked).toBe(`cpk_…${(after.api_key as string).slice(-4)}`);
  });

  it("puts invalid input on the attribute, before anything is changed", async () => {
    ws.config(environments("25") + `
resource "callplane_environment" "bad" {
  name                 = "bad name!"
  max_concurrent_calls = -1
}
`);
    const plan = await ws.terraform(["plan", "-input=false"]);
    expect(plan.code).toBe(1);
    expect(plan.output).toMatch(/name: must start with a letter or digit/);
    expect(plan.output).toMatch(/max_concurrent_calls: must be between 0 and 1000000/);
    expect(plan.output).toContain('resource "callplane_environment" "bad"');
  });

  it("refuses an allocation above what the plan has left, with a diagnostic on the attribute", async () => {
    ws.config(environments("25") + `
resource "callplane_environment" "greedy" {
  name                 = "greedy"
  max_concurrent_calls = 39
  deletion_protection  = false
}
`);
    const apply = await ws.terraform(["apply", "-auto-approve", "-input=false"]);
    expect(apply.code).toBe(1);
    expect(apply.output).toContain("max_concurrent_calls: only 15 of the plan limit (40) is available");
    expect(apply.output).not.toContain("inconsistent result");
  });

  it("imports an environment made elsewhere, by id", async () => {
    const made = await ws.sdk.environments.create({ name: "imported", maxConcurrentCalls: 1, deletionProtection: false });
    ws.config(environments("25") + `
import {
  to = callplane_environment.imported
  id = "${made.id}"
}
resource "callplane_environment" "imported" {
  name                 = "imported"
  max_concurrent_calls = 1
  deletion_protection  = false
}
`);
    const plan = await ws.terraform(["plan", "-detailed-exitcode", "-input=false"]);
    expect(plan.output).toContain("1 to import, 0 to add, 0 to change, 0 to destroy");
    expect((await ws.terraform(["apply", "-auto-approve", "-input=false"])).code).toBe(0);
    expect((await stateOf("callplane_environment.imported")).id).toBe(made.id);
    expect((await ws.terraform(["plan", "-detailed-exitcode", "-input=false"])).code).toBe(0);
  });

  it("imports with the terraform import command", async () => {
    ws.config(environments("25"));
    expect((await ws.terraform(["apply", "-auto-approve", "-input=false"])).code).toBe(0);
    const made = await ws.sdk.environments.create({ name: "cli-import", maxConcurrentCalls: 0, deletionProtection: false });
    ws.config(environments("25") + `
resource "callplane_environment" "cli" {
  name                = "cli-import"
  deletion_protection = false
}
`);
    const imported = await ws.terraform(["import", "-input=false", "callplane_environment.cli", made.id]);
    expect(imported.code, imported.output).toBe(0);
    expect(imported.output).toContain("Import successful!");
    expect((await stateOf("callplane_environment.cli")).id).toBe(made.id);
    expect((await ws.terraform(["plan", "-detailed-exitcode", "-input=false"])).code).toBe(0);
    const missing = await ws.terraform(["import", "-input=false", "callplane_environment.cli", "env_missing"]);
    expect(missing.code).toBe(1);
    ws.config(environments("25"));
    expect((await ws.terraform(["apply", "-auto-approve", "-input=false"])).code).toBe(0);
  });

  it("writes the configuration of an imported environment with -generate-config-out", async () => {
    const made = await ws.sdk.environments.create({ name: "generated", maxConcurrentCalls: 2, hidden: true, deletionProtection: false });
    ws.config(environments("25") + `
import {
  to = callplane_environment.generated
  id = "${made.id}"
}
`);
    rmSync(join(ws.dir, "generated.tf"), { force: true });
    const plan = await ws.terraform(["plan", "-input=false", "-generate-config-out=generated.tf"]);
    expect(plan.code, plan.output).toBe(0);
    const generated = readFileSync(join(ws.dir, "generated.tf"), "utf8");
    expect(generated).toContain('resource "callplane_environment" "generated"');
    expect(generated).toMatch(/name\s+= "generated"/);
    expect(generated).toMatch(/hidden\s+= true/);
    expect(generated).not.toContain("cpk_");
    expect((await ws.terraform(["apply", "-auto-approve", "-input=false"])).code).toBe(0);
    expect((await ws.terraform(["plan", "-detailed-exitcode", "-input=false"])).code).toBe(0);
    rmSync(join(ws.dir, "generated.tf"));
    await ws.terraform(["state", "rm", "callplane_environment.generated"]);
    await ws.sdk.environments.delete(made.id);
  });

  it("plans with a read-only token, and fails the apply with a clear permission error", async () => {
    const readOnly = await ws.sdk.apiTokens.create({ name: "reviewer", scope: "read" });
    ws.config(environments("24"));
    const plan = await ws.terraform(["plan", "-detailed-exitcode", "-input=false"], { CALLPLANE_TOKEN: readOnly.token });
    expect(plan.code, plan.output).toBe(2);
    const apply = await ws.terraform(["apply", "-auto-approve", "-input=false"], { CALLPLANE_TOKEN: readOnly.token });
    expect(apply.code).toBe(1);
    expect(apply.output).toContain("Permission denied");
    expect(apply.output).toContain("read scope");
    expect(apply.output).not.toContain(readOnly.token);
    ws.config(environments("25"));
  });

  it("will not destroy an environment with deletion protection, and says how", async () => {
    ws.config(environments("25") + `
resource "callplane_environment" "kept" {
  name = "kept"
}
`);
    expect((await ws.terraform(["apply", "-auto-approve", "-input=false"])).code).toBe(0);
    ws.config(environments("25"));
    const apply = await ws.terraform(["apply", "-auto-approve", "-input=false"]);
    expect(apply.code).toBe(1);
    expect(apply.output).toContain("Deletion protection is on");
    expect((await ws.sdk.environments.list().toArray()).map((e) => e.name)).toContain("kept");
  });

  it("destroys what it manages", async () => {
    ws.config(environments("25") + `
resource "callplane_environment" "kept" {
  name                = "kept"
  deletion_protection = false
}
`);
    expect((await ws.terraform(["apply", "-auto-approve", "-input=false"])).code).toBe(0);
    const destroy = await ws.terraform(["destroy", "-auto-approve", "-input=false"]);
    expect(destroy.code, destroy.output).toBe(0);
    const names = (await ws.sdk.environments.list({ includeHidden: true }).toArray()).map((e) => e.name);
    expect(names).toEqual(["default"]);
  });
});
