import { describe, expect, it } from "vitest";
import { attributeNames, compareUtf8, t, typeEquals, typeFromJson, typeName, typeToJson, typeToJsonString, type Type } from "./types.js";

describe("types", () => {
  it("builds frozen plain data", () => {
    const type = t.object({ name: t.string, allocations: t.list(t.object({ n: t.number })) });
    expect(type).toEqual({
      kind: "object",
      attributes: { name: { kind: "string" }, allocations: { kind: "list", element: { kind: "object", attributes: { n: { kind: "number" } } } } },
    });
    expect(Object.isFrozen(type)).toBe(true);
    expect(Object.isFrozen(type.attributes)).toBe(true);
  });

  it("gives Terraform's JSON notation", () => {
    expect(typeToJson(t.string)).toBe("string");
    expect(typeToJson(t.number)).toBe("number");
    expect(typeToJson(t.bool)).toBe("bool");
    expect(typeToJson(t.dynamic)).toBe("dynamic");
    expect(typeToJson(t.list(t.string))).toEqual(["list", "string"]);
    expect(typeToJson(t.set(t.number))).toEqual(["set", "number"]);
    expect(typeToJson(t.map(t.bool))).toEqual(["map", "bool"]);
    expect(typeToJson(t.object({ a: t.string }))).toEqual(["object", { a: "string" }]);
    expect(typeToJson(t.tuple([t.string, t.list(t.number)]))).toEqual(["tuple", ["string", ["list", "number"]]]);
    expect(JSON.stringify(typeToJson(t.object({ b: t.string, a: t.map(t.number) })))).toBe('["object",{"a":["map","number"],"b":"string"}]');
  });

  it("writes the JSON text exactly as go-cty does, attributes sorted", () => {
    expect(typeToJsonString(t.object({ b: t.string, a: t.list(t.bool), "10": t.number, "9": t.number }))).toBe(
      '["object",{"10":"number","9":"number","a":["list","bool"],"b":"string"}]',
    );
    expect(typeToJsonString(t.tuple([]))).toBe('["tuple",[]]');
    expect(typeToJsonString(t.object({}))).toBe('["object",{}]');
  });

  it("reads the JSON notation back", () => {
    const types: Type[] = [
      t.string,
      t.dynamic,
      t.list(t.set(t.map(t.number))),
      t.object({ a: t.string, b: t.tuple([t.bool, t.dynamic]) }),
      t.tuple([]),
      t.object({}),
    ];
    for (const type of types) {
      expect(typeEquals(typeFromJson(typeToJson(type)), type)).toBe(true);
      expect(typeEquals(typeFromJson(JSON.parse(typeToJsonString(type))), type)).toBe(true);
    }
    // Optional attribute names (type constraints only) are accepted and ignored.
    expect(typeEquals(typeFromJson(["object", { a: "string" }, ["a"]]), t.object({ a: t.string }))).toBe(true);
  });

  it("refuses invalid JSON notation", () => {
    for (const bad of ["str", ["list"], ["list", "string", "x"], ["bogus", "string"], ["object", []], ["tuple", {}], 5, null]) {
      expect(() => typeFromJson(bad), JSON.stringify(bad)).toThrow(TypeError);
    }
    let deep: unknown = "string";
    for (let i = 0; i < 200; i++) deep = ["list", deep];
    expect(() => typeFromJson(deep)).toThrow(/too deeply/);
  });

  it("compares types structurally", () => {
    expect(typeEquals(t.object({ a: t.string, b: t.number }), t.object({ b: t.number, a: t.string }))).toBe(true);
    expect(typeEquals(t.object({ a: t.string }), t.object({ a: t.string, b: t.number }))).toBe(false);
    expect(typeEquals(t.list(t.string), t.set(t.string))).toBe(false);
    expect(typeEquals(t.tuple([t.string]), t.tuple([t.number]))).toBe(false);
    expect(typeEquals(t.map(t.list(t.bool)), t.map(t.list(t.bool)))).toBe(true);
  });

  it("names types as cty does", () => {
    expect(typeName(t.list(t.map(t.string)))).toBe("list of map of string");
    expect(typeName(t.object({}))).toBe("object");
  });

  it("sorts attribute names by UTF-8 bytes", () => {
    expect(attributeNames(t.object({ b: t.string, a: t.string, B: t.string }))).toEqual(["B", "a", "b"]);
    // U+FF5E sorts before U+1D11E in UTF-8, after it in UTF-16.
    expect(compareUtf8("\uFF5E", "\u{1D11E}")).toBeLessThan(0);
    expect(compareUtf8("ab", "a")).toBeGreaterThan(0);
    expect(compareUtf8("a", "a")).toBe(0);
  });
});
