/**
 * Who may do what: every kind of credential against a representative read and write of every
 * resource, as one table. A cell expects the call to be allowed (2xx) or refused with 401/403
 * and a message that says why; a write cell also checks afterwards whether its change landed,
 * so a refusal that still changed something fails.
 */
import { AuthenticationError, CallplaneError, NotFoundError, PermissionError, type CallplaneClient, type Role, type User } from "@callplane/sdk";
import { beforeAll, describe, expect, it } from "vitest";
import { insertApiToken } from "../src/domain/api-tokens.js";
import { ADMIN_TOKEN, PLATFORM_TOKEN, raw, useServer } from "./harness.js";

const t = useServer();

// ---------------------------------------------------------------------------------------------
// Credentials

type CredentialName =
  | "tenantKey" | "adminWrite" | "adminRead" | "member" | "operator" | "viewer"
  | "environmentKey" | "platform" | "none" | "revoked" | "expired";

/** The credentials' values, set up in `beforeAll` (the tenant key changes when a cell rotates it). */
const secrets = {} as Record<CredentialName, string | undefined>;

type Access = "read" | "write" | "platform";
type Outcome = "allowed" | { status: 401 | 403; why: RegExp };

interface Credential {
  name: CredentialName;
  label: string;
  /** What this credential gets on tenant reads, tenant writes, and `/v1/tenants`. */
  read: Outcome;
  write: Outcome;
  platform: Outcome;
}

const NOT_PLATFORM: Outcome = { status: 403, why: /only platform administrators/i };
const NOT_TENANT: Outcome = { status: 403, why: /needs a tenant credential/i };
const ENVIRONMENT_KEY: Outcome = { status: 403, why: /environment API keys cannot call the settings API/i };
const roleRefused = (role: Role): Outcome => ({ status: 403, why: new RegExp(`belongs to an? ${role}; only admins may change settings`, "i") });
const everywhere = (outcome: Outcome) => ({ read: outcome, write: outcome, platform: outcome });

const credentials: Credential[] = [
  { name: "tenantKey", label: "the tenant API key", read: "allowed", write: "allowed", platform: NOT_PLATFORM },
  { name: "adminWrite", label: "an admin's write-scope token", read: "allowed", write: "allowed", platform: NOT_PLATFORM },
  { name: "adminRead", label: "an admin's read-scope token", read: "allowed", write: { status: 403, why: /read scope/i }, platform: NOT_PLATFORM },
  { name: "member", label: "a member's write-scope token", read: "allowed", write: roleRefused("member"), platform: NOT_PLATFORM },
  { name: "operator", label: "an operator's write-scope token", read: "allowed", write: roleRefused("operator"), platform: NOT_PLATFORM },
  { name: "viewer", label: "a viewer's write-scope token", read: "allowed", write: roleRefused("viewer"), platform: NOT_PLATFORM },
  { name: "environmentKey", label: "an environment API key", ...everywhere(ENVIRONMENT_KEY) },
  { name: "platform", label: "the platform-administrator token", read: NOT_TENANT, write: NOT_TENANT, platform: "allowed" },
  { name: "none", label: "no credential", ...everywhere({ status: 401, why: /Authorization: Bearer/ }) },
  { name: "revoked", label: "a revoked token", ...everywhere({ status: 401, why: /revoked/i }) },
  { name: "expired", label: "an expired token", ...everywhere({ status: 401, why: /expired/i }) },
];

/** A token for a user who has no way to create one through the API (only admins may write). */
function tokenFor(user: User, scope: "read" | "write", expiresAt: string | null = null): string {
  return insertApiToken(t.server.store, {
    tenantId: t.server.bootstrap!.tenantId,
    ownerUserId: user.id,
    owner: { type: "user", id: user.id, name: user.name },
    name: `${user.name} ${scope}`,
    scope,
    expiresAt,
  }, new Date().toISOString()).token;
}

