import { decode as libDecode } from "@msgpack/msgpack";
import { describe, expect, it } from "vitest";
import { ValueError } from "./errors.js";
import { decodeMsgpack, encodeMsgpack } from "./msgpack.js";
import { bytes, errorOf, hex } from "./test-support.js";
import { t, type Type } from "./types.js";
import { DynamicValue, UNKNOWN, Unknown, isUnknown, type Value } from "./value.js";

/** The hex of an ASCII string's characters, written out by hand in the expectations below. */
function ascii(s: string): string {
  return Array.from(s, (c) => c.charCodeAt(0).toString(16).padStart(2, "0")).join(" ");
}
function roundTrip(value: Value, type: Type): Value {
  return decodeMsgpack(encodeMsgpack(value, type), type);
}

const allocation = t.object({ environment_id: t.string, max_concurrent_calls: t.number });
const split = t.object({ id: t.string, allocations: t.list(allocation) });

describe("exact bytes (from the msgpack spec)", () => {
  it("writes a null object as nil", () => {
    expect(hex(encodeMsgpack(null, split))).toBe("c0");
    expect(decodeMsgpack(bytes("c0"), split)).toBeNull();
  });

  it("writes an unknown as extension 0 with one zero byte", () => {
    expect(hex(encodeMsgpack(UNKNOWN, t.string))).toBe("d4 00 00");
    expect(hex(encodeMsgpack(UNKNOWN, split))).toBe("d4 00 00");
    expect(hex(encodeMsgpack(UNKNOWN, t.dynamic))).toBe("d4 00 00");
  });

  it("writes a small object with every attribute, sorted by name, nulls as nil", () => {
    const type = t.object({ name: t.string, max_concurrent_calls: t.number, hidden: t.bool });
    const encoded = encodeMsgpack({ name: "prod", max_concurrent_calls: 20, hidden: null }, type);
    expect(hex(encoded)).toBe(
      [
        "83", // fixmap, 3 entries
        "a6", ascii("hidden"), "c0", // fixstr 6, nil
        "b4", ascii("max_concurrent_calls"), "14", // fixstr 20, positive fixint 20
        "a4", ascii("name"), "a4", ascii("prod"),
      ].join(" "),
    );
    expect(decodeMsgpack(encoded, type)).toEqual({ name: "prod", max_concurrent_calls: 20, hidden: null });
  });

  it("writes a list of numbers in their smallest forms", () => {
    const encoded = encodeMsgpack([1, -1, 200, 1.5, 70000, -200, 0, -32, -33], t.list(t.number));
    expect(hex(encoded)).toBe(
      [
        "99", // fixarray, 9 items
        "01", // positive fixint
        "ff", // negative fixint -1
        "cc c8", // uint8 200
        "cb 3f f8 00 00 00 00 00 00", // float64 1.5
        "ce 00 01 11 70", // uint32 70000
        "d1 ff 38", // int16 -200
        "00",
        "e0", // negative fixint -32
        "d0 df", // int8 -33
      ].join(" "),
    );
  });

  it("writes a list of strings and a set of bools", () => {
    expect(hex(encodeMsgpack(["a", "bc"], t.list(t.string)))).toBe("92 a1 61 a2 62 63");
    expect(hex(encodeMsgpack([true, false], t.set(t.bool)))).toBe("92 c3 c2");
    expect(hex(encodeMsgpack([], t.list(t.string)))).toBe("90");
  });

  it("writes a map sorted by key", () => {
    expect(hex(encodeMsgpack({ b: 2, a: 1 }, t.map(t.number)))).toBe("82 a1 61 01 a1 62 02");
  });

  it("writes a dynamic value as [type JSON as bin, value]", () => {
    expect(hex(encodeMsgpack("hi", t.dynamic))).toBe(["92", "c4 08", ascii('"string"'), "a2 68 69"].join(" "));
    const list = new DynamicValue(t.list(t.string), ["a"]);
    expect(hex(encodeMsgpack(list, t.dynamic))).toBe(["92", "c4 11", ascii('["list","string"]'), "91 a1 61"].join(" "));
    expect(hex(encodeMsgpack(null, t.dynamic))).toBe("c0");
    // A typed null and a typed unknown keep their type.
    expect(hex(encodeMsgpack(new DynamicValue(t.number, null), t.dynamic))).toBe(["92 c4 08", ascii('"number"'), "c0"].join(" "));
    expect(hex(encodeMsgpack(new DynamicValue(t.bool, UNKNOWN), t.dynamic))).toBe(["92 c4 06", ascii('"bool"'), "d4 00 00"].join(" "));
  });

  it("infers object and tuple types for plain values in a dynamic attribute", () => {
    const encoded = encodeMsgpack({ b: [1, "x"], a: true }, t.dynamic);
    const typeJson = '["object",{"a":"bool","b":["tuple",["number","string"]]}]';
    expect(typeJson.length).toBe(0x39);
    expect(hex(encoded)).toBe(["92", "c4 39", ascii(typeJson), "82 a1 61 c3 a1 62 92 01 a1 78"].join(" "));
  });

  it("is valid msgpack for a general-purpose decoder", () => {
    const value = { hidden: null, max_concurrent_calls: 20, name: "prod" };
    const type = t.object({ name: t.string, max_concurrent_calls: t.number, hidden: t.bool });
    expect(libDecode(encodeMsgpack(value, type))).toEqual(value);
  });
});

