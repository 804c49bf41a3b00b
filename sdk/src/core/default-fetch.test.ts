/** A client without a fetch of its own uses the global fetch at call time, with everything the SDK's own layers add. */
import { delay, http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { createCallplaneClient, TimeoutError, type Middleware } from "../index.js";
import { ENDPOINT, fixtures, problem, TOKEN } from "../test-support/fixtures.js";
import { seen, server, useMswServer } from "../test-support/msw.js";

useMswServer();

const plainClient = (options: { middleware?: Middleware[]; timeoutMs?: number; maxRetries?: number } = {}) =>
  createCallplaneClient({ endpoint: ENDPOINT, token: TOKEN, retryDelays: { baseDelayMs: 1 }, ...options });

describe("without a fetch of yours", () => {
  it("calls the API through the global fetch", async () => {
    server.use(http.get(`${ENDPOINT}/v1/tenant`, () => HttpResponse.json(fixtures.tenant())));
    await expect(plainClient().tenant.get()).resolves.toMatchObject({ name: "Acme Voice" });
    expect(seen[0]!.headers.get("Authorization")).toBe(`Bearer ${TOKEN}`);
  });

  it("keeps the answer's headers on lastResponse", async () => {
    server.use(http.get(`${ENDPOINT}/v1/tenant`, () => HttpResponse.json(fixtures.tenant(), { headers: { "X-Request-Id": "req_7", "X-Extra": "kept" } })));
    const tenant = await plainClient().tenant.get();
    expect(tenant.lastResponse.requestId).toBe("req_7");
    expect(tenant.lastResponse.headers.get("x-extra")).toBe("kept");
  });

  it("sends a body and retries it", async () => {
    let calls = 0;
    server.use(http.post(`${ENDPOINT}/v1/environments`, () =>
      ++calls === 1 ? HttpResponse.json(problem(503, "Unavailable"), { status: 503 }) : HttpResponse.json(fixtures.environmentWithApiKey(), { status: 201 })));
    await plainClient().environments.create({ name: "staging" });
    expect(await Promise.all(seen.map((r) => r.json()))).toEqual([{ name: "staging" }, { name: "staging" }]);
  });

  it("still ends an attempt at its timeout", async () => {
    server.use(http.get(`${ENDPOINT}/v1/tenant`, async () => {
      // Longer than the test may run: only a cut-off attempt lets it pass.
      await delay(30_000);
      return HttpResponse.json(fixtures.tenant());
    }));
    await expect(plainClient({ maxRetries: 0, timeoutMs: 50 }).tenant.get()).rejects.toBeInstanceOf(TimeoutError);
    await expect(plainClient({ maxRetries: 0, timeoutMs: 50, middleware: [(r, next) => next(r)] }).tenant.get()).rejects.toBeInstanceOf(TimeoutError);
  });

  it("hands your middleware's request to the global fetch, retries included", async () => {
    const methods: string[] = [];
    const spy: Middleware = (request, next) => {
      methods.push(request.method);
      return next(request);
    };
    let calls = 0;
    server.use(http.patch(`${ENDPOINT}/v1/tenant`, () =>
      ++calls === 1 ? HttpResponse.json(problem(503, "Unavailable"), { status: 503 }) : HttpResponse.json(fixtures.tenant())));
    await plainClient({ middleware: [spy] }).tenant.update({ name: "Acme" });
    expect(methods).toEqual(["PATCH"]);
    expect(await Promise.all(seen.map((r) => r.json()))).toEqual([{ name: "Acme" }, { name: "Acme" }]);
  });

  it("sends a POST body your middleware's Request carries through the global fetch", async () => {
    server.use(http.post(`${ENDPOINT}/v1/environments`, () => HttpResponse.json(fixtures.environmentWithApiKey(), { status: 201 })));
    await plainClient({ maxRetries: 0, middleware: [(request, next) => next(request)] }).environments.create({ name: "staging" });
    expect(await seen[0]!.json()).toEqual({ name: "staging" });
  });

  it("ends a retried attempt of your middleware's Request at its own timeout", async () => {
    let calls = 0;
    server.use(http.get(`${ENDPOINT}/v1/tenant`, async () => {
      if (++calls === 1) return HttpResponse.json(problem(503, "Unavailable"), { status: 503 });
      // Longer than the test may run: only a cut-off second attempt lets it pass.
      await delay(30_000);
      return HttpResponse.json(fixtures.tenant());
    }));
    await expect(plainClient({ maxRetries: 1, timeoutMs: 100, middleware: [(r, next) => next(r)] }).tenant.get()).rejects.toBeInstanceOf(TimeoutError);
    expect(calls).toBe(2);
  });

  it("keeps one call's headers out of the next", async () => {
    server.use(
      http.post(`${ENDPOINT}/v1/environments`, () => HttpResponse.json(fixtures.environmentWithApiKey(), { status: 201 })),
      http.get(`${ENDPOINT}/v1/tenant`, () => HttpResponse.json(fixtures.tenant())),
    );
    const client = plainClient();
    await client.environments.create({ name: "staging" });
    await client.tenant.get();
    expect(seen[0]!.headers.get("Content-Type")).toBe("application/json");
    expect(seen[1]!.headers.get("Content-Type")).toBeNull();
    expect(seen[1]!.headers.get("Idempotency-Key")).toBeNull();
  });
});
