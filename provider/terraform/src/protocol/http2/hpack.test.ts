// HPACK decoding against the examples of RFC 7541 Appendix C, and the decoder's refusals.
import { describe, expect, it } from "vitest";
import { encodeHeaders, HpackDecoder, HpackError } from "./hpack.js";
import { huffmanDecode, huffmanEncode } from "./huffman.js";

const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ""), "hex");
const sizeOf = (decoder: HpackDecoder) => decoder.dynamicTable.reduce((size, [name, value]) => size + name.length + value.length + 32, 0);

describe("HPACK decoding (RFC 7541 Appendix C)", () => {
  it("C.2: a literal with indexing, without indexing, never indexed, and an indexed field", () => {
    const decoder = new HpackDecoder();
    expect(decoder.decode(hex("400a 6375 7374 6f6d 2d6b 6579 0d63 7573 746f 6d2d 6865 6164 6572"))).toEqual([["custom-key", "custom-header"]]);
    expect(decoder.dynamicTable).toEqual([["custom-key", "custom-header"]]);
    expect(sizeOf(decoder)).toBe(55);

    const fresh = new HpackDecoder();
    expect(fresh.decode(hex("040c 2f73 616d 706c 652f 7061 7468"))).toEqual([[":path", "/sample/path"]]);
    expect(fresh.decode(hex("1008 7061 7373 776f 7264 0673 6563 7265 74"))).toEqual([["password", "secret"]]);
    expect(fresh.decode(hex("82"))).toEqual([[":method", "GET"]]);
    expect(fresh.dynamicTable).toEqual([]);
  });

  it("C.3: three requests on one connection share the dynamic table", () => {
    const decoder = new HpackDecoder();
    expect(decoder.decode(hex("8286 8441 0f77 7777 2e65 7861 6d70 6c65 2e63 6f6d"))).toEqual([
      [":method", "GET"], [":scheme", "http"], [":path", "/"], [":authority", "www.example.com"],
    ]);
    expect(sizeOf(decoder)).toBe(57);
    expect(decoder.decode(hex("8286 84be 5808 6e6f 2d63 6163 6865"))).toEqual([
      [":method", "GET"], [":scheme", "http"], [":path", "/"], [":authority", "www.example.com"], ["cache-control", "no-cache"],
    ]);
    expect(sizeOf(decoder)).toBe(110);
    expect(decoder.decode(hex("8287 85bf 400a 6375 7374 6f6d 2d6b 6579 0c63 7573 746f 6d2d 7661 6c75 65"))).toEqual([
      [":method", "GET"], [":scheme", "https"], [":path", "/index.html"], [":authority", "www.example.com"], ["custom-key", "custom-value"],
    ]);
    expect(decoder.dynamicTable).toEqual([["custom-key", "custom-value"], ["cache-control", "no-cache"], [":authority", "www.example.com"]]);
    expect(sizeOf(decoder)).toBe(164);
  });

  it("C.4: the same requests with Huffman-coded strings", () => {
    const decoder = new HpackDecoder();
    expect(decoder.decode(hex("8286 8441 8cf1 e3c2 e5f2 3a6b a0ab 90f4 ff"))).toEqual([
      [":method", "GET"], [":scheme", "http"], [":path", "/"], [":authority", "www.example.com"],
    ]);
    expect(decoder.decode(hex("8286 84be 5886 a8eb 1064 9cbf"))).toContainEqual(["cache-control", "no-cache"]);
    expect(decoder.decode(hex("8287 85bf 4088 25a8 49e9 5ba9 7d7f 8925 a849 e95b b8e8 b4bf"))).toContainEqual(["custom-key", "custom-value"]);
    expect(sizeOf(decoder)).toBe(164);
  });

  it("C.5: responses evict the oldest entries from a 256-octet table", () => {
    const fresh = new HpackDecoder(256);
    expect(fresh.decode(hex(`4803 3330 3258 0770 7269 7661 7465 611d 4d6f 6e2c 2032 3120 4f63 7420 3230 3133 2032 303a
      3133 3a32 3120 474d 546e 1768 7474 7073 3a2f 2f77 7777 2e65 7861 6d70 6c65 2e63 6f6d`))).toEqual([
      [":status", "302"], ["cache-control", "private"], ["date", "Mon, 21 Oct 2013 20:13:21 GMT"], ["location", "https://www.example.com"],
    ]);
    expect(sizeOf(fresh)).toBe(222);
    expect(fresh.decode(hex("4803 3330 37c1 c0bf"))).toEqual([
      [":status", "307"], ["cache-control", "private"], ["date", "Mon, 21 Oct 2013 20:13:21 GMT"], ["location", "https://www.example.com"],
    ]);
    expect(fresh.dynamicTable[0]).toEqual([":status", "307"]);
    expect(fresh.dynamicTable).not.toContainEqual([":status", "302"]);
    expect(sizeOf(fresh)).toBe(222);
    expect(fresh.decode(hex(`88c1 611d 4d6f 6e2c 2032 3120 4f63 7420 3230 3133 2032 303a 3133 3a32 3220 474d 54c0 5a04
      677a 6970 7738 666f 6f3d 4153 444a 4b48 514b 425a 584f 5157 454f 5049 5541 5851 5745 4f49 553b 206d 6178 2d61 6765
      3d33 3630 303b 2076 6572 7369 6f6e 3d31`))).toEqual([
      [":status", "200"], ["cache-control", "private"], ["date", "Mon, 21 Oct 2013 20:13:22 GMT"], ["location", "https://www.example.com"],
      ["content-encoding", "gzip"], ["set-cookie", "foo=ASDJKHQKBZXOQWEOPIUAXQWEOIU; max-age=3600; version=1"],
    ]);
    expect(fresh.dynamicTable.map(([name]) => name)).toEqual(["set-cookie", "content-encoding", "date"]);
    expect(sizeOf(fresh)).toBe(215);
  });
});

