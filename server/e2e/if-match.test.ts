// Every object that carries an ETag refuses a write made against a stale one (412), and the
// refused write changes nothing. Environments and the split have their own tests beside them.
import { PreconditionFailedError } from "@callplane/sdk";
import { describe, expect, it } from "vitest";
import { useServer } from "./harness.js";

const t = useServer();

/** Reads an object, changes it once, and hands back the ETag that change made stale. */
type Tagged = { etag: string | undefined };
async function staleEtag(read: () => Promise<Tagged>, change: (etag: string) => Promise<Tagged>): Promise<string> {
  const first = (await read()).etag;
  if (!first) throw new Error("the object was read without an ETag");
  const changed = await change(first);
  expect(changed.etag).not.toBe(first);
  return first;
}

describe("If-Match that names the current version", () => {
  it("lets a write through with `*` or a list holding the current ETag, and refuses a weak tag", async () => {
    const user = await t.admin.users.create({ name: "Ida", email: "ida@acme.test", role: "member" });
    const current = (await t.admin.users.get(user.id)).etag!;
    expect((await t.admin.users.update(user.id, { name: "Ida Lund" }, { ifMatch: "*" })).name).toBe("Ida Lund");
    const now = (await t.admin.users.get(user.id)).etag!;
    expect(now).not.toBe(current);
    expect((await t.admin.users.update(user.id, { name: "Ida L." }, { ifMatch: `${current}, ${now}` })).name).toBe("Ida L.");
    const latest = (await t.admin.users.get(user.id)).etag!;
    await expect(t.admin.users.update(user.id, { name: "Weak" }, { ifMatch: `W/${latest}` })).rejects.toBeInstanceOf(PreconditionFailedError);
    expect((await t.admin.users.get(user.id)).name).toBe("Ida L.");
  });
});

describe("If-Match with a stale ETag", () => {
  it("refuses a user update and keeps the user as it was", async () => {
    const user = await t.admin.users.create({ name: "Rae", email: "rae@acme.test", role: "member" });
    const stale = await staleEtag(() => t.admin.users.get(user.id), (etag) => t.admin.users.update(user.id, { name: "Rae Kim" }, { ifMatch: etag }));
    const error = await t.admin.users.update(user.id, { role: "viewer" }, { ifMatch: stale }).catch((e) => e);
    expect(error).toBeInstanceOf(PreconditionFailedError);
    expect(error.status).toBe(412);
    expect(await t.admin.users.get(user.id)).toMatchObject({ name: "Rae Kim", role: "member" });
  });

  it("refuses a user delete and keeps the user", async () => {
    const user = await t.admin.users.create({ name: "Sol", email: "sol@acme.test", role: "viewer" });
    const stale = await staleEtag(() => t.admin.users.get(user.id), (etag) => t.admin.users.update(user.id, { role: "member" }, { ifMatch: etag }));
    await expect(t.admin.users.delete(user.id, { ifMatch: stale })).rejects.toBeInstanceOf(PreconditionFailedError);
    expect((await t.admin.users.get(user.id)).role).toBe("member");
  });

  it("refuses a tenant update and keeps the tenant as it was", async () => {
    const stale = await staleEtag(() => t.admin.tenant.get(), (etag) => t.admin.tenant.update({ description: "first edit" }, { ifMatch: etag }));
    const error = await t.admin.tenant.update({ description: "lost edit" }, { ifMatch: stale }).catch((e) => e);
    expect(error).toBeInstanceOf(PreconditionFailedError);
    expect((await t.admin.tenant.get()).description).toBe("first edit");
  });

  it("refuses an invitation revoke and leaves it pending", async () => {
    const invitation = await t.admin.invitations.create({ email: "nia@acme.test", role: "viewer" });
    const stale = await staleEtag(() => t.admin.invitations.get(invitation.id), (etag) => t.admin.invitations.renew(invitation.id, {}, { ifMatch: etag }));
    await expect(t.admin.invitations.revoke(invitation.id, { ifMatch: stale })).rejects.toBeInstanceOf(PreconditionFailedError);
    expect((await t.admin.invitations.get(invitation.id)).status).toBe("pending");
  });

  it("lets each of these writes through with the current ETag", async () => {
    const user = await t.admin.users.create({ name: "Ori", email: "ori@acme.test", role: "viewer" });
    const current = await t.admin.users.get(user.id);
    await t.admin.users.delete(user.id, { ifMatch: current.etag });
    const tenant = await t.admin.tenant.get();
    expect((await t.admin.tenant.update({ description: "current" }, { ifMatch: tenant.etag })).description).toBe("current");
    const invitation = await t.admin.invitations.create({ email: "pax@acme.test", role: "viewer" });
    const read = await t.admin.invitations.get(invitation.id);
    expect((await t.admin.invitations.revoke(invitation.id, { ifMatch: read.etag })).status).toBe("revoked");
  });
});
