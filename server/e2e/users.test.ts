import { ConflictError, ValidationError, toOperatorSchedule } from "@callplane/sdk";
import { describe, expect, it } from "vitest";
import { BOOTSTRAP_ADMIN_EMAIL } from "../src/index.js";
import { raw, useServer, ADMIN_TOKEN, PLATFORM_TOKEN } from "./harness.js";

const t = useServer();
const PROBLEMS = "https://callplane.dev/problems/";
const json = (method: string, body: unknown, token = ADMIN_TOKEN) =>
  ({ method, token, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

/** A tenant of its own with exactly one admin: the bootstrap tenant's admins change as other tests run. */
let soloCount = 0;
async function tenantWithOneAdmin() {
  const n = ++soloCount;
  const tenant = await t.client(PLATFORM_TOKEN).tenants.create({ name: `Solo Tenant ${n}`, billingEmail: `solo${n}@solo.test`, planLimit: 5 });
  const client = t.client(tenant.apiKey);
  const admin = await client.users.create({ name: "Only Admin", email: "only@solo.test", role: "admin" });
  return { apiKey: tenant.apiKey, client, admin };
}

describe("users", () => {
  it("refuse a schedule sent in an update for someone who is not an operator, naming the field", async () => {
    const member = await t.admin.users.create({ name: "Mo", email: "mo@acme.test", role: "member" });
    const error = await t.admin.users.update(member.id, { operatorSchedule: { timezone: "UTC", ranges: [{ day: "monday", startHour: 9, endHour: 17 }] } }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors).toEqual([{ path: "operatorSchedule", message: "only operators have an operator schedule (the role is member)" }]);
    expect((await t.admin.users.get(member.id)).operatorSchedule).toBeNull();
  });

  it("are created with their email fixed: changing it later is refused with a clear message", async () => {
    const user = await t.admin.users.create({ name: "Lee Park", email: "lee@acme.test", role: "member", password: "correct-horse-battery" });
    expect(user).toMatchObject({ name: "Lee Park", email: "lee@acme.test", role: "member", operatorSchedule: null });
    expect(user.id).toMatch(/^usr_[0-9a-f]{16}$/);
    expect(JSON.stringify(user)).not.toContain("correct-horse");
    const response = await raw(t.url, `/v1/users/${user.id}`, {
      method: "PATCH", token: ADMIN_TOKEN, headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email: "other@acme.test" }),
    });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([{ path: "email", message: "cannot be changed after the user is created" }]);
  });

  it("refuse a second user with the same email, whatever its case", async () => {
    await t.admin.users.create({ name: "Kim", email: "kim@acme.test", role: "viewer" });
    const error = await t.admin.users.create({ name: "Kim again", email: "KIM@acme.test", role: "viewer" }).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.fieldErrors).toEqual([{ path: "email", message: "already belongs to a user" }]);
    const r = await raw(t.url, "/v1/users", json("POST", { name: "Kim three", email: "Kim@ACME.test", role: "viewer" }));
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ type: `${PROBLEMS}duplicate-email`, title: "Email already in use", detail: "A user with email Kim@ACME.test already exists." });
  });

  it("answer 404 naming a user that does not exist", async () => {
    const r = await raw(t.url, "/v1/users/usr_missing", { token: ADMIN_TOKEN });
    expect([r.status, r.body.detail]).toEqual([404, "User usr_missing does not exist."]);
  });

  it("refuse an update whose body is not an object, or is missing, with 422", async () => {
    const user = await t.admin.users.create({ name: "Bo", email: "bo@acme.test", role: "viewer" });
    for (const body of ["null", '"email"', "3"]) {
      const r = await raw(t.url, `/v1/users/${user.id}`, { method: "PATCH", token: ADMIN_TOKEN, headers: { "Content-Type": "application/json" }, body });
      expect([body, r.status, r.body.errors]).toEqual([body, 422, [{ path: "", message: "must be an object" }]]);
    }
    const none = await raw(t.url, `/v1/users/${user.id}`, { method: "PATCH", token: ADMIN_TOKEN });
    expect([none.status, none.body.errors]).toEqual([422, [{ path: "", message: "a JSON body is required" }]]);
    expect(await t.admin.users.get(user.id)).toMatchObject({ name: "Bo", role: "viewer" });
  });

  it("with one admin, let the admin be renamed and other users change role; demoting or deleting the admin is refused word for word", async () => {
    const { apiKey, client, admin } = await tenantWithOneAdmin();
    const member = await client.users.create({ name: "Mia", email: "mia@solo.test", role: "member" });
    expect(await client.users.update(admin.id, { name: "Ada Only" })).toMatchObject({ name: "Ada Only", role: "admin" });
    expect((await client.users.update(admin.id, { role: "admin" })).role).toBe("admin");
    expect((await client.users.update(member.id, { role: "viewer" })).role).toBe("viewer");

    const demote = await raw(t.url, `/v1/users/${admin.id}`, json("PATCH", { role: "member" }, apiKey));
    expect(demote.status).toBe(409);
    expect(demote.body).toMatchObject({
      type: `${PROBLEMS}last-admin`, title: "At least one admin must remain",
      detail: "Ada Only is the tenant's only admin; make someone else admin before you demote.",
      errors: [{ path: "role", message: "cannot demote the last admin" }],
    });
    const remove = await raw(t.url, `/v1/users/${admin.id}`, { method: "DELETE", token: apiKey });
    expect(remove.status).toBe(409);
    expect(remove.body).toMatchObject({
      type: `${PROBLEMS}last-admin`, title: "At least one admin must remain",
      detail: "Ada Only is the tenant's only admin; make someone else admin before you delete.",
      errors: [{ path: "", message: "cannot delete the last admin" }],
    });
    await client.users.delete(member.id);
    expect((await client.users.list().toArray()).map((u) => [u.name, u.role])).toEqual([["Ada Only", "admin"]]);
  });

  it("keep at least one admin: demoting or deleting the last one is refused", async () => {
    const admins = await t.admin.users.list({ role: "admin" }).toArray();
    expect(admins.map((u) => u.email)).toEqual([BOOTSTRAP_ADMIN_EMAIL]);
    const only = admins[0]!;
    const demote = await t.admin.users.update(only.id, { role: "viewer" }).catch((e) => e);
    expect(demote).toBeInstanceOf(ConflictError);
    expect(demote.message).toContain("only admin");
    expect(demote.fieldErrors).toEqual([{ path: "role", message: "cannot demote the last admin" }]);
    await expect(t.admin.users.delete(only.id)).rejects.toBeInstanceOf(ConflictError);

    const second = await t.admin.users.create({ name: "Second Admin", email: "second@acme.test", role: "admin" });
    await t.admin.users.update(second.id, { role: "member" });
    expect((await t.admin.users.get(only.id)).role).toBe("admin");
  });

  it("give operator schedules to operators only, and drop them when the role changes", async () => {
    const schedule = toOperatorSchedule([{ day: "monday", startHour: 9, endHour: 17 }], "Europe/Berlin", { weekOf: new Date("2026-01-12T12:00:00Z") });
    const error = await t.admin.users.create({ name: "Vic", email: "vic@acme.test", role: "viewer", operatorSchedule: schedule }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors[0].path).toBe("operatorSchedule");

    const operator = await t.admin.users.create({ name: "Sam", email: "sam@acme.test", role: "operator", operatorSchedule: schedule });
    expect(operator.operatorSchedule).toEqual({ timezone: "Europe/Berlin", ranges: [{ day: "monday", startHour: 8, endHour: 16 }] });
    const member = await t.admin.users.update(operator.id, { role: "member" });
    expect(member.operatorSchedule).toBeNull();
  });

  it("keep an operator's schedule when other fields change, and take a new one", async () => {
    const monday = { timezone: "UTC", ranges: [{ day: "monday" as const, startHour: 9, endHour: 17 }] };
    const friday = { timezone: "UTC", ranges: [{ day: "friday" as const, startHour: 8, endHour: 12 }] };
    const operator = await t.admin.users.create({ name: "Oli", email: "oli@acme.test", role: "operator", operatorSchedule: monday });
    expect((await t.admin.users.update(operator.id, { name: "Oli Berg" })).operatorSchedule).toEqual(monday);
    expect((await t.admin.users.update(operator.id, { role: "operator" })).operatorSchedule).toEqual(monday);
    expect((await t.admin.users.update(operator.id, { operatorSchedule: friday })).operatorSchedule).toEqual(friday);
    expect((await t.admin.users.get(operator.id)).operatorSchedule).toEqual(friday);
  });

  it("refuse a schedule range that ends before it starts, naming the range", async () => {
    const error = await t.admin.users.create({
      name: "Ana", email: "ana@acme.test", role: "operator",
      operatorSchedule: { timezone: "UTC", ranges: [{ day: "monday", startHour: 9, endHour: 17 }, { day: "friday", startHour: 12, endHour: 8 }] },
    }).catch((e) => e);
    expect(error.fieldErrors).toEqual([{ path: "operatorSchedule.ranges[1].endHour", message: "must be after startHour" }]);
  });

  it("are found by name or email, case-insensitively", async () => {
    await t.admin.users.create({ name: "Morgan Quill", email: "mq@other.test", role: "member" });
    const byName = await t.admin.users.list({ q: "quill" }).toArray();
    const byEmail = await t.admin.users.list({ q: "OTHER.TEST" }).toArray();
    expect(byName.map((u) => u.email)).toEqual(["mq@other.test"]);
    expect(byEmail.map((u) => u.name)).toEqual(["Morgan Quill"]);
    expect(await t.admin.users.list({ q: "100%_" }).toArray()).toEqual([]);
  });
});
