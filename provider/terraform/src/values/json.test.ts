import { describe, expect, it } from "vitest";
import { ValueError } from "./errors.js";
import { decodeJson, encodeJson } from "./json.js";
import { t, type Type } from "./types.js";
import { DynamicValue, UNKNOWN, type Value } from "./value.js";

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const utf8 = (s: string) => new TextEncoder().encode(s);

const environment = t.object({
  id: t.string,
  name: t.string,
  max_concurrent_calls: t.number,
  hidden: t.bool,
  tags: t.map(t.string),
  allowed_regions: t.set(t.string),
});

describe("decodeJson (stored state)", () => {
  it("reads state JSON, attributes missing from it becoming null", () => {
    const raw = utf8('{"id":"env_1","name":"prod","max_concurrent_calls":20}');
    expect(decodeJson(raw, environment)).toEqual({
      id: "env_1",
      name: "prod",
      max_concurrent_calls: 20,
      hidden: null,
      tags: null,
      allowed_regions: null,
    });
  });

  it("gives attributes in the type's order", () => {
    const v = decodeJson('{"tags":{},"id":"x"}', environment) as object;
    expect(Object.keys(v)).toEqual(["id", "name", "max_concurrent_calls", "hidden", "tags", "allowed_regions"]);
  });

  it("fills missing attributes of nested objects with null", () => {
    const type = t.object({ allocations: t.list(t.object({ environment_id: t.string, max_concurrent_calls: t.number })) });
    expect(decodeJson('{"allocations":[{"environment_id":"e"}]}', type)).toEqual({
      allocations: [{ environment_id: "e", max_concurrent_calls: null }],
    });
  });

  it("rejects attributes not in the type, with the path, unless told to drop them", () => {
    const raw = '{"id":"x","allocations":[{"legacy":1}]}';
    const type = t.object({ id: t.string, allocations: t.list(t.object({ environment_id: t.string })) });
    expect(() => decodeJson(raw, type)).toThrow("allocations[0].legacy: unsupported attribute");
    expect(decodeJson(raw, type, { dropExtraAttributes: true })).toEqual({ id: "x", allocations: [{ environment_id: null }] });
  });

  it("reads big and precise numbers from their text, not through JSON.parse", () => {
    const type = t.object({ a: t.number, b: t.number, c: t.number, d: t.number, e: t.number });
    expect(decodeJson('{"a":12345678901234567890,"b":0.1,"c":1e-7,"d":-9007199254740993,"e":1E2}', type)).toEqual({
      a: 12345678901234567890n,
      b: 0.1,
      c: 1e-7,
      d: -9007199254740993n,
      e: 100,
    });
    expect(() => decodeJson('{"a":3.14159265358979323846}', t.object({ a: t.number }))).toThrow(/^a: number 3\.14159265358979323846 cannot be held exactly/);
  });

  it("is as lenient as go-cty about primitive kinds", () => {
    const type = t.object({ n: t.number, s: t.string, s2: t.string, b: t.bool, b2: t.bool });
    expect(decodeJson('{"n":"42","s":12.50,"s2":true,"b":"true","b2":"0"}', type)).toEqual({
      n: 42,
      s: "12.50",
      s2: "true",
      b: true,
      b2: false,
    });
    expect(() => decodeJson('{"b":"yes"}', t.object({ b: t.bool }))).toThrow("b: bool is required (got a string)");
  });

  it("reads dynamic values as {value, type}", () => {
    const type = t.object({ d: t.dynamic });
    expect(decodeJson('{"d":{"value":["a"],"type":["list","string"]}}', type)).toEqual({
      d: new DynamicValue(t.list(t.string), ["a"]),
    });
    expect(decodeJson('{"d":null}', type)).toEqual({ d: null });
    expect(() => decodeJson('{"d":{"value":1}}', type)).toThrow("d: a dynamic value's type is missing");
    expect(() => decodeJson('{"d":"x"}', type)).toThrow(/d: a dynamic value must be/);
  });

  it("rejects shapes that do not fit, with the path", () => {
    const err = (() => {
      try {
        decodeJson('{"tags":{"ops@acme.test":[1]}}', environment);
      } catch (e) {
        return e as ValueError;
      }
      throw new Error("no error");
    })();
    expect(err).toBeInstanceOf(ValueError);
    expect(err.path).toEqual([{ attribute: "tags" }, { key: "ops@acme.test" }]);
    expect(err.message).toBe('tags["ops@acme.test"]: string is required (got an array)');
    expect(() => decodeJson('{"allowed_regions":"eu"}', environment)).toThrow("allowed_regions: set of string is required (got a string)");
    expect(() => decodeJson("[1]", t.tuple([t.number, t.number]))).toThrow("a tuple of 2 elements is required (got 1)");
  });

  it("rejects invalid JSON", () => {
    expect(() => decodeJson('{"id":', environment)).toThrow(/invalid JSON/);
    expect(() => decodeJson('{"id":"x"} x', environment)).toThrow(/unexpected text/);
    expect(() => decodeJson('{"id":"\\x"}', environment)).toThrow(/invalid string/);
    expect(() => decodeJson(Uint8Array.of(0x22, 0xc3, 0x28, 0x22), t.string)).toThrow(/UTF-8/);
    expect(() => decodeJson("[".repeat(10000), t.dynamic)).toThrow(/nested too deeply/);
  });

  it("reads strings with escapes and keys named __proto__", () => {
    expect(decodeJson('"a\\"b\\u00e9\\n"', t.string)).toBe('a"bé\n');
    const map = decodeJson('{"__proto__":"x"}', t.map(t.string)) as Record<string, unknown>;
    expect(Object.keys(map)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
  });
});

describe("encodeJson", () => {
  it("writes every attribute, sorted, nulls included, numbers in full", () => {
    const value = {
      id: "env_1",
      name: "prod",
      max_concurrent_calls: 10n ** 20n,
      hidden: false,
      tags: { b: "2", a: "1" },
      allowed_regions: null,
    };
    expect(text(encodeJson(value, environment))).toBe(
      '{"allowed_regions":null,"hidden":false,"id":"env_1","max_concurrent_calls":100000000000000000000,"name":"prod","tags":{"a":"1","b":"2"}}',
    );
  });

  it("writes numbers without exponents, as go-cty does", () => {
    const cases: [number | bigint, string][] = [
      [0.1, "0.1"],
      [1e-7, "0.0000001"],
      [-2.5e-10, "-0.00000000025"],
      [1e21, "1000000000000000000000"],
      [123.456, "123.456"],
      [-0, "0"],
      [2n ** 70n, "1180591620717411303424"],
    ];
    for (const [n, expected] of cases) expect(text(encodeJson(n, t.number))).toBe(expected);
    expect(() => encodeJson(Infinity, t.number)).toThrow(/cannot be written as JSON/);
    // An integral number beyond the safe range is written exactly, so it reads back as a bigint.
    expect(decodeJson(encodeJson(1e300, t.number), t.number)).toBe(BigInt(1e300));
  });

  it("writes dynamic values as {value, type}", () => {
    expect(text(encodeJson(new DynamicValue(t.list(t.string), ["a"]), t.dynamic))).toBe('{"value":["a"],"type":["list","string"]}');
    expect(text(encodeJson("x", t.dynamic))).toBe('{"value":"x","type":"string"}');
    expect(text(encodeJson(new DynamicValue(t.string, null), t.dynamic))).toBe("null");
  });

  it("refuses unknowns and objects that do not fit", () => {
    expect(() => encodeJson({ id: UNKNOWN }, t.object({ id: t.string }))).toThrow("id: an unknown value cannot be written as JSON");
    expect(() => encodeJson({}, t.object({ id: t.string }))).toThrow("id: attribute is missing");
    expect(() => encodeJson({ id: "x", other: 1 }, t.object({ id: t.string }))).toThrow("other: unsupported attribute");
  });

  describe("round trips", () => {
    const cases: [string, Type, Value][] = [
      ["object", environment, { id: "e", name: "n", max_concurrent_calls: 1.5, hidden: true, tags: { k: "v" }, allowed_regions: ["eu", "us"] }],
      ["tuple", t.tuple([t.string, t.number, t.bool, t.list(t.number)]), ["a", -1, false, []]],
      ["nulls", t.object({ a: t.list(t.string), b: t.map(t.number) }), { a: null, b: null }],
      ["dynamic", t.object({ d: t.dynamic }), { d: new DynamicValue(t.object({ x: t.set(t.number) }), { x: [1, 2] }) }],
      ["strings", t.list(t.string), ["", "é☎𝄞", '"quoted"\n', "\u2028"]],
      ["big numbers", t.list(t.number), [2n ** 80n, -(2n ** 80n), 9007199254740993n, 0.3, 1.5e-300, -1 / 3]],
    ];
    for (const [name, type, value] of cases) {
      it(name, () => {
        expect(decodeJson(encodeJson(value, type), type)).toEqual(value);
      });
    }
  });
});
