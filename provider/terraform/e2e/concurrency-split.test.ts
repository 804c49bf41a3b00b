import { describe, expect, it } from "vitest";
import { useTerraform, shortcuts } from "./terraform.js";

const ws = useTerraform();
const { stateOf, plan } = shortcuts(ws);

/** Environments with `max_concurrent_calls` left unset: the split owns the values. */
const ENVIRONMENTS = ["production", "staging", "development"].map((name) => `
resource "callplane_environment" "${name}" {
  name                = "${name}"
  deletion_protection = false
}
`).join("");

type Allocation = [environment: string, calls: number | string];

const split = (allocations: Allocation[], extra = "") => `
resource "callplane_concurrency_split" "calls" {
  allocations = [
${allocations.map(([env, calls]) => `    { environment_id = ${env.includes(".") ? env : `callplane_environment.${env}.id`}, max_concurrent_calls = ${calls} },`).join("\n")}
  ]
  ${extra}
}
`;

const DEFAULT_SPLIT: Allocation[] = [["production", 20], ["staging", 10], ["development", 10]];

/** Every environment's live allocation, by name. */
async function liveSplit(): Promise<Record<string, number>> {
  const split = await ws.sdk.concurrency.get();
  return Object.fromEntries(split.allocations.map((a) => [a.environmentName, a.maxConcurrentCalls]));
}

async function idOf(name: string): Promise<string> {
  return (await stateOf(`callplane_environment.${name}`)).id as string;
}

/** Terraform wraps diagnostics to the terminal width: compare text with whitespace collapsed. */
const flat = (text: string) => text.replace(/\s+/g, " ");

const apply = (env?: Record<string, string>) => ws.terraform(["apply", "-auto-approve", "-input=false"], env);

