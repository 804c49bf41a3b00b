// HPACK (RFC 7541): decoding of the client's header blocks, with the static table, the dynamic
// table the client fills and Huffman strings; and a plain encoding of our few response headers.
import { HuffmanError, huffmanDecode } from "./huffman.js";

/** A header field; names and values are octets, kept as latin1 strings (one char per octet). */
export type HeaderField = readonly [name: string, value: string];

/** Appendix A. Index 1 is the first entry. */
const staticNames =
  ":authority :method :method :path :path :scheme :scheme :status :status :status :status :status :status :status " +
  "accept-charset accept-encoding accept-language accept-ranges accept access-control-allow-origin age allow " +
  "authorization cache-control content-disposition content-encoding content-language content-length " +
  "content-location content-range content-type cookie date etag expect expires from host if-match " +
  "if-modified-since if-none-match if-range if-unmodified-since last-modified link location max-forwards " +
  "proxy-authenticate proxy-authorization range referer refresh retry-after server set-cookie " +
  "strict-transport-security transfer-encoding user-agent vary via www-authenticate";
const staticValues: Record<number, string> = {
  2: "GET", 3: "POST", 4: "/", 5: "/index.html", 6: "http", 7: "https",
  8: "200", 9: "204", 10: "206", 11: "304", 12: "400", 13: "404", 14: "500", 16: "gzip, deflate",
};
export const staticTable: readonly HeaderField[] = staticNames.split(" ").map((name, i) => [name, staticValues[i + 1] ?? ""]);

/** A malformed header block: a connection error of type COMPRESSION_ERROR (RFC 9113 section 4.3). */
export class HpackError extends Error {}

/** Section 4.1: an entry's size counts 32 octets of overhead. */
const entrySize = ([name, value]: HeaderField) => name.length + value.length + 32;

/**
 * One connection's decoding context. The dynamic table lives as long as the connection, and
 * every header block must go through `decode` in the order received, even ones we then ignore.
 */
export class HpackDecoder {
  /** Newest entry first, as dynamic indexes count (section 2.3.3). */
  private readonly entries: HeaderField[] = [];
  private size = 0;
  private maxSize: number;

  /** `limit` is the SETTINGS_HEADER_TABLE_SIZE we announced: the most a size update may ask for. */
  constructor(private readonly limit = 4096) {
    this.maxSize = limit;
  }

  /** The table's current entries, newest first (for tests). */
  get dynamicTable(): readonly HeaderField[] {
    return this.entries;
  }

  decode(block: Uint8Array): HeaderField[] {
    const fields: HeaderField[] = [];
    const reader = { block, offset: 0 };
    let sizeUpdateAllowed = true; // only at the start of a block (section 4.2)
    while (reader.offset < block.length) {
      const first = block[reader.offset]!;
      if (first & 0x80) {
        // 6.1 indexed header field
        fields.push(this.field(readInteger(reader, 7)));
      } else if (first & 0x40) {
        // 6.2.1 literal with incremental indexing
        const field = this.literal(reader, 6);
        this.insert(field);
        fields.push(field);
      } else if (first & 0x20) {
        // 6.3 dynamic table size update
        if (!sizeUpdateAllowed) throw new HpackError("dynamic table size update after a header field");
        const size = readInteger(reader, 5);
        if (size > this.limit) throw new HpackError(`dynamic table size ${size} above the announced ${this.limit}`);
        this.maxSize = size;
        this.evict(0);
        continue;
      } else {
        // 6.2.2 without indexing (0000) and 6.2.3 never indexed (0001): both leave the table alone
        fields.push(this.literal(reader, 4));
      }
      sizeUpdateAllowed = false;
    }
    return fields;
  }

  private literal(reader: Reader, prefixBits: number): HeaderField {
    const index = readInteger(reader, prefixBits);
    const name = index === 0 ? readString(reader) : this.field(index)[0];
    return [name, readString(reader)];
  }

  private field(index: number): HeaderField {
    if (index === 0) throw new HpackError("header index 0");
    if (index <= staticTable.length) return staticTable[index - 1]!;
    const entry = this.entries[index - staticTable.length - 1];
    if (!entry) throw new HpackError(`header index ${index} beyond the tables`);
    return entry;
  }

  /** Section 4.4: an entry larger than the whole table empties it and is not added. */
  private insert(field: HeaderField): void {
    const size = entrySize(field);
    this.evict(size);
    if (size <= this.maxSize) {
      this.entries.unshift(field);
      this.size += size;
    }
  }

  /** Drops the oldest entries until `room` more octets fit. */
  private evict(room: number): void {
    while (this.entries.length > 0 && this.size + room > this.maxSize) this.size -= entrySize(this.entries.pop()!);
  }
}

interface Reader {
  block: Uint8Array;
  offset: number;
}

/** Section 5.1, bounded to 2^28 so a hostile integer cannot grow without end. */
function readInteger(reader: Reader, prefixBits: number): number {
  const max = (1 << prefixBits) - 1;
  let value = reader.block[reader.offset++]! & max;
  if (value < max) return value;
  for (let shift = 0; ; shift += 7) {
    if (reader.offset >= reader.block.length) throw new HpackError("truncated integer");
    if (shift > 21) throw new HpackError("integer too large");
    const byte = reader.block[reader.offset++]!;
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return value;
  }
}

/** Section 5.2: a length-prefixed string, Huffman-coded when the first bit says so. */
function readString(reader: Reader): string {
  if (reader.offset >= reader.block.length) throw new HpackError("truncated string");
  const huffman = (reader.block[reader.offset]! & 0x80) !== 0;
  const length = readInteger(reader, 7);
  const end = reader.offset + length;
  if (end > reader.block.length) throw new HpackError("string runs past the header block");
  const raw = reader.block.subarray(reader.offset, end);
  reader.offset = end;
  if (!huffman) return Buffer.from(raw.buffer, raw.byteOffset, raw.length).toString("latin1");
  try {
    return huffmanDecode(raw).toString("latin1");
  } catch (error) {
    if (error instanceof HuffmanError) throw new HpackError(error.message);
    throw error;
  }
}

/** Static-table index of each name, for encoding a field with an indexed name. */
const staticNameIndex = new Map<string, number>();
for (const [i, [name]] of staticTable.entries()) if (!staticNameIndex.has(name)) staticNameIndex.set(name, i + 1);

/**
 * Our responses' header block: `:status: 200` fully indexed, everything else a literal without
 * indexing and without Huffman, so we keep no encoder state for the client to track.
 */
export function encodeHeaders(fields: readonly HeaderField[]): Buffer {
  const out: number[] = [];
  for (const [name, value] of fields) {
    if (name === ":status" && value === "200") {
      out.push(0x88);
      continue;
    }
    const nameIndex = staticNameIndex.get(name);
    if (nameIndex === undefined) {
      out.push(0x00);
      writeString(out, name);
    } else {
      writeInteger(out, 0x00, 4, nameIndex);
    }
    writeString(out, value);
  }
  return Buffer.from(out);
}

function writeInteger(out: number[], firstBits: number, prefixBits: number, value: number): void {
  const max = (1 << prefixBits) - 1;
  if (value < max) {
    out.push(firstBits | value);
    return;
  }
  out.push(firstBits | max);
  value -= max;
  while (value >= 0x80) {
    out.push((value & 0x7f) | 0x80);
    value = Math.floor(value / 0x80);
  }
  out.push(value);
}

function writeString(out: number[], value: string): void {
  writeInteger(out, 0x00, 7, value.length);
  for (let i = 0; i < value.length; i++) out.push(value.charCodeAt(i) & 0xff);
}
