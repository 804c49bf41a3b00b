import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../index.js";
import { ENDPOINT, fixtures } from "../test-support/fixtures.js";
import { seen, server, testClient, useMswServer } from "../test-support/msw.js";

useMswServer();

describe("request validation", () => {
  it("refuses a body that breaks the spec's rules, naming every field, without sending it", async () => {
    server.use(http.post(`${ENDPOINT}/v1/environments`, () => HttpResponse.json(fixtures.environment(), { status: 201 })));
    const error = await testClient().environments.create({ name: "", maxConcurrentCalls: 2.5, colour: "red" } as any).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.status).toBeUndefined();
    expect(error.fieldErrors).toEqual(expect.arrayContaining([
      { path: "name", message: "must not be empty" },
      { path: "maxConcurrentCalls", message: "must be a whole number" },
      { path: "colour", message: "is not a known field" },
    ]));
    expect(error.message).toContain("createEnvironment");
    expect(seen).toHaveLength(0);
  });

  it("checks nested fields with their full path", async () => {
    const error = await testClient().concurrency.set({ allocations: [{ environmentId: "env_1", maxConcurrentCalls: 5 }, { environmentId: "env_2", maxConcurrentCalls: -1 }] }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors.map((e: { path: string }) => e.path)).toEqual(["allocations[1].maxConcurrentCalls"]);
    expect(seen).toHaveLength(0);
  });

  it("sends a valid body", async () => {
    server.use(http.post(`${ENDPOINT}/v1/environments`, () => HttpResponse.json({ ...fixtures.environment(), apiKey: "cpk_live_1234567890abcdef" }, { status: 201 })));
    await testClient().environments.create({ name: "staging", maxConcurrentCalls: 5 });
    expect(seen).toHaveLength(1);
  });

  it("can be turned off, leaving the checking to the server", async () => {
    server.use(http.post(`${ENDPOINT}/v1/environments`, () => HttpResponse.json({ title: "Validation failed", errors: [{ path: "name", message: "must not be empty" }] }, { status: 422 })));
    const error = await testClient({ validateRequests: false }).environments.create({ name: "", maxConcurrentCalls: 5 }).catch((e) => e);
    expect(error).toMatchObject({ status: 422, fieldErrors: [{ path: "name", message: "must not be empty" }] });
    expect(seen).toHaveLength(1);
  });
});
