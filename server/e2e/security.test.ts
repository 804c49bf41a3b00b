/**
 * Security regressions: every defect an outside probe found (issue 13), as a named test that
 * failed before its fix. docs/security.md states the rules these tests hold the server to.
 */
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../src/index.js";
import { ADMIN_TOKEN, raw, useServer } from "./harness.js";
import { TestClock } from "./test-clock.js";

/** Raw bytes over TCP, for what fetch would never send (partial headers, a missing body). */
function openSocket(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.once("error", reject);
  });
}

/** Everything the server sends until it closes the connection or `waitMs` passes. */
function readUntilClosed(socket: Socket, waitMs: number): Promise<{ text: string; closed: boolean; afterMs: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    let text = "";
    const done = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, closed, afterMs: Date.now() - started });
    };
    const timer = setTimeout(() => done(false), waitMs);
    socket.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    socket.on("close", () => done(true));
    socket.on("error", () => undefined);
  });
}

/** The first response on the socket, as soon as its head is complete. */
function firstResponseHead(socket: Socket, waitMs: number): Promise<string> {
  return new Promise((resolve) => {
    let text = "";
    const timer = setTimeout(() => resolve(text), waitMs);
    socket.on("data", (chunk: Buffer) => {
      text += chunk.toString("utf8");
      if (text.includes("\r\n\r\n")) {
        clearTimeout(timer);
        resolve(text);
      }
    });
    socket.on("error", () => undefined);
  });
}

