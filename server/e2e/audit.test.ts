import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, useServer } from "./harness.js";

const t = useServer();

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

  it("filters by time", async () => {
    const since = new Date().toISOString();
    await t.admin.tenant.update({ description: "after the mark" });
    const events = await t.admin.auditEvents.list({ since }).toArray();
    expect(events.map((e) => e.action)).toEqual(["tenant.update"]);
  });
});
