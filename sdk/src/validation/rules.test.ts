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