beforeAll(async () => {
  secrets.tenantKey = (await t.admin.tenant.rotateApiKey()).apiKey;
  secrets.adminWrite = (await t.admin.apiTokens.create({ name: "matrix admin write", scope: "write" })).token;
  secrets.adminRead = (await t.admin.apiTokens.create({ name: "matrix admin read", scope: "read" })).token;
  for (const role of ["member", "operator", "viewer"] as const) {
    const user = await t.admin.users.create({ name: `Matrix ${role}`, email: `${role}@matrix.test`, role });
    // Write scope on purpose: only the role may be what stops these tokens from writing.
    secrets[role] = tokenFor(user, "write");
  }
  secrets.environmentKey = (await t.admin.environments.create({ name: "matrix-key-holder" })).apiKey;
  secrets.platform = PLATFORM_TOKEN;
  secrets.none = undefined;
  const revoked = await t.admin.apiTokens.create({ name: "matrix revoked", scope: "write" });
  await t.admin.apiTokens.revoke(revoked.id);
  secrets.revoked = revoked.token;
  const admin = await t.admin.users.get(t.server.bootstrap!.adminUserId);
  secrets.expired = tokenFor(admin, "write", new Date(Date.now() - 60_000).toISOString());
});

// ---------------------------------------------------------------------------------------------
// Operations

interface Ctx {
  admin: CallplaneClient;
  platform: CallplaneClient;
  clientFor(token: string): CallplaneClient;
  unique: string;
}

interface Operation<T = any> {
  name: string;
  access: Access;
  /** Makes what the call needs, as the bootstrap admin, so cells do not depend on each other. */
  arrange?: (ctx: Ctx) => Promise<T>;
  /** The call under test, with the cell's credential. May assert what an allowed call returns. */
  act: (client: CallplaneClient, target: T, ctx: Ctx) => Promise<unknown>;
  /** Writes: whether the change is visible afterwards (it must be exactly when allowed). */
  landed?: (ctx: Ctx, target: T) => Promise<boolean>;
}

const op = <T>(operation: Operation<T>): Operation => operation;

async function isGone(read: Promise<unknown>): Promise<boolean> {
  return read.then(() => false, (error: unknown) => {
    if (error instanceof NotFoundError) return true;
    throw error;
  });
}

async function isRefusedCredential(read: Promise<unknown>): Promise<boolean> {
  return read.then(() => false, (error: unknown) => {
    if (error instanceof AuthenticationError) return true;
    throw error;
  });
}

const newEnvironment = (ctx: Ctx) => ctx.admin.environments.create({ name: `env-${ctx.unique}` });
const newUser = (ctx: Ctx) => ctx.admin.users.create({ name: `User ${ctx.unique}`, email: `${ctx.unique}@matrix.test`, role: "viewer" });
const newInvitation = (ctx: Ctx) => ctx.admin.invitations.create({ email: `${ctx.unique}@invited.test`, role: "viewer", expiresInDays: 1 });

