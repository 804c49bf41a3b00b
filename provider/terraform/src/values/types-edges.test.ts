/**
 * The edges of types.ts that whole values rarely reach: plain-data types built without `t`,
 * comparisons across kinds, the UTF-8 order of names, and each refusal of `typeFromJson` by its
 * message (a dynamic value's type comes from Terraform's data, and the message reaches users).
 */
import { describe, expect, it } from "vitest";
import { attributeNames, compareUtf8, t, typeEquals, typeFromJson, typeToJsonString, type Type } from "./types.js";

function typeErrorOf(json: unknown): string {
  try {
    typeFromJson(json);
  } catch (e) {
    if (e instanceof TypeError) return e.message;
    throw e;
  }
  throw new Error(`${JSON.stringify(json)} was accepted`);
}

function nested(kind: (inner: unknown) => unknown, levels: number): unknown {
  let json: unknown = "string";
  for (let i = 0; i < levels; i++) json = kind(json);
  return json;
}

describe("typeEquals", () => {
  it("compares types written as plain data, without t", () => {
    for (const kind of ["string", "number", "bool", "dynamic"] as const) {
      expect(typeEquals({ kind } as Type, t[kind])).toBe(true);
    }
    expect(typeEquals({ kind: "string" }, { kind: "number" })).toBe(false);
  });

  it("is false across kinds and for objects or tuples that differ only in names or length", () => {
    expect(typeEquals(t.object({}), t.string)).toBe(false);
    expect(typeEquals(t.object({ a: t.string }), t.object({ b: t.string }))).toBe(false);
    expect(typeEquals(t.tuple([]), t.list(t.string))).toBe(false);
    expect(typeEquals(t.tuple([t.string]), t.tuple([t.string, t.number]))).toBe(false);
    expect(typeEquals(t.tuple([t.string, t.number]), t.tuple([t.string]))).toBe(false);
  });
});

describe("compareUtf8", () => {
  it("orders a prefix first and compares past equal characters", () => {
    expect(compareUtf8("a", "ab")).toBeLessThan(0);
    expect(compareUtf8("ab", "ac")).toBeLessThan(0);
    expect(compareUtf8("ac", "ab")).toBeGreaterThan(0);
    expect(compareUtf8("\uffffa", "\uffffb")).toBeLessThan(0);
    expect(compareUtf8("\u{1F600}a", "\u{1F600}b")).toBeLessThan(0);
  });
});

describe("attribute names", () => {
  it("keeps an attribute named __proto__ as an ordinary attribute", () => {
    const type = typeFromJson(JSON.parse('["object",{"__proto__":"string","a":"number"}]'));
    expect(type.kind === "object" && attributeNames(type)).toEqual(["__proto__", "a"]);
    expect(typeToJsonString(type)).toBe('["object",{"__proto__":"string","a":"number"}]');
  });
});

describe("typeFromJson refusals, by message", () => {
  it.each([
    ["str", 'invalid primitive type name "str"'],
    [5, "invalid type description"],
    [null, "invalid type description"],
    [[5, "string"], "invalid type description"],
    [["list"], "invalid list type description"],
    [["object"], "invalid object type description"],
    [["list", "string", "x"], "invalid list type description"],
    [["list", "string", ["a"]], "invalid list type description"],
    [["object", {}, [1]], "invalid object type description"],
    [["object", {}, ["a", 1]], "invalid object type description"],
    [["object", {}, 5], "invalid object type description"],
    [["object", {}, [], []], "invalid object type description"],
    [["object", "x"], "invalid object type description"],
    [["object", null], "invalid object type description"],
    [["object", []], "invalid object type description"],
    [["tuple", {}], "invalid tuple type description"],
    [["bogus", "string"], 'invalid complex type kind name "bogus"'],
  ])("%j: %s", (json, message) => {
    expect(typeErrorOf(json)).toBe(message);
  });

  it("takes 100 levels of nesting and refuses 101, through every kind of container", () => {
    const kinds: [string, (inner: unknown) => unknown][] = [
      ["list", (inner) => ["list", inner]],
      ["set", (inner) => ["set", inner]],
      ["map", (inner) => ["map", inner]],
      ["object", (inner) => ["object", { a: inner }]],
      ["tuple", (inner) => ["tuple", [inner]]],
    ];
    for (const [name, kind] of kinds) {
      expect(() => typeFromJson(nested(kind, 100)), name).not.toThrow();
      expect(typeErrorOf(nested(kind, 101)), name).toBe("type description is nested too deeply");
    }
  });
});