describe("security regressions (issue 13)", () => {
  const t = useServer();

  it("2: API tokens minted with the tenant API key stop working when that key is rotated", async () => {
    const tenantKey = (await t.admin.tenant.rotateApiKey()).apiKey;
    const keyClient = t.client(tenantKey);
    const minted = await keyClient.apiTokens.create({ name: "minted by the key", scope: "write" });
    // A token minted by that token is owned by the key too.
    const grandchild = await t.client(minted.token).apiTokens.create({ name: "minted by the minted token", scope: "read" });
    const adminToken = await t.admin.apiTokens.create({ name: "the admin's own", scope: "read" });

    await keyClient.tenant.rotateApiKey();

    for (const token of [minted.token, grandchild.token]) {
      const answer = await raw(t.url, "/v1/tenant", { method: "PATCH", token, headers: { "Content-Type": "application/json" }, body: JSON.stringify({ description: "still here?" }) });
      expect(answer.status).toBe(401);
      expect(answer.body.detail).toMatch(/revoked/i);
    }
    // Tokens of a user are not touched: they die with the user, not with the key.
    expect((await raw(t.url, "/v1/tenant", { token: adminToken.token })).status).toBe(200);
    const revocations = await t.admin.auditEvents.list({ resourceType: "apiToken", resourceId: minted.id }).toArray();
    expect(revocations.map((e) => e.action)).toContain("apiToken.revoke");
  });

  it("7: If-Match compares strongly: a weak ETag is refused with 412 and nothing changes", async () => {
    const env = await t.admin.environments.create({ name: "weakly-matched" });
    for (const ifMatch of ['W/"v1"', 'W/"v1", W/"v2"', "w/\"v1\""]) {
      const answer = await raw(t.url, `/v1/environments/${env.id}`, {
        method: "PATCH", token: ADMIN_TOKEN, headers: { "Content-Type": "application/json", "If-Match": ifMatch }, body: JSON.stringify({ hidden: true }),
      });
      expect(answer.status, ifMatch).toBe(412);
    }
    expect((await t.admin.environments.get(env.id)).hidden).toBe(false);
    // The strong tag still matches, also in a list.
    const strong = await raw(t.url, `/v1/environments/${env.id}`, {
      method: "PATCH", token: ADMIN_TOKEN, headers: { "Content-Type": "application/json", "If-Match": 'W/"v9", "v1"' }, body: JSON.stringify({ hidden: true }),
    });
    expect(strong.status).toBe(200);
  });

  it("8: the rotate endpoints take no body, or {} only; anything else is 422 naming the body and rotates nothing", async () => {
    const env = await t.admin.environments.create({ name: "rotated-with-bodies" });
    const paths = ["/v1/tenant/api-key/rotate", `/v1/environments/${env.id}/api-key/rotate`];
    for (const path of paths) {
      for (const body of ["[]", "[1,2,3]", '{"a":1}', '"x"', "null", "0", "true"]) {
        const before = (await t.admin.tenant.get()).apiKeyMasked + (await t.admin.environments.get(env.id)).apiKeyMasked;
        const answer = await raw(t.url, path, { method: "POST", token: ADMIN_TOKEN, headers: { "Content-Type": "application/json" }, body });
        expect(answer.status, `${path} ${body}`).toBe(422);
        expect(answer.body.errors).toEqual([{ path: body === '{"a":1}' ? "a" : "", message: expect.stringMatching(/takes no body/) }]);
        expect((await t.admin.tenant.get()).apiKeyMasked + (await t.admin.environments.get(env.id)).apiKeyMasked).toBe(before);
      }
      expect((await raw(t.url, path, { method: "POST", token: ADMIN_TOKEN, headers: { "Content-Type": "application/json" }, body: "{}" })).status).toBe(200);
      expect((await raw(t.url, path, { method: "POST", token: ADMIN_TOKEN })).status).toBe(200);
    }
  });

  it("9: invitation conflicts have titles written out: accepted, renewed, revoked", async () => {
    const invitation = await t.admin.invitations.create({ email: "titles@acme.test", role: "viewer" });
    await raw(t.url, "/v1/invitations/accept", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ secret: invitation.secret, name: "Tia Tle" }) });
    const again = await raw(t.url, "/v1/invitations/accept", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ secret: invitation.secret, name: "Tia Tle" }) });
    expect(again.body.title).toBe("The invitation cannot be accepted");
    expect(again.body.detail).toMatch(/it cannot be accepted\.$/);
    const revoke = await raw(t.url, `/v1/invitations/${invitation.id}`, { method: "DELETE", token: ADMIN_TOKEN });
    expect(revoke.body.title).toBe("The invitation cannot be revoked");
    const renew = await raw(t.url, `/v1/invitations/${invitation.id}/renew`, { method: "POST", token: ADMIN_TOKEN });
    expect(renew.body.title).toBe("The invitation cannot be renewed");
    for (const answer of [again, revoke, renew]) expect(`${answer.body.title} ${answer.body.detail}`).not.toMatch(/acceptd|renewd|revokedd/);
  });

  it("10: the first start's tenant, environment, admin and token are in the audit log", async () => {
    const events = await t.admin.auditEvents.list().toArray();
    const firstStart = events.filter((e) => e.actor.type === "system");
    expect(firstStart.map((e) => e.action).sort()).toEqual(["apiToken.create", "environment.create", "tenant.create", "user.create"]);
    const bootstrap = t.server.bootstrap!;
    expect(firstStart.find((e) => e.action === "tenant.create")?.resourceId).toBe(bootstrap.tenantId);
    expect(firstStart.find((e) => e.action === "user.create")?.resourceId).toBe(bootstrap.adminUserId);
    expect(JSON.stringify(firstStart)).not.toContain(ADMIN_TOKEN);
  });

  it("11: the body is read only after authentication: unauthenticated and read-only callers are answered before they send it", async () => {
    for (const authorization of ["", "Authorization: Bearer cpt_unknown_0123456789abcdef\r\n", `Authorization: Bearer ${ADMIN_TOKEN}x\r\n`]) {
      const socket = await openSocket(t.url);
      // Announces a megabyte and sends none of it: an answer can only come before the body.
      socket.write(`POST /v1/environments HTTP/1.1\r\nHost: 127.0.0.1\r\n${authorization}Content-Type: application/json\r\nContent-Length: 1048576\r\n\r\n`);
      const head = await firstResponseHead(socket, 3000);
      socket.destroy();
      expect(head, authorization).toMatch(/^HTTP\/1\.1 401 /);
      expect(head).toMatch(/connection: close/i);
    }
    const readToken = (await t.admin.apiTokens.create({ name: "reader", scope: "read" })).token;
    const socket = await openSocket(t.url);
    socket.write(`POST /v1/environments HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${readToken}\r\nContent-Type: application/json\r\nContent-Length: 1048576\r\n\r\n`);
    const head = await firstResponseHead(socket, 3000);
    socket.destroy();
    expect(head).toMatch(/^HTTP\/1\.1 403 /);
    // Malformed JSON from a stranger is a 401, not a 400: the body was never parsed.
    const malformed = await raw(t.url, "/v1/environments", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{not json" });
    expect(malformed.status).toBe(401);
  });
});

