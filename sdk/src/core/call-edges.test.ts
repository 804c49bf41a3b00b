/**
 * Edges of a call a user notices, found by mutation testing: what one call leaves behind for the
 * next (headers, timers), calls cancelled before they start, Retry-After against the backoff,
 * and the last page of a list. Driven through an `httpClient`, so no network is involved.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { AbortError, createCallplaneClient, TimeoutError, type HttpAnswer, type HttpRequest } from "../index.js";
import { ENDPOINT, fixtures, TOKEN } from "../test-support/fixtures.js";
import { clientWith, json, recording } from "../test-support/http-client.js";

afterEach(() => {
  vi.useRealTimers();
});

describe("one call's headers stay out of the next", () => {
  const answers = (request: HttpRequest): HttpAnswer =>
    request.method === "DELETE" ? { status: 204, headers: [], body: "" }
    : request.url.endsWith("/rotate-api-key") ? json(200, fixtures.environmentWithApiKey())
    : request.method === "POST" ? json(201, fixtures.environmentWithApiKey())
    : json(200, fixtures.tenant());

  it("after a POST without a body, an If-Match, and a call with only an Idempotency-Key", async () => {
    const { requests, httpClient } = recording(answers);
    const client = clientWith(httpClient);
    await client.environments.rotateApiKey("env_7b2d9e41");
    await client.tenant.get();
    await client.environments.delete("env_7b2d9e41", { ifMatch: '"v1"' });
    await client.tenant.get();
    await client.environments.create({ name: "staging" }, { idempotencyKey: "key-1" });
    await client.tenant.get();
    const [rotate, get1, del, get2, create, get3] = requests;
    expect(rotate!.headers["Idempotency-Key"]).toBeTruthy();
    expect(del!.headers["If-Match"]).toBe('"v1"');
    for (const get of [get1, get2, get3]) expect(Object.keys(get!.headers).sort()).toEqual(["Accept", "Authorization", "User-Agent", "X-Callplane-Source"]);
    // Only the key was given: no `If-Match: undefined` goes with it.
    expect(create!.headers).toMatchObject({ "Idempotency-Key": "key-1" });
    expect("If-Match" in create!.headers).toBe(false);
  });

  it("after a GET given its own headers", async () => {
    const { requests, httpClient } = recording(answers);
    const client = clientWith(httpClient);
    await client.tenant.get({ idempotencyKey: "key-2" });
    await client.tenant.get();
    expect(requests[0]!.headers["Idempotency-Key"]).toBe("key-2");
    expect("Idempotency-Key" in requests[1]!.headers).toBe(false);
  });

  it("leaves out query parameters given as null (from JavaScript callers)", async () => {
    const { requests, httpClient } = recording(() => json(200, { data: [], nextCursor: null }));
    await clientWith(httpClient).environments.list({ includeHidden: null as unknown as boolean });
    expect(requests[0]!.url).toBe(`${ENDPOINT}/v1/environments`);
  });
});

describe("cancelling", () => {
  it("a call whose signal is already aborted sends nothing", async () => {
    const { requests, httpClient } = recording(() => json(200, fixtures.tenant()));
    const reason = new Error("not any more");
    const error = await clientWith(httpClient).tenant.get({ signal: AbortSignal.abort(reason) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toBe(reason);
    expect(requests).toHaveLength(0);
  });

  it("while waiting out Retry-After leaves no timer running", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const { httpClient } = recording(() => json(503, { title: "Unavailable", status: 503 }, [["Retry-After", "20"]]));
    const controller = new AbortController();
    const call = clientWith(httpClient, { retryDelays: { baseDelayMs: 1, maxDelayMs: 60_000 } }).tenant.get({ signal: controller.signal });
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(AbortError);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("timers", () => {
  it("a call that got its answer leaves no timer running (a script would wait for it before exiting)", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const { httpClient } = recording(() => json(200, fixtures.tenant()));
    await clientWith(httpClient).tenant.get();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("waiting between attempts", () => {
  it("waits as long as Retry-After says, not the backoff", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    let calls = 0;
    const { requests, httpClient } = recording(() => (++calls === 1 ? json(503, { title: "Unavailable", status: 503 }, [["Retry-After", "2"]]) : json(200, fixtures.tenant())));
    const call = clientWith(httpClient, { retryDelays: { baseDelayMs: 1 } }).tenant.get();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(call).resolves.toMatchObject({ name: "Acme Voice" });
    expect(requests).toHaveLength(2);
  });

  it("without Retry-After, waits the backoff", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    let calls = 0;
    const { requests, httpClient } = recording(() => (++calls === 1 ? json(503, { title: "Unavailable", status: 503 }) : json(200, fixtures.tenant())));
    // The first backoff is between half and all of baseDelayMs.
    const call = clientWith(httpClient, { retryDelays: { baseDelayMs: 4_000 } }).tenant.get();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(3_000);
    await expect(call).resolves.toMatchObject({ name: "Acme Voice" });
    expect(requests).toHaveLength(2);
  });
});

describe("errors and pages", () => {
  it("errors other than validation carry no field errors", async () => {
    const { httpClient } = recording((request) => new Promise<HttpAnswer>((_, reject) => request.signal.addEventListener("abort", () => reject(request.signal.reason))));
    const slow = createCallplaneClient({ endpoint: ENDPOINT, token: TOKEN, httpClient, maxRetries: 0, timeoutMs: 5 });
    const error = await slow.tenant.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).fieldErrors).toEqual([]);
  });

  it("the last page has no next page", async () => {
    const { httpClient } = recording(() => json(200, { data: [fixtures.environment()], nextCursor: null }));
    const page = await clientWith(httpClient).environments.list();
    expect(page.hasNextPage()).toBe(false);
    await expect(page.nextPage()).resolves.toBeNull();
  });
});
