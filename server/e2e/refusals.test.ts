/**
 * What a refusal tells the person who made the request: the problem type, title and detail,
 * and the field it names. These are what the console and the Terraform provider show, so each
 * is checked word for word (docs/server.md, "What it enforces").
 */
import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, PLATFORM_TOKEN, raw, useServer } from "./harness.js";

const t = useServer();
const PROBLEMS = "https://callplane.dev/problems/";

const json = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  ({ method, token: ADMIN_TOKEN, headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) });

describe("refusals on environments", () => {
  it("name a duplicate name, and let an environment keep its own name", async () => {
    const env = await t.admin.environments.create({ name: "dupe" });
    const r = await raw(t.url, "/v1/environments", json("POST", { name: "dupe" }));
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ type: `${PROBLEMS}duplicate-name`, title: "Name already taken", detail: 'An environment named "dupe" already exists.', errors: [{ path: "name", message: "is already taken" }] });
    const other = await t.admin.environments.create({ name: "dupe-2" });
    expect((await raw(t.url, `/v1/environments/${other.id}`, json("PATCH", { name: "dupe" }))).status).toBe(409);
    expect((await raw(t.url, `/v1/environments/${env.id}`, json("PATCH", { name: "dupe", hidden: true }))).status).toBe(200);
  });

  it("say how much of the plan is left when a change asks for more", async () => {
    await t.admin.environments.create({ name: "capacity-other", maxConcurrentCalls: 1 });
    const env = await t.admin.environments.create({ name: "capacity", maxConcurrentCalls: 1 });
    const { planLimit, allocated } = await t.admin.concurrency.get();
    const elsewhere = allocated - 1;
    const asked = planLimit - elsewhere + 1;
    const r = await raw(t.url, `/v1/environments/${env.id}`, json("PATCH", { maxConcurrentCalls: asked }));
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([{ path: "maxConcurrentCalls", message: `only ${planLimit - elsewhere} of the plan limit (${planLimit}) is available` }]);
    expect(r.body.detail).toBe(`The environments would use ${elsewhere + asked} concurrent calls; the plan limit is ${planLimit}.`);
  });

  it("name deletion protection, and a missing environment", async () => {
    const env = await t.admin.environments.create({ name: "guarded", deletionProtection: true });
    const r = await raw(t.url, `/v1/environments/${env.id}`, { method: "DELETE", token: ADMIN_TOKEN });
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({
      type: `${PROBLEMS}deletion-protected`, title: "Deletion protection is on",
      detail: 'Environment "guarded" has deletion protection; set deletionProtection to false first.',
      errors: [{ path: "deletionProtection", message: "must be false to delete the environment" }],
    });
    const missing = await raw(t.url, "/v1/environments/env_missing", { token: ADMIN_TOKEN });
    expect([missing.status, missing.body.detail]).toEqual([404, "Environment env_missing does not exist."]);
  });

  it("say which object changed when If-Match is stale", async () => {
    const env = await t.admin.environments.create({ name: "stale" });
    const stale = '"v0"';
    const update = await raw(t.url, `/v1/environments/${env.id}`, json("PATCH", { hidden: true }, { "If-Match": stale }));
    const remove = await raw(t.url, `/v1/environments/${env.id}`, { method: "DELETE", token: ADMIN_TOKEN, headers: { "If-Match": stale } });
    const split = await raw(t.url, "/v1/concurrency", json("PUT", { allocations: [{ environmentId: env.id, maxConcurrentCalls: 0 }] }, { "If-Match": stale }));
    const invitation = await t.admin.invitations.create({ email: "stale@acme.test", role: "viewer" });
    const revoke = await raw(t.url, `/v1/invitations/${invitation.id}`, { method: "DELETE", token: ADMIN_TOKEN, headers: { "If-Match": stale } });
    const detail = (what: string) => `The ${what} changed since it was read (If-Match does not match its ETag); read it again and retry.`;
    expect([update, remove, split, revoke].map((r) => [r.status, r.body.detail])).toEqual([
      [412, detail("environment")], [412, detail("environment")], [412, detail("concurrency split")], [412, detail("invitation")],
    ]);
    const user = await t.admin.users.create({ name: "Stale User", email: "stale-user@acme.test", role: "viewer" });
    const userUpdate = await raw(t.url, `/v1/users/${user.id}`, json("PATCH", { role: "member" }, { "If-Match": stale }));
    const userDelete = await raw(t.url, `/v1/users/${user.id}`, { method: "DELETE", token: ADMIN_TOKEN, headers: { "If-Match": stale } });
    const tenant = await raw(t.url, "/v1/tenant", json("PATCH", { description: "stale" }, { "If-Match": stale }));
    const platform = await raw(t.url, `/v1/tenants/${t.server.bootstrap!.tenantId}`, { ...json("PATCH", { description: "stale" }, { "If-Match": stale }), token: PLATFORM_TOKEN });
    expect([userUpdate, userDelete, tenant, platform].map((r) => [r.status, r.body.detail])).toEqual([
      [412, detail("user")], [412, detail("user")], [412, detail("tenant")], [412, detail("tenant")],
    ]);
  });
});

