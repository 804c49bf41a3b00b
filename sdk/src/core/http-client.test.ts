/** A client given an `httpClient`: plain requests out, plain answers in, everything else as with fetch. */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { AbortError, ConnectionError, createCallplaneClient, NotFoundError, TimeoutError, ValidationError, type HttpAnswer, type HttpRequest, type Middleware } from "../index.js";
import { ENDPOINT, fixtures, TOKEN } from "../test-support/fixtures.js";
import { clientWith, json, recording } from "../test-support/http-client.js";

/** An httpClient that answers from `answers` in turn (the last one again after that). */
function scripted(...answers: Array<HttpAnswer | Error | ((request: HttpRequest) => Promise<HttpAnswer>)>) {
  let calls = 0;
  return recording((request) => {
    const next = answers[Math.min(++calls, answers.length) - 1]!;
    if (next instanceof Error) throw next;
    return typeof next === "function" ? next(request) : next;
  });
}

describe("httpClient", () => {
  it("receives the request as plain fields: URL with query, method, headers, JSON body", async () => {
    const { requests, httpClient } = scripted(json(200, fixtures.environment()));
    await clientWith(httpClient).environments.update("env_7b2d9e41", { maxConcurrentCalls: 15 }, { ifMatch: '"v7"' });
    const [request] = requests;
    expect(request).toMatchObject({ url: `${ENDPOINT}/v1/environments/env_7b2d9e41`, method: "PATCH", body: '{"maxConcurrentCalls":15}' });
    expect(request!.headers).toMatchObject({ Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json", "If-Match": '"v7"' });
    expect(request!.signal).toBeInstanceOf(AbortSignal);

    const list = scripted(json(200, { data: [], nextCursor: null }));
    await clientWith(list.httpClient).environments.list({ includeHidden: true }).toArray();
    expect(list.requests[0]).toMatchObject({ url: `${ENDPOINT}/v1/environments?includeHidden=true`, method: "GET", body: undefined });
  });

  it("turns the answer into the object, its ETag and its headers, names matched in any case", async () => {
    const { httpClient } = scripted(json(200, fixtures.tenant(), [["etag", '"v3"'], ["x-request-id", "req_9"], ["X-Note", "a"], ["x-note", "b"]]));
    const tenant = await clientWith(httpClient).tenant.get();
    expect(tenant.name).toBe("Acme Voice");
    expect(tenant.etag).toBe('"v3"');
    expect(tenant.lastResponse).toMatchObject({ status: 200, requestId: "req_9", etag: '"v3"' });
    expect(tenant.lastResponse.headers).toBeInstanceOf(Headers);
    expect(tenant.lastResponse.headers.get("X-NOTE")).toBe("a, b");
  });

  it("counts 200-299 as success, as fetch's `ok` does, and joins a repeated header as Headers does", async () => {
    for (const [status, succeeds] of [[199, false], [200, true], [299, true], [300, false]] as const) {
      const { httpClient } = scripted({ status, headers: [["X-Request-Id", "req_a"], ["x-request-id", "req_b"]], body: status === 299 ? JSON.stringify(fixtures.tenant()) : "" });
      const outcome = await clientWith(httpClient, { maxRetries: 0 }).tenant.get().then((tenant) => tenant.lastResponse.requestId, (error: unknown) => error);
      if (succeeds) expect(outcome, `status ${status}`).toBe("req_a, req_b");
      else expect(outcome, `status ${status}`).toMatchObject({ status, requestId: "req_a, req_b" });
    }
  });

  it("titles an error answer without a title or status text by its status", async () => {
    const { httpClient } = scripted({ status: 404, headers: [], body: "" });
    await expect(clientWith(httpClient, { maxRetries: 0 }).environments.get("env_gone")).rejects.toMatchObject({ title: "HTTP 404" });
  });

  it("gives your middleware a 204 as a Response without a body", async () => {
    const { httpClient } = scripted({ status: 204, headers: [], body: "" });
    let seen: Response | undefined;
    await clientWith(httpClient, { middleware: [async (request, next) => (seen = await next(request))] }).environments.delete("env_7b2d9e41");
    expect(seen).toBeInstanceOf(Response);
    expect(seen!.status).toBe(204);
    expect(seen!.body).toBeNull();
  });

  it("answers a 204 with nothing to read", async () => {
    const { requests, httpClient } = scripted({ status: 204, headers: [], body: "" });
    await expect(clientWith(httpClient).environments.delete("env_7b2d9e41")).resolves.toBeUndefined();
    expect(requests[0]!.method).toBe("DELETE");
  });

  it("maps error answers to typed errors with their field errors, or the status text", async () => {
    const invalid = scripted(json(422, { title: "Validation failed", status: 422, errors: [{ path: "name", message: "must be at least 3 characters" }] }));
    const error = await clientWith(invalid.httpClient).tenant.update({ name: "Acme Voice" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual([{ path: "name", message: "must be at least 3 characters" }]);

    const missing = scripted({ status: 404, statusText: "Not Found", headers: [], body: "" });
    const notFound = await clientWith(missing.httpClient, { maxRetries: 0 }).environments.get("env_gone").catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(NotFoundError);
    expect((notFound as NotFoundError).title).toBe("Not Found");
  });

  it("retries a TypeError from the network and a 503 with Retry-After, sending the same body each time", async () => {
    const { requests, httpClient } = scripted(
      new TypeError("fetch failed: ECONNRESET"),
      json(503, { title: "Unavailable", status: 503 }, [["retry-after", "0"]]),
      json(201, fixtures.environmentWithApiKey()),
    );
    await clientWith(httpClient).environments.create({ name: "staging" });
    expect(requests.map((r) => r.body)).toEqual(['{"name":"staging"}', '{"name":"staging"}', '{"name":"staging"}']);
    // One call, one key, on every attempt.
    expect(new Set(requests.map((r) => r.headers["Idempotency-Key"])).size).toBe(1);
  });

  it("does not retry other failures, and reports a network failure as a ConnectionError without the token", async () => {
    const other = scripted(new RangeError("bug in the client"));
    await expect(clientWith(other.httpClient).tenant.get()).rejects.toThrow();
    expect(other.requests).toHaveLength(1);

    const down = scripted(new TypeError(`fetch failed: refused for Bearer ${TOKEN}`));
    const error = await clientWith(down.httpClient, { maxRetries: 1 }).tenant.get().catch((e: unknown) => e);
    expect(down.requests).toHaveLength(2);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(String((error as Error).message)).not.toContain(TOKEN);
  });

  it("aborts the request's signal at the timeout and when the caller cancels", async () => {
    const waitForAbort = (request: HttpRequest) =>
      new Promise<HttpAnswer>((_, reject) => request.signal.addEventListener("abort", () => reject(request.signal.reason), { once: true }));
    const slow = scripted(waitForAbort);
    await expect(clientWith(slow.httpClient, { maxRetries: 0, timeoutMs: 20 }).tenant.get()).rejects.toBeInstanceOf(TimeoutError);
    expect(slow.requests[0]!.signal.aborted).toBe(true);

    const controller = new AbortController();
    const call = clientWith(scripted(waitForAbort).httpClient).tenant.get({ signal: controller.signal });
    controller.abort(new Error("user left"));
    await expect(call).rejects.toBeInstanceOf(AbortError);
  });

  it("gives your middleware a Request and a Response, and sends the Request it forwards", async () => {
    const { requests, httpClient } = scripted(json(200, fixtures.tenant(), [["ETag", '"v3"']]));
    const seen: { status?: number; etag?: string | null; body?: unknown; isResponse?: boolean } = {};
    const middleware: Middleware = async (request, next) => {
      const response = await next(new Request(request, { headers: { ...Object.fromEntries(request.headers), "X-Trace": "t-1" } }));
      Object.assign(seen, { isResponse: response instanceof Response, status: response.status, etag: response.headers.get("etag"), body: await response.clone().json() });
      return response;
    };
    const tenant = await clientWith(httpClient, { middleware: [middleware] }).tenant.get();
    expect(seen).toEqual({ isResponse: true, status: 200, etag: '"v3"', body: fixtures.tenant() });
    expect(requests[0]!.headers["x-trace"]).toBe("t-1");
    expect(requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(tenant.etag).toBe('"v3"');
  });

  it("sends the body of a Request your middleware built, on every attempt", async () => {
    const { requests, httpClient } = scripted(json(500, { title: "Oops", status: 500 }), json(201, fixtures.environmentWithApiKey()));
    await clientWith(httpClient, { middleware: [(request, next) => next(request)] }).environments.create({ name: "staging" });
    expect(requests.map((r) => [r.method, r.body])).toEqual([["POST", '{"name":"staging"}'], ["POST", '{"name":"staging"}']]);
  });

  it("is refused beside a fetch", () => {
    expect(() => createCallplaneClient({ endpoint: ENDPOINT, fetch: (r) => globalThis.fetch(r), httpClient: async () => json(200, {}) })).toThrow(
      "createCallplaneClient: give fetch or httpClient, not both",
    );
  });

  it("keeps Node's fetch classes (undici) unloaded in a process that uses the built package", () => {
    // A fresh process: vitest's own has loaded them already. The built `dist/` is what users import.
    const dist = fileURLToPath(new URL("../../dist/index.js", import.meta.url));
    const script = `
      const { createCallplaneClient } = await import(${JSON.stringify(dist)});
      const answer = (body) => ({ status: 200, headers: [["etag", '"v1"']], body: JSON.stringify(body) });
      const client = createCallplaneClient({ endpoint: "http://callplane.test", token: "cpt_x", httpClient: async () => answer(${JSON.stringify(fixtures.tenant())}) });
      const tenant = await client.tenant.get();
      const loaded = () => process.moduleLoadList.some((name) => name.includes("undici"));
      const before = loaded();
      tenant.lastResponse.headers.get("etag");
      console.log(JSON.stringify({ name: tenant.name, etag: tenant.etag, before, afterHeaders: loaded() }));
    `;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    // Reading `lastResponse.headers` builds a real Headers, which loads them: the probe can see it.
    expect(JSON.parse(run.stdout)).toEqual({ name: "Acme Voice", etag: '"v1"', before: false, afterHeaders: true });
  });
});
