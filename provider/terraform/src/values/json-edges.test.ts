/**
 * The edges of the JSON codec (stored state): whitespace everywhere JSON allows it, each parse
 * error by its message and offset, nesting limits, dynamic values, and the path an error names.
 * Found by mutation testing (docs/testing.md).
 */
import { describe, expect, it } from "vitest";
import { decodeJson, encodeJson } from "./json.js";
import { messageOf } from "./test-support.js";
import { t } from "./types.js";
import { DynamicValue } from "./value.js";

const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe("decodeJson: whitespace", () => {
  it.each([
    ["spaces", " "],
    ["tabs", "\t"],
    ["newlines", "\n"],
    ["carriage returns", "\r"],
  ])("takes %s around every token", (_name, s) => {
    const json = `${s}{${s}"a"${s}:${s}[${s}1${s},${s}2${s}]${s},${s}"b"${s}:${s}{${s}}${s},${s}"c"${s}:${s}[${s}]${s}}${s}`;
    expect(decodeJson(json, t.object({ a: t.list(t.number), b: t.map(t.string), c: t.list(t.string) }))).toEqual({ a: [1, 2], b: {}, c: [] });
  });
});

describe("decodeJson: malformed JSON, by message", () => {
  it.each([
    ["", "invalid JSON at offset 0: unexpected end"],
    ["[1,", "invalid JSON at offset 3: unexpected end"],
    ["x", 'invalid JSON at offset 0: unexpected "x"'],
    ["trUe", 'invalid JSON at offset 0: unexpected "t"'],
    ["nul", 'invalid JSON at offset 0: unexpected "n"'],
    ["{a:1}", "invalid JSON at offset 1: expected an object key"],
    ['{"a" 1}', "invalid JSON at offset 5: expected ':'"],
    ['{"a":1 "b":2}', "invalid JSON at offset 8: expected ',' or '}'"],
    ["[1 2]", "invalid JSON at offset 4: expected ',' or ']'"],
    ['"abc', "invalid JSON at offset 0: unterminated string"],
    ['"a\\qb"', "invalid JSON at offset 0: invalid string"],
    ["1 2", "invalid JSON at offset 2: unexpected text after the value"],
  ])("%j: %s", (json, message) => {
    expect(messageOf(() => decodeJson(json, t.dynamic))).toBe(message);
  });

  it("takes 512 levels of nesting and refuses 513, in arrays and objects alike", () => {
    const arrays = (n: number) => "[".repeat(n) + "]".repeat(n);
    const objects = (n: number) => '{"a":'.repeat(n) + "1" + "}".repeat(n);
    // Parsed first, then read against the type: 512 levels below the top fail only on the type.
    expect(messageOf(() => decodeJson(arrays(513), t.string))).toBe("string is required (got an array)");
    expect(messageOf(() => decodeJson(arrays(514), t.string))).toBe("invalid JSON at offset 513: nested too deeply");
    expect(messageOf(() => decodeJson(objects(512), t.string))).toBe("string is required (got an object)");
    expect(messageOf(() => decodeJson(objects(513), t.string))).toBe(`invalid JSON at offset ${5 * 513}: nested too deeply`);
  });
});

describe("decodeJson: lenient readings, as go-cty", () => {
  it("reads booleans as strings and the four bool spellings", () => {
    expect(decodeJson("false", t.string)).toBe("false");
    expect(decodeJson("true", t.string)).toBe("true");
    expect(decodeJson('"true"', t.bool)).toBe(true);
    expect(decodeJson('"1"', t.bool)).toBe(true);
    expect(decodeJson('"false"', t.bool)).toBe(false);
    expect(decodeJson('"0"', t.bool)).toBe(false);
    expect(messageOf(() => decodeJson('"yes"', t.bool))).toBe("bool is required (got a string)");
  });
});

