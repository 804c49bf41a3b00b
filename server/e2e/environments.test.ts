import { ConflictError, NotFoundError, PreconditionFailedError, ValidationError } from "@callplane/sdk";
import { describe, expect, it } from "vitest";
import { useServer } from "./harness.js";

const t = useServer();

describe("environments", () => {
  it("are created with their API key shown once, then only masked", async () => {
    const created = await t.admin.environments.create({ name: "staging", maxConcurrentCalls: 10 });
    expect(created.apiKey).toMatch(/^cpk_[0-9a-f]{40}$/);
    expect(created.id).toMatch(/^env_[0-9a-f]{16}$/);
    expect(created.apiKeyMasked).toBe(`cpk_…${created.apiKey.slice(-4)}`);
    const read = await t.admin.environments.get(created.id);
    expect(read).toEqual({ ...created, apiKey: undefined, modifiedAt: read.modifiedAt, createdAt: read.createdAt } as never);
    expect(JSON.stringify(read)).not.toContain(created.apiKey);
  });

  it("refuse a duplicate name with 409 naming the field", async () => {
    await t.admin.environments.create({ name: "dup" });
    const error = await t.admin.environments.create({ name: "dup" }).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.fieldErrors).toEqual([{ path: "name", message: "is already taken" }]);
  });

  it("refuse more capacity than the plan has left", async () => {
    const before = await t.admin.concurrency.get();
    const error = await t.admin.environments.create({ name: "greedy", maxConcurrentCalls: before.available + 1 }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors[0].path).toBe("maxConcurrentCalls");
    expect((await t.admin.concurrency.get()).allocated).toBe(before.allocated);
  });

  it("honour If-Match: a stale ETag is refused with 412 and nothing changes", async () => {
    const env = await t.admin.environments.create({ name: "etag-test" });
    const first = await t.admin.environments.get(env.id);
    const updated = await t.admin.environments.update(env.id, { hidden: true }, { ifMatch: first.etag });
    expect(updated.etag).not.toBe(first.etag);
    const error = await t.admin.environments.update(env.id, { name: "renamed" }, { ifMatch: first.etag }).catch((e) => e);
    expect(error).toBeInstanceOf(PreconditionFailedError);
    expect((await t.admin.environments.get(env.id)).name).toBe("etag-test");
  });

  it("hide hidden ones from the default list, and show them with includeHidden", async () => {
    const hidden = await t.admin.environments.create({ name: "sandbox", hidden: true });
    const visible = await t.admin.environments.list().toArray();
    const all = await t.admin.environments.list({ includeHidden: true }).toArray();
    expect(visible.map((e) => e.id)).not.toContain(hidden.id);
    expect(all.map((e) => e.id)).toContain(hidden.id);
  });

  it("cannot be deleted while deletion protection is on", async () => {
    const env = await t.admin.environments.create({ name: "protected", deletionProtection: true });
    await expect(t.admin.environments.delete(env.id)).rejects.toBeInstanceOf(ConflictError);
    await t.admin.environments.update(env.id, { deletionProtection: false });
    await t.admin.environments.delete(env.id);
    await expect(t.admin.environments.get(env.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("rotate their API key: a new key, shown once, with a new mask", async () => {
    const env = await t.admin.environments.create({ name: "rotating" });
    const rotated = await t.admin.environments.rotateApiKey(env.id);
    expect(rotated.apiKey).not.toBe(env.apiKey);
    expect((await t.admin.environments.get(env.id)).apiKeyMasked).toBe(`cpk_…${rotated.apiKey.slice(-4)}`);
  });
});

// A server of its own: these fill the plan to the last call.
describe("environments at the plan limit", () => {
  const full = useServer();

  it("may take the whole plan limit, exactly, and keep it when saved again under the same name; one more call is refused", async () => {
    const { planLimit } = await full.admin.concurrency.get();
    const everything = await full.admin.environments.create({ name: "everything", maxConcurrentCalls: planLimit });
    expect((await full.admin.concurrency.get())).toMatchObject({ allocated: planLimit, available: 0 });
    const same = await full.admin.environments.update(everything.id, { name: "everything", maxConcurrentCalls: planLimit });
    expect(same).toMatchObject({ name: "everything", maxConcurrentCalls: planLimit });
    const split = await full.admin.concurrency.set({ allocations: [{ environmentId: everything.id, maxConcurrentCalls: planLimit }] });
    expect(split.allocated).toBe(planLimit);

    const error = await full.admin.environments.create({ name: "one-more", maxConcurrentCalls: 1 }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors).toEqual([{ path: "maxConcurrentCalls", message: `only 0 of the plan limit (${planLimit}) is available` }]);
    const over = await full.admin.environments.update(everything.id, { maxConcurrentCalls: planLimit + 1 }).catch((e) => e);
    expect(over.fieldErrors).toEqual([{ path: "maxConcurrentCalls", message: `must be at most the plan limit (${planLimit})` }]);
  });
});
