/**
 * The edges of the msgpack codec that whole values rarely reach: refinements this provider does
 * not read (skipped item by item, in every msgpack form), data that ends early, and the exact
 * header chosen at each size and integer boundary. Found by mutation testing (docs/testing.md).
 */
import { describe, expect, it } from "vitest";
import { ValueError } from "./errors.js";
import { decodeMsgpack, encodeMsgpack } from "./msgpack.js";
import { bytes, hex, messageOf } from "./test-support.js";
import { t, typeToJsonString } from "./types.js";
import { DynamicValue, UNKNOWN, Unknown } from "./value.js";

const hexLength = (hexText: string) => bytes(hexText).length;

/** A refined unknown string (extension 12) whose refinement map is `payload`, sent as ext8. */
const refinedUnknown = (payload: string) => bytes(`c7 ${hexLength(payload).toString(16).padStart(2, "0")} 0c ${payload}`);

/** One msgpack item of each form, as Terraform could send it in a refinement we do not read. */
const items: [string, string][] = [
  ["positive fixint", "7f"],
  ["negative fixint", "e0"],
  ["nil", "c0"],
  ["false", "c2"],
  ["true", "c3"],
  ["fixstr", "a3 61 62 63"],
  ["str8", "d9 03 61 62 63"],
  ["str16", "da 00 03 61 62 63"],
  ["str32", "db 00 00 00 03 61 62 63"],
  ["bin8", "c4 02 01 02"],
  ["bin16", "c5 00 02 01 02"],
  ["bin32", "c6 00 00 00 02 01 02"],
  ["uint8", "cc 01"],
  ["uint16", "cd 00 01"],
  ["uint32", "ce 00 00 00 01"],
  ["uint64", "cf 00 00 00 00 00 00 00 01"],
  ["int8", "d0 01"],
  ["int16", "d1 00 01"],
  ["int32", "d2 00 00 00 01"],
  ["int64", "d3 00 00 00 00 00 00 00 01"],
  ["float32", "ca 3f 80 00 00"],
  ["float64", "cb 3f f0 00 00 00 00 00 00"],
  ["fixarray", "92 01 a1 62"],
  ["array16", "dc 00 02 01 a1 62"],
  ["array32", "dd 00 00 00 02 01 a1 62"],
  ["fixmap", "81 01 a1 62"],
  ["map16", "de 00 01 01 a1 62"],
  ["map32", "df 00 00 00 01 01 a1 62"],
  ["fixext1", "d4 01 00"],
  ["fixext2", "d5 01 00 00"],
  ["fixext4", "d6 01 00 00 00 00"],
  ["fixext8", "d7 01 00 00 00 00 00 00 00 00"],
  ["fixext16", "d8 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"],
  ["ext8", "c7 02 01 00 00"],
  ["ext16", "c8 00 02 01 00 00"],
  ["ext32", "c9 00 00 00 02 01 00 00"],
  ["nested collections", "92 81 a1 61 d9 02 62 63 dc 00 01 cd 01 00"],
];

