/**
 * What a value of the wrong kind is called in the error: these messages reach users as Terraform
 * diagnostics, so each kind of msgpack data and JavaScript value must be named for what it is.
 */
import { describe, expect, it } from "vitest";
import { decodeJson, decodeMsgpack, DynamicValue, encodeJson, encodeMsgpack, t, UNKNOWN, type Type, type Value } from "./index.js";
import { bytes, messageOf } from "./test-support.js";


describe("decoding msgpack of the wrong kind", () => {
  it.each([
    ["01", "a number"],
    ["e0", "a number"],
    ["cc ff", "a number"],
    ["ca 00 00 00 00", "a number"],
    ["a1 78", "a string"],
    ["d9 01 78", "a string"],
    ["c2", "a bool"],
    ["c3", "a bool"],
    ["80", "a map"],
    ["de 00 00", "a map"],
    ["df 00 00 00 00", "a map"],
    ["90", "an array"],
    ["dc 00 00", "an array"],
    ["dd 00 00 00 00", "an array"],
    ["c4 00", "bytes"],
    ["c5 00 00", "bytes"],
    ["c6 00 00 00 00", "bytes"],
    ["c1", "byte 0xc1"],
  ])("%s is named %s", (hexText, name) => {
    const data = bytes(hexText);
    // Each family once as what a bool, a list and an object needed, unless it is one.
    if (name !== "a bool") expect(messageOf(() => decodeMsgpack(data, t.bool))).toBe(`bool is required (got ${name})`);
    if (name !== "an array") expect(messageOf(() => decodeMsgpack(data, t.list(t.string)))).toBe(`list of string is required (got ${name})`);
    if (name !== "a map") expect(messageOf(() => decodeMsgpack(data, t.object({ a: t.string })))).toBe(`an object is required (got ${name})`);
  });

  it("quotes a string where a number is required", () => {
    expect(messageOf(() => decodeMsgpack(bytes("a1 78"), t.number))).toBe('number is required (got the string "x")');
  });
});

describe("encoding a JavaScript value of the wrong kind", () => {
  it.each([
    [[1], "an array"],
    [{ a: 1 }, "an object"],
    [5, "a number"],
    ["s", "a string"],
    [new DynamicValue(t.string, "x"), "a dynamic value of type string"],
  ])("%j is named %s, in msgpack and JSON alike", (value, name) => {
    expect(messageOf(() => encodeMsgpack(value as never, t.bool))).toBe(`bool is required (got ${name})`);
    expect(messageOf(() => encodeJson(value as never, t.bool))).toBe(`bool is required (got ${name})`);
  });

  it("names a boolean where a string is required", () => {
    expect(messageOf(() => encodeMsgpack(true, t.string))).toBe("string is required (got a boolean)");
  });

  it("refuses undefined, pointing to null", () => {
    expect(messageOf(() => encodeMsgpack(undefined as never, t.string))).toBe("undefined is not a value (use null)");
    expect(messageOf(() => encodeJson(undefined as never, t.bool))).toBe("undefined is not a value (use null)");
  });

  it("writes null and unknown for any type, but no unknown as JSON", () => {
    expect(Array.from(encodeMsgpack(null, t.bool))).toEqual([0xc0]);
    expect(Array.from(encodeMsgpack(UNKNOWN, t.bool))).toEqual([0xd4, 0, 0]);
    expect(messageOf(() => encodeJson(UNKNOWN, t.bool))).toBe("an unknown value cannot be written as JSON");
  });
});

describe("numbers written as JSON strings", () => {
  it.each([
    ["+inf", Infinity],
    ["-inf", -Infinity],
    ["1e3", 1000],
    ["1.5e2", 150],
  ])("%s reads as %s", (text, value) => {
    expect(decodeJson(JSON.stringify(text), t.number)).toBe(value);
  });

  it("refuses a lone decimal point, quoting it", () => {
    expect(messageOf(() => decodeJson('"."', t.number))).toBe('number is required (got the string ".")');
  });
});

