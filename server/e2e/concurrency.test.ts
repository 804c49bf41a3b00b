import { PreconditionFailedError, ValidationError } from "@callplane/sdk";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useServer } from "./harness.js";

const t = useServer();
let production: string;
let staging: string;
let sandbox: string;

beforeAll(async () => {
  production = (await t.admin.environments.create({ name: "production", maxConcurrentCalls: 20 })).id;
  staging = (await t.admin.environments.create({ name: "staging", maxConcurrentCalls: 10 })).id;
  sandbox = (await t.admin.environments.create({ name: "sandbox", maxConcurrentCalls: 10, hidden: true })).id;
});

// Every test starts from the same split (20/10/10 of 40), whatever ran before it.
beforeEach(async () => {
  await t.admin.concurrency.set({ allocations: [
    { environmentId: production, maxConcurrentCalls: 20 },
    { environmentId: staging, maxConcurrentCalls: 10 },
    { environmentId: sandbox, maxConcurrentCalls: 10 },
  ] });
});

describe("the concurrency split", () => {
  it("shows the plan limit, what is allocated and available, and every environment (hidden too)", async () => {
    const split = await t.admin.concurrency.get();
    expect(split).toMatchObject({ planLimit: 40, allocated: 40, available: 0 });
    expect(split.allocations.map((a) => [a.environmentName, a.maxConcurrentCalls])).toEqual([
      ["default", 0], ["production", 20], ["staging", 10], ["sandbox", 10],
    ]);
  });

  it("moves capacity in one call that would fail if applied one environment at a time", async () => {
    // Raising production first would exceed 40 in between; the atomic call does not.
    const split = await t.admin.concurrency.set({ allocations: [
      { environmentId: production, maxConcurrentCalls: 25 },
      { environmentId: staging, maxConcurrentCalls: 5 },
    ] });
    expect(split.allocated).toBe(40);
    expect((await t.admin.environments.get(production)).maxConcurrentCalls).toBe(25);
    expect((await t.admin.environments.get(staging)).maxConcurrentCalls).toBe(5);
  });

  it("changes nothing when the new sum exceeds the plan limit, and names the allocations", async () => {
    const before = await t.admin.concurrency.get();
    const error = await t.admin.concurrency.set({ allocations: [
      { environmentId: production, maxConcurrentCalls: 20 },
      { environmentId: staging, maxConcurrentCalls: 15 },
    ] }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors.map((e: { path: string }) => e.path)).toEqual(["allocations[0].maxConcurrentCalls", "allocations[1].maxConcurrentCalls"]);
    expect(error.detail).toContain("45");
    expect(await t.admin.concurrency.get()).toEqual(before);
  });

  it("refuses unknown and repeated environments, and one allocation above the plan limit", async () => {
    const error = await t.admin.concurrency.set({ allocations: [
      { environmentId: "env_nope", maxConcurrentCalls: 1 },
      { environmentId: production, maxConcurrentCalls: 41 },
      { environmentId: staging, maxConcurrentCalls: 1 },
      { environmentId: staging, maxConcurrentCalls: 2 },
    ] }).catch((e) => e);
    expect(error.fieldErrors).toEqual([
      { path: "allocations[0].environmentId", message: "no environment env_nope in this tenant" },
      { path: "allocations[1].maxConcurrentCalls", message: "must be at most the plan limit (40)" },
      { path: "allocations[3].environmentId", message: "appears more than once" },
    ]);
  });

  it("honours If-Match against the split's ETag", async () => {
    const split = await t.admin.concurrency.get();
    await t.admin.environments.update(sandbox, { maxConcurrentCalls: 9 });
    const error = await t.admin.concurrency.set({ allocations: [{ environmentId: sandbox, maxConcurrentCalls: 10 }] }, { ifMatch: split.etag }).catch((e) => e);
    expect(error).toBeInstanceOf(PreconditionFailedError);
    const fresh = await t.admin.concurrency.get();
    await t.admin.concurrency.set({ allocations: [{ environmentId: sandbox, maxConcurrentCalls: 10 }] }, { ifMatch: fresh.etag });
  });

  it("never exceeds the plan limit under 50 parallel updates", async () => {
    await t.admin.concurrency.set({ allocations: [
      { environmentId: production, maxConcurrentCalls: 0 },
      { environmentId: staging, maxConcurrentCalls: 0 },
      { environmentId: sandbox, maxConcurrentCalls: 0 },
    ] });
    const targets = [production, staging, sandbox];
    // 50 requests at once, each asking for 10–25 calls on one environment: only some can fit.
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) =>
      t.admin.environments.update(targets[i % 3]!, { maxConcurrentCalls: 10 + (i % 16) })));
    const split = await t.admin.concurrency.get();
    expect(split.allocated).toBeLessThanOrEqual(40);
    expect(results.some((r) => r.status === "fulfilled")).toBe(true);
    expect(results.some((r) => r.status === "rejected" && r.reason instanceof ValidationError)).toBe(true);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(ValidationError);
  });
});
