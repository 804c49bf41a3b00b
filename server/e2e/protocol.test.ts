/** HTTP behaviour every operation shares: problems, idempotency keys, pagination, request ids. */
import { ValidationError } from "@callplane/sdk";
import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, raw, useServer } from "./harness.js";

const t = useServer();
const json = { "Content-Type": "application/json" };

describe("problem details", () => {
  it("answer malformed JSON with 400", async () => {
    const r = await raw(t.url, "/v1/environments", { method: "POST", token: ADMIN_TOKEN, headers: json, body: "{name:" });
    expect(r.status).toBe(400);
    expect(r.headers.get("Content-Type")).toBe("application/problem+json");
    expect(r.body).toMatchObject({ type: "https://callplane.dev/problems/malformed-request", status: 400, errors: [{ path: "", message: "is not valid JSON" }] });
    expect(r.body.requestId).toBe(r.headers.get("X-Request-Id"));
  });

  it("answer an unknown route with 404 and a known route with the wrong method with 405", async () => {
    expect((await raw(t.url, "/v1/nothing", { token: ADMIN_TOKEN })).status).toBe(404);
    const r = await raw(t.url, "/v1/tenant", { method: "DELETE", token: ADMIN_TOKEN });
    expect(r.status).toBe(405);
    expect(r.headers.get("Allow")).toBe("GET, PATCH");
  });

  it("answer a body that is not JSON with 415", async () => {
    const r = await raw(t.url, "/v1/environments", { method: "POST", token: ADMIN_TOKEN, headers: { "Content-Type": "text/plain" }, body: "name=x" });
    expect(r.status).toBe(415);
  });

  it("list every broken rule with its field path, unknown fields included", async () => {
    const r = await raw(t.url, "/v1/tenant", {
      method: "PATCH", token: ADMIN_TOKEN, headers: json,
      body: JSON.stringify({ name: "Ac", phone: "12", zipCode: "1", website: "acme.test", timezone: "Mars/Olympus", billingEmail: "nope", colour: "red" }),
    });
    expect(r.status).toBe(422);
    const paths = r.body.errors.map((e: { path: string }) => e.path);
    expect(new Set(paths)).toEqual(new Set(["name", "phone", "zipCode", "website", "timezone", "billingEmail", "colour"]));
    expect(r.body.errors).toContainEqual({ path: "colour", message: "is not a known field" });
    expect((await t.admin.tenant.get()).name).toBe("Local tenant");
  });

  it("reach the SDK as a ValidationError with fieldErrors", async () => {
    const error = await t.admin.tenant.update({ website: "ftp://acme.test" }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors).toEqual([{ path: "website", message: "must start with http:// or https://" }]);
  });

  it("refuse bad query parameters with 400 naming them", async () => {
    const r = await raw(t.url, "/v1/environments?limit=0", { token: ADMIN_TOKEN });
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([{ path: "limit", message: "must be a whole number from 1 to 100" }]);
    expect((await raw(t.url, "/v1/users?role=owner", { token: ADMIN_TOKEN })).body.errors[0].path).toBe("role");
    expect((await raw(t.url, "/v1/environments?cursor=garbage", { token: ADMIN_TOKEN })).body.errors[0].path).toBe("cursor");
  });

  it("refuse a cursor this server never hands out (a negative or fractional position), naming it", async () => {
    const cursor = (position: number) => Buffer.from(JSON.stringify({ p: position })).toString("base64url");
    for (const position of [-1, 1.5]) {
      const r = await raw(t.url, `/v1/users?cursor=${cursor(position)}`, { token: ADMIN_TOKEN });
      expect(r.status, String(position)).toBe(400);
      expect(r.body.errors).toEqual([{ path: "cursor", message: "is not a valid cursor" }]);
      expect(r.body.detail).toBe("The cursor is not one this server handed out.");
    }
    expect((await raw(t.url, `/v1/users?cursor=${cursor(0)}`, { token: ADMIN_TOKEN })).status).toBe(200);
  });

  it("say what each query parameter takes, at its limits", async () => {
    const get = (query: string) => raw(t.url, query, { token: ADMIN_TOKEN });
    const refused = async (query: string) => {
      const r = await get(query);
      expect(r.status, query).toBe(400);
      return [r.body.detail, r.body.errors];
    };
    const limit = ["limit must be a whole number from 1 to 100.", [{ path: "limit", message: "must be a whole number from 1 to 100" }]];
    expect(await refused("/v1/users?limit=5x")).toEqual(limit);
    expect(await refused("/v1/users?limit=x5")).toEqual(limit);
    expect(await refused("/v1/users?limit=1.5")).toEqual(limit);
    expect((await get("/v1/users?limit=1")).body.data).toHaveLength(1);
    expect(await refused("/v1/users?role=owner")).toEqual(["role must be one of admin, member, operator, viewer.", [{ path: "role", message: "must be one of admin, member, operator, viewer" }]]);
    expect(await refused(`/v1/audit-events?resourceId=${"x".repeat(65)}`)).toEqual(["resourceId must be 1 to 64 characters.", [{ path: "resourceId", message: "must be 1 to 64 characters" }]]);
    expect(await refused("/v1/audit-events?resourceId=")).toEqual(["resourceId must be 1 to 64 characters.", [{ path: "resourceId", message: "must be 1 to 64 characters" }]]);
    expect((await get(`/v1/audit-events?resourceId=${"x".repeat(64)}`)).status).toBe(200);
    expect((await get("/v1/audit-events?resourceId=x")).status).toBe(200);
    expect(await refused(`/v1/users?q=${"x".repeat(201)}`)).toEqual(["q must be at most 200 characters.", [{ path: "q", message: "must be at most 200 characters" }]]);
    expect((await get(`/v1/users?q=${"x".repeat(200)}`)).status).toBe(200);
    expect((await get("/v1/users?q=")).status).toBe(200);
    expect(await refused("/v1/audit-events?since=yesterday")).toEqual(["since must be an RFC 3339 date-time.", [{ path: "since", message: "must be an RFC 3339 date-time such as 2026-11-20T09:30:00Z" }]]);
  });

  it("read includeHidden as true or false only", async () => {
    await t.admin.environments.create({ name: "tucked-away", hidden: true });
    const names = async (query: string) => (await raw(t.url, `/v1/environments?${query}`, { token: ADMIN_TOKEN })).body.data.map((e: { name: string }) => e.name);
    expect(await names("includeHidden=true")).toContain("tucked-away");
    expect(await names("includeHidden=false")).not.toContain("tucked-away");
    const r = await raw(t.url, "/v1/environments?includeHidden=yes", { token: ADMIN_TOKEN });
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([{ path: "includeHidden", message: "must be true or false" }]);
    expect(r.body.detail).toBe("includeHidden must be true or false.");
  });

  it("refuse a create without a body, saying a body is required", async () => {
    const r = await raw(t.url, "/v1/environments", { method: "POST", token: ADMIN_TOKEN });
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([{ path: "", message: "a JSON body is required" }]);
  });

  it("answer 404 naming the API token when revoking one that does not exist", async () => {
    const r = await raw(t.url, "/v1/api-tokens/tok_nothere", { method: "DELETE", token: ADMIN_TOKEN });
    expect(r.status).toBe(404);
    expect(r.body.detail).toBe("API token tok_nothere does not exist.");
  });
});

