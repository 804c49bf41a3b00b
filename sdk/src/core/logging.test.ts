import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import type { LogEntry } from "../index.js";
import { ENDPOINT, fixtures, TOKEN } from "../test-support/fixtures.js";
import { server, testClient, useMswServer } from "../test-support/msw.js";

useMswServer();

describe("the logger hook", () => {
  it("gets one entry per attempt, with status, request id and no secret", async () => {
    let calls = 0;
    server.use(http.post(`${ENDPOINT}/v1/environments/env_3f2a9c1d/api-key/rotate`, () =>
      ++calls === 1
        ? HttpResponse.json({}, { status: 503 })
        : HttpResponse.json(fixtures.environmentWithApiKey(), { headers: { "X-Request-Id": "req_rot" } })));
    const entries: LogEntry[] = [];
    const env = await testClient({ logger: (e) => entries.push(e) }).environments.rotateApiKey("env_3f2a9c1d");
    expect(entries.map((e) => [e.level, e.status, e.attempt])).toEqual([["warn", 503, 1], ["debug", 200, 2]]);
    expect(entries[1]).toMatchObject({ operationId: "rotateEnvironmentApiKey", method: "POST", path: "/v1/environments/env_3f2a9c1d/api-key/rotate", requestId: "req_rot" });
    const logged = JSON.stringify(entries);
    expect(logged).not.toContain(TOKEN);
    expect(logged).not.toContain(env.apiKey);
  });

  it("redacts secrets from failure messages", async () => {
    server.use(http.get(`${ENDPOINT}/v1/tenant`, () => HttpResponse.error()));
    const entries: LogEntry[] = [];
    await testClient({ maxRetries: 0, logger: (e) => entries.push(e) }).tenant.get().catch(() => undefined);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.level).toBe("warn");
    expect(JSON.stringify(entries)).not.toContain(TOKEN);
  });

  it("redacts the token when the failure's own message carries it", async () => {
    // A proxy or a fetch polyfill may echo the request, token included, into its error.
    const leaky = async () => { throw new TypeError(`fetch failed: proxy refused "Authorization: Bearer ${TOKEN}"`); };
    const entries: LogEntry[] = [];
    await testClient({ maxRetries: 0, fetch: leaky, logger: (e) => entries.push(e) }).tenant.get().catch(() => undefined);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.message).toContain("proxy refused");
    expect(entries[0]!.message).toContain("[redacted]");
    expect(JSON.stringify(entries)).not.toContain(TOKEN);
  });

  it("redacts the token from the path when a caller put it in a query string", async () => {
    server.use(http.get(`${ENDPOINT}/v1/audit-events`, () => HttpResponse.json({ data: [], nextCursor: null })));
    const entries: LogEntry[] = [];
    await testClient({ logger: (e) => entries.push(e) }).auditEvents.list({ resourceId: TOKEN }).toArray().catch(() => undefined);
    expect(entries.length).toBeGreaterThan(0);
    expect(JSON.stringify(entries)).not.toContain(TOKEN);
  });
});
