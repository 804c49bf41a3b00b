/** How the request layer builds URLs and reads answers, as the API sees them and callers get them. */
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { ENDPOINT, fixtures } from "../test-support/fixtures.js";
import { seen, server, testClient, useMswServer } from "../test-support/msw.js";

useMswServer();

describe("request paths", () => {
  it("encodes an id into one path segment, whatever characters it holds", async () => {
    server.use(http.get(`${ENDPOINT}/v1/environments/*`, () => HttpResponse.json(fixtures.environment() as any)));
    await testClient().environments.get("env/../x y?z#w");
    expect(new URL(seen[0]!.url).pathname).toBe("/v1/environments/env%2F..%2Fx%20y%3Fz%23w");
  });

  it("fills the same path with each call's own id", async () => {
    server.use(http.get(`${ENDPOINT}/v1/environments/*`, () => HttpResponse.json(fixtures.environment() as any)));
    const client = testClient();
    await client.environments.get("env_first");
    await client.environments.get("env_second");
    expect(seen.map((request) => new URL(request.url).pathname)).toEqual(["/v1/environments/env_first", "/v1/environments/env_second"]);
  });
});

describe("answers without a body", () => {
  it("a 200 with an empty streamed body (no Content-Length) is a success, not a parse failure", async () => {
    server.use(
      http.delete(`${ENDPOINT}/v1/users/*`, () => {
        const empty = new ReadableStream({ start: (controller) => controller.close() });
        return new HttpResponse(empty, { status: 200 });
      }),
    );
    await expect(testClient().users.delete("usr_1")).resolves.toBeUndefined();
  });

  it("a 200 with a body gives its data, with the ETag attached", async () => {
    server.use(http.get(`${ENDPOINT}/v1/environments/*`, () => HttpResponse.json(fixtures.environment() as any, { headers: { ETag: '"v7"' } })));
    const environment = await testClient().environments.get("env_7b2d9e41");
    expect(environment).toEqual(fixtures.environment());
    expect(environment.etag).toBe('"v7"');
    expect(Object.keys(environment)).not.toContain("etag");
  });
});
