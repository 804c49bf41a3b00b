/** Which answers are retried, what a retry sends, and what cancelling a retried call leaves behind. */
import { http, HttpResponse } from "msw";
import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { AbortError, CallplaneError, ConnectionError, ResponseValidationError, type Middleware } from "../index.js";
import { ENDPOINT, fixtures, problem } from "../test-support/fixtures.js";
import { seen, server, testClient, useMswServer } from "../test-support/msw.js";

useMswServer();

/** Answers `status` first, then the tenant. */
function failingOnce(status: number) {
  let calls = 0;
  server.use(http.get(`${ENDPOINT}/v1/tenant`, () =>
    ++calls === 1 ? HttpResponse.json(problem(status, "Failed"), { status }) : HttpResponse.json(fixtures.tenant())));
}

describe("retryable answers", () => {
  it.each([408, 429, 500, 502, 503, 504])("retry a %i", async (status) => {
    failingOnce(status);
    await expect(testClient().tenant.get()).resolves.toMatchObject({ name: "Acme Voice" });
    expect(seen).toHaveLength(2);
  });

  it.each([400, 401, 403, 404, 407, 409, 412, 422, 499])("do not retry a %i", async (status) => {
    failingOnce(status);
    const error = await testClient().tenant.get().catch((e) => e);
    expect(error).toBeInstanceOf(CallplaneError);
    expect(error.status).toBe(status);
    expect(seen).toHaveLength(1);
  });

  it("do not retry a failure that is neither the network nor a timeout", async () => {
    let calls = 0;
    const fetch = async () => {
      calls++;
      throw new RangeError("a bug in your fetch");
    };
    const error = await testClient({ fetch }).tenant.get().catch((e) => e);
    expect(calls).toBe(1);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toBe("Could not reach the Callplane API: a bug in your fetch");
    expect(error.cause).toBeInstanceOf(RangeError);
  });

  it("do not retry a fetch that already judged the answer off-spec", async () => {
    let calls = 0;
    const fetch = async () => {
      calls++;
      throw new ResponseValidationError({ title: "checked by a proxy" });
    };
    await expect(testClient({ fetch }).tenant.get()).rejects.toBeInstanceOf(ResponseValidationError);
    expect(calls).toBe(1);
  });
});

describe("a retried request", () => {
  // Your middleware sees a Request, whose body can be read once: retries must send a fresh copy.
  const passThrough: Middleware = (request, next) => next(request);

  it("sends its body on every attempt when your middleware made it a Request", async () => {
    let calls = 0;
    server.use(http.post(`${ENDPOINT}/v1/environments`, () =>
      ++calls < 3 ? HttpResponse.json(problem(503, "Unavailable"), { status: 503 }) : HttpResponse.json(fixtures.environmentWithApiKey(), { status: 201 })));
    await testClient({ middleware: [passThrough] }).environments.create({ name: "staging", maxConcurrentCalls: 4 });
    expect(seen).toHaveLength(3);
    const bodies = await Promise.all(seen.map((r) => r.json()));
    expect(bodies).toEqual(Array(3).fill({ name: "staging", maxConcurrentCalls: 4 }));
  });

  it("is sent as is when no retry is allowed", async () => {
    server.use(http.post(`${ENDPOINT}/v1/environments`, () => HttpResponse.json(fixtures.environmentWithApiKey(), { status: 201 })));
    await testClient({ maxRetries: 0, middleware: [passThrough] }).environments.create({ name: "staging" });
    expect(await seen[0]!.json()).toEqual({ name: "staging" });
  });
});

describe("cancelling a retried call", () => {
  it("ends the wait between attempts with an AbortError carrying your reason", async () => {
    server.use(http.get(`${ENDPOINT}/v1/tenant`, () => HttpResponse.json(problem(503, "Unavailable"), { status: 503, headers: { "Retry-After": "30" } })));
    const controller = new AbortController();
    const reason = new Error("the user left the page");
    const call = testClient({ retryDelays: { maxDelayMs: 60_000 } }).tenant.get({ signal: controller.signal }).catch((e) => e);
    // Cancel once the first answer is in and the client is waiting out Retry-After.
    await waitFor(() => seen.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort(reason);
    const error = await call;
    expect(error).toBeInstanceOf(AbortError);
    expect(error.message).toBe("The call was cancelled");
    expect(error.cause).toBe(reason);
    expect(seen).toHaveLength(1);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("does not wait out Retry-After when the signal was aborted while the answer came in", async () => {
    const controller = new AbortController();
    const fetch = async () => {
      controller.abort("enough");
      return new Response(JSON.stringify(problem(503, "Unavailable")), { status: 503, headers: { "Retry-After": "30", "Content-Type": "application/problem+json" } });
    };
    // Waiting 30 s would outlast the test's time limit; the call must end at once instead.
    const error = await testClient({ fetch, retryDelays: { maxDelayMs: 60_000 } }).tenant.get({ signal: controller.signal }).catch((e) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(error.cause).toBe("enough");
  });

  it("leaves no listener on your signal once a call has ended, retried or not", async () => {
    const controller = new AbortController();
    failingOnce(503);
    const client = testClient();
    await client.tenant.get({ signal: controller.signal });
    server.use(http.get(`${ENDPOINT}/v1/tenant`, () => HttpResponse.json(problem(404, "Not found"), { status: 404 })));
    await client.tenant.get({ signal: controller.signal }).catch(() => undefined);
    // A long-lived signal shared by many calls must not collect one listener per call.
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