const operations: Operation[] = [
  // Tenant
  op({
    name: "tenant.get", access: "read",
    act: async (client) => expect((await client.tenant.get()).id).toBe(t.server.bootstrap!.tenantId),
  }),
  op({
    name: "tenant.update", access: "write",
    arrange: async (ctx) => `Tenant ${ctx.unique}`,
    act: (client, name) => client.tenant.update({ name }),
    landed: async (ctx, name) => (await ctx.admin.tenant.get()).name === name,
  }),
  op({
    name: "tenant.rotateApiKey", access: "write",
    arrange: async (ctx) => (await ctx.admin.tenant.get()).apiKeyMasked,
    act: async (client) => {
      // The old tenant key stops working: later cells use the new one.
      secrets.tenantKey = (await client.tenant.rotateApiKey()).apiKey;
    },
    landed: async (ctx, maskedBefore) => (await ctx.admin.tenant.get()).apiKeyMasked !== maskedBefore,
  }),

  // Tenants (platform administrators)
  op({
    name: "tenants.list", access: "platform",
    act: async (client) => expect((await client.tenants.list()).data.map((tenant) => tenant.id)).toContain(t.server.bootstrap!.tenantId),
  }),
  op({
    name: "tenants.create", access: "platform",
    arrange: async (ctx) => `Matrix tenant ${ctx.unique}`,
    act: (client, name) => client.tenants.create({ name, billingEmail: "billing@matrix.test", planLimit: 5 }),
    landed: async (ctx, name) => (await ctx.platform.tenants.list({ limit: 100 }).toArray()).some((tenant) => tenant.name === name),
  }),

  // Environments
  op({
    name: "environments.list", access: "read",
    act: async (client) => expect((await client.environments.list()).data.map((e) => e.name)).toContain("default"),
  }),
  op({
    name: "environments.get", access: "read",
    arrange: newEnvironment,
    act: async (client, env) => expect((await client.environments.get(env.id)).name).toBe(env.name),
  }),
  op({
    name: "environments.create", access: "write",
    arrange: async (ctx) => `created-${ctx.unique}`,
    act: (client, name) => client.environments.create({ name }),
    landed: async (ctx, name) => (await ctx.admin.environments.list({ includeHidden: true, limit: 100 }).toArray()).some((e) => e.name === name),
  }),
  op({
    name: "environments.update", access: "write",
    arrange: newEnvironment,
    act: (client, env) => client.environments.update(env.id, { name: `${env.name}-renamed` }),
    landed: async (ctx, env) => (await ctx.admin.environments.get(env.id)).name === `${env.name}-renamed`,
  }),
  op({
    name: "environments.delete", access: "write",
    arrange: newEnvironment,
    act: (client, env) => client.environments.delete(env.id),
    landed: (ctx, env) => isGone(ctx.admin.environments.get(env.id)),
  }),
  op({
    name: "environments.rotateApiKey", access: "write",
    arrange: newEnvironment,
    act: (client, env) => client.environments.rotateApiKey(env.id),
    landed: async (ctx, env) => (await ctx.admin.environments.get(env.id)).apiKeyMasked !== env.apiKeyMasked,
  }),

  // Concurrency
  op({
    name: "concurrency.get", access: "read",
    act: async (client) => expect((await client.concurrency.get()).planLimit).toBe(40),
  }),
  op({
    name: "concurrency.set", access: "write",
    arrange: newEnvironment,
    act: (client, env) => client.concurrency.set({ allocations: [{ environmentId: env.id, maxConcurrentCalls: 1 }] }),
    landed: async (ctx, env) => (await ctx.admin.environments.get(env.id)).maxConcurrentCalls === 1,
  }),

  // Users
  op({
    name: "users.list", access: "read",
    act: async (client) => expect((await client.users.list({ role: "viewer" })).data.map((u) => u.email)).toContain("viewer@matrix.test"),
  }),
  op({
    name: "users.get", access: "read",
    arrange: newUser,
    act: async (client, user) => expect((await client.users.get(user.id)).email).toBe(user.email),
  }),
  op({
    name: "users.create", access: "write",
    arrange: async (ctx) => `${ctx.unique}@created.test`,
    act: (client, email) => client.users.create({ name: "Created", email, role: "member" }),
    landed: async (ctx, email) => (await ctx.admin.users.list({ q: email }).toArray()).length === 1,
  }),
  op({
    name: "users.update", access: "write",
    arrange: newUser,
    act: (client, user) => client.users.update(user.id, { name: `${user.name} renamed` }),
    landed: async (ctx, user) => (await ctx.admin.users.get(user.id)).name === `${user.name} renamed`,
  }),
  op({
    name: "users.delete", access: "write",
    arrange: newUser,
    act: (client, user) => client.users.delete(user.id),
    landed: (ctx, user) => isGone(ctx.admin.users.get(user.id)),
  }),

  // Invitations
  op({
    name: "invitations.list", access: "read",
    arrange: newInvitation,
    act: async (client, invitation) => expect((await client.invitations.list()).data.map((i) => i.id)).toContain(invitation.id),
  }),
  op({
    name: "invitations.get", access: "read",
    arrange: newInvitation,
    act: async (client, invitation) => expect((await client.invitations.get(invitation.id)).email).toBe(invitation.email),
  }),
  op({
    name: "invitations.create", access: "write",
    arrange: async (ctx) => `${ctx.unique}@new-invite.test`,
    act: (client, email) => client.invitations.create({ email, role: "member" }),
    landed: async (ctx, email) => (await ctx.admin.invitations.list({ limit: 100 }).toArray()).some((i) => i.email === email),
  }),
  op({
    name: "invitations.revoke", access: "write",
    arrange: newInvitation,
    act: (client, invitation) => client.invitations.revoke(invitation.id),
    landed: async (ctx, invitation) => (await ctx.admin.invitations.get(invitation.id)).status === "revoked",
  }),
  op({
    name: "invitations.renew", access: "write",
    arrange: newInvitation,
    act: (client, invitation) => client.invitations.renew(invitation.id, { expiresInDays: 30 }),
    landed: async (ctx, invitation) => (await ctx.admin.invitations.get(invitation.id)).expiresAt !== invitation.expiresAt,
  }),

  // Audit events
  op({
    name: "auditEvents.list", access: "read",
    act: async (client) => expect((await client.auditEvents.list()).data.length).toBeGreaterThan(0),
  }),

  // API tokens
  op({
    name: "apiTokens.list", access: "read",
    act: async (client) => expect((await client.apiTokens.list({ limit: 100 })).data.map((token) => token.name)).toContain("matrix admin read"),
  }),
  op({
    name: "apiTokens.create", access: "write",
    arrange: async (ctx) => `token ${ctx.unique}`,
    act: (client, name) => client.apiTokens.create({ name, scope: "read" }),
    landed: async (ctx, name) => (await ctx.admin.apiTokens.list({ limit: 100 }).toArray()).some((token) => token.name === name),
  }),
  op({
    name: "apiTokens.revoke", access: "write",
    arrange: (ctx) => ctx.admin.apiTokens.create({ name: `to revoke ${ctx.unique}`, scope: "read" }),
    act: (client, token) => client.apiTokens.revoke(token.id),
    landed: (ctx, token) => isRefusedCredential(ctx.clientFor(token.token).tenant.get()),
  }),
];

