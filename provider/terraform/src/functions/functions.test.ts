import { describe, expect, it } from "vitest";
import { ArgumentError } from "../framework/function.js";
import { scheduleFromUtcFunction, scheduleToUtcFunction } from "./schedule.js";
import { splitCalls } from "./split-calls.js";

const argumentError = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof ArgumentError) return { argument: error.argument, message: error.message };
    throw error;
  }
  throw new Error("no ArgumentError");
};

describe("split_calls", () => {
  it("splits by largest remainder, ties in key order, summing to the limit", () => {
    expect(splitCalls(40, { prod: 1, staging: 1, dev: 1 })).toEqual({ dev: 14, prod: 13, staging: 13 });
    expect(splitCalls(40, { production: 2, staging: 1, development: 1 })).toEqual({ development: 10, production: 20, staging: 10 });
    expect(splitCalls(10, { a: 0.5, b: 0.3, c: 0.2 })).toEqual({ a: 5, b: 3, c: 2 });
    expect(splitCalls(7, { a: 1, b: 1, c: 5 })).toEqual({ a: 1, b: 1, c: 5 });
    expect(splitCalls(0, { a: 1 })).toEqual({ a: 0 });
    for (const limit of [1, 2, 13, 40, 97]) {
      const split = splitCalls(limit, { x: 3, y: 7, z: 11, w: 0 });
      expect(Object.values(split).reduce((a, b) => a + b, 0)).toBe(limit);
      expect(split.w).toBe(0);
    }
  });

  it("names the argument at fault", () => {
    expect(argumentError(() => splitCalls(40.5, { a: 1 }))).toEqual({ argument: 0, message: "limit: must be a whole number of calls, 0 or more (got 40.5)." });
    expect(argumentError(() => splitCalls(-1, { a: 1 }))).toMatchObject({ argument: 0 });
    expect(argumentError(() => splitCalls(40, {}))).toMatchObject({ argument: 1, message: expect.stringContaining("shares:") });
    expect(argumentError(() => splitCalls(40, { dev: -1 }))).toEqual({ argument: 1, message: 'shares["dev"]: must be 0 or more (got -1).' });
    expect(argumentError(() => splitCalls(40, { a: 0, b: 0 }))).toMatchObject({ argument: 1, message: "shares: at least one share must be above 0." });
  });
});

describe("schedule_to_utc and schedule_from_utc", () => {
  const nineToFive = { day: "monday", start_hour: 9, end_hour: 17 };

  it("converts with the offsets of the given week (winter and summer in Berlin)", () => {
    expect(scheduleToUtcFunction.call(["Europe/Berlin", "2026-01-05"], [nineToFive])).toEqual([{ day: "monday", start_hour: 8, end_hour: 16 }]);
    expect(scheduleToUtcFunction.call(["Europe/Berlin", "2026-07-06T10:00:00Z"], [nineToFive])).toEqual([{ day: "monday", start_hour: 7, end_hour: 15 }]);
    expect(scheduleFromUtcFunction.call(["Europe/Berlin", "2026-01-05"], [{ day: "monday", start_hour: 8, end_hour: 16 }])).toEqual([nineToFive]);
  });

  it("splits a range that crosses midnight UTC", () => {
    expect(scheduleToUtcFunction.call(["Asia/Kolkata", "2026-01-05"], [{ day: "tuesday", start_hour: 2, end_hour: 10 }]))
      .toEqual([{ day: "monday", start_hour: 20.5, end_hour: 24 }, { day: "tuesday", start_hour: 0, end_hour: 4.5 }]);
  });

  it("names the argument at fault", () => {
    expect(argumentError(() => scheduleToUtcFunction.call(["Mars/Olympus", "2026-01-05"], [nineToFive]))).toMatchObject({ argument: 0, message: expect.stringContaining("timezone:") });
    expect(argumentError(() => scheduleToUtcFunction.call(["UTC", "next week"], [nineToFive]))).toMatchObject({ argument: 1, message: expect.stringContaining("week_of:") });
    expect(argumentError(() => scheduleToUtcFunction.call(["UTC", "2026-01-05"], [nineToFive, { day: "monday", start_hour: 9, end_hour: 25 }])))
      .toEqual({ argument: 3, message: "ranges[1]: end_hour: must be between 0 and 24" });
  });
});
