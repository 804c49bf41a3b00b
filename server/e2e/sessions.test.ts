import { AuthenticationError, ConflictError, NotFoundError, PermissionError, RateLimitError, ValidationError, type CallplaneClient } from "@callplane/sdk";
import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PLATFORM_TOKEN, raw, useServer } from "./harness.js";
import { TestClock } from "./test-clock.js";

const PASSWORD = "correct-horse-battery";
const refusal = (promise: Promise<unknown>) => promise.then(() => { throw new Error("expected a refusal"); }, (error: unknown) => error);
const dir = mkdtempSync(join(tmpdir(), "callplane-sessions-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The problem body without what differs from request to request. */
const stable = (body: any) => ({ ...body, requestId: undefined, instance: undefined });
const PROBLEMS = "https://callplane.dev/problems/";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

describe("sessions", () => {
  const db = join(dir, "sessions.db");
  const t = useServer({ db, signInLimits: { failuresPerEmail: 1000, failuresPerAddress: 10_000 } });
  const signIn = (email: string, password: string, source = "api") =>
    raw(t.url, "/v1/sessions", { method: "POST", headers: { "Content-Type": "application/json", "X-Callplane-Source": source }, body: JSON.stringify({ email, password }) });
  const member = async (email: string, role: "admin" | "member" | "operator" | "viewer" = "member") => {
    const user = await t.admin.users.create({ name: email.split("@")[0]!, email, role, password: PASSWORD });
    const session = await t.client(undefined).sessions.create({ email, password: PASSWORD });
    return { user, session, client: t.client(session.token) };
  };

  it("trade an email and password for a token that acts as the user, with the role read at every call", async () => {
    const { user, session, client } = await member("lee@acme.test");
    expect(session.token).toMatch(/^cps_[0-9a-f]{40}$/);
    expect(session.id).toMatch(/^ses_/);
    expect(session.user).toMatchObject({ id: user.id, email: "lee@acme.test", role: "member" });
    const lifetime = Date.parse(session.expiresAt) - Date.parse(session.createdAt);
    expect(lifetime).toBe(12 * 60 * 60 * 1000);
    // Other tests of this file add environments to the same tenant, in whatever order they run.
    expect((await client.environments.list().toArray()).map((e) => e.name)).toContain("default");
    expect(await client.sessions.current()).toMatchObject({ id: session.id, user: { id: user.id, role: "member" } });
    const refused = await refusal(client.environments.create({ name: "staging" }));
    expect(refused).toBeInstanceOf(PermissionError);
    expect((refused as PermissionError).message).toContain("member");
  });

  it("sign an email in whatever its case", async () => {
    await member("Case@Acme.test");
    const session = await t.client(undefined).sessions.create({ email: "case@ACME.TEST", password: PASSWORD });
    expect(session.user.email).toBe("Case@Acme.test");
  });

  it("are stored only as hashes, like API tokens", async () => {
    const { session } = await member("hash@acme.test");
    const file = new Database(db, { readonly: true });
    try {
      const row = file.prepare("SELECT * FROM sessions WHERE id = ?").get(session.id) as Record<string, unknown>;
      expect(row.token_hash).toBe(createHash("sha256").update(session.token).digest("hex"));
      expect(JSON.stringify(row)).not.toContain(session.token.slice(4));
    } finally {
      file.close();
    }
  });

  it("answer an unknown email and a wrong password alike: the same 401", async () => {
    await member("known@acme.test");
    await t.admin.users.create({ name: "No password", email: "nopass@acme.test", role: "member" });
    const unknown = await signIn("nobody@acme.test", PASSWORD);
    const wrong = await signIn("known@acme.test", "not-the-password");
    const noPassword = await signIn("nopass@acme.test", PASSWORD);
    expect(unknown.status).toBe(401);
    expect(stable(wrong.body)).toEqual(stable(unknown.body));
    expect(stable(noPassword.body)).toEqual(stable(unknown.body));
    expect(unknown.body.detail).toBe("The email or password is wrong.");
    const error = await refusal(t.client(undefined).sessions.create({ email: "nobody@acme.test", password: PASSWORD }));
    expect(error).toBeInstanceOf(AuthenticationError);
  });

  it("take as long for an unknown email as for a wrong password (medians of 9 tries each)", async () => {
    await member("timing@acme.test");
    const unknown: number[] = [];
    const wrong: number[] = [];
    // Interleaved, so load on the machine falls on both alike.
    for (let i = 0; i < 9; i++) {
      unknown.push(await timed(() => signIn(`nobody${i}@acme.test`, "guess-123456")));
      wrong.push(await timed(() => signIn("timing@acme.test", `guess-${i}-123456`)));
    }
    // A password check is one scrypt run (tens of milliseconds); skipping it for unknown
    // emails would make their median many times shorter. The bound is generous on purpose.
    const ratio = median(unknown) / median(wrong);
    expect(ratio, `unknown ${median(unknown).toFixed(1)} ms, wrong ${median(wrong).toFixed(1)} ms`).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it("sign out: the token stops working at once", async () => {
    const { client, session } = await member("bye@acme.test");
    await client.sessions.signOut();
    const after = await refusal(client.tenant.get());
    expect(after).toBeInstanceOf(AuthenticationError);
    expect((after as AuthenticationError).message).toContain("The session is unknown or has ended; sign in again.");
    const events = await t.admin.auditEvents.list({ resourceType: "session", resourceId: session.id }).toArray();
    expect(events.map((e) => e.action)).toEqual(["session.signOut", "session.signIn"]);
    expect(events[0]).toMatchObject({ before: { userId: session.user.id, expiresAt: session.expiresAt }, after: null });
  });

  it("each keep their own Idempotency-Keys: the same key in two sessions is two requests", async () => {
    const { session: first } = await member("keys-a@acme.test", "admin");
    const { session: second } = await member("keys-b@acme.test", "admin");
    const create = (token: string, name: string) => raw(t.url, "/v1/environments", {
      method: "POST", token, headers: { "Content-Type": "application/json", "Idempotency-Key": "deploy-7" }, body: JSON.stringify({ name }),
    });
    const a = await create(first.token, "keys-a");
    const b = await create(second.token, "keys-b");
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.headers.get("Idempotent-Replayed")).toBeNull();
    expect(b.body.name).toBe("keys-b");
  });

  it("have nothing to sign out for other credentials: 404", async () => {
    const notASession = "This credential is not a session; only session tokens (from signing in) have one.";
    const signOut = await refusal(t.admin.sessions.signOut());
    expect(signOut).toBeInstanceOf(NotFoundError);
    expect((signOut as NotFoundError).detail).toBe(notASession);
    const current = await refusal(t.admin.sessions.current());
    expect(current).toBeInstanceOf(NotFoundError);
    expect((current as NotFoundError).detail).toBe(notASession);
    expect(await refusal(t.client(PLATFORM_TOKEN).sessions.current())).toBeInstanceOf(PermissionError);
  });

  it("end the moment their user is deleted", async () => {
    const { user, client } = await member("gone@acme.test");
    expect((await client.tenant.get()).name).toBe("Local tenant");
    await t.admin.users.delete(user.id);
    const error = await refusal(client.tenant.get());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(await refusal(t.client(undefined).sessions.create({ email: "gone@acme.test", password: PASSWORD }))).toBeInstanceOf(AuthenticationError);
  });

  it("take a demotion (and a promotion) at the next call", async () => {
    const { user, client } = await member("boss@acme.test", "admin");
    const staging = await client.environments.create({ name: "boss-staging" });
    await t.admin.users.update(user.id, { role: "viewer" });
    expect(await refusal(client.environments.update(staging.id, { hidden: true }))).toBeInstanceOf(PermissionError);
    expect((await client.sessions.current()).user.role).toBe("viewer");
    await t.admin.users.update(user.id, { role: "admin" });
    expect((await client.environments.update(staging.id, { hidden: true })).hidden).toBe(true);
  });

  it("cannot write once the tenant is made read-only, from the next call on", async () => {
    const { client } = await member("frozen@acme.test", "admin");
    await client.tenant.update({ description: "before" });
    const file = new Database(db);
    try {
      file.prepare("UPDATE tenants SET read_only = 1").run();
      const error = await refusal(client.tenant.update({ description: "after" }));
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).message).toContain("read-only");
      // Reading and signing out still work.
      expect((await client.tenant.get()).readOnly).toBe(true);
      await client.sessions.signOut();
    } finally {
      file.prepare("UPDATE tenants SET read_only = 0").run();
      file.close();
    }
  });

  it("are in the audit log: sign-in, failed sign-in and sign-out, with their source and never the password", async () => {
    const user = await t.admin.users.create({ name: "Audited", email: "audit@acme.test", role: "member", password: PASSWORD });
    expect((await signIn("audit@acme.test", "wrong-password-1", "console")).status).toBe(401);
    const ok = await signIn("audit@acme.test", PASSWORD, "console");
    expect(ok.status).toBe(201);
    await raw(t.url, "/v1/sessions/current", { method: "DELETE", token: ok.body.token, headers: { "X-Callplane-Source": "api" } });
    const events = (await t.admin.auditEvents.list({ resourceType: "session" }).toArray()).filter((e) => e.actor.id === user.id);
    expect(events.map((e) => [e.action, e.source])).toEqual([["session.signOut", "api"], ["session.signIn", "console"], ["session.signInFailed", "console"]]);
    expect(events[2]!.after).toMatchObject({ userId: user.id, email: "audit@acme.test", clientAddress: expect.stringMatching(/127\.0\.0\.1$/) });
    expect(events[1]).toMatchObject({ resourceId: ok.body.id, before: null });
    expect(events[1]!.after).toEqual({ userId: user.id, expiresAt: ok.body.expiresAt, clientAddress: expect.stringMatching(/127\.0\.0\.1$/) });
    const everything = JSON.stringify(await t.admin.auditEvents.list().toArray());
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain("wrong-password-1");
    expect(everything).not.toContain(ok.body.token);
  });

  it("ask which tenant when the same email and password belong to users of two tenants", async () => {
    const other = await t.client(PLATFORM_TOKEN).tenants.create({ name: "Other Tenant", billingEmail: "b@other.test", planLimit: 5 });
    await member("twice@acme.test");
    await t.client(other.apiKey).users.create({ name: "Twice", email: "twice@acme.test", role: "viewer", password: PASSWORD });
    const error = await refusal(t.client(undefined).sessions.create({ email: "twice@acme.test", password: PASSWORD }));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).fieldErrors).toEqual([{ path: "tenantId", message: expect.stringMatching(/^is required: one of ten_\w+, ten_\w+$/) }]);
    expect((error as ConflictError).fieldErrors[0]!.message).toContain(other.id);
    const r = await signIn("twice@acme.test", PASSWORD);
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ type: `${PROBLEMS}tenant-required`, title: "Name the tenant", detail: "This email and password sign in to 2 tenants; send tenantId to choose one." });
    const session = await t.client(undefined).sessions.create({ email: "twice@acme.test", password: PASSWORD, tenantId: other.id });
    expect(session.user.role).toBe("viewer");
    expect((await t.client(session.token).tenant.get()).id).toBe(other.id);
  });

  it("refuse a malformed sign-in naming the field", async () => {
    const error = await refusal(t.client(undefined, { validateResponses: true }).sessions.create({ email: "not-an-email", password: "x" }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.map((e) => e.path)).toEqual(["email"]);
  });

  it("are what accepting an invitation answers with", async () => {
    const invitation = await t.admin.invitations.create({ email: "invited@acme.test", role: "operator" });
    const accepted = await t.client(undefined).invitations.accept({ secret: invitation.secret, name: "Invited", password: "a-long-passphrase" });
    expect(accepted.session.user).toMatchObject({ id: accepted.id, role: "operator" });
    const client = t.client(accepted.session.token);
    expect((await client.sessions.current()).user.email).toBe("invited@acme.test");
    // The password set on the accept page signs in later too.
    const later = await t.client(undefined).sessions.create({ email: "invited@acme.test", password: "a-long-passphrase" });
    expect(later.user.id).toBe(accepted.id);
  });
});

