// When two values count as the same for planning: a changed value means an update (or a
// replacement), so "equal" must be exact, and an unknown value is never equal to anything.
import { describe, expect, it } from "vitest";
import { UNKNOWN } from "../values/index.js";
import { valuesEqual } from "./equality.js";

describe("valuesEqual", () => {
  it("compares primitives by value", () => {
    expect(valuesEqual("a", "a")).toBe(true);
    expect(valuesEqual("a", "b")).toBe(false);
    expect(valuesEqual(1, 1)).toBe(true);
    expect(valuesEqual(1, 2)).toBe(false);
    expect(valuesEqual(true, false)).toBe(false);
    expect(valuesEqual(null, null)).toBe(true);
  });

  it("never counts an unknown as equal, not even to itself", () => {
    expect(valuesEqual(UNKNOWN, UNKNOWN)).toBe(false);
    expect(valuesEqual(UNKNOWN, null)).toBe(false);
    expect(valuesEqual("a", UNKNOWN)).toBe(false);
  });

  it("tells null from an empty list or object, and a value from its text", () => {
    expect(valuesEqual(null, [])).toBe(false);
    expect(valuesEqual({}, null)).toBe(false);
    expect(valuesEqual(null, "")).toBe(false);
    expect(valuesEqual(1, "1")).toBe(false);
    expect(valuesEqual("a", ["a"])).toBe(false);
    expect(valuesEqual(null, { a: 1 })).toBe(false);
    expect(valuesEqual("a", {})).toBe(false);
    expect(valuesEqual({}, "a")).toBe(false);
    expect(valuesEqual(1, [])).toBe(false);
  });

  it("compares lists element by element, in order", () => {
    expect(valuesEqual(["a", "b"], ["a", "b"])).toBe(true);
    expect(valuesEqual(["a", "b"], ["b", "a"])).toBe(false);
    expect(valuesEqual(["a"], ["a", "b"])).toBe(false);
    expect(valuesEqual(["a", "b"], ["a"])).toBe(false);
    expect(valuesEqual([], [])).toBe(true);
    expect(valuesEqual(["a"], { 0: "a" })).toBe(false);
    expect(valuesEqual({ 0: "a" }, ["a"])).toBe(false);
    expect(valuesEqual([UNKNOWN], [UNKNOWN])).toBe(false);
  });

  it("compares objects and maps key by key, in any order", () => {
    expect(valuesEqual({ a: 1, b: [2] }, { b: [2], a: 1 })).toBe(true);
    expect(valuesEqual({ a: 1 }, { a: 2 })).toBe(false);
    expect(valuesEqual({ a: 1, b: 2 }, { a: 1, b: 3 })).toBe(false);
    expect(valuesEqual({ a: 1, b: 2 }, { a: 0, b: 2 })).toBe(false);
    expect(valuesEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(valuesEqual({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(valuesEqual({ a: 1 }, { b: 1 })).toBe(false);
    expect(valuesEqual({ a: { b: [1, { c: "x" }] } }, { a: { b: [1, { c: "x" }] } })).toBe(true);
    expect(valuesEqual({ a: { b: [1, { c: "x" }] } }, { a: { b: [1, { c: "y" }] } })).toBe(false);
  });
});