// ---------------------------------------------------------------------------------------------
// The matrix

let counter = 0;

function describeOutcome(outcome: Outcome): string {
  return outcome === "allowed" ? "is allowed" : `is refused with ${outcome.status}`;
}

describe.each(credentials.map((credential) => [credential.label, credential] as const))("%s", (_label, credential) => {
  const cells = operations.map((operation) => [`${operation.name} ${describeOutcome(credential[operation.access])}`, operation] as const);
  it.each(cells)("%s", async (_title, operation) => {
    const ctx: Ctx = { admin: t.admin, platform: t.client(PLATFORM_TOKEN), clientFor: (token) => t.client(token), unique: `m${++counter}` };
    const target = await operation.arrange?.(ctx);
    const expected = credential[operation.access];

    const outcome = await operation.act(t.client(secrets[credential.name]), target, ctx).then(
      () => "allowed" as const,
      (error: unknown) => {
        if (error instanceof CallplaneError) return error;
        throw error;
      },
    );

    if (expected === "allowed") {
      expect(outcome === "allowed" ? outcome : `${outcome.status} ${outcome.detail}`).toBe("allowed");
    } else {
      expect(outcome).toBeInstanceOf(expected.status === 401 ? AuthenticationError : PermissionError);
      const error = outcome as CallplaneError;
      expect(error.status).toBe(expected.status);
      expect(error.detail).toMatch(expected.why);
    }
    if (operation.landed) expect(await operation.landed(ctx, target), "whether the change landed").toBe(expected === "allowed");
  });
});

// ---------------------------------------------------------------------------------------------
// Beyond the matrix

describe("access", () => {
  it("follows the user's current role: demoting an admin takes away their token's writes at once", async () => {
    const user = await t.admin.users.create({ name: "Rowan Admin", email: "rowan@matrix.test", role: "admin" });
    const rowan = t.client(tokenFor(user, "write"));
    await expect(rowan.environments.create({ name: "rowan-1" })).resolves.toMatchObject({ name: "rowan-1" });

    await t.admin.users.update(user.id, { role: "viewer" });
    const refused = await rowan.environments.create({ name: "rowan-2" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PermissionError);
    expect((refused as PermissionError).detail).toMatch(/viewer/);
    await expect(rowan.environments.list().toArray()).resolves.not.toContainEqual(expect.objectContaining({ name: "rowan-2" }));

    await t.admin.users.update(user.id, { role: "admin" });
    await expect(rowan.environments.create({ name: "rowan-3" })).resolves.toMatchObject({ name: "rowan-3" });
  });

  it("answers 401 with a Bearer challenge when the credential is missing or not a Bearer credential", async () => {
    const attempts: Record<string, string>[] = [
      {},
      { Authorization: `Basic ${Buffer.from(`admin:${ADMIN_TOKEN}`).toString("base64")}` },
      { Authorization: "Bearer" },
      // A valid credential, but not as the whole of a Bearer header.
      { Authorization: `Token Bearer ${ADMIN_TOKEN}` },
      { Authorization: `Bearer ${ADMIN_TOKEN} ${ADMIN_TOKEN}` },
    ];
    for (const headers of attempts) {
      const response = await raw(t.url, "/v1/tenant", { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get("WWW-Authenticate")).toMatch(/^Bearer /);
      expect(response.body.type).toBe("https://callplane.dev/problems/unauthenticated");
    }
  });
});