describe("header sizes at the boundaries", () => {
  for (const length of [0, 31, 32, 255, 256, 65535, 65536]) {
    it(`string of ${length} bytes`, () => {
      const s = "x".repeat(length);
      const encoded = encodeMsgpack(s, t.string);
      const header = length <= 31 ? 1 : length <= 255 ? 2 : length <= 65535 ? 3 : 5;
      expect(encoded.length).toBe(length + header);
      expect(libDecode(encoded)).toBe(s);
      expect(decodeMsgpack(encoded, t.string)).toBe(s);
    });
  }
  // 65,535 and 65,536 items round-trip in msgpack-large.test.ts (left out of `pnpm mutate`, where
  // instrumented code makes them cost seconds per mutant); here only their headers are checked.
  for (const length of [15, 16]) {
    it(`list and map of ${length} items`, () => {
      const list = Array.from({ length }, (_, i) => i % 100);
      const encodedList = encodeMsgpack(list, t.list(t.number));
      expect(encodedList[0]).toBe(length <= 15 ? 0x90 | length : length <= 65535 ? 0xdc : 0xdd);
      expect(libDecode(encodedList)).toEqual(list);
      expect(decodeMsgpack(encodedList, t.list(t.number))).toEqual(list);

      const map = Object.fromEntries(list.map((v, i) => [`k${i}`, v]));
      const encodedMap = encodeMsgpack(map, t.map(t.number));
      expect(encodedMap[0]).toBe(length <= 15 ? 0x80 | length : length <= 65535 ? 0xde : 0xdf);
      expect(libDecode(encodedMap)).toEqual(map);
      expect(decodeMsgpack(encodedMap, t.map(t.number))).toEqual(map);
    });
  }
  it("list and map headers of 65,535 and 65,536 items", () => {
    const cases: [number, string, string][] = [
      [65535, "dc ff ff", "de ff ff"],
      [65536, "dd 00 01 00 00", "df 00 01 00 00"],
    ];
    for (const [length, listHeader, mapHeader] of cases) {
      const list = encodeMsgpack(Array(length).fill(true), t.list(t.bool));
      expect(hex(list.subarray(0, listHeader.split(" ").length)), `list of ${length}`).toBe(listHeader);
      expect(list.length).toBe(listHeader.split(" ").length + length);
      // Keys already in sorted order ("k00000"…), each written as a 6-byte fixstr, with a 1-byte value.
      const map = Object.fromEntries(Array.from({ length }, (_, i) => [`k${String(i).padStart(5, "0")}`, false]));
      const encodedMap = encodeMsgpack(map, t.map(t.bool));
      expect(hex(encodedMap.subarray(0, mapHeader.split(" ").length)), `map of ${length}`).toBe(mapHeader);
      expect(encodedMap.length).toBe(mapHeader.split(" ").length + length * 8);
    }
  });
  it("reads every header width, whatever the length it holds", () => {
    expect(decodeMsgpack(bytes("dc 00 02 c3 c2"), t.list(t.bool))).toEqual([true, false]);
    expect(decodeMsgpack(bytes("dd 00 00 00 02 c3 c2"), t.list(t.bool))).toEqual([true, false]);
    expect(decodeMsgpack(bytes("de 00 01 a1 61 c3"), t.map(t.bool))).toEqual({ a: true });
    expect(decodeMsgpack(bytes("df 00 00 00 01 a1 61 c3"), t.map(t.bool))).toEqual({ a: true });
    expect(decodeMsgpack(bytes("d9 02 68 69"), t.string)).toBe("hi");
    expect(decodeMsgpack(bytes("da 00 02 68 69"), t.string)).toBe("hi");
    expect(decodeMsgpack(bytes("db 00 00 00 02 68 69"), t.string)).toBe("hi");
    const type = ascii('"bool"');
    expect(decodeMsgpack(bytes(`92 c5 00 06 ${type} c3`), t.dynamic)).toEqual(new DynamicValue(t.bool, true));
    expect(decodeMsgpack(bytes(`92 c6 00 00 00 06 ${type} c3`), t.dynamic)).toEqual(new DynamicValue(t.bool, true));
  });
  it("integers at every width", () => {
    const cases: [number | bigint, string][] = [
      [127, "7f"],
      [128, "cc 80"],
      [255, "cc ff"],
      [256, "cd 01 00"],
      [65535, "cd ff ff"],
      [65536, "ce 00 01 00 00"],
      [4294967295, "ce ff ff ff ff"],
      [4294967296, "cf 00 00 00 01 00 00 00 00"],
      [Number.MAX_SAFE_INTEGER, "cf 00 1f ff ff ff ff ff ff"],
      [-128, "d0 80"],
      [-129, "d1 ff 7f"],
      [-32768, "d1 80 00"],
      [-32769, "d2 ff ff 7f ff"],
      [-2147483648, "d2 80 00 00 00"],
      [-2147483649, "d3 ff ff ff ff 7f ff ff ff"],
      [Number.MIN_SAFE_INTEGER, "d3 ff e0 00 00 00 00 00 01"],
    ];
    for (const [n, expected] of cases) {
      expect(hex(encodeMsgpack(n, t.number)), String(n)).toBe(expected);
      expect(decodeMsgpack(bytes(expected), t.number), String(n)).toBe(n);
    }
  });
});

