/**
 * The live-tenant count: a plan that removes one of two admins, where the other admin exists only
 * in the tenant (the server's bootstrap admin, which no resource manages). With a token the
 * policy counts that admin; from the plan alone it cannot, and says so.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { shortcuts, useTerraform } from "../../terraform/e2e/terraform.js";
import { callplane, planJson } from "./callplane.js";

const ws = useTerraform();
const { apply } = shortcuts(ws);
const OPS = `
resource "callplane_user" "ops" {
  name             = "Olivia Ops"
  email            = "ops@acme.test"
  role             = "admin"
  initial_password = "correct-horse-battery-9"
}
`;
let removal: string;

beforeAll(async () => {
  ws.config(OPS);
  const applied = await apply();
  if (applied.code !== 0) throw new Error(applied.output);
  ws.config("");
  removal = await planJson(ws, "remove-ops");
}, 120_000);

const policy = (minimum: number) => {
  const file = join(ws.dir, `min-${minimum}.yaml`);
  writeFileSync(file, `version: 1\nrules:\n  min_admins: ${minimum}\n`);
  return file;
};

describe("min_admins with the live tenant", () => {
  it("with a token: the live-only admin is counted, so one admin is enough and two are not", async () => {
    const users = (await ws.sdk.users.list().toArray()).filter((u) => u.role === "admin").map((u) => u.email).sort();
    expect(users).toEqual(["admin@callplane.local", "ops@acme.test"]);

    const one = await callplane(ws, ["policy", removal, "--policy", policy(1), "--format", "json"]);
    expect(one.code, one.stdout + one.stderr).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({ passed: true, notes: [] });

    const two = await callplane(ws, ["policy", removal, "--policy", policy(2), "--format", "json"]);
    expect(two.code).toBe(3);
    expect(JSON.parse(two.stdout).violations).toEqual([
      expect.objectContaining({ rule: "min_admins", resource: "callplane_user.ops", values: { admins_after: 1, minimum: 2, admins: ["admin@callplane.local"], removed: ["ops@acme.test"] } }),
    ]);
  });

  it("without a token: only the plan counts, so the removal leaves no admin, and the output says why", async () => {
    const result = await callplane(ws, ["policy", removal, "--policy", policy(1)], { withToken: false });
    expect(result.code).toBe(3);
    expect(result.stdout).toContain("- ❌ **min_admins** — `callplane_user.ops` (main.tf): 0 admins after the plan, at least 1 required; this change removes admin ops@acme.test.");
    expect(result.stdout).toContain("> min_admins: counted from the plan alone: admins that no resource manages are not counted (set CALLPLANE_TOKEN to count them)");
  });
});
