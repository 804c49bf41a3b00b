import { delay, http, HttpResponse } from "msw";
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

describe("log entries", () => {
  it("say which attempt a retry is, and how long each attempt took", async () => {
    let calls = 0;
    server.use(http.get(`${ENDPOINT}/v1/tenant`, async () => {
      await delay(60);
      return ++calls === 1 ? HttpResponse.json({}, { status: 503 }) : HttpResponse.json(fixtures.tenant());
    }));
    const entries: LogEntry[] = [];
    await testClient({ logger: (e) => entries.push(e) }).tenant.get();
    expect(entries.map((e) => e.message)).toEqual(["GET /v1/tenant → 503", "GET /v1/tenant → 200 (attempt 2)"]);
    for (const entry of entries) {
      // Each attempt waited 60 ms for its answer; the upper bound only rules out a figure that is not a duration.
      expect(entry.durationMs).toBeGreaterThanOrEqual(50);
      expect(entry.durationMs).toBeLessThan(60_000);
    }
    expect(entries[0]).not.toHaveProperty("requestId");
  });

  it("say why an attempt failed, whatever was thrown, with its duration", async () => {
    const entries: LogEntry[] = [];
    const fetch = async () => {
      await delay(60);
      throw "the socket closed";
    };
    // Not a network failure (no TypeError), so not retried: one entry.
    await testClient({ fetch, logger: (e) => entries.push(e) }).tenant.get().catch(() => undefined);
    expect(entries.map((e) => [e.level, e.message, e.attempt])).toEqual([["warn", "GET /v1/tenant failed: the socket closed", 1]]);
    expect(entries[0]).not.toHaveProperty("status");
    expect(entries[0]!.durationMs).toBeGreaterThanOrEqual(50);
    expect(entries[0]!.durationMs).toBeLessThan(60_000);
  });
});
