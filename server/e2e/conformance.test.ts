import { describe, expect, it } from "vitest";
import { recordExchange, violations } from "./conformance.js";

const answer = (status: number, body?: unknown, contentType = "application/json") =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { "Content-Type": contentType, "X-Request-Id": "req_x" } });

describe("the spec-conformance check", () => {
  it("flags a status the operation does not document", async () => {
    await recordExchange("getTenant", "GET", answer(418, { type: "x", title: "x", status: 418, errors: [] }, "application/problem+json"));
    expect(violations.pop()?.problem).toContain("status 418 is not documented");
  });

  it("flags a body that does not match the schema, naming the field", async () => {
    await recordExchange("getConcurrency", "GET", answer(200, { planLimit: 40, allocated: "all", available: 0, allocations: [] }));
    const violation = violations.pop();
    expect(violation?.problem).toBe("body does not match Concurrency");
    expect(violation?.fieldErrors?.[0]?.path).toBe("allocated");
  });

  it("flags an error that is not problem+json", async () => {
    await recordExchange("getTenant", "GET", answer(401, { type: "x", title: "Nope", status: 401, errors: [] }));
    expect(violations.pop()?.problem).toContain("not application/problem+json");
  });

  it("passes a documented answer", async () => {
    await recordExchange("deleteUser", "DELETE", new Response(null, { status: 204, headers: { "X-Request-Id": "req_y" } }));
    expect(violations).toEqual([]);
  });
});