describe("HPACK dynamic table size updates", () => {
  it("empties the table on an update to 0 and refills it after an update back", () => {
    const decoder = new HpackDecoder();
    const customHeader = "400a 6375 7374 6f6d 2d6b 6579 0d63 7573 746f 6d2d 6865 6164 6572";
    decoder.decode(hex(customHeader));
    expect(decoder.decode(hex("be"))).toEqual([["custom-key", "custom-header"]]);
    expect(decoder.decode(hex("20"))).toEqual([]);
    expect(decoder.dynamicTable).toEqual([]);
    expect(() => decoder.decode(hex("3fe11f be"))).toThrow(/beyond the tables/); // back to 4096, still empty
    decoder.decode(hex(`3fe11f ${customHeader}`));
    expect(decoder.dynamicTable).toEqual([["custom-key", "custom-header"]]);
  });

  it("refuses an update above the announced limit, one after a field, and an index past the tables", () => {
    expect(() => new HpackDecoder(4096).decode(hex("3fe21f"))).toThrow(HpackError); // 4097
    expect(() => new HpackDecoder().decode(hex("82 20"))).toThrow(/after a header field/);
    expect(() => new HpackDecoder().decode(hex("be"))).toThrow(/beyond the tables/);
    expect(() => new HpackDecoder().decode(hex("80"))).toThrow(/index 0/);
    expect(() => new HpackDecoder().decode(hex("040c 2f73"))).toThrow(/past the header block/);
  });
});

describe("Huffman strings (RFC 7541 Appendix B)", () => {
  it("decodes what it encodes, for every octet", () => {
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    expect(huffmanDecode(huffmanEncode(all))).toEqual(all);
    expect(huffmanEncode(Buffer.from("www.example.com")).toString("hex")).toBe("f1e3c2e5f23a6ba0ab90f4ff");
  });

  it("refuses padding that is not a prefix of EOS, or longer than 7 bits", () => {
    expect(() => huffmanDecode(hex("f1e3c2e5f23a6ba0ab90f400"))).toThrow(/padding/); // last bits 0
    expect(() => huffmanDecode(hex("ff"))).toThrow(/padding/); // 8 bits of padding
    expect(() => huffmanDecode(hex("ffffffff"))).toThrow(/EOS/); // EOS is 30 ones
  });
});

describe("HPACK encoding of our responses", () => {
  it("round-trips through the decoder without touching the client's table", () => {
    const fields = [[":status", "200"], ["content-type", "application/grpc"], ["grpc-status", "0"], ["grpc-message", "a".repeat(300)]] as const;
    const decoder = new HpackDecoder();
    expect(decoder.decode(encodeHeaders(fields))).toEqual(fields);
    expect(decoder.dynamicTable).toEqual([]);
  });
});