describe("sessions with a short lifetime", () => {
  const clock = new TestClock();
  const t = useServer({ sessionTtlMs: 90 * 60_000, clock });

  it("expire after the server's --session-ttl, to the millisecond", async () => {
    await t.admin.users.create({ name: "Brief", email: "brief@acme.test", role: "viewer", password: PASSWORD });
    const session = await t.client(undefined).sessions.create({ email: "brief@acme.test", password: PASSWORD });
    expect(Date.parse(session.createdAt)).toBe(clock.now());
    expect(Date.parse(session.expiresAt) - Date.parse(session.createdAt)).toBe(90 * 60_000);
    const client: CallplaneClient = t.client(session.token);
    clock.advance(90 * 60_000 - 1);
    expect((await client.sessions.current()).id).toBe(session.id);
    clock.advance(1);
    const error = await refusal(client.tenant.get());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).message).toContain("expired");
  });
});

// Each limit gets a server of its own: the counts are per server, and tests run in any order.
describe("failed sign-ins, per email", () => {
  const clock = new TestClock();
  const t = useServer({ signInLimits: { failuresPerEmail: 3, failuresPerAddress: 100 }, clock });
  const signIn = (email: string, password: string) => t.client(undefined).sessions.create({ email, password });

  it("are limited per email: past the limit even the right password waits, with Retry-After, until the window has passed", async () => {
    await t.admin.users.create({ name: "Target", email: "target@acme.test", role: "admin", password: PASSWORD });
    for (let i = 0; i < 3; i++) expect(await refusal(signIn("target@acme.test", `guess-${i}-123`))).toBeInstanceOf(AuthenticationError);
    const limited = await refusal(signIn("target@acme.test", PASSWORD));
    expect(limited).toBeInstanceOf(RateLimitError);
    expect((limited as RateLimitError).retryAfterMs).toBe(15 * 60 * 1000);
    clock.advance(10 * 60_000);
    const response = await raw(t.url, "/v1/sessions", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email: "TARGET@acme.test", password: PASSWORD }) });
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe(String(5 * 60));
    expect(response.body).toMatchObject({
      type: `${PROBLEMS}rate-limited`, title: "Too many requests",
      detail: "Too many failed sign-ins for this email or from this address. Try again in 300 seconds.",
    });
    // The default window is 15 minutes: once the failures have left it, the right password works.
    clock.advance(5 * 60_000 - 1);
    expect(await refusal(signIn("target@acme.test", PASSWORD))).toBeInstanceOf(RateLimitError);
    clock.advance(1);
    expect((await signIn("target@acme.test", PASSWORD)).user.email).toBe("target@acme.test");
  });

});

