/**
 * Tenants are walled off from each other, read-only tenants refuse every change, platform
 * administrators list and create tenants, and credentials stop working the moment they are
 * revoked or their user is deleted.
 */
import {
  AuthenticationError, ConflictError, NotFoundError, ValidationError,
  type ApiTokenWithSecret, type CallplaneClient, type Environment, type Invitation, type TenantCreate, type TenantWithApiKey, type User,
} from "@callplane/sdk";
import { beforeAll, describe, expect, it } from "vitest";
import { hashSecret, newId, newSecret } from "../src/auth/secrets.js";
import { insertApiToken } from "../src/domain/api-tokens.js";
import { insertEnvironment } from "../src/domain/environments.js";
import { insertUser } from "../src/domain/users.js";
import { PLATFORM_TOKEN, useServer } from "./harness.js";

const t = useServer();
const platform = () => t.client(PLATFORM_TOKEN);

let tenantCount = 0;
function newTenant(fields: Partial<TenantCreate> = {}): Promise<TenantWithApiKey> {
  const n = ++tenantCount;
  return platform().tenants.create({ name: `Tenant ${n}`, billingEmail: `billing${n}@tenants.test`, planLimit: 10, ...fields });
}

async function refusal(call: Promise<unknown>): Promise<unknown> {
  return call.then(() => "the call succeeded", (error: unknown) => error);
}

