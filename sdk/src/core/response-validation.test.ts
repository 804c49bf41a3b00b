import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { createCallplaneClient, ResponseValidationError } from "../index.js";
import { ENDPOINT, fixtures } from "../test-support/fixtures.js";
import { server, testClient, useMswServer } from "../test-support/msw.js";

useMswServer();

describe("response validation", () => {
  it("with validateResponses: true, names the off-spec field", async () => {
    server.use(http.get(`${ENDPOINT}/v1/environments/env_7b2d9e41`, () =>
      HttpResponse.json({ ...fixtures.environment(), maxConcurrentCalls: "twenty" }, { headers: { "X-Request-Id": "req_bad" } })));
    const error = await testClient().environments.get("env_7b2d9e41").catch((e) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.fieldErrors).toEqual([{ path: "maxConcurrentCalls", message: "must be a whole number" }]);
    expect(error.message).toContain("getEnvironment");
    expect(error.message).toContain("maxConcurrentCalls: must be a whole number");
    expect(error.requestId).toBe("req_bad");
  });

  it("checks nested fields, with their full path", async () => {
    const concurrency = fixtures.concurrency();
    concurrency.allocations[1].environmentId = "";
    server.use(http.get(`${ENDPOINT}/v1/concurrency`, () => HttpResponse.json(concurrency)));
    const error = await testClient().concurrency.get().catch((e) => e);
    expect(new Set(error.fieldErrors.map((e: { path: string }) => e.path))).toEqual(new Set(["allocations[1].environmentId"]));
  });

  it("lets fields the SDK does not know yet pass (the server may be newer)", async () => {
    server.use(http.get(`${ENDPOINT}/v1/tenant`, () => HttpResponse.json({ ...fixtures.tenant(), brandColour: "#ff0000" })));
    await expect(testClient().tenant.get()).resolves.toMatchObject({ name: "Acme Voice" });
  });

  it("is off by default: the answer is returned as the server sent it", async () => {
    server.use(http.get(`${ENDPOINT}/v1/environments/env_7b2d9e41`, () =>
      HttpResponse.json({ ...fixtures.environment(), maxConcurrentCalls: "twenty" })));
    const client = createCallplaneClient({ endpoint: ENDPOINT, fetch: (request) => globalThis.fetch(request) });
    const env = await client.environments.get("env_7b2d9e41");
    expect(env.maxConcurrentCalls).toBe("twenty");
  });
});
