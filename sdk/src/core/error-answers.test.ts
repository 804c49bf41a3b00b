/** Error answers that are not tidy problem documents still become errors a person can act on. */
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { RateLimitError, ServerError, ValidationError } from "../index.js";
import { ENDPOINT, TOKEN } from "../test-support/fixtures.js";
import { server, testClient, useMswServer } from "../test-support/msw.js";

useMswServer();

const tenantGet = () => testClient({ maxRetries: 0 }).tenant.get().catch((e) => e);

describe("error answers", () => {
  it("without a title or status text are titled by their status, and a plain-text body becomes the detail, token redacted", async () => {
    // Straight from the client's fetch: msw would fill in the status text.
    const fetch = async () => new Response(`upstream refused ${TOKEN}`, { status: 503, statusText: "", headers: { "Content-Type": "text/plain" } });
    const error = await testClient({ maxRetries: 0, fetch }).tenant.get().catch((e) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error.title).toBe("HTTP 503");
    expect(error.detail).toMatch(/^upstream refused \S+$/);
    expect(error.detail).not.toContain(TOKEN);
  });

  it("keep at most 500 characters of a plain-text body", async () => {
    server.use(http.get(`${ENDPOINT}/v1/tenant`, () => new HttpResponse("x".repeat(2000), { status: 500, headers: { "Content-Type": "text/plain" } })));
    expect((await tenantGet()).detail).toBe("x".repeat(500));
  });

  it("keep field errors with a missing path or message, and drop entries that are not objects", async () => {
    server.use(
      http.get(`${ENDPOINT}/v1/tenant`, () =>
        HttpResponse.json({ title: "Validation failed", errors: [{ path: "name", message: "is required" }, { message: "at least one field" }, { path: "phone" }, "junk", null] }, { status: 422, headers: { "Content-Type": "application/problem+json" } }),
      ),
    );
    const error = await tenantGet();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors).toEqual([
      { path: "name", message: "is required" },
      { path: "", message: "at least one field" },
      { path: "phone", message: "" },
    ]);
  });

  it("take the request id from the body when the header is missing", async () => {
    server.use(http.get(`${ENDPOINT}/v1/tenant`, () => HttpResponse.json({ title: "Oops", requestId: "req_from_body" }, { status: 500, headers: { "Content-Type": "application/problem+json" } })));
    expect(await tenantGet()).toMatchObject({ title: "Oops", requestId: "req_from_body" });
  });

  it("turn a 429 into a RateLimitError with the wait the server asked for", async () => {
    server.use(http.get(`${ENDPOINT}/v1/tenant`, () => HttpResponse.json({ title: "Too many requests" }, { status: 429, headers: { "Content-Type": "application/problem+json", "Retry-After": "7" } })));
    const error = await tenantGet();
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(7000);
  });
});
