import { describe, expect, it } from "vitest";
import { useTerraform, shortcuts } from "./terraform.js";

const ws = useTerraform();
const { stateOf, apply, plan } = shortcuts(ws);

const invitations = (extra = "") => `
resource "callplane_invitation" "vic" {
  email           = "vic@acme.test"
  role            = "viewer"
  expires_in_days = 14
}
${extra}`;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The server reads a pending invitation past its expiry as expired: move the expiry into the past. */
async function expire(id: string): Promise<void> {
  const tenant = await ws.sdk.tenant.get();
  ws.server.store.updateInvitation(tenant.id, id, { expiresAt: new Date(Date.now() - 60_000).toISOString() });
  expect((await ws.sdk.invitations.get(id)).status).toBe("expired");
}

// A lifecycle on one workspace, step by step like terraform-plugin-testing's TestSteps: each
// test starts from the state the one before left, so the order is part of the test.
describe("callplane_invitation with real Terraform", { shuffle: false }, () => {
  it("creates an invitation with a sensitive secret, then plans no changes", async () => {
    ws.config(invitations());
    const applied = await apply();
    expect(applied.code, applied.output).toBe(0);
    expect(applied.output).toContain("Apply complete! Resources: 1 added");

    const state = await stateOf("callplane_invitation.vic");
    expect(state.secret).toMatch(/^cpi_/);
    expect(applied.output).not.toContain(state.secret as string);
    const live = await ws.sdk.invitations.get(state.id as string);
    expect(live).toMatchObject({ email: "vic@acme.test", role: "viewer", status: "pending" });
    expect(state).toMatchObject({ status: "pending", invited_by: "Local admin", auto_renew: true, expires_in_days: 14, expires_at: live.expiresAt, created_at: live.createdAt });
    const lifetime = Date.parse(live.expiresAt) - Date.parse(live.createdAt);
    expect(Math.round(lifetime / DAY_MS)).toBe(14);

    const shown = await ws.terraform(["show"]);
    expect(shown.output).toMatch(/secret\s+= \(sensitive value\)/);
    expect(shown.output).not.toContain(state.secret as string);

    const again = await plan();
    expect(again.code, again.output).toBe(0);
    expect(again.output).not.toContain("inconsistent");
  });

  it("records a new expires_in_days without touching the invitation", async () => {
    const before = await stateOf("callplane_invitation.vic");
    ws.config(invitations().replace("expires_in_days = 14", "expires_in_days = 30"));
    const applied = await apply();
    expect(applied.code, applied.output).toBe(0);
    expect(applied.output).toContain("0 added, 1 changed, 0 destroyed");
    const after = await stateOf("callplane_invitation.vic");
    expect(after).toMatchObject({ id: before.id, expires_in_days: 30, expires_at: before.expires_at, secret: before.secret, status: "pending" });
    ws.config(invitations());
    expect((await apply()).code).toBe(0);
    expect((await plan()).code).toBe(0);
  });

  it("creates the invitation again when someone revoked it by hand", async () => {
    const before = await stateOf("callplane_invitation.vic");
    await ws.sdk.invitations.revoke(before.id as string);
    const planned = await plan();
    expect(planned.code, planned.output).toBe(2);
    expect(planned.output).toContain("callplane_invitation.vic will be created");
    expect((await apply()).code).toBe(0);
    const after = await stateOf("callplane_invitation.vic");
    expect(after.id).not.toBe(before.id);
    expect(after.secret).toMatch(/^cpi_/);
    expect(after.secret).not.toBe(before.secret);
    expect((await ws.sdk.invitations.get(after.id as string)).status).toBe("pending");
    expect((await plan()).code).toBe(0);
  });

  it("renews an expired invitation on apply while auto_renew is on, and leaves it expired when off", async () => {
    ws.config(invitations(`
resource "callplane_invitation" "kept_expired" {
  email      = "kim@acme.test"
  role       = "member"
  auto_renew = false
}
`));
    expect((await apply()).code).toBe(0);
    const vic = await stateOf("callplane_invitation.vic");
    const kim = await stateOf("callplane_invitation.kept_expired");
    await expire(vic.id as string);
    await expire(kim.id as string);

    const planned = await plan();
    expect(planned.code, planned.output).toBe(2);
    expect(planned.output).toContain("callplane_invitation.vic will be updated in-place");
    expect(planned.output).toMatch(/status\s+= "expired" -> "pending"/);
    expect(planned.output).toMatch(/expires_at\s+= "[^"]+" -> \(known after apply\)/);
    expect(planned.output).not.toContain("callplane_invitation.kept_expired will be");
    expect(planned.output).toContain("0 to add, 1 to change, 0 to destroy");

    const applied = await apply();
    expect(applied.code, applied.output).toBe(0);
    expect(applied.output).not.toContain("inconsistent");
    const renewed = await stateOf("callplane_invitation.vic");
    expect(renewed).toMatchObject({ id: vic.id, status: "pending", created_at: vic.created_at });
    expect(renewed.secret).toMatch(/^cpi_/);
    expect(renewed.secret).not.toBe(vic.secret);
    expect(applied.output).not.toContain(renewed.secret as string);
    const live = await ws.sdk.invitations.get(vic.id as string);
    expect(live.status).toBe("pending");
    expect(live.expiresAt).toBe(renewed.expires_at);
    expect(Date.parse(live.expiresAt) - Date.now()).toBeGreaterThan(13 * DAY_MS);
    expect((await stateOf("callplane_invitation.kept_expired")).status).toBe("expired");
    expect((await ws.sdk.invitations.get(kim.id as string)).status).toBe("expired");

    const again = await plan();
    expect(again.code, again.output).toBe(0);
  });

  it("keeps an invitation accepted by hand in state as accepted, with no diff", async () => {
    const vic = await stateOf("callplane_invitation.vic");
    const user = await ws.sdk.invitations.accept({ secret: vic.secret as string, name: "Vic Lund" });
    expect(user).toMatchObject({ email: "vic@acme.test", role: "viewer" });
    const planned = await plan();
    expect(planned.code, planned.output).toBe(0);
    expect(planned.output).not.toContain("will be created");
    expect((await apply()).code).toBe(0);
    expect((await stateOf("callplane_invitation.vic"))).toMatchObject({ id: vic.id, status: "accepted" });
    expect((await plan()).code).toBe(0);
  });

  it("puts invalid input on the attribute, before anything is changed", async () => {
    ws.config(invitations(`
resource "callplane_invitation" "bad" {
  email           = "nobody"
  role            = "owner"
  expires_in_days = 91
}
`));
    const planned = await ws.terraform(["plan", "-input=false"]);
    expect(planned.code).toBe(1);
    expect(planned.output).toContain("email: must be an email address");
    expect(planned.output).toContain("role: must be one of admin, member, operator, viewer");
    expect(planned.output).toContain("expires_in_days: must be between 1 and 90");
    expect(planned.output).toContain('resource "callplane_invitation" "bad"');
  });

  it("imports an invitation made elsewhere, by id, without a secret", async () => {
    const made = await ws.sdk.invitations.create({ email: "ian@acme.test", role: "operator" });
    ws.config(invitations(`
resource "callplane_invitation" "kept_expired" {
  email      = "kim@acme.test"
  role       = "member"
  auto_renew = false
}
import {
  to = callplane_invitation.imported
  id = "${made.id}"
}
resource "callplane_invitation" "imported" {
  email = "ian@acme.test"
  role  = "operator"
}
`));
    const planned = await plan();
    expect(planned.output).toContain("1 to import, 0 to add, 0 to change, 0 to destroy");
    expect((await apply()).code).toBe(0);
    const state = await stateOf("callplane_invitation.imported");
    expect(state).toMatchObject({ id: made.id, status: "pending", secret: null, invited_by: "Local admin" });
    expect((await plan()).code).toBe(0);
  });

  it("revokes pending and expired invitations on destroy, and only forgets an accepted one", async () => {
    const vic = (await stateOf("callplane_invitation.vic")).id as string;
    const kim = (await stateOf("callplane_invitation.kept_expired")).id as string;
    const ian = (await stateOf("callplane_invitation.imported")).id as string;
    const destroyed = await ws.terraform(["destroy", "-auto-approve", "-input=false"]);
    expect(destroyed.code, destroyed.output).toBe(0);
    expect(destroyed.output).toContain("3 destroyed");
    expect((await ws.sdk.invitations.get(vic)).status).toBe("accepted");
    expect((await ws.sdk.invitations.get(kim)).status).toBe("revoked");
    expect((await ws.sdk.invitations.get(ian)).status).toBe("revoked");
    expect((await ws.sdk.users.list({ q: "vic@acme.test" }).toArray()).map((u) => u.email)).toEqual(["vic@acme.test"]);
  });
});