describe("refinements this provider does not read", () => {
  it.each(items)("a %s under an unknown key is skipped whole, and the refinement after it still counts", (_form, item) => {
    // {7: item, 1: false}: key 7 is no refinement we read; key 1 says "not null".
    const payload = `82 07 ${item} 01 c2`;
    const value = decodeMsgpack(refinedUnknown(payload), t.string);
    expect(value).toBeInstanceOf(Unknown);
    expect((value as Unknown).notNull).toBe(true);
    expect(hex((value as Unknown).payload!)).toBe(hex(bytes(payload)));
  });

  it.each(items)("a %s cut short is refused as data that ends early, naming no other cause", (_form, item) => {
    const cut = hex(bytes(item).subarray(0, hexLength(item) - 1));
    const error = (() => {
      try {
        decodeMsgpack(refinedUnknown(`81 07 ${cut}`), t.string);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ValueError);
    expect((error as ValueError).message).toContain("unexpected end of msgpack data");
  });

  it("an unused msgpack byte (0xc1) is refused by name", () => {
    expect(() => decodeMsgpack(refinedUnknown("81 07 c1"), t.string)).toThrow(/invalid msgpack byte 0xc1/);
  });
});

describe("data that ends early", () => {
  it.each([
    ["uint16", "cd 01", t.number],
    ["uint32", "ce 00 01", t.number],
    ["uint64", "cf 00 00 00 01", t.number],
    ["int8", "d0", t.number],
    ["int16", "d1 ff", t.number],
    ["int32", "d2 ff ff", t.number],
    ["int64", "d3 ff ff ff ff", t.number],
    ["float32", "ca 3f 80", t.number],
    ["float64", "cb 3f f0 00 00", t.number],
    ["str8 text", "d9 05 61 62", t.string],
    ["str8 length", "d9", t.string],
    ["array16 length", "dc 00", t.list(t.string)],
    ["nothing at all", "", t.string],
  ] as const)("a %s that stops short is a ValueError, not a crash", (_what, data, type) => {
    expect(() => decodeMsgpack(bytes(data), type)).toThrow(ValueError);
    expect(() => decodeMsgpack(bytes(data), type)).toThrow(/unexpected end of msgpack data/);
  });
});

describe("headers at each boundary", () => {
  it.each([
    [0n, "00"],
    [0xffffffffn, "ce ff ff ff ff"],
    [0x100000000n, "cf 00 00 00 01 00 00 00 00"],
    [(1n << 64n) - 1n, "cf ff ff ff ff ff ff ff ff"],
    [-0x80000000n, "d2 80 00 00 00"],
    [-0x80000001n, "d3 ff ff ff ff 7f ff ff ff"],
    [-(1n << 63n), "d3 80 00 00 00 00 00 00 00"],
  ])("the integer %s is written as %s", (n, expected) => {
    expect(hex(encodeMsgpack(n, t.number))).toBe(expected);
  });

  it("a dynamic value's type JSON is bin8 up to 255 bytes, bin16 up to 65,535 and bin32 beyond", () => {
    // ["object",{"<name>":"string"}] grows one byte per character of the name.
    const overhead = typeToJsonString(t.object({ x: t.string })).length - 1;
    const typeOfLength = (length: number) => t.object({ ["n".repeat(length - overhead)]: t.string });
    const header = (length: number) => {
      const type = typeOfLength(length);
      const value = { ["n".repeat(length - overhead)]: "v" };
      const encoded = encodeMsgpack(new DynamicValue(type, value), t.dynamic);
      return hex(encoded.subarray(1, 6)); // after the fixarray of [type, value]
    };
    expect(header(255)).toBe("c4 ff 5b 22 6f");
    expect(header(256)).toBe("c5 01 00 5b 22");
    expect(header(65535)).toBe("c5 ff ff 5b 22");
    expect(header(65536)).toBe("c6 00 01 00 00");
  });
});

describe("refinements, each rule", () => {
  it.each([
    ["an empty fixstr", "a0"],
    ["a fixstr of 31 bytes", `bf ${"61 ".repeat(31)}`],
    ["an empty fixmap", "80"],
    ["a fixmap of 15 entries", `8f ${"01 02 ".repeat(15)}`],
    ["an empty fixarray", "90"],
    ["a fixarray of 15 items", `9f ${"01 ".repeat(15)}`],
  ])("%s under an unknown key is skipped whole", (_what, item) => {
    const value = decodeMsgpack(refinedUnknown(`82 07 ${item} 01 c2`), t.string) as Unknown;
    expect(value.notNull).toBe(true);
  });

  it.each([
    ["127", "7f"],
    ["-32", "e0"],
    ["-1", "ff"],
  ])("a refinement under the key %s is skipped", (_key, key) => {
    const value = decodeMsgpack(refinedUnknown(`82 ${key} c3 01 c2`), t.string) as Unknown;
    expect(value.notNull).toBe(true);
  });

  it("reads the keys 1 and 2 in any integer form", () => {
    const u64 = decodeMsgpack(refinedUnknown("82 cf 00 00 00 00 00 00 00 01 c2 d3 00 00 00 00 00 00 00 02 a2 61 62"), t.string) as Unknown;
    expect(u64.notNull).toBe(true);
    expect(u64.stringPrefix).toBe("ab");
  });

  it("takes 'is null: true' as saying nothing", () => {
    const value = decodeMsgpack(refinedUnknown("81 01 c3"), t.string) as Unknown;
    expect(value.notNull).toBe(false);
    expect(value.refined).toBe(true);
  });

  it("keeps a string prefix only for strings", () => {
    const value = decodeMsgpack(refinedUnknown("81 02 a2 61 62"), t.list(t.string)) as Unknown;
    expect(value.stringPrefix).toBeUndefined();
  });

  it("keeps a copy of the payload, not a view of the caller's bytes", () => {
    const data = refinedUnknown("81 01 c2");
    const value = decodeMsgpack(data, t.string) as Unknown;
    data.fill(0);
    expect(hex(value.payload!)).toBe("81 01 c2");
  });

  it.each([
    ["not a map", "91 01", "not a map"],
    ["a key that is not an integer", "81 a1 61 c2", "a key is not an integer"],
    ["a nullness that is not a bool", "81 01 05", "the nullness is not a bool"],
    ["a string prefix that is not a string", "81 02 05", "the string prefix is not a string"],
  ])("refuses %s", (_what, payload, why) => {
    expect(messageOf(() => decodeMsgpack(refinedUnknown(payload), t.object({ a: t.string })))).toBe(
      `invalid refinements for an unknown value: ${why}`,
    );
  });
});

describe("reading numbers", () => {
  it("reads every negative fixint", () => {
    expect(decodeMsgpack(bytes("e0"), t.number)).toBe(-32);
    expect(decodeMsgpack(bytes("ff"), t.number)).toBe(-1);
  });

  it("reads numbers sent as text in every str form, the empty string refused", () => {
    expect(decodeMsgpack(bytes(`bf ${"31 ".repeat(31)}`), t.number)).toBe(BigInt("1".repeat(31)));
    expect(decodeMsgpack(bytes("db 00 00 00 01 35"), t.number)).toBe(5);
    expect(decodeMsgpack(bytes("d9 01 35"), t.number)).toBe(5);
    expect(messageOf(() => decodeMsgpack(bytes("a0"), t.number))).toBe('number is required (got the string "")');
  });

  it("reads a string only from str items, never from bin", () => {
    for (const bin of ["c4 01 61", "c5 00 01 61", "c6 00 00 00 01 61"]) {
      expect(messageOf(() => decodeMsgpack(bytes(bin), t.string))).toBe("string is required (got bytes)");
    }
    expect(decodeMsgpack(bytes("db 00 00 00 01 61"), t.string)).toBe("a");
  });
});

describe("dynamic values, decoding", () => {
  const dynamicType = `c4 09 ${hex(new TextEncoder().encode('"dynamic"'))}`;
  const stringValue = `92 c4 08 ${hex(new TextEncoder().encode('"string"'))} a1 78`;

  it("refuses a type that is not bytes or not UTF-8, by message", () => {
    expect(messageOf(() => decodeMsgpack(bytes("92 05 05"), t.dynamic))).toBe("a dynamic value's type must be JSON in bytes");
    expect(messageOf(() => decodeMsgpack(bytes("92 c4 01 ff c0"), t.dynamic))).toBe("string is not valid UTF-8");
  });

  it("takes 64 dynamic values nested in each other and refuses 65", () => {
    const nested = (n: number) => bytes(`${`92 ${dynamicType} `.repeat(n)}c0`);
    expect(decodeMsgpack(nested(64), t.dynamic)).toBeNull();
    expect(messageOf(() => decodeMsgpack(nested(65), t.dynamic))).toBe("dynamic values are nested too deeply");
  });

  it("counts only the nesting, not dynamic values side by side", () => {
    const list = bytes(`dc 00 64 ${`${stringValue} `.repeat(100)}`);
    const value = decodeMsgpack(list, t.list(t.dynamic)) as DynamicValue[];
    expect(value).toHaveLength(100);
    expect(value[99]).toEqual(new DynamicValue(t.string, "x"));
  });
});

describe("errors name the path", () => {
  it("of a later map entry when decoding", () => {
    expect(messageOf(() => decodeMsgpack(bytes("82 a1 61 c3 a1 62 05"), t.map(t.bool)))).toBe('["b"]: bool is required (got a number)');
  });

  it("of a later map entry, and of a map key that is not valid Unicode, when encoding", () => {
    expect(messageOf(() => encodeMsgpack({ a: "x", b: 5 }, t.map(t.string)))).toBe('["b"]: string is required (got a number)');
    expect(messageOf(() => encodeMsgpack({ "k\ud800": "x" }, t.map(t.string)))).toBe(
      '["k\\ud800"]: string contains an unpaired UTF-16 surrogate, which is not valid Unicode',
    );
  });
});

describe("encoding, edges", () => {
  it("refuses NaN by message", () => {
    expect(messageOf(() => encodeMsgpack(NaN, t.number))).toBe("NaN is not a number Terraform can hold");
  });

  it("writes integral numbers beyond 64 bits as float64", () => {
    expect(hex(encodeMsgpack(2 ** 70, t.number))).toBe("cb 44 50 00 00 00 00 00 00");
    expect(hex(encodeMsgpack(-(2 ** 70), t.number))).toBe("cb c4 50 00 00 00 00 00 00");
  });

  it("writes a dynamic value in an attribute of its own type as the bare value", () => {
    expect(hex(encodeMsgpack(new DynamicValue(t.string, "x"), t.string))).toBe("a1 78");
  });

  it("infers the type of a dynamic value whose stated type is dynamic", () => {
    expect(hex(encodeMsgpack(new DynamicValue(t.dynamic, "x"), t.dynamic))).toBe(hex(encodeMsgpack("x", t.dynamic)));
    expect(hex(encodeMsgpack(new DynamicValue(t.dynamic, UNKNOWN), t.dynamic))).toBe("d4 00 00");
  });

  it("grows its buffer for a multi-byte item that starts on its last byte, in every form", () => {
    const values: [string, number | bigint][] = [
      ["uint16", 0x1234],
      ["uint32", 0x12345678],
      ["uint64", 2 ** 40],
      ["int64", -(2 ** 40)],
      ["float64", 0.5],
    ];
    const type = t.tuple([t.string, t.number]);
    for (const [form, n] of values) {
      // fixarray (1) + str8 header (2) + text, then the number's first byte; try it at each offset near 256.
      for (let length = 240; length <= 260; length++) {
        const value = ["s".repeat(length), n];
        expect(decodeMsgpack(encodeMsgpack(value, type), type), `${form} after ${length}`).toEqual(value);
      }
    }
  });
});
