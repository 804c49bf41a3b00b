import { describe, expect, it } from "vitest";
import { splitCalls, SplitCallsError } from "./split-calls.js";
import { Token } from "./cdk.js";

const errorOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof SplitCallsError) return { argument: error.argument, message: error.message };
    throw error;
  }
  throw new Error("no SplitCallsError");
};

describe("splitCalls", () => {
  it("gives the provider function's documented results", () => {
    expect(splitCalls(40, { prod: 1, staging: 1, dev: 1 })).toEqual({ dev: 14, prod: 13, staging: 13 });
    expect(splitCalls(40, { production: 2, staging: 1, development: 1 })).toEqual({ development: 10, production: 20, staging: 10 });
  });

  it("breaks equal remainders in sorted key order, not in the order written", () => {
    expect(splitCalls(2, { c: 1, b: 1, a: 1 })).toEqual({ a: 1, b: 1, c: 0 });
    expect(splitCalls(1, { b: 1, B: 1 })).toEqual({ B: 1, b: 0 }); // "B" sorts before "b"
    expect(splitCalls(1, { "é": 1, z: 1 })).toEqual({ z: 1, "é": 0 }); // by code point: z (7a) < é (e9)
    expect(splitCalls(1, { "\u{1F600}": 1, "\uFFFF": 1 })).toEqual({ "\uFFFF": 1, "\u{1F600}": 0 }); // by code point, not UTF-16 unit
  });

  it("adds up to the limit exactly, with zero shares getting nothing", () => {
    for (const limit of [0, 1, 2, 13, 40, 97]) {
      const split = splitCalls(limit, { x: 3, y: 7, z: 11, w: 0 });
      expect(Object.values(split).reduce((a, b) => a + b, 0)).toBe(limit);
      expect(split.w).toBe(0);
    }
  });

  it("throws the provider function's errors, naming the argument", () => {
    expect(errorOf(() => splitCalls(40.5, { a: 1 }))).toEqual({ argument: "limit", message: "limit: must be a whole number of calls, 0 or more (got 40.5)." });
    expect(errorOf(() => splitCalls(-1, { a: 1 }))).toEqual({ argument: "limit", message: "limit: must be a whole number of calls, 0 or more (got -1)." });
    expect(errorOf(() => splitCalls(40, {}))).toEqual({ argument: "shares", message: "shares: must name at least one key, e.g. { production = 2, staging = 1 }." });
    expect(errorOf(() => splitCalls(40, { dev: -1 }))).toEqual({ argument: "shares", message: 'shares["dev"]: must be 0 or more (got -1).' });
    expect(errorOf(() => splitCalls(40, { a: 0, b: 0 }))).toEqual({ argument: "shares", message: "shares: at least one share must be above 0." });
  });

  it("refuses tokens: values known only at apply belong to the provider function", () => {
    expect(errorOf(() => splitCalls(Token.asNumber("${var.limit}"), { a: 1 }))).toMatchObject({ argument: "limit", message: expect.stringContaining("provider::callplane::split_calls") });
  });
});
