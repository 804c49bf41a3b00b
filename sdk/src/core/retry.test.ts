import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { ConnectionError, RateLimitError, ServerError, ValidationError } from "../index.js";
import { ENDPOINT, fixtures, problem } from "../test-support/fixtures.js";
import { seen, server, testClient, useMswServer } from "../test-support/msw.js";
import { backoffDelay, parseRetryAfter } from "./retry.js";

useMswServer();

/** Answers from a queue, one per request; the last one repeats. */
function answers(...queue: Array<() => Response>) {
  let i = 0;
  return () => queue[Math.min(i++, queue.length - 1)]!();
}
const unavailable = () => HttpResponse.json(problem(503, "Service unavailable"), { status: 503 });

describe("retries", () => {
  it("retry 5xx until an answer succeeds, with the default of 2 retries", async () => {
    server.use(http.get(`${ENDPOINT}/v1/tenant`, answers(unavailable, unavailable, () => HttpResponse.json(fixtures.tenant()))));
    const tenant = await testClient().tenant.get();
    expect(tenant.name).toBe("Acme Voice");
    expect(seen).toHaveLength(3);
  });

  it("give up after maxRetries and throw a ServerError", async () => {
    server.use(http.get(`${ENDPOINT}/v1/tenant`, unavailable));
    await expect(testClient({ maxRetries: 1 }).tenant.get()).rejects.toBeInstanceOf(ServerError);
    expect(seen).toHaveLength(2);
  });

  it("make exactly one attempt with maxRetries: 0", async () => {
    server.use(http.get(`${ENDPOINT}/v1/tenant`, unavailable));
    await expect(testClient({ maxRetries: 0 }).tenant.get()).rejects.toMatchObject({ status: 503 });
    expect(seen).toHaveLength(1);
  });

  it("do not retry a request the API refused (4xx other than 408 and 429)", async () => {
    server.use(http.patch(`${ENDPOINT}/v1/tenant`, () => HttpResponse.json(problem(422, "Validation failed"), { status: 422 })));
    await expect(testClient().tenant.update({ name: "Acme" })).rejects.toBeInstanceOf(ValidationError);
    expect(seen).toHaveLength(1);
  });

  it("keep a POST's Idempotency-Key the same across every attempt, so nothing is created twice", async () => {
    server.use(http.post(`${ENDPOINT}/v1/environments`, answers(unavailable, unavailable, () => HttpResponse.json(fixtures.environmentWithApiKey(), { status: 201 }))));
    await testClient().environments.create({ name: "staging", maxConcurrentCalls: 10 });
    const keys = seen.map((r) => r.headers.get("Idempotency-Key"));
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toBeTruthy();
    const bodies = await Promise.all(seen.map((r) => r.json()));
    expect(bodies).toEqual(Array(3).fill({ name: "staging", maxConcurrentCalls: 10 }));
  });

  it("give two separate calls two different keys", async () => {
    server.use(http.post(`${ENDPOINT}/v1/environments`, () => HttpResponse.json(fixtures.environmentWithApiKey(), { status: 201 })));
    const client = testClient();
    await client.environments.create({ name: "a" });
    await client.environments.create({ name: "b" });
    expect(seen[0]!.headers.get("Idempotency-Key")).not.toBe(seen[1]!.headers.get("Idempotency-Key"));
  });

  it("honour Retry-After on 429 instead of the shorter backoff", async () => {
    const tooMany = () => HttpResponse.json(problem(429, "Too many requests"), { status: 429, headers: { "Retry-After": "1" } });
    server.use(http.get(`${ENDPOINT}/v1/concurrency`, answers(tooMany, () => HttpResponse.json(fixtures.concurrency()))));
    const started = performance.now();
    await testClient({ retryDelays: { baseDelayMs: 1 } }).concurrency.get();
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(seen).toHaveLength(2);
  });

  it("surface a RateLimitError with retryAfterMs when 429s outlast the retries", async () => {
    server.use(http.get(`${ENDPOINT}/v1/concurrency`, () =>
      HttpResponse.json(problem(429, "Too many requests"), { status: 429, headers: { "Retry-After": "0" } })));
    const error = await testClient({ maxRetries: 1 }).concurrency.get().catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(0);
    expect(seen).toHaveLength(2);
  });

  it("retry network failures, then throw a ConnectionError", async () => {
    server.use(http.get(`${ENDPOINT}/v1/tenant`, () => HttpResponse.error()));
    const error = await testClient({ maxRetries: 2 }).tenant.get().catch((e) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.status).toBeUndefined();
    expect(seen).toHaveLength(3);
  });

  it("recover when the network comes back", async () => {
    server.use(http.get(`${ENDPOINT}/v1/tenant`, answers(() => HttpResponse.error(), () => HttpResponse.json(fixtures.tenant()))));
    await expect(testClient().tenant.get()).resolves.toMatchObject({ name: "Acme Voice" });
    expect(seen).toHaveLength(2);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(parseRetryAfter("Mon, 23 Nov 2026 10:00:05 GMT", Date.parse("2026-11-23T10:00:00Z"))).toBe(5000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
  });
});

describe("backoffDelay", () => {
  const settings = { maxRetries: 5, baseDelayMs: 100, maxDelayMs: 1000 };
  it("doubles with each retry, jittered within the upper half, and stops at the cap", () => {
    expect(backoffDelay(1, settings, () => 0)).toBe(50);
    expect(backoffDelay(1, settings, () => 1)).toBe(100);
    expect(backoffDelay(3, settings, () => 1)).toBe(400);
    expect(backoffDelay(10, settings, () => 1)).toBe(1000);
  });
});
