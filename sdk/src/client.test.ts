import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { SDK_VERSION } from "./index.js";
import { ENDPOINT, fixtures, TOKEN } from "./test-support/fixtures.js";
import { seen, server, testClient, useMswServer } from "./test-support/msw.js";
import packageJson from "../package.json" with { type: "json" };

useMswServer();

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  HttpResponse.json(body as any, { status, headers: { "X-Request-Id": "req_test", ...headers } });

type Call = (client: ReturnType<typeof testClient>) => Promise<unknown>;

/** Every operation of the spec: the SDK method, the request it must send, and a valid answer. */
const operations: Array<[name: string, call: Call, method: string, path: string, body: unknown, answer: () => unknown, status?: number]> = [
  ["tenant.get", (c) => c.tenant.get(), "GET", "/v1/tenant", undefined, fixtures.tenant],
  ["tenant.update", (c) => c.tenant.update({ name: "Acme Voice GmbH", phone: null }), "PATCH", "/v1/tenant", { name: "Acme Voice GmbH", phone: null }, fixtures.tenant],
  ["tenant.rotateApiKey", (c) => c.tenant.rotateApiKey(), "POST", "/v1/tenant/api-key/rotate", undefined, () => ({ apiKey: "cpk_live_new0000000000", apiKeyMasked: "cpk_…0000", rotatedAt: "2026-11-20T09:30:00Z" })],
  ["tenants.list", (c) => c.tenants.list({ limit: 5 }).firstPage(), "GET", "/v1/tenants?limit=5", undefined, () => ({ data: [fixtures.tenant()], nextCursor: null })],
  ["tenants.create", (c) => c.tenants.create({ name: "Globex", billingEmail: "f@globex.test", planLimit: 25 }), "POST", "/v1/tenants", { name: "Globex", billingEmail: "f@globex.test", planLimit: 25 }, () => ({ ...fixtures.tenant(), apiKey: "cpk_live_x0000000000" }), 201],
  ["environments.list", (c) => c.environments.list({ includeHidden: true }).firstPage(), "GET", "/v1/environments?includeHidden=true", undefined, () => ({ data: [fixtures.environment()], nextCursor: null })],
  ["environments.get", (c) => c.environments.get("env_7b2d9e41"), "GET", "/v1/environments/env_7b2d9e41", undefined, fixtures.environment],
  ["environments.create", (c) => c.environments.create({ name: "staging", maxConcurrentCalls: 10 }), "POST", "/v1/environments", { name: "staging", maxConcurrentCalls: 10 }, fixtures.environmentWithApiKey, 201],
  ["environments.update", (c) => c.environments.update("env_7b2d9e41", { hidden: true }), "PATCH", "/v1/environments/env_7b2d9e41", { hidden: true }, fixtures.environment],
  ["environments.delete", (c) => c.environments.delete("env_7b2d9e41"), "DELETE", "/v1/environments/env_7b2d9e41", undefined, () => null, 204],
  ["environments.rotateApiKey", (c) => c.environments.rotateApiKey("env_3f2a9c1d"), "POST", "/v1/environments/env_3f2a9c1d/api-key/rotate", undefined, fixtures.environmentWithApiKey],
  ["concurrency.get", (c) => c.concurrency.get(), "GET", "/v1/concurrency", undefined, fixtures.concurrency],
  ["concurrency.set", (c) => c.concurrency.set({ allocations: [{ environmentId: "env_7b2d9e41", maxConcurrentCalls: 25 }] }), "PUT", "/v1/concurrency", { allocations: [{ environmentId: "env_7b2d9e41", maxConcurrentCalls: 25 }] }, fixtures.concurrency],
  ["users.list", (c) => c.users.list({ q: "sam", role: "operator" }).firstPage(), "GET", "/v1/users?q=sam&role=operator", undefined, () => ({ data: [fixtures.operatorUser()], nextCursor: null })],
  ["users.get", (c) => c.users.get("usr_1a2b3c4d"), "GET", "/v1/users/usr_1a2b3c4d", undefined, fixtures.user],
  ["users.create", (c) => c.users.create({ name: "Lee", email: "lee@acme.test", role: "member" }), "POST", "/v1/users", { name: "Lee", email: "lee@acme.test", role: "member" }, fixtures.user, 201],
  ["users.update", (c) => c.users.update("usr_1a2b3c4d", { role: "viewer" }), "PATCH", "/v1/users/usr_1a2b3c4d", { role: "viewer" }, fixtures.user],
  ["users.delete", (c) => c.users.delete("usr_1a2b3c4d"), "DELETE", "/v1/users/usr_1a2b3c4d", undefined, () => null, 204],
  ["invitations.list", (c) => c.invitations.list({ status: "expired" }).firstPage(), "GET", "/v1/invitations?status=expired", undefined, () => ({ data: [fixtures.invitation()], nextCursor: null })],
  ["invitations.get", (c) => c.invitations.get("inv_2c3d4e5f"), "GET", "/v1/invitations/inv_2c3d4e5f", undefined, fixtures.invitation],
  ["invitations.create", (c) => c.invitations.create({ email: "vic@acme.test", role: "viewer" }), "POST", "/v1/invitations", { email: "vic@acme.test", role: "viewer" }, fixtures.invitationWithSecret, 201],
  ["invitations.revoke", (c) => c.invitations.revoke("inv_2c3d4e5f"), "DELETE", "/v1/invitations/inv_2c3d4e5f", undefined, () => ({ ...fixtures.invitation(), status: "revoked" })],
  ["invitations.renew", (c) => c.invitations.renew("inv_2c3d4e5f", { expiresInDays: 3 }), "POST", "/v1/invitations/inv_2c3d4e5f/renew", { expiresInDays: 3 }, fixtures.invitationWithSecret],
  ["invitations.accept", (c) => c.invitations.accept({ secret: "cpi_abcdef123456", name: "Vic" }), "POST", "/v1/invitations/accept", { secret: "cpi_abcdef123456", name: "Vic" }, () => ({ ...fixtures.user(), session: fixtures.sessionWithToken() }), 201],
  ["auditEvents.list", (c) => c.auditEvents.list({ resourceType: "environment", since: "2026-11-01T00:00:00Z" }).firstPage(), "GET", "/v1/audit-events?resourceType=environment&since=2026-11-01T00%3A00%3A00Z", undefined, () => ({ data: [fixtures.auditEvent()], nextCursor: null })],
  ["apiTokens.list", (c) => c.apiTokens.list().firstPage(), "GET", "/v1/api-tokens", undefined, () => ({ data: [fixtures.apiToken()], nextCursor: null })],
  ["apiTokens.create", (c) => c.apiTokens.create({ name: "ci", scope: "read" }), "POST", "/v1/api-tokens", { name: "ci", scope: "read" }, () => ({ ...fixtures.apiToken(), token: "cpt_new000000000" }), 201],
  ["apiTokens.revoke", (c) => c.apiTokens.revoke("tok_9f8e7d6c"), "DELETE", "/v1/api-tokens/tok_9f8e7d6c", undefined, () => null, 204],
  ["sessions.create", (c) => c.sessions.create({ email: "ops@acme.test", password: "pw-1234567" }), "POST", "/v1/sessions", { email: "ops@acme.test", password: "pw-1234567" }, fixtures.sessionWithToken, 201],
  ["sessions.current", (c) => c.sessions.current(), "GET", "/v1/sessions/current", undefined, fixtures.session],
  ["sessions.signOut", (c) => c.sessions.signOut(), "DELETE", "/v1/sessions/current", undefined, () => null, 204],
  ["sessions.signUp", (c) => c.sessions.signUp({ tenantName: "Acme", name: "Olivia", email: "ops@acme.test", password: "pw-1234567" }), "POST", "/v1/signup", { tenantName: "Acme", name: "Olivia", email: "ops@acme.test", password: "pw-1234567" }, () => ({ tenant: fixtures.tenant(), session: fixtures.sessionWithToken() }), 201],
];

