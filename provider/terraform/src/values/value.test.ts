import { describe, expect, it } from "vitest";
import * as values from "./index.js";
import { t } from "./types.js";
import { DynamicValue, UNKNOWN, Unknown, inferType, isDynamicValue, isKnown, isUnknown, isValueObject } from "./value.js";

describe("values", () => {
  it("has one plain unknown", () => {
    expect(isUnknown(UNKNOWN)).toBe(true);
    expect(UNKNOWN.notNull).toBe(false);
    expect(UNKNOWN.refined).toBe(false);
    expect(String(UNKNOWN)).toBe("(known after apply)");
    expect(Object.isFrozen(UNKNOWN)).toBe(true);
  });

  it("tells unknowns from everything else", () => {
    for (const v of [null, "", 0, 0n, false, [], {}, new DynamicValue(t.string, "x"), { notNull: true }]) {
      expect(isUnknown(v)).toBe(false);
    }
    expect(isUnknown(new Unknown({ notNull: true, stringPrefix: "x-" }))).toBe(true);
  });

  it("checks knownness deeply", () => {
    expect(isKnown(null)).toBe(true);
    expect(isKnown({ a: [1, { b: "x" }], c: null })).toBe(true);
    expect(isKnown(UNKNOWN)).toBe(false);
    expect(isKnown({ a: [1, { b: UNKNOWN }] })).toBe(false);
    expect(isKnown([[[new Unknown({ notNull: true })]]])).toBe(false);
    expect(isKnown(new DynamicValue(t.list(t.string), [UNKNOWN]))).toBe(false);
    expect(isKnown(new DynamicValue(t.list(t.string), ["a"]))).toBe(true);
  });

  it("recognises map and object values", () => {
    expect(isValueObject({})).toBe(true);
    expect(isValueObject([])).toBe(false);
    expect(isValueObject(UNKNOWN)).toBe(false);
    expect(isValueObject(new DynamicValue(t.string, "x"))).toBe(false);
    expect(isValueObject(new Uint8Array())).toBe(false);
  });

  it("infers types for dynamic attributes as cty does", () => {
    expect(inferType("x")).toEqual(t.string);
    expect(inferType(5n)).toEqual(t.number);
    expect(inferType(null)).toEqual(t.dynamic);
    expect(inferType({ a: [true, null], b: new DynamicValue(t.list(t.string), []) })).toEqual(
      t.object({ a: t.tuple([t.bool, t.dynamic]), b: t.list(t.string) }),
    );
  });

  it("exports the public API from index", () => {
    expect(Object.keys(values).sort()).toEqual(
      [
        "DynamicValue",
        "UNKNOWN",
        "Unknown",
        "ValueError",
        "attributeNames",
        "camelToSnake",
        "decodeJson",
        "decodeMsgpack",
        "encodeJson",
        "encodeMsgpack",
        "formatPath",
        "inferType",
        "isDynamicValue",
        "isKnown",
        "isUnknown",
        "isValueObject",
        "parseApiPath",
        "setOwn",
        "t",
        "typeEquals",
        "typeFromJson",
        "typeName",
        "typeToJson",
        "typeToJsonString",
      ].sort(),
    );
  });
});

describe("values, edges", () => {
  it("counts a payload alone as refined", () => {
    expect(new Unknown({ payload: Uint8Array.of(0x80) }).refined).toBe(true);
    expect(new Unknown({ stringPrefix: "" }).refined).toBe(true);
    expect(new Unknown({ stringPrefix: "" }).notNull).toBe(false);
  });

  it("freezes every unknown and dynamic value", () => {
    expect(Object.isFrozen(new Unknown({ notNull: true }))).toBe(true);
    expect(Object.isFrozen(new DynamicValue(t.string, "x"))).toBe(true);
  });

  it("answers false, without throwing, for null, undefined and primitives", () => {
    for (const v of [null, undefined, "x", 0, true]) {
      expect(isUnknown(v)).toBe(false);
      expect(isDynamicValue(v)).toBe(false);
    }
  });
});