describe("a second tenant's API key", () => {
  const first = {} as { env: Environment; user: User; invitation: Invitation; token: ApiTokenWithSecret };
  const own = {} as { tenant: TenantWithApiKey; env: Environment; user: User; invitation: Invitation; token: ApiTokenWithSecret };
  let second: CallplaneClient;

  beforeAll(async () => {
    first.env = await t.admin.environments.create({ name: "production", maxConcurrentCalls: 5 });
    first.user = await t.admin.users.create({ name: "Ada First", email: "ada@shared.test", role: "member" });
    first.invitation = await t.admin.invitations.create({ email: "invitee@shared.test", role: "viewer" });
    first.token = await t.admin.apiTokens.create({ name: "first-ci", scope: "read" });

    own.tenant = await newTenant({ name: "Second Tenant", planLimit: 10 });
    second = t.client(own.tenant.apiKey);
    // The same names and emails as the first tenant's: they are per tenant.
    own.env = await second.environments.create({ name: "production", maxConcurrentCalls: 3 });
    own.user = await second.users.create({ name: "Ada Second", email: "ada@shared.test", role: "admin" });
    own.invitation = await second.invitations.create({ email: "invitee@shared.test", role: "member" });
    own.token = await second.apiTokens.create({ name: "second-ci", scope: "write" });
  });

  it("reads its own tenant, not the first one", async () => {
    const tenant = await second.tenant.get();
    expect(tenant).toMatchObject({ id: own.tenant.id, name: "Second Tenant", planLimit: 10 });
    expect(tenant.id).not.toBe(t.server.bootstrap!.tenantId);
  });

  const crossTenant: Array<[string, (client: CallplaneClient) => Promise<unknown>]> = [
    ["reads the first tenant's environment", (c) => c.environments.get(first.env.id)],
    ["updates the first tenant's environment", (c) => c.environments.update(first.env.id, { name: "hijacked", maxConcurrentCalls: 0 })],
    ["deletes the first tenant's environment", (c) => c.environments.delete(first.env.id)],
    ["rotates the first tenant's environment key", (c) => c.environments.rotateApiKey(first.env.id)],
    ["reads the first tenant's user", (c) => c.users.get(first.user.id)],
    ["updates the first tenant's user", (c) => c.users.update(first.user.id, { name: "Hijacked", role: "admin" })],
    ["deletes the first tenant's user", (c) => c.users.delete(first.user.id)],
    ["reads the first tenant's invitation", (c) => c.invitations.get(first.invitation.id)],
    ["revokes the first tenant's invitation", (c) => c.invitations.revoke(first.invitation.id)],
    ["renews the first tenant's invitation", (c) => c.invitations.renew(first.invitation.id, { expiresInDays: 30 })],
    ["revokes the first tenant's API token", (c) => c.apiTokens.revoke(first.token.id)],
  ];

  it.each(crossTenant)("gets 404, not 403, when it %s, and nothing changes", async (_what, call) => {
    const error = await refusal(call(second));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).status).toBe(404);

    expect(await t.admin.environments.get(first.env.id)).toMatchObject({ name: "production", maxConcurrentCalls: 5, apiKeyMasked: first.env.apiKeyMasked });
    expect(await t.admin.users.get(first.user.id)).toMatchObject({ name: "Ada First", role: "member" });
    expect(await t.admin.invitations.get(first.invitation.id)).toMatchObject({ status: "pending", expiresAt: first.invitation.expiresAt });
    await expect(t.client(first.token.token).tenant.get()).resolves.toMatchObject({ id: t.server.bootstrap!.tenantId });
  });

  it("cannot allocate capacity to the first tenant's environment", async () => {
    const error = await refusal(second.concurrency.set({ allocations: [{ environmentId: first.env.id, maxConcurrentCalls: 1 }] }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.map((e) => e.path)).toEqual(["allocations[0].environmentId"]);
    expect((await t.admin.environments.get(first.env.id)).maxConcurrentCalls).toBe(5);
  });

  it("lists only its own environments, users, invitations, tokens and capacity", async () => {
    expect((await second.environments.list({ includeHidden: true }).toArray()).map((e) => e.id)).toEqual([own.env.id]);
    expect((await second.users.list().toArray()).map((u) => u.id)).toEqual([own.user.id]);
    expect((await second.users.list({ q: "ada@shared.test" }).toArray()).map((u) => u.id)).toEqual([own.user.id]);
    expect((await second.invitations.list().toArray()).map((i) => i.id)).toEqual([own.invitation.id]);
    expect((await second.apiTokens.list().toArray()).map((token) => token.id)).toEqual([own.token.id]);
    expect(await second.concurrency.get()).toEqual({
      planLimit: 10, allocated: 3, available: 7,
      allocations: [{ environmentId: own.env.id, environmentName: "production", maxConcurrentCalls: 3 }],
    });
  });

  it("sees only its own tenant's audit events", async () => {
    const ownIds = new Set([own.tenant.id, own.env.id, own.user.id, own.invitation.id, own.token.id]);
    const events = await second.auditEvents.list().toArray();
    expect(events.map((e) => e.action).sort()).toEqual(["apiToken.create", "environment.create", "invitation.create", "tenant.create", "user.create"]);
    for (const event of events) expect(ownIds).toContain(event.resourceId);
  });

  it("leaves the first tenant's lists without the second tenant's objects", async () => {
    const ids = [own.env.id, own.user.id, own.invitation.id, own.token.id];
    const firstTenant = [
      ...(await t.admin.environments.list({ includeHidden: true }).toArray()),
      ...(await t.admin.users.list().toArray()),
      ...(await t.admin.invitations.list().toArray()),
      ...(await t.admin.apiTokens.list().toArray()),
    ].map((object) => object.id);
    for (const id of ids) expect(firstTenant).not.toContain(id);
    const firstEvents = await t.admin.auditEvents.list().toArray();
    for (const id of [own.tenant.id, ...ids]) expect(firstEvents.map((e) => e.resourceId)).not.toContain(id);
  });

  it("works with tokens of its own, which are just as walled off", async () => {
    // A tenant of its own: what this test creates must not show up in the lists the others check.
    const third = await newTenant({ name: "Token Tenant" });
    const minted = await t.client(third.apiKey).apiTokens.create({ name: "third-ci", scope: "write" });
    const token = t.client(minted.token);
    expect((await token.tenant.get()).id).toBe(third.id);
    await expect(token.users.get(first.user.id)).rejects.toBeInstanceOf(NotFoundError);
    const created = await token.environments.create({ name: "from-token" });
    await expect(t.admin.environments.get(created.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("a read-only tenant", () => {
  const seeded = {} as { tenant: TenantWithApiKey; envId: string; adminId: string; viewerId: string; invitationId: string; invitationSecret: string; tokenId: string; adminToken: string };
  const keys = {} as Record<"tenantKey" | "adminToken", CallplaneClient>;

  beforeAll(async () => {
    seeded.tenant = await newTenant({ name: "Frozen Tenant", planLimit: 10, readOnly: true });
    // The API cannot create anything in a read-only tenant; seed it directly.
    const store = t.server.store;
    const tenantId = seeded.tenant.id;
    const now = new Date().toISOString();
    seeded.envId = insertEnvironment(store, tenantId, { name: "frozen", maxConcurrentCalls: 2 }, now).id;
    seeded.adminId = insertUser(store, tenantId, { name: "Frozen Admin", email: "admin@frozen.test", role: "admin" }, now);
    seeded.viewerId = insertUser(store, tenantId, { name: "Frozen Viewer", email: "viewer@frozen.test", role: "viewer" }, now);
    seeded.invitationSecret = newSecret("cpi");
    seeded.invitationId = newId("inv");
    store.insertInvitation({
      id: seeded.invitationId, tenantId, email: "invitee@frozen.test", role: "member", secretHash: hashSecret(seeded.invitationSecret),
      invitedBy: { type: "user", id: seeded.adminId, name: "Frozen Admin" }, expiresAt: new Date(Date.now() + 86_400_000).toISOString(), now,
    });
    const owner = { type: "user" as const, id: seeded.adminId, name: "Frozen Admin" };
    const adminToken = insertApiToken(store, { tenantId, ownerUserId: seeded.adminId, owner, name: "frozen admin", scope: "write", expiresAt: null }, now);
    seeded.tokenId = adminToken.id;
    seeded.adminToken = adminToken.token;
    keys.tenantKey = t.client(seeded.tenant.apiKey);
    keys.adminToken = t.client(seeded.adminToken);
  });

  /** Everything a change could touch, as the tenant's own reads see it. */
  async function snapshot(client: CallplaneClient) {
    return {
      tenant: await client.tenant.get(),
      environments: await client.environments.list({ includeHidden: true }).toArray(),
      concurrency: await client.concurrency.get(),
      users: await client.users.list().toArray(),
      invitations: await client.invitations.list().toArray(),
      // lastUsedAt moves whenever a token is used, which is not a change to the settings.
      tokens: (await client.apiTokens.list().toArray()).map(({ lastUsedAt: _used, ...token }) => token),
      auditEvents: await client.auditEvents.list().toArray(),
    };
  }

  it("still answers every read", async () => {
    const state = await snapshot(keys.tenantKey);
    expect(state.tenant).toMatchObject({ id: seeded.tenant.id, readOnly: true });
    expect(state.environments.map((e) => e.name)).toEqual(["frozen"]);
    expect(state.concurrency).toMatchObject({ planLimit: 10, allocated: 2, available: 8 });
    expect(state.users.map((u) => u.email)).toEqual(["admin@frozen.test", "viewer@frozen.test"]);
    expect(state.invitations.map((i) => i.id)).toEqual([seeded.invitationId]);
    expect(state.tokens.map((token) => token.id)).toEqual([seeded.tokenId]);
    expect(await keys.adminToken.environments.get(seeded.envId)).toMatchObject({ name: "frozen", maxConcurrentCalls: 2 });
    expect(await keys.adminToken.users.get(seeded.viewerId)).toMatchObject({ role: "viewer" });
    expect(await keys.adminToken.invitations.get(seeded.invitationId)).toMatchObject({ status: "pending" });
  });

  const writes: Array<[string, (client: CallplaneClient) => Promise<unknown>]> = [
    ["tenant.update", (c) => c.tenant.update({ name: "Thawed Tenant" })],
    ["tenant.rotateApiKey", (c) => c.tenant.rotateApiKey()],
    ["environments.create", (c) => c.environments.create({ name: "new-env" })],
    ["environments.update", (c) => c.environments.update(seeded.envId, { maxConcurrentCalls: 3 })],
    ["environments.delete", (c) => c.environments.delete(seeded.envId)],
    ["environments.rotateApiKey", (c) => c.environments.rotateApiKey(seeded.envId)],
    ["concurrency.set", (c) => c.concurrency.set({ allocations: [{ environmentId: seeded.envId, maxConcurrentCalls: 4 }] })],
    ["users.create", (c) => c.users.create({ name: "New User", email: "new@frozen.test", role: "member" })],
    ["users.update", (c) => c.users.update(seeded.viewerId, { role: "member" })],
    ["users.delete", (c) => c.users.delete(seeded.viewerId)],
    ["invitations.create", (c) => c.invitations.create({ email: "another@frozen.test", role: "viewer" })],
    ["invitations.revoke", (c) => c.invitations.revoke(seeded.invitationId)],
    ["invitations.renew", (c) => c.invitations.renew(seeded.invitationId, { expiresInDays: 30 })],
    ["apiTokens.create", (c) => c.apiTokens.create({ name: "new token", scope: "read" })],
    ["apiTokens.revoke", (c) => c.apiTokens.revoke(seeded.tokenId)],
  ];
  const credentials = [["tenantKey", "the tenant API key"], ["adminToken", "an admin's write token"]] as const;
  const cells = credentials.flatMap(([key, label]) => writes.map(([name, call]) => [name, label, key, call] as const));

  it.each(cells)("refuses %s from %s with 409 saying the tenant is read-only, and changes nothing", async (_name, _label, key, call) => {
    const before = await snapshot(keys.tenantKey);
    const error = await refusal(call(keys[key]));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ status: 409, type: "https://callplane.dev/problems/read-only-tenant" });
    expect((error as ConflictError).detail).toMatch(/read-only/);
    expect(await snapshot(keys.tenantKey)).toEqual(before);
  });

  it("refuses to let an invitation be accepted, so no user is added", async () => {
    const error = await refusal(t.client(undefined).invitations.accept({ secret: seeded.invitationSecret, name: "Late Joiner" }));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).detail).toMatch(/read-only/);
    expect((await keys.tenantKey.users.list().toArray()).map((u) => u.email)).not.toContain("invitee@frozen.test");
    expect((await keys.tenantKey.invitations.get(seeded.invitationId)).status).toBe("pending");
  });
});

describe("the platform-administrator token", () => {
  it("creates a tenant whose API key works at once, with the optional fields empty", async () => {
    const created = await platform().tenants.create({ name: "Globex Calling", billingEmail: "finance@globex.test", planLimit: 25, timezone: "America/New_York" });
    expect(created).toMatchObject({
      name: "Globex Calling", billingEmail: "finance@globex.test", planLimit: 25, timezone: "America/New_York", readOnly: false,
      description: null, phone: null, country: null, street: null, zipCode: null, website: null, logoUrl: null,
    });
    expect(created.apiKeyMasked).toBe(`cpk_…${created.apiKey.slice(-4)}`);
    const own = t.client(created.apiKey);
    const { apiKey, ...visible } = created;
    const read = await own.tenant.get();
    expect(read).toEqual(visible);
    expect(JSON.stringify(read)).not.toContain(apiKey);
    expect(await own.concurrency.get()).toEqual({ planLimit: 25, allocated: 0, available: 25, allocations: [] });
    await expect(own.environments.create({ name: "first" })).resolves.toMatchObject({ name: "first" });
  });

  it("creates a tenant with every optional field and read-only, as sent", async () => {
    const fields = {
      description: "Outbound reminders", phone: "+4930123456", country: "Germany", street: "Torstraße 1", zipCode: "10119",
      website: "https://initech.test", timezone: "Europe/Berlin", logoUrl: "https://initech.test/logo.png",
    };
    const created = await platform().tenants.create({ name: "Initech Calls", billingEmail: "ap@initech.test", planLimit: 12, readOnly: true, ...fields });
    expect(created).toMatchObject({ name: "Initech Calls", planLimit: 12, readOnly: true, ...fields });
    expect(await platform().tenants.get(created.id)).toMatchObject({ readOnly: true, ...fields });
    await expect(t.client(created.apiKey).environments.create({ name: "refused" })).rejects.toBeInstanceOf(ConflictError);
  });

  it("records the tenant's creation and the platform's changes in the tenant's own audit log", async () => {
    const created = await newTenant({ planLimit: 10 });
    await platform().tenants.update(created.id, { planLimit: 12 });
    const events = await t.client(created.apiKey).auditEvents.list({ resourceType: "tenant" }).toArray();
    expect(events.map((e) => [e.action, e.resourceType, e.resourceId])).toEqual([["tenant.update", "tenant", created.id], ["tenant.create", "tenant", created.id]]);
    expect([events[0]!.before, events[0]!.after]).toEqual([{ planLimit: 10 }, { planLimit: 12 }]);
    expect(events[1]).toMatchObject({ before: null, after: { id: created.id, name: created.name, planLimit: 10 } });
    // Both by the platform administrator, as the tenant's admins see it.
    expect(events.map((e) => e.actor)).toEqual([0, 1].map(() => ({ type: "platform", id: null, name: "Platform administrator" })));
  });

  it("lists every tenant page by page, each exactly once", async () => {
    const created = [await newTenant(), await newTenant(), await newTenant()];
    const all = await platform().tenants.list({ limit: 100 }).toArray();
    const seen: string[] = [];
    let page = await platform().tenants.list({ limit: 2 });
    let pages = 1;
    while (true) {
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((tenant) => tenant.id));
      const next = await page.nextPage();
      if (!next) break;
      page = next;
      pages++;
    }
    expect(page.nextCursor).toBeNull();
    expect(seen).toEqual(all.map((tenant) => tenant.id));
    expect(pages).toBe(Math.ceil(all.length / 2));
    expect(seen).toContain(t.server.bootstrap!.tenantId);
    for (const tenant of created) expect(seen).toContain(tenant.id);
  });

  it("refuses a tenant with bad fields with 422, naming every field, and creates nothing", async () => {
    const before = await platform().tenants.list({ limit: 100 }).toArray();
    const bad = { name: "Ac", billingEmail: "not-an-email", planLimit: -1, website: "globex.test", timezone: "Mars/Olympus", colour: "red" } as unknown as TenantCreate;
    const error = await refusal(platform().tenants.create(bad));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).status).toBe(422);
    expect(new Set((error as ValidationError).fieldErrors.map((e) => e.path))).toEqual(new Set(["name", "billingEmail", "planLimit", "website", "timezone", "colour"]));

    const missing = await refusal(platform().tenants.create({} as TenantCreate));
    expect(missing).toBeInstanceOf(ValidationError);
    expect(new Set((missing as ValidationError).fieldErrors.map((e) => e.path))).toEqual(new Set(["name", "billingEmail", "planLimit"]));
    expect(await platform().tenants.list({ limit: 100 }).toArray()).toEqual(before);
  });
});

