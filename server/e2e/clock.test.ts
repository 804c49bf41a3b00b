/**
 * Time as the server sees it, on a clock the test moves (`startServer({ clock })`): API tokens
 * stop at their expiry to the millisecond, `lastUsedAt` is written at most once a minute, an
 * idempotent answer holding a secret is replayed for a day, and a credential's request allowance
 * refills with time. Nothing here waits.
 */
import { AuthenticationError, ConflictError, RateLimitError, ValidationError } from "@callplane/sdk";
import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, raw, useServer } from "./harness.js";
import { TestClock } from "./test-clock.js";

const refusal = (promise: Promise<unknown>) => promise.then(() => { throw new Error("expected a refusal"); }, (error: unknown) => error);

describe("API tokens on the server's clock", () => {
  const clock = new TestClock();
  const t = useServer({ clock });

  it("work until their expiresAt and are refused from that millisecond on", async () => {
    const expiresAt = new Date(clock.now() + 3_600_000).toISOString();
    const created = await t.admin.apiTokens.create({ name: "for an hour", scope: "read", expiresAt });
    expect(created.expiresAt).toBe(expiresAt);
    const client = t.client(created.token);
    clock.advance(3_600_000 - 1);
    expect((await client.tenant.get()).name).toBe("Local tenant");
    clock.advance(1);
    const error = await refusal(client.tenant.get());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).message).toContain("expired");
  });

  it("cannot be created with an expiry that is not in the future", async () => {
    const error = await refusal(t.admin.apiTokens.create({ name: "already over", scope: "read", expiresAt: new Date(clock.now()).toISOString() }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual([{ path: "expiresAt", message: "must be in the future" }]);
  });

  it("record when they were last used, at most once a minute", async () => {
    const created = await t.admin.apiTokens.create({ name: "used", scope: "read" });
    const lastUsed = async () => (await t.admin.apiTokens.list().toArray()).find((token) => token.id === created.id)!.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    const firstUse = clock.now();
    await t.client(created.token).tenant.get();
    expect(await lastUsed()).toBe(new Date(firstUse).toISOString());
    clock.advance(60_000);
    await t.client(created.token).tenant.get();
    expect(await lastUsed()).toBe(new Date(firstUse).toISOString());
    clock.advance(1);
    await t.client(created.token).tenant.get();
    expect(await lastUsed()).toBe(new Date(clock.now()).toISOString());
  });
});

describe("idempotent answers that hold a secret, on the server's clock", () => {
  const clock = new TestClock();
  const t = useServer({ clock });
  const create = (key: string) => raw(t.url, "/v1/api-tokens", {
    method: "POST", token: ADMIN_TOKEN, headers: { "Content-Type": "application/json", "Idempotency-Key": key }, body: JSON.stringify({ name: "ci", scope: "read" }),
  });

  it("are replayed whole for a day, then the retry learns the call succeeded and the secret is not kept", async () => {
    const first = await create("deploy-1");
    expect(first.status).toBe(201);
    clock.advance(24 * 3_600_000);
    const replayed = await create("deploy-1");
    expect(replayed.headers.get("Idempotent-Replayed")).toBe("true");
    expect(replayed.body.token).toBe(first.body.token);
    clock.advance(1);
    const late = await create("deploy-1");
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain(first.body.id);
    expect(JSON.stringify(late.body)).not.toContain(first.body.token);
    expect((await t.admin.apiTokens.list().toArray()).filter((token) => token.name === "ci")).toHaveLength(1);
  });
});

describe("the request rate limit on the server's clock", () => {
  const clock = new TestClock();
  const t = useServer({ clock, rateLimit: 4 });

  it("lets a credential make its allowance at once, then refills it at the configured rate", async () => {
    const reader = t.client((await t.admin.apiTokens.create({ name: "reader", scope: "read" })).token);
    for (let i = 0; i < 4; i++) await reader.tenant.get();
    const limited = await refusal(reader.tenant.get());
    expect(limited).toBeInstanceOf(RateLimitError);
    // One request's worth refills in a quarter of a second; Retry-After is whole seconds.
    expect((limited as RateLimitError).retryAfterMs).toBe(1000);
    clock.advance(249);
    expect(await refusal(reader.tenant.get())).toBeInstanceOf(RateLimitError);
    clock.advance(1);
    await reader.tenant.get();
    expect(await refusal(reader.tenant.get())).toBeInstanceOf(RateLimitError);
    // A long pause refills the bucket, but only up to the allowance.
    clock.advance(60_000);
    for (let i = 0; i < 4; i++) await reader.tenant.get();
    expect(await refusal(reader.tenant.get())).toBeInstanceOf(RateLimitError);
  });

  it("counts each credential on its own", async () => {
    clock.advance(60_000);
    const one = t.client((await t.admin.apiTokens.create({ name: "one", scope: "read" })).token);
    const two = t.client((await t.admin.apiTokens.create({ name: "two", scope: "read" })).token);
    for (let i = 0; i < 4; i++) await one.tenant.get();
    expect(await refusal(one.tenant.get())).toBeInstanceOf(RateLimitError);
    expect((await two.tenant.get()).name).toBe("Local tenant");
  });
});

describe("sessions and invitations made with the server's clock", () => {
  const clock = new TestClock(Date.parse("2030-05-06T07:08:09.010Z"));
  const t = useServer({ clock });

  it("carry its time as their creation time", async () => {
    const invitation = await t.admin.invitations.create({ email: "when@acme.test", role: "viewer" });
    expect(invitation.createdAt).toBe("2030-05-06T07:08:09.010Z");
    expect(invitation.expiresAt).toBe("2030-05-13T07:08:09.010Z");
    const events = await t.admin.auditEvents.list({ resourceType: "invitation" }).toArray();
    expect(events[0]!.occurredAt).toBe("2030-05-06T07:08:09.010Z");
    expect(await refusal(t.admin.invitations.create({ email: "when@acme.test", role: "viewer" }))).toBeInstanceOf(ConflictError);
  });
});
