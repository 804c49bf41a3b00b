import { ConflictError, NotFoundError } from "@callplane/sdk";
import { describe, expect, it } from "vitest";
import { useServer } from "./harness.js";
import { TestClock } from "./test-clock.js";

const DAY = 24 * 3600 * 1000;
const clock = new TestClock();
const t = useServer({ inviteTtlMs: 3 * DAY, clock });

describe("invitations", () => {
  it("create the user with the invited role when accepted with the secret", async () => {
    const invitation = await t.admin.invitations.create({ email: "vic@acme.test", role: "viewer", expiresInDays: 7 });
    expect(invitation).toMatchObject({ email: "vic@acme.test", role: "viewer", status: "pending", invitedBy: { type: "user", name: "Local admin" } });
    expect(invitation.secret).toMatch(/^cpi_/);
    expect(invitation.id).toMatch(/^inv_[0-9a-f]{16}$/);
    const user = await t.client(undefined).invitations.accept({ secret: invitation.secret, name: "Vic Lund", password: "a-long-passphrase" });
    expect(user).toMatchObject({ name: "Vic Lund", email: "vic@acme.test", role: "viewer" });
    expect((await t.admin.invitations.get(invitation.id)).status).toBe("accepted");
    await expect(t.client(undefined).invitations.accept({ secret: invitation.secret, name: "Again" })).rejects.toBeInstanceOf(ConflictError);
  });

  it("are in the audit log when accepted, as the new user's doing: the acceptance and the user's creation", async () => {
    const invitation = await t.admin.invitations.create({ email: "joiner@acme.test", role: "member" });
    const user = await t.client(undefined).invitations.accept({ secret: invitation.secret, name: "Jo Iner" });
    const actor = { type: "user", id: user.id, name: "Jo Iner" };
    const [accepted] = await t.admin.auditEvents.list({ resourceType: "invitation", resourceId: invitation.id }).toArray();
    expect(accepted).toMatchObject({ action: "invitation.accept", resourceType: "invitation", resourceId: invitation.id, actor });
    expect([accepted!.before, accepted!.after]).toEqual([{ status: "pending" }, { status: "accepted", userId: user.id }]);
    const [created] = await t.admin.auditEvents.list({ resourceType: "user", resourceId: user.id }).toArray();
    expect(created).toMatchObject({ action: "user.create", resourceType: "user", resourceId: user.id, actor, before: null, after: { id: user.id, email: "joiner@acme.test", role: "member" } });
  });

  it("refuse an email that already belongs to a user, or has a pending invitation", async () => {
    const user = await t.admin.users.create({ name: "Lee", email: "lee@acme.test", role: "member" });
    const taken = await t.admin.invitations.create({ email: user.email, role: "admin" }).catch((e) => e);
    expect(taken).toBeInstanceOf(ConflictError);
    expect(taken.fieldErrors).toEqual([{ path: "email", message: "already belongs to a user" }]);
    await t.admin.invitations.create({ email: "new@acme.test", role: "member", expiresInDays: 3 });
    await expect(t.admin.invitations.create({ email: "new@acme.test", role: "viewer" })).rejects.toBeInstanceOf(ConflictError);
  });

  it("expire after the server's TTL, cannot be accepted then, and can be renewed with a new secret", async () => {
    const invitation = await t.admin.invitations.create({ email: "late@acme.test", role: "member" });
    expect(Date.parse(invitation.expiresAt) - Date.parse(invitation.createdAt)).toBe(3 * DAY);
    clock.advance(3 * DAY - 1);
    expect((await t.admin.invitations.get(invitation.id)).status).toBe("pending");
    clock.advance(1);
    expect((await t.admin.invitations.get(invitation.id)).status).toBe("expired");
    expect((await t.admin.invitations.list({ status: "expired" }).toArray()).map((i) => i.id)).toContain(invitation.id);
    expect((await t.admin.invitations.list({ status: "pending" }).toArray()).map((i) => i.id)).not.toContain(invitation.id);
    await expect(t.client(undefined).invitations.accept({ secret: invitation.secret, name: "Late" })).rejects.toBeInstanceOf(ConflictError);

    const renewed = await t.admin.invitations.renew(invitation.id, { expiresInDays: 2 });
    expect(renewed.status).toBe("pending");
    expect(renewed.secret).not.toBe(invitation.secret);
    expect(renewed.secret).toMatch(/^cpi_/);
    expect(Date.parse(renewed.expiresAt) - clock.now()).toBe(2 * DAY);
    await expect(t.client(undefined).invitations.accept({ secret: invitation.secret, name: "Old secret" })).rejects.toBeInstanceOf(NotFoundError);
    const [renewal] = await t.admin.auditEvents.list({ resourceType: "invitation", resourceId: invitation.id }).toArray();
    expect(renewal).toMatchObject({
      action: "invitation.renew",
      before: { status: "expired", expiresAt: invitation.expiresAt },
      after: { status: "pending", expiresAt: renewed.expiresAt },
    });
    clock.advance(2 * DAY - 1);
    await t.client(undefined).invitations.accept({ secret: renewed.secret, name: "On time" });
  });

  it("with expiresInDays last that many days, whatever the server's TTL", async () => {
    const invitation = await t.admin.invitations.create({ email: "week@acme.test", role: "viewer", expiresInDays: 7 });
    expect(Date.parse(invitation.expiresAt) - clock.now()).toBe(7 * DAY);
    clock.advance(7 * DAY - 1);
    expect((await t.admin.invitations.get(invitation.id)).status).toBe("pending");
    clock.advance(1);
    expect((await t.admin.invitations.get(invitation.id)).status).toBe("expired");
    await expect(t.client(undefined).invitations.accept({ secret: invitation.secret, name: "Week" })).rejects.toBeInstanceOf(ConflictError);
  });

  it("cannot be revoked once accepted: 409 saying so, and the user stays", async () => {
    const invitation = await t.admin.invitations.create({ email: "kept@acme.test", role: "viewer" });
    const user = await t.client(undefined).invitations.accept({ secret: invitation.secret, name: "Kept" });
    const error = await t.admin.invitations.revoke(invitation.id).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toContain(`Invitation ${invitation.id} is accepted; it cannot be revoked.`);
    expect(error.fieldErrors).toEqual([{ path: "status", message: "is accepted" }]);
    expect((await t.admin.invitations.get(invitation.id)).status).toBe("accepted");
    expect((await t.admin.users.get(user.id)).role).toBe("viewer");
  });

  it("can be revoked, after which they cannot be accepted or renewed", async () => {
    const invitation = await t.admin.invitations.create({ email: "gone@acme.test", role: "operator", expiresInDays: 1 });
    const revoked = await t.admin.invitations.revoke(invitation.id);
    expect(revoked.status).toBe("revoked");
    // Revoking again changes nothing: the same answer, the same version.
    const version = (await t.admin.invitations.get(invitation.id)).etag;
    expect(version).toBeDefined();
    expect(await t.admin.invitations.revoke(invitation.id)).toMatchObject({ status: "revoked", expiresAt: revoked.expiresAt });
    expect((await t.admin.invitations.get(invitation.id)).etag).toBe(version);
    await expect(t.client(undefined).invitations.accept({ secret: invitation.secret, name: "Gone" })).rejects.toBeInstanceOf(ConflictError);
    await expect(t.admin.invitations.renew(invitation.id)).rejects.toBeInstanceOf(ConflictError);
    expect((await t.admin.invitations.list({ status: "revoked" }).toArray()).map((i) => i.id)).toEqual([invitation.id]);
  });
});