// A lifecycle on one workspace, step by step like terraform-plugin-testing's TestSteps: each
// test starts from the state the one before left, so the order is part of the test.
describe("callplane_concurrency_split with real Terraform", { shuffle: false }, () => {
  it("splits 40 calls 20/10/10 over three environments created in the same apply", async () => {
    ws.config(ENVIRONMENTS + split(DEFAULT_SPLIT));
    const planned = await ws.terraform(["plan", "-input=false"]);
    expect(planned.code, planned.output).toBe(0);
    expect(planned.output).toContain("environment_id       = (known after apply)");
    expect(planned.output).toContain("4 to add");
    const applied = await apply();
    expect(applied.code, applied.output).toBe(0);
    expect(applied.output).toContain("Apply complete! Resources: 4 added");
    expect(await liveSplit()).toEqual({ default: 0, production: 20, staging: 10, development: 10 });
    const state = await stateOf("callplane_concurrency_split.calls");
    expect(state).toMatchObject({ plan_limit: 40, allocated: 40, available: 0, exclusive: false, id: (await ws.sdk.tenant.get()).id });
    const again = await plan();
    expect(again.code, again.output).toBe(0);
    expect(again.output).not.toContain("inconsistent");
  });

  it("plans no change when the allocations are only reordered", async () => {
    ws.config(ENVIRONMENTS + split([["development", 10], ["production", 20], ["staging", 10]]));
    const planned = await plan();
    expect(planned.code, planned.output).toBe(0);
    expect(planned.output).toContain("No changes.");
  });

  it("moves capacity 20/10/10 → 25/5/10 in one atomic call, where one environment at a time would exceed 40", async () => {
    // One at a time, production first, does not fit:
    await expect(ws.sdk.environments.update(await idOf("production"), { maxConcurrentCalls: 25 })).rejects.toThrow(/plan limit/);
    const since = new Date().toISOString();
    ws.config(ENVIRONMENTS + split([["production", 25], ["staging", 5], ["development", 10]]));
    const planned = await plan();
    expect(planned.code, planned.output).toBe(2);
    expect(planned.output).toMatch(/max_concurrent_calls\s+= 20 -> 25/);
    expect(planned.output).toMatch(/max_concurrent_calls\s+= 10 -> 5/);
    expect(planned.output).toContain("0 to add, 1 to change, 0 to destroy");
    const applied = await apply();
    expect(applied.code, applied.output).toBe(0);
    expect(await liveSplit()).toEqual({ default: 0, production: 25, staging: 5, development: 10 });
    const events = await ws.sdk.auditEvents.list({ since }).toArray();
    expect(events.map((e) => e.action)).toEqual(["concurrency.set"]);
    expect((await plan()).code).toBe(0);
  });

  it("fails at plan time when the allocations add up to more than the plan limit, and changes nothing", async () => {
    const before = await liveSplit();
    ws.config(ENVIRONMENTS + split([["production", 30], ["staging", 5], ["development", 10]]));
    const planned = await ws.terraform(["plan", "-input=false"]);
    expect(planned.code).toBe(1);
    expect(planned.output).toContain("Allocations exceed the plan limit");
    expect(flat(planned.output)).toContain("allocations: The allocations add up to 45 concurrent calls; the plan limit is 40. Nothing has been changed.");
    expect(planned.output).toContain('resource "callplane_concurrency_split" "calls"');
    const applied = await apply();
    expect(applied.code).toBe(1);
    expect(applied.output).not.toContain("Apply complete");
    expect(await liveSplit()).toEqual(before);
  });

  it("checks the numbers at plan time even while an environment id is unknown", async () => {
    ws.config(ENVIRONMENTS + `
resource "callplane_environment" "overflow" {
  name                = "overflow"
  deletion_protection = false
}
` + split([["production", 25], ["staging", 5], ["development", 10], ["overflow", 41]]));
    const planned = await ws.terraform(["plan", "-input=false"]);
    expect(planned.code).toBe(1);
    expect(planned.output).toContain("Allocation above the plan limit");
    expect(flat(planned.output)).toContain("allocations[3].max_concurrent_calls: 41 is more than the plan limit (40).");
    expect(flat(planned.output)).toContain("allocations: The allocations add up to 81 concurrent calls");
    expect((await ws.sdk.environments.list().toArray()).map((e) => e.name)).not.toContain("overflow");
  });

  it("shows an allocation changed by hand as drift (exit 2), and apply restores it", async () => {
    ws.config(ENVIRONMENTS + split([["production", 25], ["staging", 5], ["development", 10]]));
    await ws.sdk.concurrency.set({ allocations: [{ environmentId: await idOf("staging"), maxConcurrentCalls: 2 }] });
    const drift = await plan();
    expect(drift.code, drift.output).toBe(2);
    expect(drift.output).toMatch(/max_concurrent_calls\s+= 2 -> 5/);
    expect((await apply()).code).toBe(0);
    expect(await liveSplit()).toMatchObject({ staging: 5 });
    expect((await plan()).code).toBe(0);
  });

  it("leaves environments that are not listed alone unless exclusive", async () => {
    ws.config(ENVIRONMENTS + split([["production", 20], ["staging", 5], ["development", 10]]));
    expect((await apply()).code).toBe(0);
    await ws.sdk.concurrency.set({ allocations: [{ environmentId: (await ws.sdk.environments.list().toArray()).find((e) => e.name === "default")!.id, maxConcurrentCalls: 4 }] });
    const planned = await plan();
    expect(planned.code, planned.output).toBe(0);
    expect(await liveSplit()).toMatchObject({ default: 4 });
  });

  it("with exclusive = true, zeroes an environment that is not listed, and catches capacity given by hand later", async () => {
    const defaultId = (await ws.sdk.environments.list().toArray()).find((e) => e.name === "default")!.id;
    ws.config(ENVIRONMENTS + split([["production", 20], ["staging", 5], ["development", 10]], "exclusive = true"));
    const planned = await ws.terraform(["plan", "-input=false"]);
    expect(planned.code, planned.output).toBe(0);
    expect(planned.output).toMatch(/exclusive\s+= false -> true/);
    expect(planned.output).toContain("Environments not listed will get 0 concurrent calls");
    expect(flat(planned.output)).toContain(`apply sets these environments to 0: default (${defaultId}): 4 → 0.`);
    expect(planned.output).toMatch(/available\s+= 1 -> 5/);
    expect((await apply()).code).toBe(0);
    expect(await liveSplit()).toEqual({ default: 0, production: 20, staging: 5, development: 10 });
    expect((await plan()).code).toBe(0);

    // Capacity given outside Terraform is drift now.
    await ws.sdk.concurrency.set({ allocations: [{ environmentId: defaultId, maxConcurrentCalls: 3 }] });
    const drift = await plan();
    expect(drift.code, drift.output).toBe(2);
    expect(flat(drift.output)).toContain(`- { - environment_id = "${defaultId}" - max_concurrent_calls = 3 }`);
    expect((await apply()).code).toBe(0);
    expect(await liveSplit()).toMatchObject({ default: 0 });
    expect((await plan()).code).toBe(0);
  });

  it("reads the split with the callplane_concurrency data source", async () => {
    ws.config(ENVIRONMENTS + split([["production", 20], ["staging", 5], ["development", 10]], "exclusive = true") + `
data "callplane_concurrency" "now" {
  depends_on = [callplane_concurrency_split.calls]
}
output "available" { value = data.callplane_concurrency.now.available }
output "allocated" { value = data.callplane_concurrency.now.allocated }
output "plan_limit" { value = data.callplane_concurrency.now.plan_limit }
output "production" { value = one([for a in data.callplane_concurrency.now.allocations : a.max_concurrent_calls if a.environment_name == "production"]) }
output "names" { value = [for a in data.callplane_concurrency.now.allocations : a.environment_name] }
`);
    expect((await apply()).code).toBe(0);
    const outputs = JSON.parse((await ws.terraform(["output", "-json"])).stdout);
    expect(outputs.plan_limit.value).toBe(40);
    expect(outputs.allocated.value).toBe(35);
    expect(outputs.available.value).toBe(5);
    expect(outputs.production.value).toBe(20);
    expect([...outputs.names.value].sort()).toEqual(["default", "development", "production", "staging"]);
  });

  it("catches, before writing anything, capacity taken by hand between a saved plan and its apply", async () => {
    ws.config(ENVIRONMENTS + split([["production", 20], ["staging", 5], ["development", 10]]));
    expect((await apply()).code).toBe(0); // exclusive off again
    ws.config(ENVIRONMENTS + split([["production", 20], ["staging", 5], ["development", 15]]));
    const planFile = "split.tfplan";
    const planned = await ws.terraform(["plan", "-input=false", `-out=${planFile}`]);
    expect(planned.code, planned.output).toBe(0);
    // Meanwhile someone gives the default environment the room that was left.
    const defaultId = (await ws.sdk.environments.list().toArray()).find((e) => e.name === "default")!.id;
    await ws.sdk.concurrency.set({ allocations: [{ environmentId: defaultId, maxConcurrentCalls: 5 }] });
    try {
      const applied = await ws.terraform(["apply", "-input=false", planFile]);
      expect(applied.code).toBe(1);
      expect(flat(applied.output)).toContain(`allocations: The allocations add up to 40 concurrent calls, and environments not listed keep 5 (default (${defaultId}): 5): 45 in all; the plan limit is 40. Nothing has been changed.`);
      expect(applied.output).not.toContain("inconsistent");
      expect(await liveSplit()).toEqual({ default: 5, production: 20, staging: 5, development: 10 });
    } finally {
      await ws.sdk.concurrency.set({ allocations: [{ environmentId: defaultId, maxConcurrentCalls: 0 }] });
    }
  });

  it("destroy forgets the split: every environment keeps its allocation", async () => {
    ws.config(ENVIRONMENTS + split([["production", 20], ["staging", 5], ["development", 10]]));
    expect((await apply()).code).toBe(0);
    ws.config(ENVIRONMENTS);
    const applied = await apply();
    expect(applied.code, applied.output).toBe(0);
    expect(applied.output).toContain("0 added, 0 changed, 1 destroyed");
    expect(await liveSplit()).toEqual({ default: 0, production: 20, staging: 5, development: 10 });
    expect((await plan()).code).toBe(0); // the environments do not claim the values
  });

  it("imports the split, adopting the environments that have an allocation", async () => {
    const tenant = await ws.sdk.tenant.get();
    ws.config(ENVIRONMENTS + split([["staging", 5], ["production", 20], ["development", 10]]) + `
import {
  to = callplane_concurrency_split.calls
  id = "${tenant.id}"
}
`);
    const planned = await plan();
    expect(planned.output).toContain("1 to import, 0 to add, 0 to change, 0 to destroy");
    expect((await apply()).code).toBe(0);
    expect((await stateOf("callplane_concurrency_split.calls")).id).toBe(tenant.id);
    expect((await plan()).code).toBe(0);
    const destroyed = await ws.terraform(["destroy", "-auto-approve", "-input=false"]);
    expect(destroyed.code, destroyed.output).toBe(0);
    expect(await liveSplit()).toEqual({ default: 0 });
  });
});
