/** The rules a JSON Schema keyword cannot say, and the field errors they become. */
import { describe, expect, it } from "vitest";
import { fieldErrorsFromIssues, schemas, validate } from "../index.js";

describe("the spec's named rules and formats", () => {
  it("refuse a schedule range that does not start before it ends, on endHour", () => {
    expect(validate(schemas.ScheduleRange, { day: "monday", startHour: 9, endHour: 9 })).toEqual({ ok: false, fieldErrors: [{ path: "endHour", message: "must be after startHour" }] });
    expect(validate(schemas.ScheduleRange, { day: "monday", startHour: 9, endHour: 10 }).ok).toBe(true);
  });

  it("refuse an unknown time zone, naming the format", () => {
    const result = validate(schemas.OperatorSchedule, { timezone: "Mars/Olympus", ranges: [] });
    expect(result).toEqual({ ok: false, fieldErrors: [{ path: "timezone", message: "must be an IANA time zone such as Europe/Berlin" }] });
    expect(validate(schemas.OperatorSchedule, { timezone: "Europe/Berlin", ranges: [] }).ok).toBe(true);
  });

  it("tell a missing object from a value that is not one", () => {
    expect(validate(schemas.OperatorSchedule, "weekdays")).toEqual({ ok: false, fieldErrors: [{ path: "", message: "must be an object" }] });
    expect(validate(schemas.OperatorSchedule, null)).toEqual({ ok: false, fieldErrors: [{ path: "", message: "must be an object" }] });
    expect(validate(schemas.OperatorSchedule, [])).toEqual({ ok: false, fieldErrors: [{ path: "", message: "must be an object" }] });
  });
});

describe("the email format", () => {
  it.each(["ops@acme.test", "ops@mail.eu.acme.test", "first.last+voice@acme.co.uk"])("accepts %j", (value) => {
    expect(validate(schemas.Email, value)).toEqual({ ok: true, value });
  });
  it.each(["ops team@acme.test", "a@b@acme.test", "ops@acme.test extra", "ops@acme.test@evil.test", "ops@acme", "@acme.test"])("refuses %j, naming the format", (value) => {
    expect(validate(schemas.Email, value)).toEqual({ ok: false, fieldErrors: [{ path: "", message: "must be an email address" }] });
  });
});

describe("the date-time format", () => {
  it.each([
    "2026-11-20T09:30Z", // no seconds
    "2026-12-31T23:59:59.123Z", // the 31st, a fraction of several digits
    "2026-11-30T09:30:00.5+05:30", // an offset with minutes
    "2026-11-20T09:30:00-05:00",
    "2026-11-20T09:30:00+13:45",
    "2026-11-20T09:30:00+23:59", // the largest offset RFC 3339 allows
  ])("accepts %j", (value) => {
    expect(validate(schemas.Timestamp, value)).toEqual({ ok: true, value });
  });
  it.each([
    "on 2026-11-20T09:30:00Z", // junk before
    "2026-11-20T09:30:00Z tomorrow", // junk after
    "2026-11-20T09:30:00", // no zone
    "2026-11-32T09:30:00Z",
    "2026-11-20T09:30:00+24:00",
    "2026-11-20T09:30:00+05:60",
    "2026-11-20T09:30:00.Z",
  ])("refuses %j, naming the format", (value) => {
    expect(validate(schemas.Timestamp, value)).toEqual({ ok: false, fieldErrors: [{ path: "", message: "must be an RFC 3339 date-time such as 2026-11-20T09:30:00Z" }] });
  });
});

describe("updates", () => {
  it("refuse a body that changes nothing, saying so", () => {
    expect(validate(schemas.EnvironmentUpdate, {})).toEqual({ ok: false, fieldErrors: [{ path: "", message: "must change at least one field" }] });
    expect(validate(schemas.EnvironmentUpdate, { hidden: true }).ok).toBe(true);
  });
});

describe("field errors from issues", () => {
  it("report each unknown key on its own path, and a repeated issue once", () => {
    expect(fieldErrorsFromIssues([
      { code: "unrecognized_keys", path: ["allocations", 0], keys: ["colour", "size"], message: "is not a known field" },
      { path: ["name"], message: "must not be empty" },
      { path: ["name"], message: "must not be empty" },
      { path: ["name"], message: "must be at most 64 characters" },
      { code: "unrecognized_keys", path: [], message: "is not a known field" },
    ])).toEqual([
      { path: "allocations[0].colour", message: "is not a known field" },
      { path: "allocations[0].size", message: "is not a known field" },
      { path: "name", message: "must not be empty" },
      { path: "name", message: "must be at most 64 characters" },
      { path: "", message: "is not a known field" },
    ]);
  });
});