describe("decodeJson: a key named __proto__", () => {
  it("is an ordinary own property of the decoded map, which the caller may change or delete", () => {
    const value = decodeJson('{"__proto__":"x","a":"y"}', t.map(t.string)) as { [key: string]: string };
    expect(Object.keys(value)).toEqual(["__proto__", "a"]);
    value["__proto__"] = "changed";
    expect(Object.getOwnPropertyDescriptor(value, "__proto__")?.value).toBe("changed");
    delete value["__proto__"];
    expect(Object.keys(value)).toEqual(["a"]);
  });
});

describe("decodeJson: dynamic values", () => {
  it("refuses keys other than value and type, a missing value and an invalid type", () => {
    expect(messageOf(() => decodeJson('{"value":1,"type":"number","x":1}', t.dynamic))).toBe('invalid key "x" in a dynamic value');
    expect(messageOf(() => decodeJson('{"type":"string"}', t.dynamic))).toBe("a dynamic value's value is missing");
    expect(messageOf(() => decodeJson('{"value":1}', t.dynamic))).toBe("a dynamic value's type is missing");
    expect(messageOf(() => decodeJson('{"value":1,"type":"bogus"}', t.dynamic))).toBe(
      'a dynamic value\'s type is invalid: invalid primitive type name "bogus"',
    );
    expect(messageOf(() => decodeJson('{"a":{"value":1,"type":["list"]}}', t.object({ a: t.dynamic })))).toBe(
      "a: a dynamic value's type is invalid: invalid list type description",
    );
  });

  it("does not wrap a value whose stated type is dynamic", () => {
    expect(decodeJson('{"value":null,"type":"dynamic"}', t.dynamic)).toBeNull();
    expect(decodeJson('{"value":{"value":"x","type":"string"},"type":"dynamic"}', t.dynamic)).toEqual(new DynamicValue(t.string, "x"));
  });
});

describe("errors name the path", () => {
  it("when decoding a later item of a list, map or object", () => {
    expect(messageOf(() => decodeJson('[true, "x"]', t.list(t.bool)))).toBe("[1]: bool is required (got a string)");
    expect(messageOf(() => decodeJson('{"a": true, "b": "x"}', t.map(t.bool)))).toBe('["b"]: bool is required (got a string)');
    expect(messageOf(() => decodeJson('{"a": true, "b": "x"}', t.object({ a: t.bool, b: t.bool })))).toBe("b: bool is required (got a string)");
  });

  it("when encoding a later item of a list, map or object", () => {
    const value = { a: "x", b: 5 };
    expect(messageOf(() => encodeJson(["x", 5], t.list(t.string)))).toBe("[1]: string is required (got a number)");
    expect(messageOf(() => encodeJson(value, t.map(t.string)))).toBe('["b"]: string is required (got a number)');
    expect(messageOf(() => encodeJson(value, t.object({ a: t.string, b: t.string })))).toBe("b: string is required (got a number)");
  });
});

describe("encodeJson: edges", () => {
  it("refuses unpaired surrogates in strings and in map keys", () => {
    expect(messageOf(() => encodeJson("a\ud800", t.string))).toBe("string contains an unpaired UTF-16 surrogate, which is not valid Unicode");
    expect(messageOf(() => encodeJson({ "k\ud800": "x" }, t.map(t.string)))).toBe(
      '["k\\ud800"]: string contains an unpaired UTF-16 surrogate, which is not valid Unicode',
    );
  });

  it("writes a dynamic value held in an attribute of its own type as the bare value", () => {
    expect(text(encodeJson(new DynamicValue(t.string, "x"), t.string))).toBe('"x"');
    expect(text(encodeJson(new DynamicValue(t.list(t.number), [1]), t.list(t.number)))).toBe("[1]");
  });

  it("infers the type of a dynamic value whose stated type is dynamic", () => {
    expect(text(encodeJson(new DynamicValue(t.dynamic, "x"), t.dynamic))).toBe('{"value":"x","type":"string"}');
    expect(text(encodeJson(new DynamicValue(t.dynamic, null), t.dynamic))).toBe("null");
  });

  it("writes the bigint zero and integers beyond 2^53", () => {
    expect(text(encodeJson(0n, t.number))).toBe("0");
    expect(text(encodeJson(2 ** 60, t.number))).toBe("1152921504606846976");
  });
});
