/**
 * The edges of the msgpack codec that whole values rarely reach: refinements this provider does
 * not read (skipped item by item, in every msgpack form), data that ends early, and the exact
 * header chosen at each size and integer boundary. Found by mutation testing (docs/testing.md).
 */
import { describe, expect, it } from "vitest";
import { ValueError } from "./errors.js";
import { decodeMsgpack, encodeMsgpack } from "./msgpack.js";
import { bytes, hex } from "./test-support.js";
import { t, typeToJsonString } from "./types.js";
import { DynamicValue, Unknown } from "./value.js";

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

  it("a dynamic value's type JSON is bin8 up to 255 bytes and bin16 from 256", () => {
    // ["object",{"<name>":"string"}] grows one byte per character of the name.
    const overhead = typeToJsonString(t.object({ x: t.string })).length - 1;
    const typeOfLength = (length: number) => t.object({ ["n".repeat(length - overhead)]: t.string });
    const header = (length: number) => {
      const type = typeOfLength(length);
      const value = { ["n".repeat(length - overhead)]: "v" };
      const encoded = encodeMsgpack(new DynamicValue(type, value), t.dynamic);
      return hex(encoded.subarray(1, 4)); // after the fixarray of [type, value]
    };
    expect(header(255)).toBe("c4 ff 5b");
    expect(header(256)).toBe("c5 01 00");
  });
});