describe("unknown values", () => {
  it("decodes extension 0 as the plain unknown", () => {
    expect(decodeMsgpack(bytes("d4 00 00"), t.string)).toBe(UNKNOWN);
    expect(decodeMsgpack(bytes("d4 00 00"), split)).toBe(UNKNOWN);
    expect(decodeMsgpack(bytes("d4 00 00"), t.dynamic)).toBe(UNKNOWN);
  });

  it("decodes any extension as unknown", () => {
    expect(decodeMsgpack(bytes("d4 05 00"), t.number)).toBe(UNKNOWN);
    expect(decodeMsgpack(bytes("c7 00 00"), t.number)).toBe(UNKNOWN); // ext8 with an empty payload
    expect(decodeMsgpack(bytes("d5 07 01 02"), t.number)).toBe(UNKNOWN); // another type with a payload
    expect(decodeMsgpack(bytes("d4 0c 00"), t.string)).toBe(UNKNOWN); // 1-byte payload: plain
  });

  it("decodes a refined unknown (extension 12, {1: false}) as not null", () => {
    const v = decodeMsgpack(bytes("c7 03 0c 81 01 c2"), t.string);
    expect(isUnknown(v)).toBe(true);
    const u = v as Unknown;
    expect(u.notNull).toBe(true);
    expect(u.stringPrefix).toBeUndefined();
    expect(u.refined).toBe(true);
    expect(hex(u.payload!)).toBe("81 01 c2");
  });

  it("decodes a string prefix refinement", () => {
    const payload = ["82", "01 c2", "02 a6", ascii("thing-")].join(" ");
    const u = decodeMsgpack(bytes(`c7 0b 0c ${payload}`), t.string) as Unknown;
    expect(u).toBeInstanceOf(Unknown);
    expect(u.notNull).toBe(true);
    expect(u.stringPrefix).toBe("thing-");
    expect(hex(u.payload!)).toBe(payload);
  });

  it("keeps number bounds and collection lengths undecoded in the payload", () => {
    // {1: false, 3: [0, true]}: not null, at least 0 (inclusive)
    const u = decodeMsgpack(bytes("c7 07 0c 82 01 c2 03 92 00 c3"), t.number) as Unknown;
    expect(u.notNull).toBe(true);
    expect(hex(u.payload!)).toBe("82 01 c2 03 92 00 c3");
    // {5: 1, 6: 3} on a list: length 1 to 3, nullness unknown
    const l = decodeMsgpack(bytes("c7 05 0c 82 05 01 06 03"), t.list(t.string)) as Unknown;
    expect(l.notNull).toBe(false);
    expect(l.refined).toBe(true);
  });

  it("decodes refined unknowns deep inside objects", () => {
    const type = t.object({ id: t.string, name: t.string });
    const encoded = bytes(["82", "a2", ascii("id"), "c7 03 0c 81 01 c2", "a4", ascii("name"), "d4 00 00"].join(" "));
    const v = decodeMsgpack(encoded, type) as { id: Unknown; name: Unknown };
    expect(v.id.notNull).toBe(true);
    expect(v.name).toBe(UNKNOWN);
  });

  it("ignores refinements on a dynamic value, as go-cty does", () => {
    expect(decodeMsgpack(bytes("c7 03 0c 81 01 c2"), t.dynamic)).toBe(UNKNOWN);
  });

  it("writes refined unknowns as plain unknowns", () => {
    const u = decodeMsgpack(bytes("c7 03 0c 81 01 c2"), t.string);
    expect(hex(encodeMsgpack(u, t.string))).toBe("d4 00 00");
    expect(hex(encodeMsgpack(new Unknown({ notNull: true }), t.string))).toBe("d4 00 00");
  });

  it("rejects a malformed refinement payload", () => {
    expect(() => decodeMsgpack(bytes("c7 02 0c 01 c2"), t.string)).toThrow(/refinements/);
    expect(() => decodeMsgpack(bytes("c7 03 0c 81 01 01"), t.string)).toThrow(/nullness/);
  });
});

