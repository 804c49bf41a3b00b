import { ConflictError, ValidationError, toOperatorSchedule } from "@callplane/sdk";
import { describe, expect, it } from "vitest";
import { BOOTSTRAP_ADMIN_EMAIL } from "../src/index.js";
import { raw, useServer, ADMIN_TOKEN } from "./harness.js";

const t = useServer();

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