describe("every operation", () => {
  it("is covered by this table (32 operations in the spec)", () => {
    expect(operations).toHaveLength(32);
  });

  it.each(operations)("%s sends the documented request", async (_name, call, method, path, body, answer, status = 200) => {
    server.use(
      http.all(`${ENDPOINT}/*`, () => (status === 204 ? new HttpResponse(null, { status: 204 }) : json(answer(), status))),
    );
    const result = await call(testClient());
    expect(seen).toHaveLength(1);
    const request = seen[0]!;
    expect(request.method).toBe(method);
    expect(request.url.slice(ENDPOINT.length)).toBe(path);
    expect(request.headers.get("Authorization")).toBe(`Bearer ${TOKEN}`);
    if (body === undefined) expect(await request.text()).toBe("");
    else expect(await request.json()).toEqual(body);
    if (method === "POST") expect(request.headers.get("Idempotency-Key")).toMatch(/^[0-9a-f-]{36}$/);
    if (status === 204) expect(result).toBeUndefined();
    else expect(JSON.parse(JSON.stringify(result))).toEqual(answer());
  });
});

describe("reads", () => {
  it("resolve to the object itself, with its ETag and request id beside the API's fields", async () => {
    server.use(http.get(`${ENDPOINT}/v1/environments/env_7b2d9e41`, () => json(fixtures.environment(), 200, { ETag: '"v7"' })));
    const env = await testClient().environments.get("env_7b2d9e41");
    expect(env.name).toBe("production");
    expect(env.etag).toBe('"v7"');
    expect(env.lastResponse.requestId).toBe("req_test");
    expect(Object.keys(env)).not.toContain("etag");
    expect({ ...env }).toEqual(fixtures.environment());
  });

  it("send the ETag back as If-Match when asked", async () => {
    server.use(http.patch(`${ENDPOINT}/v1/environments/env_7b2d9e41`, () => json(fixtures.environment())));
    await testClient().environments.update("env_7b2d9e41", { maxConcurrentCalls: 15 }, { ifMatch: '"v7"' });
    expect(seen[0]!.headers.get("If-Match")).toBe('"v7"');
  });
});