describe("round trips", () => {
  const cases: [string, Type, Value][] = [
    ["string", t.string, "hello, wörld ☎ 𝄞"],
    ["empty string", t.string, ""],
    ["number", t.number, 42],
    ["negative fraction", t.number, -0.25],
    ["fraction", t.number, 0.1],
    ["infinity", t.number, Infinity],
    ["bool", t.bool, false],
    ["list", t.list(t.string), ["a", "b", "a"]],
    ["set", t.set(t.number), [3, 1, 2]],
    ["map", t.map(t.bool), { "ops@acme.test": true, "dev@acme.test": false }],
    ["empty map", t.map(t.string), {}],
    ["tuple", t.tuple([t.string, t.number, t.bool]), ["a", 1, true]],
    ["empty tuple", t.tuple([]), []],
    ["object", split, { id: "split", allocations: [{ environment_id: "env_1", max_concurrent_calls: 20 }] }],
    ["empty object type", t.object({}), {}],
    ["nulls inside", split, { id: null, allocations: [{ environment_id: null, max_concurrent_calls: null }] }],
    ["unknowns inside", split, { id: UNKNOWN, allocations: [{ environment_id: UNKNOWN, max_concurrent_calls: 1 }, UNKNOWN] }],
    ["null list", t.list(t.string), null],
    ["list of lists", t.list(t.list(t.number)), [[1, 2], [], [3]]],
    ["map of objects", t.map(allocation), { a: { environment_id: "e", max_concurrent_calls: 1 } }],
    ["dynamic null", t.dynamic, null],
    ["dynamic unknown", t.dynamic, UNKNOWN],
    ["dynamic string", t.dynamic, new DynamicValue(t.string, "x")],
    ["dynamic typed null", t.dynamic, new DynamicValue(t.string, null)],
    ["dynamic list", t.dynamic, new DynamicValue(t.list(t.number), [1, 2])],
    ["dynamic map", t.dynamic, new DynamicValue(t.map(t.string), { a: "b" })],
    ["dynamic set", t.dynamic, new DynamicValue(t.set(t.bool), [true])],
    ["dynamic object", t.dynamic, new DynamicValue(t.object({ a: t.string, b: t.list(t.dynamic) }), { a: "x", b: [null] })],
    ["object with a dynamic attribute", t.object({ d: t.dynamic, s: t.string }), { d: new DynamicValue(t.number, 5), s: "s" }],
    ["list of dynamic", t.list(t.dynamic), [new DynamicValue(t.string, "a"), new DynamicValue(t.number, 1), null]],
    ["big integer", t.number, 2n ** 64n + 1n],
    ["big negative integer", t.number, -(2n ** 63n) - 5n],
  ];
  for (const [name, type, value] of cases) {
    it(name, () => {
      expect(roundTrip(value, type)).toEqual(value);
    });
  }

  it("keeps attributes in the type's order when decoding", () => {
    const type = t.object({ zeta: t.string, alpha: t.string });
    expect(Object.keys(roundTrip({ alpha: "a", zeta: "z" }, type) as object)).toEqual(["zeta", "alpha"]);
  });

  it("handles a map key named __proto__ as data", () => {
    const value = JSON.parse('{"__proto__": "x", "a": "y"}') as Value;
    const back = roundTrip(value, t.map(t.string)) as Record<string, unknown>;
    expect(Object.keys(back).sort()).toEqual(["__proto__", "a"]);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
  });

  it("infers a dynamic value's type and gives it back as a DynamicValue", () => {
    expect(roundTrip("x", t.dynamic)).toEqual(new DynamicValue(t.string, "x"));
    expect(roundTrip([1, "a"], t.dynamic)).toEqual(new DynamicValue(t.tuple([t.number, t.string]), [1, "a"]));
  });

  it("accepts a dynamic value's type as str as well as bin", () => {
    const encoded = bytes(["92", "a8", ascii('"string"'), "a1 78"].join(" "));
    expect(decodeMsgpack(encoded, t.dynamic)).toEqual(new DynamicValue(t.string, "x"));
  });

  it("keeps a leading byte-order mark in strings", () => {
    expect(roundTrip("\uFEFFx", t.string)).toBe("\uFEFFx");
  });
});