describe("the platform-administrator token on one tenant", () => {
  it("reads, updates (plan limit and read-only flag included) and rotates the key of any tenant", async () => {
    const created = await newTenant({ planLimit: 10 });
    const { apiKey: _key, ...visible } = created;
    expect(await platform().tenants.get(created.id)).toEqual(visible);

    const updated = await platform().tenants.update(created.id, { planLimit: 60, readOnly: true, phone: "+4930123456" });
    expect(updated).toMatchObject({ planLimit: 60, readOnly: true, phone: "+4930123456" });
    // A read-only tenant refuses its own key's edits, but the platform can make it writable again.
    await expect(t.client(created.apiKey).tenant.update({ name: "Renamed" })).rejects.toBeInstanceOf(ConflictError);
    expect(await platform().tenants.update(created.id, { readOnly: false })).toMatchObject({ readOnly: false });

    const rotated = await platform().tenants.rotateApiKey(created.id);
    expect(rotated.apiKey).not.toBe(created.apiKey);
    expect(rotated.apiKeyMasked).toBe(`cpk_…${rotated.apiKey.slice(-4)}`);
    await expect(t.client(created.apiKey).tenant.get()).rejects.toBeInstanceOf(AuthenticationError);
    expect((await t.client(rotated.apiKey).tenant.get()).id).toBe(created.id);
    const [event] = await t.client(rotated.apiKey).auditEvents.list({ resourceType: "tenant" }).toArray();
    expect(event).toMatchObject({ action: "tenant.rotateApiKey", before: { apiKeyMasked: created.apiKeyMasked }, after: { apiKeyMasked: rotated.apiKeyMasked } });
    const missing = await refusal(platform().tenants.get("ten_missing"));
    expect((missing as NotFoundError).message).toContain("Tenant ten_missing does not exist.");
  });

  it("refuses a plan limit below what the environments have, naming planLimit", async () => {
    const created = await newTenant({ planLimit: 20 });
    await t.client(created.apiKey).environments.create({ name: "production", maxConcurrentCalls: 15 });
    const error = await refusal(platform().tenants.update(created.id, { planLimit: 10 }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual([
      { path: "planLimit", message: "must be at least 15: the tenant's environments have that many concurrent calls; lower their allocations first" },
    ]);
    expect((await platform().tenants.get(created.id)).planLimit).toBe(20);
    // Down to exactly what the environments have is fine.
    expect((await platform().tenants.update(created.id, { planLimit: 15 })).planLimit).toBe(15);
  });

  it("deletes a tenant with everything in it; its key stops working and other tenants are untouched", async () => {
    const created = await newTenant();
    const own = t.client(created.apiKey);
    await own.environments.create({ name: "production", maxConcurrentCalls: 5 });
    await own.users.create({ name: "Ada Gone", email: "ada@gone.test", role: "admin" });
    await own.invitations.create({ email: "later@gone.test", role: "viewer" });
    await platform().tenants.delete(created.id);
    await expect(platform().tenants.get(created.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(own.tenant.get()).rejects.toBeInstanceOf(AuthenticationError);
    await expect(platform().tenants.delete(created.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await t.admin.tenant.get()).id).toBe(t.server.bootstrap!.tenantId);
  });

  it("is for platform administrators only", async () => {
    const created = await newTenant();
    await expect(t.admin.tenants.get(created.id)).rejects.toMatchObject({ status: 403 });
    await expect(t.client(created.apiKey).tenants.delete(created.id)).rejects.toMatchObject({ status: 403 });
  });
});

describe("credentials", () => {
  it("stop working at once when an API token is revoked", async () => {
    const created = await t.admin.apiTokens.create({ name: "short-lived", scope: "write" });
    expect(created.id).toMatch(/^tok_[0-9a-f]{16}$/);
    expect(created.token).toMatch(/^cpt_[0-9a-f]{40}$/);
    const token = t.client(created.token);
    await expect(token.environments.create({ name: "before-revoke" })).resolves.toMatchObject({ name: "before-revoke" });

    await t.admin.apiTokens.revoke(created.id);
    for (const call of [token.tenant.get(), token.environments.list().firstPage(), token.environments.create({ name: "after-revoke" })]) {
      const error = await refusal(call);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect((error as AuthenticationError).status).toBe(401);
    }
    expect((await t.admin.apiTokens.list().toArray()).map((tok) => tok.id)).not.toContain(created.id);
    expect((await t.admin.environments.list().toArray()).map((e) => e.name)).not.toContain("after-revoke");
    await expect(t.admin.apiTokens.revoke(created.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("stop working when their user is deleted", async () => {
    const user = await t.admin.users.create({ name: "Dana Leaving", email: "dana@leaving.test", role: "admin" });
    const owner = { type: "user" as const, id: user.id, name: user.name };
    const now = new Date().toISOString();
    const tokens = (["write", "read"] as const).map((scope) =>
      insertApiToken(t.server.store, { tenantId: t.server.bootstrap!.tenantId, ownerUserId: user.id, owner, name: `dana ${scope}`, scope, expiresAt: null }, now));
    for (const { token } of tokens) await expect(t.client(token).tenant.get()).resolves.toMatchObject({ id: t.server.bootstrap!.tenantId });

    await t.admin.users.delete(user.id);
    for (const { token } of tokens) {
      await expect(t.client(token).tenant.get()).rejects.toBeInstanceOf(AuthenticationError);
      await expect(t.client(token).users.create({ name: "Ghost", email: "ghost@leaving.test", role: "admin" })).rejects.toBeInstanceOf(AuthenticationError);
    }
    const listed = (await t.admin.apiTokens.list().toArray()).map((token) => token.id);
    for (const { id } of tokens) expect(listed).not.toContain(id);
  });
});

describe("a tenant API key", () => {
  it("is named in the audit log as the tenant's API key", async () => {
    const tenant = await newTenant();
    const env = await t.client(tenant.apiKey).environments.create({ name: "keyed" });
    const [event] = await t.client(tenant.apiKey).auditEvents.list({ resourceType: "environment", resourceId: env.id }).toArray();
    expect(event).toMatchObject({ action: "environment.create", actor: { type: "tenantApiKey", id: null, name: "Tenant API key" } });
  });

  it("keeps its Idempotency-Keys apart from another tenant's key: the same key creates in each tenant", async () => {
    const [first, second] = [await newTenant(), await newTenant()];
    const idempotencyKey = "shared-key-across-tenants";
    const a = await t.client(first.apiKey).environments.create({ name: "from-first" }, { idempotencyKey });
    const b = await t.client(second.apiKey).environments.create({ name: "from-second" }, { idempotencyKey });
    expect(b.id).not.toBe(a.id);
    expect(b.name).toBe("from-second");
    expect((await t.client(second.apiKey).environments.list().toArray()).map((e) => e.name)).toContain("from-second");
  });
});
