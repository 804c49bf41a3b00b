/**
 * The validator runtime as a caller meets it through the generated schemas: what each kind of
 * value says when it has the wrong type, and where a limit stops.
 */
import { describe, expect, it } from "vitest";
import { schemas, validate, type Validator } from "./index.js";

const auditEvent = {
  id: "evt_1",
  occurredAt: "2026-11-20T09:30:00Z",
  actor: { type: "user", id: "usr_1", name: "Ada" },
  source: "api",
  action: "environment.update",
  resourceType: "environment",
  resourceId: "env_1",
  before: { maxConcurrentCalls: 10 },
  after: { maxConcurrentCalls: 20 },
  requestId: "req_1",
};

/** What one refused value shows: the schema, the value, and the field error expected. */
type WrongType = [what: string, schema: Validator<unknown>, value: unknown, path: string, message: string];

describe("a value of the wrong type", () => {
  it.each<WrongType>([
    ["a name that is not a string", schemas.EnvironmentName, 12345, "", "must be a string"],
    ["an hour given as text", schemas.ScheduleRange, { day: "monday", startHour: "9", endHour: 10 }, "startHour", "must be a number"],
    ["an hour that is NaN", schemas.ScheduleRange, { day: "monday", startHour: Number.NaN, endHour: 10 }, "startHour", "must be a number"],
    ["an hour that is Infinity", schemas.ScheduleRange, { day: "monday", startHour: 9, endHour: Number.POSITIVE_INFINITY }, "endHour", "must be a number"],
    ["a flag given as text", schemas.EnvironmentCreate, { name: "staging", hidden: "yes" }, "hidden", "must be true or false"],
    ["a role outside the list", schemas.Role, "superuser", "", "must be one of admin, member, operator, viewer"],
    ["an audit snapshot that is text", schemas.AuditEvent, { ...auditEvent, before: "x" }, "before", "must be an object"],
    ["an audit snapshot that is a list", schemas.AuditEvent, { ...auditEvent, after: [] }, "after", "must be an object"],
    ["ranges that are not a list", schemas.OperatorSchedule, { timezone: "Europe/Berlin", ranges: "weekdays" }, "ranges", "must be a list"],
    ["an email inside a list", schemas.Email, ["ops@acme.test"], "", "must be an email address"],
    ["a date-time inside a list", schemas.Timestamp, ["2026-11-20T09:30:00Z"], "", "must be an RFC 3339 date-time such as 2026-11-20T09:30:00Z"],
  ])("%s is refused, saying what was expected", (_what, schema, value, path, message) => {
    expect(validate(schema, value)).toEqual({ ok: false, fieldErrors: [{ path, message }] });
  });

  it("is told apart from a missing one", () => {
    expect(validate(schemas.AuditEvent, auditEvent).ok).toBe(true);
    expect(validate(schemas.ScheduleRange, { day: "monday", endHour: 10 })).toEqual({ ok: false, fieldErrors: [{ path: "startHour", message: "is required" }] });
  });
});

describe("limits", () => {
  it("accept a number at exactly its maximum and refuse one past it", () => {
    expect(validate(schemas.ScheduleRange, { day: "monday", startHour: 23, endHour: 24 }).ok).toBe(true);
    expect(validate(schemas.MaxConcurrentCalls, 1_000_000).ok).toBe(true);
    expect(validate(schemas.InvitationRenew, { expiresInDays: 90 }).ok).toBe(true);
    expect(validate(schemas.MaxConcurrentCalls, 1_000_001)).toEqual({ ok: false, fieldErrors: [{ path: "", message: "must be between 0 and 1000000" }] });
  });

  it("accept a string of exactly its maximum length and refuse one longer", () => {
    expect(validate(schemas.EnvironmentName, "e".repeat(64)).ok).toBe(true);
    expect(validate(schemas.EnvironmentName, "e".repeat(65))).toEqual({ ok: false, fieldErrors: [{ path: "", message: "must be 1 to 64 characters" }] });
  });

  it("take a quarter hour computed with binary rounding as a quarter, and refuse a billionth of a step off", () => {
    const quarterish = (0.1 + 0.2) * 2.5; // 0.7500000000000001
    expect(validate(schemas.ScheduleRange, { day: "monday", startHour: quarterish, endHour: 1 }).ok).toBe(true);
    expect(validate(schemas.ScheduleRange, { day: "monday", startHour: 2.5e-10, endHour: 1 })).toEqual({
      ok: false,
      fieldErrors: [{ path: "startHour", message: "must be a multiple of 0.25" }],
    });
  });
});
