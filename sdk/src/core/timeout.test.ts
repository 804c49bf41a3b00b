import { delay, http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { AbortError, TimeoutError } from "../index.js";
import { ENDPOINT, fixtures } from "../test-support/fixtures.js";
import { seen, server, testClient, useMswServer } from "../test-support/msw.js";

useMswServer();

// Far slower than any timeout below, so a call that ends early can only have been cut off.
const SLOW_MS = 5_000;
const slowTenant = () => server.use(http.get(`${ENDPOINT}/v1/tenant`, async () => {
  await delay(SLOW_MS);
  return HttpResponse.json(fixtures.tenant());
}));

describe("timeouts", () => {
  it("end a call that takes longer than timeoutMs with a TimeoutError", async () => {
    slowTenant();
    const started = performance.now();
    const error = await testClient({ maxRetries: 0 }).tenant.get({ timeoutMs: 50 }).catch((e) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toContain("50 ms");
    // Typically ~55 ms; the bound only proves the call did not wait for the answer.
    expect(performance.now() - started).toBeLessThan(SLOW_MS / 2);
  });

  it("are retried like network failures", async () => {
    slowTenant();
    await expect(testClient({ maxRetries: 2, timeoutMs: 30 }).tenant.get()).rejects.toBeInstanceOf(TimeoutError);
    expect(seen).toHaveLength(3);
  });

  it("leave a fast call alone", async () => {
    server.use(http.get(`${ENDPOINT}/v1/tenant`, () => HttpResponse.json(fixtures.tenant())));
    await expect(testClient({ timeoutMs: 1000 }).tenant.get()).resolves.toMatchObject({ name: "Acme Voice" });
  });
});

describe("AbortSignal", () => {
  it("cancels a call in flight, without retrying it", async () => {
    slowTenant();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const error = await testClient().tenant.get({ signal: controller.signal }).catch((e) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(seen).toHaveLength(1);
  });

  it("refuses to start with a signal that is already aborted", async () => {
    const error = await testClient().tenant.get({ signal: AbortSignal.abort() }).catch((e) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(seen).toHaveLength(0);
  });

  it("cancels the wait between retries", async () => {
    server.use(http.get(`${ENDPOINT}/v1/tenant`, () => HttpResponse.json({}, { status: 503, headers: { "Retry-After": "10" } })));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = performance.now();
    const error = await testClient({ retryDelays: { maxDelayMs: 20_000 } }).tenant.get({ signal: controller.signal }).catch((e) => e);
    expect(error).toBeInstanceOf(AbortError);
    // Typically ~60 ms against a 10 s Retry-After: anything under half of it was cut short.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
