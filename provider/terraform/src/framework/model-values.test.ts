// Decoded values as resource models read them: plain numbers, objects a resource may change,
// and every null inside what the user configured refused with its place.
import { describe, expect, it } from "vitest";
import { t, UNKNOWN } from "../values/index.js";
import { Diagnostics } from "./diagnostics.js";
import { refuseNullsInside, withPlainNumbers } from "./model-values.js";

describe("withPlainNumbers", () => {
  it("turns bigints into numbers at any depth", () => {
    expect(withPlainNumbers({ a: [2n ** 60n, { b: 3n }], c: "x" })).toEqual({ a: [2 ** 60, { b: 3 }], c: "x" });
    expect(withPlainNumbers({ a: ["x", { b: [1, 2, 3n] }] })).toEqual({ a: ["x", { b: [1, 2, 3] }] });
    expect(withPlainNumbers({ m: { k: 2n ** 70n } })).toEqual({ m: { k: 2 ** 70 } });
  });

  it("gives a value without bigints back as it is, without copying it", () => {
    const value = { a: [1, { b: "x", c: null, d: UNKNOWN }], e: true };
    expect(withPlainNumbers(value)).toBe(value);
  });

  it("gives objects a resource may change, and keeps a key named __proto__ as data", () => {
    const value = withPlainNumbers(JSON.parse('{"__proto__": 1, "nested": {"n": 2}}')) as Record<string, Record<string, number>>;
    expect(Object.keys(value)).toEqual(["__proto__", "nested"]);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    value.nested!.n = 5;
    delete value.nested;
    expect(value).toEqual(JSON.parse('{"__proto__": 1}'));
  });
});

describe("refuseNullsInside", () => {
  const check = (type: Parameters<typeof refuseNullsInside>[0], value: Parameters<typeof refuseNullsInside>[1]) => {
    const diagnostics = new Diagnostics();
    refuseNullsInside(type, value, [{ attribute: "v" }], diagnostics);
    return diagnostics.items.map((d) => [d.detail, d.attribute]);
  };
  const summaries = (type: Parameters<typeof refuseNullsInside>[0], value: Parameters<typeof refuseNullsInside>[1]) => {
    const diagnostics = new Diagnostics();
    refuseNullsInside(type, value, [{ attribute: "v" }], diagnostics);
    return diagnostics.items.map((d) => [d.summary, d.detail]);
  };

  it("accepts a null or unknown value, and unknowns inside", () => {
    expect(check(t.list(t.string), null)).toEqual([]);
    expect(check(t.list(t.string), UNKNOWN)).toEqual([]);
    expect(check(t.list(t.string), ["a", UNKNOWN])).toEqual([]);
  });

  it("blames a set for a null among its elements, having no position to point at", () => {
    expect(check(t.set(t.string), ["a", null])).toEqual([["v: must not contain null.", [{ attribute: "v" }]]]);
    expect(check(t.set(t.object({ id: t.string })), [{ id: null }])).toEqual([["v.id: is required.", [{ attribute: "v" }]]]);
  });

  it("sums each problem up by the attribute, however deep it lies", () => {
    expect(summaries(t.object({ tags: t.set(t.string) }), { tags: ["a", null] })).toEqual([["Invalid v", "v.tags: must not contain null."]]);
    expect(summaries(t.list(t.object({ id: t.string })), [{ id: null }])).toEqual([["Invalid v", "v[0].id: is required."]]);
  });

  it("points at a map's key and an object's attribute", () => {
    expect(check(t.map(t.string), { a: "x", b: null })).toEqual([['v["b"]: must not be null.', [{ attribute: "v" }, { key: "b" }]]]);
    expect(check(t.object({ x: t.string, y: t.number }), { x: "s", y: null })).toEqual([["v.y: is required.", [{ attribute: "v" }]]]);
  });
});