describe("headers", () => {
  it("identify the SDK, the app and the source of changes", async () => {
    server.use(http.get(`${ENDPOINT}/v1/tenant`, () => json(fixtures.tenant())));
    await testClient({ userAgent: "billing-sync/2.1", source: "terraform" }).tenant.get();
    expect(seen[0]!.headers.get("User-Agent")).toBe(`callplane-sdk-js/${SDK_VERSION} billing-sync/2.1`);
    expect(seen[0]!.headers.get("X-Callplane-Source")).toBe("terraform");
  });

  it("use the caller's idempotency key when given", async () => {
    server.use(http.post(`${ENDPOINT}/v1/environments`, () => json(fixtures.environmentWithApiKey(), 201)));
    await testClient().environments.create({ name: "staging" }, { idempotencyKey: "create-staging-1" });
    expect(seen[0]!.headers.get("Idempotency-Key")).toBe("create-staging-1");
  });

  it("leave out Authorization when the client has no token", async () => {
    server.use(http.post(`${ENDPOINT}/v1/sessions`, () => json(fixtures.sessionWithToken(), 201)));
    await testClient({ token: undefined }).sessions.create({ email: "ops@acme.test", password: "pw-1234567" });
    expect(seen[0]!.headers.has("Authorization")).toBe(false);
  });
});

describe("createCallplaneClient", () => {
  it("refuses an endpoint that is not an http(s) URL", () => {
    expect(() => testClient({ endpoint: "callplane.test" })).toThrow(/endpoint must be an http/);
  });

  it("reports the package's version", () => {
    expect(SDK_VERSION).toBe(packageJson.version);
  });
});