describe("refusals on invitations", () => {
  it("name an email that is a user already, or invited already, and a missing invitation", async () => {
    await t.admin.users.create({ name: "Uma", email: "uma@acme.test", role: "viewer" });
    const user = await raw(t.url, "/v1/invitations", json("POST", { email: "uma@acme.test", role: "viewer" }));
    expect(user.body).toMatchObject({ type: `${PROBLEMS}duplicate-email`, title: "Already a user", detail: "uma@acme.test already belongs to a user of this tenant." });
    const first = await t.admin.invitations.create({ email: "ivo@acme.test", role: "viewer" });
    const again = await raw(t.url, "/v1/invitations", json("POST", { email: "ivo@acme.test", role: "member" }));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      type: `${PROBLEMS}duplicate-invitation`, title: "Already invited",
      detail: `ivo@acme.test already has a pending invitation (${first.id}); renew or revoke it instead.`,
      errors: [{ path: "email", message: "already has a pending invitation" }],
    });
    const missing = await raw(t.url, "/v1/invitations/inv_missing", { token: ADMIN_TOKEN });
    expect([missing.status, missing.body.detail]).toEqual([404, "Invitation inv_missing does not exist."]);
    const unknownSecret = await raw(t.url, "/v1/invitations/accept", json("POST", { secret: `cpi_${"0".repeat(40)}`, name: "Nobody" }));
    expect([unknownSecret.status, unknownSecret.body.detail]).toEqual([404, "No invitation has this secret (it may have been renewed, which replaces the secret)."]);
  });
});

describe("the concurrency split", () => {
  it("says by how much the allocations go over, on every allocation, and changes only what differs", async () => {
    const a = await t.admin.environments.create({ name: "split-a", maxConcurrentCalls: 1 });
    const b = await t.admin.environments.create({ name: "split-b", maxConcurrentCalls: 1 });
    const { planLimit, allocated } = await t.admin.concurrency.get();
    const total = allocated - 2 + planLimit + 1;
    const r = await raw(t.url, "/v1/concurrency", json("PUT", { allocations: [{ environmentId: a.id, maxConcurrentCalls: planLimit }, { environmentId: b.id, maxConcurrentCalls: 1 }] }));
    expect(r.status).toBe(422);
    const message = `the sum of allocations (${total}) exceeds the plan limit (${planLimit})`;
    expect(r.body.errors).toEqual([{ path: "allocations[0].maxConcurrentCalls", message }, { path: "allocations[1].maxConcurrentCalls", message }]);
    // Setting the split as it is changes no environment's version, and is in the audit log.
    const before = await t.admin.environments.get(a.id);
    const split = await t.admin.concurrency.get();
    await t.admin.concurrency.set({ allocations: split.allocations.map(({ environmentId, maxConcurrentCalls }) => ({ environmentId, maxConcurrentCalls })) });
    expect((await t.admin.environments.get(a.id)).etag).toBe(before.etag);
    const [event] = await t.admin.auditEvents.list({ resourceType: "concurrency" }).toArray();
    expect(event).toMatchObject({ action: "concurrency.set", resourceType: "concurrency", before: { allocations: split.allocations }, after: { allocations: split.allocations } });
  });
});