describe("Idempotency-Key", () => {
  it("replays the first answer for the same key and body, creating once", async () => {
    const first = await t.admin.environments.create({ name: "idem" }, { idempotencyKey: "create-idem" });
    const second = await t.admin.environments.create({ name: "idem" }, { idempotencyKey: "create-idem" });
    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers.get("Idempotent-Replayed")).toBe("true");
    const all = await t.admin.environments.list().toArray();
    expect(all.filter((e) => e.name === "idem")).toHaveLength(1);
  });

  it("refuses the same key with a different body", async () => {
    await t.admin.environments.create({ name: "idem-a" }, { idempotencyKey: "key-2" });
    const error = await t.admin.environments.create({ name: "idem-b" }, { idempotencyKey: "key-2" }).catch((e) => e);
    expect(error.status).toBe(409);
    expect(error.type).toContain("idempotency-key-reused");
  });

  it("lets a refused request be corrected under the same key", async () => {
    await expect(t.admin.environments.create({ name: "fix-me", maxConcurrentCalls: 999 }, { idempotencyKey: "key-3" })).rejects.toBeInstanceOf(ValidationError);
    await expect(t.admin.environments.create({ name: "fix-me" }, { idempotencyKey: "key-3" })).resolves.toMatchObject({ name: "fix-me" });
  });
});

describe("pagination", () => {
  it("gives 20 items a page unless the request asks for another size, up to 100", async () => {
    for (let i = 0; i < 21; i++) await t.admin.users.create({ name: `Pager ${i}`, email: `pager${i}@acme.test`, role: "viewer" });
    const first = await raw(t.url, "/v1/users?q=pager", { token: ADMIN_TOKEN });
    expect(first.body.data).toHaveLength(20);
    expect(first.body.nextCursor).not.toBeNull();
    const rest = await raw(t.url, `/v1/users?q=pager&cursor=${first.body.nextCursor}`, { token: ADMIN_TOKEN });
    expect(rest.body).toMatchObject({ data: [expect.objectContaining({ name: "Pager 20" })], nextCursor: null });
    expect((await raw(t.url, "/v1/users?q=pager&limit=100", { token: ADMIN_TOKEN })).body.data).toHaveLength(21);
    expect((await raw(t.url, "/v1/users?q=pager&limit=101", { token: ADMIN_TOKEN })).status).toBe(400);
  });

  it("stays correct while rows are inserted between pages: nothing twice, nothing skipped", async () => {
    for (let i = 0; i < 5; i++) await t.admin.users.create({ name: `Page ${i}`, email: `page${i}@acme.test`, role: "viewer" });
    const seen: string[] = [];
    let page = await t.admin.users.list({ q: "page", limit: 2 });
    let inserted = 0;
    while (true) {
      seen.push(...page.data.map((u) => u.email));
      if (inserted < 3) await t.admin.users.create({ name: `Page late ${inserted}`, email: `page-late${inserted++}@acme.test`, role: "viewer" });
      const next = await page.nextPage();
      if (!next) break;
      page = next;
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (let i = 0; i < 5; i++) expect(seen).toContain(`page${i}@acme.test`);
    expect(seen.filter((e) => e.startsWith("page-late"))).toHaveLength(3);
  });
});
