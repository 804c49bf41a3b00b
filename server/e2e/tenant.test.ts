import { AuthenticationError, ConflictError } from "@callplane/sdk";
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startServer } from "../src/index.js";
import { clientFor, useServer } from "./harness.js";

const t = useServer();

describe("the tenant", () => {
  it("is updated field by field, null clearing an optional field, with a new ETag", async () => {
    const before = await t.admin.tenant.get();
    const after = await t.admin.tenant.update({ name: "Acme Voice", phone: "+4930123456", zipCode: "10119", website: "https://acme.test", timezone: "Europe/Berlin" }, { ifMatch: before.etag });
    expect(after).toMatchObject({ name: "Acme Voice", phone: "+4930123456", billingEmail: before.billingEmail });
    expect(after.etag).not.toBe(before.etag);
    expect((await t.admin.tenant.update({ phone: null })).phone).toBeNull();
  });

  it("rotates its API key: the new key works at once and the old one stops", async () => {
    const first = await t.admin.tenant.rotateApiKey();
    const viaKey = clientFor(t.url, first.apiKey);
    expect((await viaKey.tenant.get()).apiKeyMasked).toBe(first.apiKeyMasked);
    const second = await viaKey.tenant.rotateApiKey();
    await expect(viaKey.tenant.get()).rejects.toBeInstanceOf(AuthenticationError);
    await expect(clientFor(t.url, second.apiKey).tenant.get()).resolves.toMatchObject({ apiKeyMasked: second.apiKeyMasked });
    // The audit log shows which key was replaced by which, masked.
    const [event] = (await t.admin.auditEvents.list({ resourceType: "tenant" }).toArray()).filter((e) => e.action === "tenant.rotateApiKey");
    expect([event!.before, event!.after]).toEqual([{ apiKeyMasked: first.apiKeyMasked }, { apiKeyMasked: second.apiKeyMasked }]);
  });
});

describe("secrets at rest", () => {
  const dir = mkdtempSync(join(tmpdir(), "callplane-secrets-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("are stored only as hashes: no key, token, secret or password appears in the database file", async () => {
    const file = join(dir, "callplane.db");
    const server = await startServer({ db: file, port: 0 });
    const admin = clientFor(server.url, server.bootstrap!.token);
    const env = await admin.environments.create({ name: "prod" }, { idempotencyKey: "create-prod" });
    // Within the process, a retry gets the whole answer back, key included.
    expect((await admin.environments.create({ name: "prod" }, { idempotencyKey: "create-prod" })).apiKey).toBe(env.apiKey);
    const tenantKey = await admin.tenant.rotateApiKey();
    const token = await admin.apiTokens.create({ name: "ci", scope: "write" });
    const invitation = await admin.invitations.create({ email: "i@acme.test", role: "member" });
    await admin.users.create({ name: "P", email: "p@acme.test", role: "member", password: "hunter2-but-longer" });
    await server.close();

    const db = new Database(file, { readonly: true });
    const dump = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()
      .map((table) => JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).all())).join("\n");
    db.close();
    for (const secret of [server.bootstrap!.token, env.apiKey, tenantKey.apiKey, token.token, invitation.secret, "hunter2-but-longer"]) {
      expect(dump).not.toContain(secret);
    }
    expect(dump).toContain(env.apiKeyMasked);

    // After a restart the key is gone for good: a retry learns the create succeeded, and how to get a key.
    const restarted = await startServer({ db: file, port: 0 });
    const retry = await clientFor(restarted.url, server.bootstrap!.token).environments.create({ name: "prod" }, { idempotencyKey: "create-prod" }).catch((e) => e);
    await restarted.close();
    expect(retry).toBeInstanceOf(ConflictError);
    expect(retry.detail).toContain(env.id);
    expect(retry.detail).toContain("Rotate");
  });
});