describe("every msgpack form, named where a bool or a string is required", () => {
  it.each([
    ["00", "a number"],
    ["7f", "a number"],
    ["e0", "a number"],
    ["ff", "a number"],
    ["cc 01", "a number"],
    ["cd 00 01", "a number"],
    ["ce 00 00 00 01", "a number"],
    ["cf 00 00 00 00 00 00 00 01", "a number"],
    ["d0 01", "a number"],
    ["d1 00 01", "a number"],
    ["d2 00 00 00 01", "a number"],
    ["d3 00 00 00 00 00 00 00 01", "a number"],
    ["ca 00 00 00 00", "a number"],
    ["cb 00 00 00 00 00 00 00 00", "a number"],
    ["a0", "a string"],
    ["bf", "a string"],
    ["d9 00", "a string"],
    ["da 00 00", "a string"],
    ["db 00 00 00 00", "a string"],
    ["80", "a map"],
    ["8f", "a map"],
    ["90", "an array"],
    ["9f", "an array"],
    ["c4 00", "bytes"],
    ["c5 00 00", "bytes"],
    ["c6 00 00 00 00", "bytes"],
  ])("%s is %s", (hexText, name) => {
    const data = bytes(hexText);
    if (name !== "a string") expect(messageOf(() => decodeMsgpack(data, t.string))).toBe(`string is required (got ${name})`);
    if (name !== "a number") expect(messageOf(() => decodeMsgpack(data, t.bool))).toBe(`bool is required (got ${name})`);
  });

  it("names null and extensions where a map key must be a string", () => {
    expect(messageOf(() => decodeMsgpack(bytes("81 c0 01"), t.map(t.number)))).toBe("map keys must be strings (got null)");
    expect(messageOf(() => decodeMsgpack(bytes("81 d4 00 00 01"), t.map(t.number)))).toBe("map keys must be strings (got an extension)");
    expect(messageOf(() => decodeMsgpack(bytes("81 c7 00 00 01"), t.object({ a: t.number })))).toBe(
      "object attribute names must be strings (got an extension)",
    );
    expect(messageOf(() => decodeMsgpack(bytes("81 c3 01"), t.object({ a: t.number })))).toBe("object attribute names must be strings (got a bool)");
  });

  it("names what came where a number is required", () => {
    expect(messageOf(() => decodeMsgpack(bytes("c3"), t.number))).toBe("number is required (got a bool)");
    expect(messageOf(() => decodeMsgpack(bytes("90"), t.number))).toBe("number is required (got an array)");
  });
});

describe("encoding a JavaScript value of the wrong kind, for each type", () => {
  const cases: [string, Type, Value, string][] = [
    ["string", t.string, 5, "string is required (got a number)"],
    ["number", t.number, "5", "number is required (got a string)"],
    ["map", t.map(t.string), ["a"], "map of string is required (got an array)"],
    ["object", t.object({ a: t.string }), ["a"], "an object is required (got an array)"],
    ["object given a number", t.object({}), 5, "an object is required (got a number)"],
    ["list", t.list(t.string), { a: "x" }, "list of string is required (got an object)"],
    ["tuple", t.tuple([t.string]), 5, "a tuple is required (got a number)"],
    ["a dynamic value of another type", t.string, new DynamicValue(t.number, 1), "string is required (got a dynamic value of type number)"],
  ];
  it.each(cases)("%s", (_what, type, value, message) => {
    expect(messageOf(() => encodeMsgpack(value, type))).toBe(message);
    expect(messageOf(() => encodeJson(value, type))).toBe(message);
  });

  it("refuses undefined in a dynamic attribute, pointing to null", () => {
    expect(messageOf(() => encodeMsgpack(undefined as never, t.dynamic))).toBe("undefined is not a value (use null)");
    expect(messageOf(() => encodeJson(undefined as never, t.dynamic))).toBe("undefined is not a value (use null)");
  });
});

describe("decoding JSON of the wrong kind", () => {
  it.each([
    ["5", "a number"],
    ["{}", "an object"],
    ["[]", "an array"],
    ['"x"', "a string"],
  ])("%s is named %s", (json, name) => {
    expect(messageOf(() => decodeJson(json, t.bool))).toBe(`bool is required (got ${name})`);
  });

  it("names the kind for numbers, lists, tuples, maps and objects", () => {
    expect(messageOf(() => decodeJson("true", t.number))).toBe("number is required (got a boolean)");
    expect(messageOf(() => decodeJson("{}", t.list(t.string)))).toBe("list of string is required (got an object)");
    expect(messageOf(() => decodeJson("{}", t.tuple([t.string])))).toBe("a tuple is required (got an object)");
    expect(messageOf(() => decodeJson("[]", t.map(t.string)))).toBe("map of string is required (got an array)");
    expect(messageOf(() => decodeJson("[]", t.object({})))).toBe("an object is required (got an array)");
    expect(messageOf(() => decodeJson("[]", t.string))).toBe("string is required (got an array)");
  });
});
