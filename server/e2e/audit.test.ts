import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, useServer } from "./harness.js";
import { TestClock } from "./test-clock.js";

const clock = new TestClock();
const t = useServer({ clock });

describe("the audit log", () => {
  it("records who changed what, through what, with before and after", async () => {
    const env = await t.admin.environments.create({ name: "audited", maxConcurrentCalls: 5 });
    const terraform = t.client(ADMIN_TOKEN, { source: "terraform" });
    await terraform.environments.update(env.id, { maxConcurrentCalls: 7 });
    const events = await t.admin.auditEvents.list({ resourceType: "environment", resourceId: env.id }).toArray();
    expect(events.map((e) => [e.action, e.source])).toEqual([["environment.update", "terraform"], ["environment.create", "sdk"]]);
    expect(events[0]).toMatchObject({ actor: { type: "user", name: "Local admin" } });
    // Only what changed: not the other fields, not the modification time.
    expect([events[0]!.before, events[0]!.after]).toEqual([{ maxConcurrentCalls: 5 }, { maxConcurrentCalls: 7 }]);
    expect(events[0]!.requestId).toMatch(/^req_/);
    expect(events.map((e) => e.id)).toEqual([expect.stringMatching(/^evt_[0-9a-f]{16}$/), expect.stringMatching(/^evt_[0-9a-f]{16}$/)]);
  });

  it("never holds a secret", async () => {
    const env = await t.admin.environments.create({ name: "secretive" });
    const rotated = await t.admin.environments.rotateApiKey(env.id);
    const tenantKey = await t.admin.tenant.rotateApiKey();
    const token = await t.admin.apiTokens.create({ name: "ci", scope: "read" });
    const invitation = await t.admin.invitations.create({ email: "x@acme.test", role: "viewer" });
    const log = JSON.stringify(await t.admin.auditEvents.list().toArray());
    for (const secret of [env.apiKey, rotated.apiKey, tenantKey.apiKey, token.token, invitation.secret]) expect(log).not.toContain(secret);
    expect(log).toContain("environment.rotateApiKey");
  });

  it("filters by resource type", async () => {
    await t.admin.users.create({ name: "Filtered", email: "filtered@acme.test", role: "viewer" });
    const users = await t.admin.auditEvents.list({ resourceType: "user" }).toArray();
    expect(users.length).toBeGreaterThan(0);
    expect(new Set(users.map((e) => e.resourceType))).toEqual(new Set(["user"]));
    const all = await t.admin.auditEvents.list().toArray();
    expect(new Set(all.map((e) => e.resourceType)).size).toBeGreaterThan(1);
  });

  it("filters by time, from the instant given on", async () => {
    await t.admin.tenant.update({ description: "before the mark" });
    clock.advance(1);
    const since = new Date(clock.now()).toISOString();
    await t.admin.tenant.update({ description: "after the mark" });
    const events = await t.admin.auditEvents.list({ since }).toArray();
    expect(events.map((e) => [e.action, e.after])).toEqual([["tenant.update", { description: "after the mark" }]]);
  });
});

describe("the audit log, for each kind of change", () => {
  const history = (resourceType: "user" | "environment" | "apiToken" | "invitation", resourceId: string) =>
    t.admin.auditEvents.list({ resourceType, resourceId }).toArray();

  it("records a user's change with only what changed, and the deletion with the user as it was", async () => {
    const user = await t.admin.users.create({ name: "Ulla", email: "ulla@acme.test", role: "viewer" });
    await t.admin.users.update(user.id, { role: "member" });
    await t.admin.users.delete(user.id);
    const events = await history("user", user.id);
    expect(events.map((e) => [e.action, e.resourceType, e.resourceId])).toEqual([
      ["user.delete", "user", user.id], ["user.update", "user", user.id], ["user.create", "user", user.id],
    ]);
    expect([events[1]!.before, events[1]!.after]).toEqual([{ role: "viewer" }, { role: "member" }]);
    expect(events[0]).toMatchObject({ before: { id: user.id, name: "Ulla", email: "ulla@acme.test", role: "member" }, after: null });
  });

  it("records an environment's key rotation with the old and new masks, and its deletion with the environment as it was", async () => {
    const env = await t.admin.environments.create({ name: "short-lived", maxConcurrentCalls: 1 });
    const rotated = await t.admin.environments.rotateApiKey(env.id);
    await t.admin.environments.delete(env.id);
    const events = await history("environment", env.id);
    expect(events.map((e) => [e.action, e.resourceType, e.resourceId])).toEqual([
      ["environment.delete", "environment", env.id], ["environment.rotateApiKey", "environment", env.id], ["environment.create", "environment", env.id],
    ]);
    expect([events[1]!.before, events[1]!.after]).toEqual([{ apiKeyMasked: env.apiKeyMasked }, { apiKeyMasked: rotated.apiKeyMasked }]);
    expect(events[0]).toMatchObject({ before: { id: env.id, name: "short-lived", maxConcurrentCalls: 1, apiKeyMasked: rotated.apiKeyMasked }, after: null });
  });

  it("records an API token's revocation with the token as it was, masked", async () => {
    const token = await t.admin.apiTokens.create({ name: "revoked-ci", scope: "read" });
    await t.admin.apiTokens.revoke(token.id);
    const events = await history("apiToken", token.id);
    expect(events.map((e) => [e.action, e.resourceType, e.resourceId])).toEqual([
      ["apiToken.revoke", "apiToken", token.id], ["apiToken.create", "apiToken", token.id],
    ]);
    expect(events[0]).toMatchObject({ before: { id: token.id, name: "revoked-ci", scope: "read", tokenMasked: token.tokenMasked }, after: null });
  });

  it("records an invitation's revocation with its status before and after", async () => {
    const invitation = await t.admin.invitations.create({ email: "withdrawn@acme.test", role: "viewer" });
    await t.admin.invitations.revoke(invitation.id);
    const events = await history("invitation", invitation.id);
    expect(events.map((e) => [e.action, e.resourceType, e.resourceId])).toEqual([
      ["invitation.revoke", "invitation", invitation.id], ["invitation.create", "invitation", invitation.id],
    ]);
    expect([events[0]!.before, events[0]!.after]).toEqual([{ status: "pending" }, { status: "revoked" }]);
  });
});
