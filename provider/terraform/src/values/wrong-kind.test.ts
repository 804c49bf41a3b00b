/**
 * What a value of the wrong kind is called in the error: these messages reach users as Terraform
 * diagnostics, so each kind of msgpack data and JavaScript value must be named for what it is.
 */
import { describe, expect, it } from "vitest";
import { decodeJson, decodeMsgpack, DynamicValue, encodeJson, encodeMsgpack, t, UNKNOWN } from "./index.js";

const bytes = (hexText: string) => Uint8Array.from(hexText.replace(/\s+/g, "").match(/../g) ?? [], (b) => parseInt(b, 16));

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
    if (name !== "a bool") expect(() => decodeMsgpack(data, t.bool)).toThrow(`bool is required (got ${name})`);
    if (name !== "an array") expect(() => decodeMsgpack(data, t.list(t.string))).toThrow(`list of string is required (got ${name})`);
    if (name !== "a map") expect(() => decodeMsgpack(data, t.object({ a: t.string }))).toThrow(`an object is required (got ${name})`);
  });

  it("quotes a string where a number is required", () => {
    expect(() => decodeMsgpack(bytes("a1 78"), t.number)).toThrow('number is required (got the string "x")');
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
    expect(() => encodeMsgpack(value as never, t.bool)).toThrow(`bool is required (got ${name})`);
    expect(() => encodeJson(value as never, t.bool)).toThrow(`bool is required (got ${name})`);
  });

  it("names a boolean where a string is required", () => {
    expect(() => encodeMsgpack(true, t.string)).toThrow("string is required (got a boolean)");
  });

  it("refuses undefined, pointing to null", () => {
    expect(() => encodeMsgpack(undefined as never, t.string)).toThrow("undefined is not a value (use null)");
    expect(() => encodeJson(undefined as never, t.bool)).toThrow("undefined is not a value (use null)");
  });

  it("writes null and unknown for any type, but no unknown as JSON", () => {
    expect(Array.from(encodeMsgpack(null, t.bool))).toEqual([0xc0]);
    expect(Array.from(encodeMsgpack(UNKNOWN, t.bool))).toEqual([0xd4, 0, 0]);
    expect(() => encodeJson(UNKNOWN, t.bool)).toThrow("an unknown value cannot be written as JSON");
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
    expect(() => decodeJson('"."', t.number)).toThrow('number is required (got the string ".")');
  });
});
