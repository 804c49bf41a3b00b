// Lists and maps at the msgpack header boundaries, item for item: 65,535 items (the largest
// 16-bit length) and 65,536 (the first 32-bit one), read back by a general-purpose decoder and
// by ours. In the normal suite only: `pnpm mutate` leaves this file out (instrumented, it costs
// seconds per mutant), and msgpack.test.ts checks the same headers on cheaper values.
import { decode as libDecode } from "@msgpack/msgpack";
import { describe, expect, it } from "vitest";
import { decodeMsgpack, encodeMsgpack } from "./msgpack.js";
import { t } from "./types.js";

describe("collections at the header boundaries", () => {
  for (const length of [65535, 65536]) {
    it(`list and map of ${length} items`, () => {
      const list = Array.from({ length }, (_, i) => i % 100);
      const encodedList = encodeMsgpack(list, t.list(t.number));
      expect(encodedList[0]).toBe(length <= 65535 ? 0xdc : 0xdd);
      expect(libDecode(encodedList)).toEqual(list);
      expect(decodeMsgpack(encodedList, t.list(t.number))).toEqual(list);

      const map = Object.fromEntries(list.map((v, i) => [`k${i}`, v]));
      const encodedMap = encodeMsgpack(map, t.map(t.number));
      expect(encodedMap[0]).toBe(length <= 65535 ? 0xde : 0xdf);
      expect(libDecode(encodedMap)).toEqual(map);
      expect(decodeMsgpack(encodedMap, t.map(t.number))).toEqual(map);
    });
  }
});