describe("failed sign-ins, per client address", () => {
  const t = useServer({ signInLimits: { failuresPerEmail: 3, failuresPerAddress: 5 } });
  const signIn = (email: string, password: string) => t.client(undefined).sessions.create({ email, password });

  it("are limited per client address too, unknown emails included", async () => {
    await t.admin.users.create({ name: "Fresh", email: "fresh@acme.test", role: "viewer", password: PASSWORD });
    // Five failures from one address, each for a different email (so no email reaches its own limit).
    for (let i = 0; i < 5; i++) expect(await refusal(signIn(`nobody${i}@acme.test`, "guess-123456"))).toBeInstanceOf(AuthenticationError);
    expect(await refusal(signIn("fresh@acme.test", PASSWORD))).toBeInstanceOf(RateLimitError);
  });
});

describe("a successful sign-in", () => {
  const t = useServer({ signInLimits: { failuresPerEmail: 3, failuresPerAddress: 100 } });

  it("clears its email's failures", async () => {
    await t.admin.users.create({ name: "Typo", email: "typo@acme.test", role: "viewer", password: PASSWORD });
    const signIn = (password: string) => t.client(undefined).sessions.create({ email: "typo@acme.test", password });
    for (let i = 0; i < 2; i++) await refusal(signIn("typo-123456"));
    await signIn(PASSWORD);
    for (let i = 0; i < 2; i++) expect(await refusal(signIn("typo-123456"))).toBeInstanceOf(AuthenticationError);
    expect((await signIn(PASSWORD)).user.email).toBe("typo@acme.test");
  });
});