describe("numbers", () => {
  it("decodes 64-bit integers beyond the safe range as bigint", () => {
    expect(decodeMsgpack(bytes("cf 00 20 00 00 00 00 00 01"), t.number)).toBe(9007199254740993n);
    expect(decodeMsgpack(bytes("cf ff ff ff ff ff ff ff ff"), t.number)).toBe(2n ** 64n - 1n);
    expect(decodeMsgpack(bytes("d3 80 00 00 00 00 00 00 00"), t.number)).toBe(-(2n ** 63n));
    // Within the safe range they stay numbers, whatever the width.
    expect(decodeMsgpack(bytes("cf 00 00 00 00 00 00 00 05"), t.number)).toBe(5);
    expect(decodeMsgpack(bytes("d3 ff ff ff ff ff ff ff fb"), t.number)).toBe(-5);
  });

  it("decodes integers sent as decimal strings (beyond 64 bits) exactly", () => {
    const text = "100000000000000000000"; // 1e20, 21 characters
    expect(decodeMsgpack(bytes(`b5 ${ascii(text)}`), t.number)).toBe(10n ** 20n);
    expect(decodeMsgpack(bytes(`a3 ${ascii("1e3")}`), t.number)).toBe(1000);
    expect(decodeMsgpack(bytes(`a2 ${ascii("-0")}`), t.number)).toBe(0);
  });

  it("decodes precise decimals sent as strings when a number holds them exactly", () => {
    expect(decodeMsgpack(bytes(`a3 ${ascii("0.1")}`), t.number)).toBe(0.1);
    expect(decodeMsgpack(bytes(`a4 ${ascii("2.50")}`), t.number)).toBe(2.5);
    expect(decodeMsgpack(bytes(`a4 ${ascii("1e-7")}`), t.number)).toBe(1e-7);
  });

  it("refuses decimals too precise for a number, naming the attribute", () => {
    const text = "0.1000000000000000000001";
    const type = t.object({ rate: t.number });
    const encoded = bytes(["81", "a4", ascii("rate"), "b8", ascii(text)].join(" "));
    const err = errorOf(() => decodeMsgpack(encoded, type));
    expect(err.path).toEqual([{ attribute: "rate" }]);
    expect(err.message).toMatch(/^rate: number 0\.1000000000000000000001 cannot be held exactly/);
  });

  it("refuses strings that are not numbers", () => {
    expect(() => decodeMsgpack(bytes(`a3 ${ascii("abc")}`), t.number)).toThrow(/number is required/);
  });

  it("decodes float32 and float64", () => {
    expect(decodeMsgpack(bytes("ca 3f c0 00 00"), t.number)).toBe(1.5);
    expect(decodeMsgpack(bytes("cb 7f f0 00 00 00 00 00 00"), t.number)).toBe(Infinity);
    expect(() => decodeMsgpack(bytes("cb 7f f8 00 00 00 00 00 00"), t.number)).toThrow(/NaN/);
  });

  it("encodes bigints in 64 bits when they fit and as decimal text beyond", () => {
    expect(hex(encodeMsgpack(9007199254740993n, t.number))).toBe("cf 00 20 00 00 00 00 00 01");
    expect(hex(encodeMsgpack(-(2n ** 63n), t.number))).toBe("d3 80 00 00 00 00 00 00 00");
    expect(hex(encodeMsgpack(5n, t.number))).toBe("05");
    expect(hex(encodeMsgpack(2n ** 64n, t.number))).toBe(`b4 ${ascii("18446744073709551616")}`);
  });

  it("encodes integral numbers beyond the safe range exactly", () => {
    expect(hex(encodeMsgpack(2 ** 60, t.number))).toBe("cf 10 00 00 00 00 00 00 00");
    expect(hex(encodeMsgpack(-(2 ** 63), t.number))).toBe("d3 80 00 00 00 00 00 00 00");
    expect(hex(encodeMsgpack(2 ** 64, t.number))).toBe("cb 43 f0 00 00 00 00 00 00");
  });

  it("refuses NaN", () => {
    expect(() => encodeMsgpack(NaN, t.number)).toThrow(ValueError);
  });
});

