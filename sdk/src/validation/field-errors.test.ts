/** Field-error paths, as the API writes them and as callers take them apart to find the field. */
import { describe, expect, it } from "vitest";
import { describeFieldErrors, fieldErrorsFromIssues, formatPath, parsePath } from "../index.js";

describe("field-error paths", () => {
  it.each([
    ["allocations[1].maxConcurrentCalls", ["allocations", 1, "maxConcurrentCalls"]],
    ["operatorSchedule.weekly[12].start", ["operatorSchedule", "weekly", 12, "start"]],
    ["name", ["name"]],
    ["[0]", [0]],
    ["", []],
  ] as const)("%j parses into its segments and formats back", (path, segments) => {
    expect(parsePath(path)).toEqual(segments);
    expect(formatPath(segments)).toBe(path);
  });

  it("reads an index as a number and a numeric property name as a name", () => {
    expect(parsePath("members[10].2fa")).toEqual(["members", 10, "2fa"]);
  });

  it("describe each field error with its path, and a whole-value error without one", () => {
    expect(describeFieldErrors([{ path: "billingEmail", message: "must be an email address" }, { path: "", message: "at least one field is required" }])).toBe(
      "billingEmail: must be an email address; at least one field is required",
    );
  });
});

describe("field errors from issues of other kinds", () => {
  it("keep an issue that carries keys but is not about unknown ones on its own path", () => {
    expect(fieldErrorsFromIssues([{ code: "custom", path: ["allocations"], keys: ["env_1", "env_2"], message: "must not name an environment twice" }])).toEqual([
      { path: "allocations", message: "must not name an environment twice" },
    ]);
  });
});