describe("sign-up", () => {
  describe("on a server without --allow-signup", () => {
    const t = useServer();
    it("is refused", async () => {
      const error = await refusal(t.client(undefined).sessions.signUp({ tenantName: "Acme Voice", name: "Olivia", email: "ops@acme.test", password: PASSWORD }));
      expect(error).toBeInstanceOf(PermissionError);
      expect((error as PermissionError).message).toContain("Sign-up is turned off");
      expect(await t.client(PLATFORM_TOKEN).tenants.list().toArray()).toHaveLength(1);
    });
  });

  describe("on a server with --allow-signup", () => {
    const t = useServer({ allowSignup: true, signInLimits: { signUpsPerAddress: 100 } });

    it("creates the tenant (default plan limit, a default environment) with the caller as its admin, signed in", async () => {
      const { tenant, session } = await t.client(undefined, { source: "console" }).sessions.signUp({ tenantName: "Acme Voice", name: "Olivia Stone", email: "ops@acme.test", password: PASSWORD });
      expect(tenant).toMatchObject({ name: "Acme Voice", billingEmail: "ops@acme.test", planLimit: 40, readOnly: false });
      expect(session.user).toMatchObject({ name: "Olivia Stone", email: "ops@acme.test", role: "admin" });
      const client = t.client(session.token);
      expect((await client.tenant.get()).id).toBe(tenant.id);
      expect((await client.environments.list({ includeHidden: true }).toArray()).map((e) => e.name)).toEqual(["default"]);
      expect((await client.users.list().toArray()).map((u) => u.email)).toEqual(["ops@acme.test"]);
      const events = await client.auditEvents.list().toArray();
      expect(events.map((e) => [e.action, e.source])).toEqual([["session.signIn", "console"], ["user.create", "console"], ["tenant.signUp", "console"]]);
      expect(JSON.stringify(events)).not.toContain(PASSWORD);
      // The password signs in later.
      expect((await t.client(undefined).sessions.create({ email: "ops@acme.test", password: PASSWORD })).user.id).toBe(session.user.id);
    });

    it("refuses bad input naming each field", async () => {
      const error = await refusal(t.client(undefined).sessions.signUp({ tenantName: "A", name: "", email: "nope", password: "short" }));
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors.map((e) => e.path).sort()).toEqual(["email", "name", "password", "tenantName"]);
    });

  });

  describe("on a server with --allow-signup and a limit of 2 per address", () => {
    const clock = new TestClock();
    const t = useServer({ allowSignup: true, signInLimits: { signUpsPerAddress: 2 }, clock });

    it("is limited per client address, saying for how long", async () => {
      await t.client(undefined).sessions.signUp({ tenantName: "First Co", name: "Fay", email: "fay@first.test", password: PASSWORD });
      clock.advance(60_000);
      await t.client(undefined).sessions.signUp({ tenantName: "Second Co", name: "Sam", email: "sam@second.test", password: PASSWORD });
      const error = await refusal(t.client(undefined).sessions.signUp({ tenantName: "Third Co", name: "Tia", email: "tia@third.test", password: PASSWORD }));
      expect(error).toBeInstanceOf(RateLimitError);
      // The first sign-up leaves the 15-minute window 14 minutes from now.
      const r = await raw(t.url, "/v1/signup", {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ tenantName: "Third Co", name: "Tia", email: "tia@third.test", password: PASSWORD }),
      });
      expect([r.status, r.headers.get("Retry-After")]).toEqual([429, String(14 * 60)]);
      expect(r.body).toMatchObject({ type: `${PROBLEMS}rate-limited`, title: "Too many requests", detail: "Too many sign-ups from this address. Try again in 840 seconds." });
    });
  });
});
