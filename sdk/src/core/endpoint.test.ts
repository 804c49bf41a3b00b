/** The endpoint as users write it: with a trailing slash, or below a path on a gateway. */
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { fixtures } from "../test-support/fixtures.js";
import { seen, server, testClient, useMswServer } from "../test-support/msw.js";

useMswServer();

describe("endpoint", () => {
  it.each([
    ["https://gateway.test/callplane", "https://gateway.test/callplane/v1/tenant"],
    ["https://gateway.test/callplane/", "https://gateway.test/callplane/v1/tenant"],
    ["https://gateway.test/callplane///", "https://gateway.test/callplane/v1/tenant"],
    ["https://gateway.test/", "https://gateway.test/v1/tenant"],
  ])("%s: calls go below it, without doubled slashes", async (endpoint, expected) => {
    server.use(http.get("https://gateway.test/*", () => HttpResponse.json(fixtures.tenant() as any, { headers: { "X-Request-Id": "req_1" } })));
    await testClient({ endpoint }).tenant.get();
    expect(seen.map((request) => request.url)).toEqual([expected]);
  });
});