describe("shape errors name the attribute path", () => {
  function encodeSplit(allocations: unknown[]): Uint8Array {
    // Built by hand so that objects can miss or add attributes.
    const parts = ["82", "a2", ascii("id"), "a1 73", "ab", ascii("allocations"), (0x90 | allocations.length).toString(16)];
    for (const a of allocations as Record<string, string | number>[]) {
      const entries = Object.entries(a);
      parts.push((0x80 | entries.length).toString(16));
      for (const [k, v] of entries) {
        parts.push((0xa0 | k.length).toString(16), ascii(k));
        parts.push(typeof v === "number" ? v.toString(16).padStart(2, "0") : `${(0xa0 | v.length).toString(16)} ${ascii(v)}`);
      }
    }
    return bytes(parts.join(" "));
  }
  const good = { environment_id: "e", max_concurrent_calls: 1 };

  it("decodes the well-formed case", () => {
    expect(decodeMsgpack(encodeSplit([good]), split)).toEqual({ id: "s", allocations: [good] });
  });

  it("rejects a missing attribute", () => {
    const err = errorOf(() => decodeMsgpack(encodeSplit([good, good, { max_concurrent_calls: 3 }]), split));
    expect(err.path).toEqual([{ attribute: "allocations" }, { index: 2 }, { attribute: "environment_id" }]);
    expect(err.message).toBe(
      "allocations[2].environment_id: attribute is missing (an object with 2 attributes is required, 1 given)",
    );
  });

  it("rejects an extra attribute", () => {
    const err = errorOf(() => decodeMsgpack(encodeSplit([{ ...good, bogus: 1 }]), split));
    expect(err.message).toBe("allocations[0].bogus: unsupported attribute");
  });

  it("rejects a value of the wrong kind", () => {
    const err = errorOf(() => decodeMsgpack(encodeSplit([{ environment_id: 7, max_concurrent_calls: 1 }]), split));
    expect(err.message).toBe("allocations[0].environment_id: string is required (got a number)");
    expect(() => decodeMsgpack(bytes("a1 78"), t.bool)).toThrow("bool is required (got a string)");
    expect(() => decodeMsgpack(bytes("a1 78"), t.list(t.string))).toThrow("list of string is required (got a string)");
    expect(() => decodeMsgpack(bytes("92 01 02"), t.tuple([t.number]))).toThrow("a tuple of 1 elements is required (got 2)");
  });

  it("names map keys in the path", () => {
    const encoded = bytes(["81", "ad", ascii("ops@acme.test"), "01"].join(" "));
    expect(() => decodeMsgpack(encoded, t.map(t.string))).toThrow('["ops@acme.test"]: string is required (got a number)');
  });

  it("rejects a repeated attribute or key", () => {
    expect(() => decodeMsgpack(bytes(["82 a1 61 01 a1 61 02"].join(" ")), t.object({ a: t.number, b: t.number }))).toThrow(
      "a: the attribute appears more than once",
    );
    expect(() => decodeMsgpack(bytes("82 a1 61 01 a1 61 02"), t.map(t.number))).toThrow('["a"]: the key appears more than once');
  });

  it("rejects truncated data, trailing bytes and invalid UTF-8", () => {
    expect(() => decodeMsgpack(bytes("92 01"), t.list(t.number))).toThrow("[1]: unexpected end of msgpack data");
    expect(() => decodeMsgpack(bytes("01 02"), t.number)).toThrow("1 unexpected bytes after the value");
    expect(() => decodeMsgpack(bytes("a2 c3 28"), t.string)).toThrow("string is not valid UTF-8");
    expect(() => decodeMsgpack(new Uint8Array(), t.string)).toThrow("unexpected end");
  });

  it("rejects dynamic values nested without end", () => {
    const level = ["92 c4 09", ascii('"dynamic"')].join(" ");
    expect(() => decodeMsgpack(bytes(`${level} `.repeat(100) + "c0"), t.dynamic)).toThrow("dynamic values are nested too deeply");
    expect(decodeMsgpack(bytes(`${level} `.repeat(3) + "c0"), t.dynamic)).toBeNull();
  });

  it("rejects a malformed dynamic value", () => {
    expect(() => decodeMsgpack(bytes("91 01"), t.dynamic)).toThrow(/two elements/);
    expect(() => decodeMsgpack(bytes(["92 c4 06", ascii('"bogus'), "01"].join(" ")), t.dynamic)).toThrow(/type is invalid/);
    expect(() => decodeMsgpack(bytes(["92 c4 08", ascii('"string"'), "01"].join(" ")), t.dynamic)).toThrow(
      "string is required (got a number)",
    );
  });

  it("rejects objects with missing or extra attributes when encoding", () => {
    const missing = errorOf(() => encodeMsgpack({ id: "s", allocations: [good, { environment_id: "e" }] }, split));
    expect(missing.message).toBe("allocations[1].max_concurrent_calls: attribute is missing (give null for no value)");
    const extra = errorOf(() => encodeMsgpack({ id: "s", allocations: [{ ...good, bogus: 1 }] }, split));
    expect(extra.message).toBe("allocations[0].bogus: unsupported attribute");
    const undef = errorOf(() => encodeMsgpack({ id: undefined as unknown as Value, allocations: null }, split));
    expect(undef.message).toBe("id: attribute is missing (give null for no value)");
  });

  it("rejects values of the wrong kind when encoding", () => {
    expect(() => encodeMsgpack(1, t.string)).toThrow("string is required (got a number)");
    expect(() => encodeMsgpack({ a: 1 }, t.list(t.number))).toThrow("list of number is required (got an object)");
    expect(() => encodeMsgpack([1], t.object({}))).toThrow("an object is required (got an array)");
    expect(() => encodeMsgpack([1], t.tuple([t.number, t.number]))).toThrow("a tuple of 2 elements is required (got 1)");
    expect(() => encodeMsgpack({ a: "x" }, t.map(t.number))).toThrow('["a"]: number is required (got a string)');
    expect(() => encodeMsgpack("\uD800", t.string)).toThrow(/surrogate/);
    expect(() => encodeMsgpack(new DynamicValue(t.string, "x"), t.number)).toThrow(/number is required/);
  });
});