describe("security regressions (issue 13): rate limits", () => {
  // Time stands still on this clock, so each burst meets exactly the allowance of 5; between
  // tests it moves a minute on, which refills every bucket.
  const clock = new TestClock();
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ db: ":memory:", port: 0, bootstrapToken: ADMIN_TOKEN, rateLimit: 5, console: false, clock });
  });
  beforeEach(() => clock.advance(60_000));
  afterAll(() => server?.close());

  const statuses = (answers: Response[]) => answers.map((a) => a.status);
  const count = (answers: Response[], status: number) => statuses(answers).filter((s) => s === status).length;
  const burst = (count: number, init: (i: number) => RequestInit, path = "/v1/tenant") =>
    Promise.all(Array.from({ length: count }, (_, i) => fetch(server.url + path, init(i)).then(async (r) => (await r.arrayBuffer(), r))));

  it("3: one credential is one client however the Authorization header spells it", async () => {
    const spellings = [`Bearer ${ADMIN_TOKEN}`, `bearer ${ADMIN_TOKEN}`, `BEARER ${ADMIN_TOKEN}`, `Bearer  ${ADMIN_TOKEN}`, `Bearer ${ADMIN_TOKEN} `, `Bearer\t${ADMIN_TOKEN}`];
    const answers = await burst(12, (i) => ({ headers: { Authorization: spellings[i % spellings.length]! } }));
    expect(count(answers, 200)).toBe(5);
    expect(count(answers, 429)).toBe(7);
  });

  it("3: failed authentication is limited per client address", async () => {
    const answers = await burst(15, (i) => ({ headers: { Authorization: `Bearer cpt_guess_${i}_0123456789abcdef` } }));
    expect(count(answers, 401)).toBe(5);
    const limited = answers.filter((a) => a.status === 429);
    expect(limited).toHaveLength(10);
    expect(limited[0]!.headers.get("retry-after")).toBe("1");
    // Even the right credential waits while the address is over its allowance.
    expect((await burst(1, () => ({ headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })))[0]!.status).toBe(429);
    clock.advance(200);
    expect((await burst(1, () => ({ headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })))[0]!.status).toBe(200);
  });

  it("3: the public route (accepting an invitation) is limited per client address", async () => {
    const answers = await burst(15, (i) => ({
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ secret: `cpi_guess_${i}`, name: "Guess" }),
    }), "/v1/invitations/accept");
    expect(count(answers, 404)).toBe(5);
    expect(count(answers, 429)).toBe(10);
  });
});

describe("security regressions (issue 13): the console's token prefill", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ db: ":memory:", port: 0, bootstrapToken: ADMIN_TOKEN, console: { prefillToken: ADMIN_TOKEN } });
  });
  afterAll(() => server?.close());

  async function pageFor(host: string): Promise<string> {
    const socket = await openSocket(server.url);
    socket.write(`GET / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    return (await readUntilClosed(socket, 3000)).text;
  }

  it("4: prefills the bootstrap token only for exact loopback hosts", async () => {
    const spoofed = ["[::1].evil.example", "[::1]evil.example", "[::1]:80.evil.example", "127.0.0.1.evil.example", "localhost.evil.example",
      "localhost:80@evil.example", "127.0.0.1:abc", "127.0.0.256", "[::1", "evil.example", "[::2]", "localhost:8787:1"];
    for (const host of spoofed) expect(await pageFor(host), host).not.toContain(ADMIN_TOKEN);
    const loopback = ["localhost", "LOCALHOST:8787", "127.0.0.1", "127.1.2.3:80", "[::1]", "[::1]:8787", "[0:0:0:0:0:0:0:1]:1"];
    for (const host of loopback) expect(await pageFor(host), host).toContain(ADMIN_TOKEN);
  });
});

describe("security regressions (issue 13): timeouts", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ db: ":memory:", port: 0, bootstrapToken: ADMIN_TOKEN, console: false, timeouts: { headersMs: 400, requestMs: 800 } });
  });
  afterAll(() => server?.close());

  it("12: a client that never finishes its headers is cut off after the header timeout", async () => {
    const socket = await openSocket(server.url);
    socket.write("GET /v1/tenant HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    const drip = setInterval(() => socket.write("X-Slow: 1\r\n"), 100);
    const result = await readUntilClosed(socket, 5000);
    clearInterval(drip);
    expect(result.closed).toBe(true);
    expect(result.afterMs).toBeLessThan(3000);
  });

  it("12: a client that never finishes its body is cut off after the request timeout", async () => {
    const socket = await openSocket(server.url);
    socket.write(`POST /v1/environments HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ADMIN_TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"na`);
    const result = await readUntilClosed(socket, 6000);
    expect(result.closed).toBe(true);
    expect(result.afterMs).toBeLessThan(4000);
    expect(result.text).toMatch(/^HTTP\/1\.1 408 /);
  });
});

describe("security regressions (issue 13): what the fuzzer found", () => {
  const t = useServer();

  it("malformed JSON names the body, and query parameters outside the spec are refused naming them", async () => {
    const malformed = await raw(t.url, "/v1/environments", { method: "POST", token: ADMIN_TOKEN, headers: { "Content-Type": "application/json" }, body: "{\"name\":" });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([{ path: "", message: "is not valid JSON" }]);
    for (const [query, name] of [["resourceId=", "resourceId"], [`resourceId=${"x".repeat(65)}`, "resourceId"], ["since=2026-11-20", "since"], ["since=12345", "since"]] as const) {
      const answer = await raw(t.url, `/v1/audit-events?${query}`, { token: ADMIN_TOKEN });
      expect(answer.status, query).toBe(400);
      expect(answer.body.errors.map((e: { path: string }) => e.path)).toEqual([name]);
    }
    expect((await raw(t.url, `/v1/users?q=${"x".repeat(201)}`, { token: ADMIN_TOKEN })).status).toBe(400);
    expect((await raw(t.url, "/v1/audit-events?since=2026-11-20T09:30:00%2B01:00", { token: ADMIN_TOKEN })).status).toBe(200);
  });
});
