/** `callplane plan-summary` on plans made by real Terraform with the real provider and server. */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { quickstartResources, shortcuts, useTerraform } from "../../terraform/e2e/terraform.js";
import { callplane, planJson } from "./callplane.js";

const ws = useTerraform();
const { apply } = shortcuts(ws);
const base = () => quickstartResources();

beforeAll(async () => {
  ws.config(base());
  const applied = await apply();
  if (applied.code !== 0) throw new Error(applied.output);
}, 120_000);

// Steps on one applied workspace, each building on the state the previous one left: never shuffled.
describe("callplane plan-summary", { shuffle: false }, () => {
  it("says only 'No changes.' when the plan has none", async () => {
    const file = await planJson(ws, "clean");
    const result = await callplane(ws, ["plan-summary", file]);
    expect(result).toMatchObject({ code: 0, stdout: "No changes.\n" });
  });

  it("shows capacity moving between environments as a budget table against the plan limit", async () => {
    ws.config(base().replace("max_concurrent_calls = 20", "max_concurrent_calls = 14").replace(/(staging\.id, max_concurrent_calls = )10/, "$116"));
    const result = await callplane(ws, ["plan-summary", await planJson(ws, "move")]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("## Callplane plan: 1 to update");
    expect(result.stdout).toContain("### Concurrency budget (plan limit 40)");
    expect(result.stdout).toMatch(/\| production \| 20 \| 14 \| −6 \|/);
    expect(result.stdout).toMatch(/\| staging \| 10 \| 16 \| \+6 \|/);
    expect(result.stdout).toMatch(/\| sandbox \| 10 \| 10 \|/);
    expect(result.stdout).toContain("| **Total** | **40 of 40** | **40 of 40** |");
    expect(result.stdout).not.toContain("Changed outside Terraform");

    const json = JSON.parse((await callplane(ws, ["plan-summary", "--format", "json", `${ws.dir}/move.json`])).stdout);
    expect(json.budget).toMatchObject({ planLimit: 40, totalBefore: 40, totalAfter: 40, leftAfter: 0, overLimit: false });
    expect(json.counts).toEqual({ create: 0, update: 1, replace: 0, destroy: 0, forget: 0 });
  });

  it("flags anyone becoming admin and any admin losing the role", async () => {
    ws.config(base().replace(/"lee@acme.test"\s*=\s*"member"/, '"lee@acme.test" = "admin"').replace(/"ops@acme.test"\s*=\s*"admin"/, '"ops@acme.test" = "viewer"'));
    const { stdout } = await callplane(ws, ["plan-summary", await planJson(ws, "roles")]);
    expect(stdout).toContain("### Roles and invitations");
    expect(stdout).toMatch(/\| lee@acme.test \| member \| admin \| ⚠️ \*\*becomes admin\*\*/);
    expect(stdout).toMatch(/\| ops@acme.test \| admin \| viewer \| ⚠️ \*\*admin demoted\*\*/);
    // Neither has accepted yet: their invitations are withdrawn and sent again with the new role.
    expect(stdout).toMatch(/Invitations sent: .*lee@acme.test \(admin\)/);
    expect(stdout).toMatch(/Invitations revoked: .*lee@acme.test \(member\)/);
  });

  it("keeps changes made outside Terraform apart from the intended ones", async () => {
    ws.config(base().replace('name = "production"', 'name = "production-eu"'));
    const staging = (await ws.sdk.environments.list()).data.find((e) => e.name === "staging")!;
    await ws.sdk.environments.update(staging.id, { maxConcurrentCalls: 4 });
    const { stdout } = await callplane(ws, ["plan-summary", await planJson(ws, "drift")]);
    const [intended, outside] = stdout.split("### Changed outside Terraform");
    expect(intended).toContain("**`callplane_environment.production`** (production-eu) — update");
    expect(intended).toMatch(/\| name \| `production` \| `production-eu` \|/);
    expect(outside).toContain("**`callplane_concurrency_split.this`** — changed");
    expect(outside).toMatch(/\| allocations\[`staging`\] \| `10` \| `4` \|/);
    expect(intended).toContain("see the last section");
    await ws.sdk.environments.update(staging.id, { maxConcurrentCalls: 10 });
  });

  it("never shows a sensitive value, even when an API key is rotated", async () => {
    ws.config(base().replace('name = "staging"', 'name = "staging"\n  api_key_rotation = "2026-11"'));
    const file = await planJson(ws, "rotate");
    const state = JSON.parse((await ws.terraform(["show", "-json"])).stdout);
    const keys = state.values.root_module.resources.filter((r: { type: string }) => r.type === "callplane_environment").map((r: { values: { api_key: string } }) => r.values.api_key);
    expect(keys.length).toBe(3);
    expect(readFileSync(file, "utf8")).toContain(keys[0]); // the input has them, the output must not
    for (const format of ["markdown", "json"]) {
      const { stdout } = await callplane(ws, ["plan-summary", "--format", format, file]);
      for (const key of keys) expect(stdout).not.toContain(key);
      expect(stdout).not.toMatch(/cpk_[0-9a-f]{20,}/);
    }
    const { stdout } = await callplane(ws, ["plan-summary", file]);
    expect(stdout).toMatch(/\| api_key_rotation \| `null` \| `2026-11` \|/);
    expect(stdout).toContain("Known after apply: `api_key`");
  });

  it("refuses input that is not a plan, naming what to run", async () => {
    const state = await ws.terraform(["show", "-json"]);
    const file = `${ws.dir}/state.json`;
    (await import("node:fs")).writeFileSync(file, state.stdout);
    const result = await callplane(ws, ["plan-summary", file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("is Terraform state, not a plan");
    expect(result.stdout).toBe("");
  });
});
