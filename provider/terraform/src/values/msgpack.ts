/**
 * Terraform's msgpack encoding of values (the `msgpack` field of tfplugin6 `DynamicValue`),
 * following go-cty's `cty/msgpack`:
 *
 * - null is nil (`c0`) for every type, including a whole object;
 * - an unknown is any extension; we write extension 0 with a zero byte (`d4 00 00`), and read
 *   extension 12's refinement map (key 1: nullness, key 2: string prefix);
 * - numbers are ints when integral and within 64 bits, float64 otherwise, and strings of decimal
 *   text when too large or too precise for either (see numbers.ts for what we do with those);
 * - objects are maps with exactly the type's attributes (written sorted by name, as go-cty does);
 * - a `dynamic` value is a two-element array `[type JSON as bin, value]`, or nil, or an unknown.
 *
 * The codec is written from the msgpack spec; it does not use a msgpack library, so it can see
 * which encoding each item used (int or float or string for numbers, bin or str for types).
 */
import { ValueError } from "./errors.js";
import { checkObjectAttributes, checkString, mismatch, sequenceItems } from "./check.js";
import { decimalTextToNumber } from "./numbers.js";
import type { PathStep } from "./path.js";
import { compareUtf8, setOwn, typeEquals, typeFromJson, typeName, typeToJsonString, type Type } from "./types.js";
import {
  DynamicValue,
  UNKNOWN,
  Unknown,
  inferType,
  isDynamicValue,
  isUnknown,
  isValueObject,
  type Value,
} from "./value.js";

// ---------------------------------------------------------------------------------------------
// Decoding

const utf8Decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const utf8Encoder = new TextEncoder();

/** The extension type go-cty uses for an unknown value with refinements. */
const REFINED_UNKNOWN_EXT = 12;
const REFINE_NULLNESS = 1;
const REFINE_STRING_PREFIX = 2;

class Reader {
  pos = 0;
  /** How many dynamic values we are inside (types come from the data there, so nesting is unbounded). */
  dynamicDepth = 0;
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  need(n: number, path: readonly PathStep[]): void {
    if (this.pos + n > this.bytes.length) throw new ValueError(path, "unexpected end of msgpack data");
  }
  peek(path: readonly PathStep[]): number {
    this.need(1, path);
    return this.bytes[this.pos]!;
  }
  u8(path: readonly PathStep[]): number {
    this.need(1, path);
    return this.bytes[this.pos++]!;
  }
  u16(path: readonly PathStep[]): number {
    this.need(2, path);
    const v = this.view.getUint16(this.pos);
    this.pos += 2;
    return v;
  }
  u32(path: readonly PathStep[]): number {
    this.need(4, path);
    const v = this.view.getUint32(this.pos);
    this.pos += 4;
    return v;
  }
  u64(path: readonly PathStep[]): bigint {
    this.need(8, path);
    const v = this.view.getBigUint64(this.pos);
    this.pos += 8;
    return v;
  }
  i8(path: readonly PathStep[]): number {
    this.need(1, path);
    return this.view.getInt8(this.pos++);
  }
  i16(path: readonly PathStep[]): number {
    this.need(2, path);
    const v = this.view.getInt16(this.pos);
    this.pos += 2;
    return v;
  }
  i32(path: readonly PathStep[]): number {
    this.need(4, path);
    const v = this.view.getInt32(this.pos);
    this.pos += 4;
    return v;
  }
  i64(path: readonly PathStep[]): bigint {
    this.need(8, path);
    const v = this.view.getBigInt64(this.pos);
    this.pos += 8;
    return v;
  }
  f32(path: readonly PathStep[]): number {
    this.need(4, path);
    const v = this.view.getFloat32(this.pos);
    this.pos += 4;
    return v;
  }
  f64(path: readonly PathStep[]): number {
    this.need(8, path);
    const v = this.view.getFloat64(this.pos);
    this.pos += 8;
    return v;
  }
  take(n: number, path: readonly PathStep[]): Uint8Array {
    this.need(n, path);
    const v = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return v;
  }
}

function isExt(code: number): boolean {
  return (code >= 0xd4 && code <= 0xd8) || (code >= 0xc7 && code <= 0xc9);
}

function isStr(code: number): boolean {
  return (code >= 0xa0 && code <= 0xbf) || (code >= 0xd9 && code <= 0xdb);
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function bigToValue(v: bigint): number | bigint {
  return v >= -MAX_SAFE && v <= MAX_SAFE ? Number(v) : v;
}

/** Reads an array header; undefined when the next item is not an array. */
function readArrayLength(r: Reader, path: readonly PathStep[]): number | undefined {
  const code = r.peek(path);
  if (code >= 0x90 && code <= 0x9f) {
    r.pos++;
    return code & 0x0f;
  }
  if (code === 0xdc) return r.pos++, r.u16(path);
  if (code === 0xdd) return r.pos++, r.u32(path);
  return undefined;
}

/** Reads a map header; undefined when the next item is not a map. */
function readMapLength(r: Reader, path: readonly PathStep[]): number | undefined {
  const code = r.peek(path);
  if (code >= 0x80 && code <= 0x8f) {
    r.pos++;
    return code & 0x0f;
  }
  if (code === 0xde) return r.pos++, r.u16(path);
  if (code === 0xdf) return r.pos++, r.u32(path);
  return undefined;
}

/** Reads a str (or, when `allowBin`, a bin) item's bytes; undefined when it is neither. */
function readStrBytes(r: Reader, path: readonly PathStep[], allowBin = false): Uint8Array | undefined {
  const code = r.peek(path);
  let length: number;
  if (code >= 0xa0 && code <= 0xbf) {
    r.pos++;
    length = code & 0x1f;
  } else if (code === 0xd9 || (allowBin && code === 0xc4)) {
    r.pos++;
    length = r.u8(path);
  } else if (code === 0xda || (allowBin && code === 0xc5)) {
    r.pos++;
    length = r.u16(path);
  } else if (code === 0xdb || (allowBin && code === 0xc6)) {
    r.pos++;
    length = r.u32(path);
  } else {
    return undefined;
  }
  return r.take(length, path);
}

function decodeUtf8(bytes: Uint8Array, path: readonly PathStep[]): string {
  try {
    return utf8Decoder.decode(bytes);
  } catch {
    throw new ValueError(path, "string is not valid UTF-8");
  }
}

function readString(r: Reader, path: readonly PathStep[], what: string): string {
  const bytes = readStrBytes(r, path);
  if (bytes === undefined) throw new ValueError(path, `${what} (got ${describeCode(r.peek(path))})`);
  return decodeUtf8(bytes, path);
}

function readExt(r: Reader, path: readonly PathStep[]): { extType: number; data: Uint8Array } {
  const code = r.u8(path);
  let length: number;
  switch (code) {
    case 0xd4:
      length = 1;
      break;
    case 0xd5:
      length = 2;
      break;
    case 0xd6:
      length = 4;
      break;
    case 0xd7:
      length = 8;
      break;
    case 0xd8:
      length = 16;
      break;
    case 0xc7:
      length = r.u8(path);
      break;
    case 0xc8:
      length = r.u16(path);
      break;
    default:
      length = r.u32(path);
  }
  const extType = r.i8(path);
  return { extType, data: r.take(length, path) };
}

/** Skips one msgpack item of any kind. */
function skip(r: Reader, path: readonly PathStep[]): void {
  const code = r.u8(path);
  if (code <= 0x7f || code >= 0xe0 || code === 0xc0 || code === 0xc2 || code === 0xc3) return;
  if (code >= 0xa0 && code <= 0xbf) return void r.take(code & 0x1f, path);
  if (code >= 0x80 && code <= 0x8f) return skipMany(r, (code & 0x0f) * 2, path);
  if (code >= 0x90 && code <= 0x9f) return skipMany(r, code & 0x0f, path);
  switch (code) {
    case 0xcc:
    case 0xd0:
      return void r.take(1, path);
    case 0xcd:
    case 0xd1:
      return void r.take(2, path);
    case 0xce:
    case 0xd2:
    case 0xca:
      return void r.take(4, path);
    case 0xcf:
    case 0xd3:
    case 0xcb:
      return void r.take(8, path);
    case 0xc4:
    case 0xd9:
      return void r.take(r.u8(path), path);
    case 0xc5:
    case 0xda:
      return void r.take(r.u16(path), path);
    case 0xc6:
    case 0xdb:
      return void r.take(r.u32(path), path);
    case 0xdc:
      return skipMany(r, r.u16(path), path);
    case 0xdd:
      return skipMany(r, r.u32(path), path);
    case 0xde:
      return skipMany(r, r.u16(path) * 2, path);
    case 0xdf:
      return skipMany(r, r.u32(path) * 2, path);
  }
  if (isExt(code)) {
    r.pos--;
    return void readExt(r, path);
  }
  throw new ValueError(path, `invalid msgpack byte 0x${code.toString(16)}`);
}

function skipMany(r: Reader, n: number, path: readonly PathStep[]): void {
  for (let i = 0; i < n; i++) skip(r, path);
}

function describeCode(code: number): string {
  if (code <= 0x7f || code >= 0xe0 || (code >= 0xcc && code <= 0xd3) || code === 0xca || code === 0xcb) return "a number";
  if (isStr(code)) return "a string";
  if (code === 0xc0) return "null";
  if (code === 0xc2 || code === 0xc3) return "a bool";
  if ((code >= 0x80 && code <= 0x8f) || code === 0xde || code === 0xdf) return "a map";
  if ((code >= 0x90 && code <= 0x9f) || code === 0xdc || code === 0xdd) return "an array";
  if (code >= 0xc4 && code <= 0xc6) return "bytes";
  if (isExt(code)) return "an extension";
  return `byte 0x${code.toString(16)}`;
}

/** An unknown value: any extension. Extension 12 with a payload carries refinements. */
function decodeUnknown(r: Reader, type: Type, path: readonly PathStep[]): Unknown {
  const { extType, data } = readExt(r, path);
  // As go-cty: a payload of 0 or 1 bytes is a plain unknown whatever the extension type, and
  // dynamic values never carry refinements. Unlike go-cty we also take other extension types
  // with payloads as plain unknowns rather than failing.
  if (data.length <= 1 || extType !== REFINED_UNKNOWN_EXT || type.kind === "dynamic") return UNKNOWN;

  const rr = new Reader(data);
  const invalid = (why: string) => new ValueError(path, `invalid refinements for an unknown value: ${why}`);
  const entries = readMapLength(rr, path);
  if (entries === undefined) throw invalid("not a map");
  let notNull = false;
  let stringPrefix: string | undefined;
  for (let i = 0; i < entries; i++) {
    const key = readSmallInt(rr, path);
    if (key === undefined) throw invalid("a key is not an integer");
    if (key === REFINE_NULLNESS) {
      const code = rr.u8(path);
      if (code !== 0xc2 && code !== 0xc3) throw invalid("the nullness is not a bool");
      notNull = code === 0xc2; // "is null: false"
    } else if (key === REFINE_STRING_PREFIX) {
      const bytes = readStrBytes(rr, path);
      if (bytes === undefined) throw invalid("the string prefix is not a string");
      const prefix = decodeUtf8(bytes, path);
      if (type.kind === "string") stringPrefix = prefix;
    } else {
      skip(rr, path); // number bounds, collection lengths and future refinements: left in `payload`
    }
  }
  return new Unknown({ notNull, stringPrefix, payload: data.slice() });
}

function readSmallInt(r: Reader, path: readonly PathStep[]): number | undefined {
  const code = r.u8(path);
  if (code <= 0x7f) return code;
  if (code >= 0xe0) return code - 0x100;
  switch (code) {
    case 0xcc:
      return r.u8(path);
    case 0xcd:
      return r.u16(path);
    case 0xce:
      return r.u32(path);
    case 0xd0:
      return r.i8(path);
    case 0xd1:
      return r.i16(path);
    case 0xd2:
      return r.i32(path);
    case 0xcf:
      return Number(r.u64(path));
    case 0xd3:
      return Number(r.i64(path));
  }
  return undefined;
}

function decodeNumber(r: Reader, path: readonly PathStep[]): number | bigint {
  const code = r.peek(path);
  if (code <= 0x7f) return r.pos++, code;
  if (code >= 0xe0) return r.pos++, code - 0x100;
  switch (code) {
    case 0xcc:
    case 0xcd:
    case 0xce:
    case 0xd0:
    case 0xd1:
    case 0xd2:
      return readSmallInt(r, path)!;
    case 0xcf:
      r.pos++;
      return bigToValue(r.u64(path));
    case 0xd3:
      r.pos++;
      return bigToValue(r.i64(path));
    case 0xca:
      r.pos++;
      return r.f32(path);
    case 0xcb: {
      r.pos++;
      const v = r.f64(path);
      if (Number.isNaN(v)) throw new ValueError(path, "NaN is not a number");
      return v;
    }
  }
  if (isStr(code)) return decimalTextToNumber(readString(r, path, ""), path);
  throw new ValueError(path, `number is required (got ${describeCode(code)})`);
}

const MAX_DYNAMIC_DEPTH = 64;

function decodeDynamic(r: Reader, path: PathStep[]): Value {
  const code = r.peek(path);
  if (code === 0xc0) return r.pos++, null;
  const length = readArrayLength(r, path);
  if (length !== 2) throw new ValueError(path, "a dynamic value must be a [type, value] array of two elements");
  const typeBytes = readStrBytes(r, path, true);
  if (typeBytes === undefined) throw new ValueError(path, "a dynamic value's type must be JSON in bytes");
  let type: Type;
  try {
    type = typeFromJson(JSON.parse(decodeUtf8(typeBytes, path)));
  } catch (e) {
    if (e instanceof ValueError) throw e;
    throw new ValueError(path, `a dynamic value's type is invalid: ${(e as Error).message}`);
  }
  if (++r.dynamicDepth > MAX_DYNAMIC_DEPTH) throw new ValueError(path, "dynamic values are nested too deeply");
  const value = decode(r, type, path);
  r.dynamicDepth--;
  return type.kind === "dynamic" ? value : new DynamicValue(type, value);
}

function decode(r: Reader, type: Type, path: PathStep[]): Value {
  const code = r.peek(path);
  if (isExt(code)) return decodeUnknown(r, type, path);
  if (type.kind === "dynamic") return decodeDynamic(r, path);
  if (code === 0xc0) return r.pos++, null;

  switch (type.kind) {
    case "string":
      return readString(r, path, "string is required");
    case "number":
      return decodeNumber(r, path);
    case "bool":
      if (code === 0xc2 || code === 0xc3) return r.pos++, code === 0xc3;
      throw new ValueError(path, `bool is required (got ${describeCode(code)})`);
    case "list":
    case "set":
    case "tuple": {
      const length = readArrayLength(r, path);
      if (length === undefined) throw new ValueError(path, `${typeName(type)} is required (got ${describeCode(code)})`);
      if (type.kind === "tuple" && length !== type.elements.length) {
        throw new ValueError(path, `a tuple of ${type.elements.length} elements is required (got ${length})`);
      }
      const out: Value[] = [];
      for (let i = 0; i < length; i++) {
        path.push({ index: i });
        out.push(decode(r, type.kind === "tuple" ? type.elements[i]! : type.element, path));
        path.pop();
      }
      return out;
    }
    case "map": {
      const length = readMapLength(r, path);
      if (length === undefined) throw new ValueError(path, `${typeName(type)} is required (got ${describeCode(code)})`);
      const out: { [key: string]: Value } = {};
      for (let i = 0; i < length; i++) {
        const key = readString(r, path, "map keys must be strings");
        path.push({ key });
        if (Object.hasOwn(out, key)) throw new ValueError(path, "the key appears more than once");
        setOwn(out, key, decode(r, type.element, path));
        path.pop();
      }
      return out;
    }
    case "object": {
      const length = readMapLength(r, path);
      if (length === undefined) throw new ValueError(path, `an object is required (got ${describeCode(code)})`);
      const seen: { [name: string]: Value } = {};
      for (let i = 0; i < length; i++) {
        const name = readString(r, path, "object attribute names must be strings");
        path.push({ attribute: name });
        if (!Object.hasOwn(type.attributes, name)) throw new ValueError(path, "unsupported attribute");
        if (Object.hasOwn(seen, name)) throw new ValueError(path, "the attribute appears more than once");
        setOwn(seen, name, decode(r, type.attributes[name]!, path));
        path.pop();
      }
      const names = Object.keys(type.attributes);
      const out: { [name: string]: Value } = {};
      for (const name of names) {
        if (!Object.hasOwn(seen, name)) {
          throw new ValueError([...path, { attribute: name }], `attribute is missing (an object with ${names.length} attributes is required, ${length} given)`);
        }
        setOwn(out, name, seen[name]!);
      }
      return out;
    }
  }
}

/**
 * Decodes a msgpack-encoded value of the given type. Throws `ValueError` (with the attribute path)
 * when the bytes do not encode a value of that type.
 */
export function decodeMsgpack(bytes: Uint8Array, type: Type): Value {
  const r = new Reader(bytes);
  const value = decode(r, type, []);
  if (r.pos !== bytes.length) throw new ValueError([], `${bytes.length - r.pos} unexpected bytes after the value`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Encoding

class Writer {
  private buf = new Uint8Array(256);
  private view = new DataView(this.buf.buffer);
  private len = 0;
  private ensure(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
  u8(v: number): void {
    this.ensure(1);
    this.buf[this.len++] = v;
  }
  u16(v: number): void {
    this.ensure(2);
    this.view.setUint16(this.len, v);
    this.len += 2;
  }
  u32(v: number): void {
    this.ensure(4);
    this.view.setUint32(this.len, v);
    this.len += 4;
  }
  u64(v: bigint): void {
    this.ensure(8);
    this.view.setBigUint64(this.len, v);
    this.len += 8;
  }
  i64(v: bigint): void {
    this.ensure(8);
    this.view.setBigInt64(this.len, v);
    this.len += 8;
  }
  f64(v: number): void {
    this.ensure(8);
    this.view.setFloat64(this.len, v);
    this.len += 8;
  }
  bytes(v: Uint8Array): void {
    this.ensure(v.length);
    this.buf.set(v, this.len);
    this.len += v.length;
  }
  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

const UNKNOWN_BYTES = Uint8Array.of(0xd4, 0x00, 0x00);
const MIN_INT64 = -(1n << 63n);
const MAX_UINT64 = (1n << 64n) - 1n;

/** Writes an integer in the smallest msgpack form, as go-cty's encoder does (uint forms for n ≥ 0). */
function writeInt(w: Writer, n: number | bigint): void {
  if (typeof n === "bigint") {
    if (n >= -0x80000000n && n <= 0xffffffffn) return writeInt(w, Number(n));
    if (n >= 0n && n <= MAX_UINT64) return w.u8(0xcf), w.u64(n);
    if (n < 0n && n >= MIN_INT64) return w.u8(0xd3), w.i64(n);
    return writeStr(w, n.toString()); // beyond 64 bits: decimal text, as go-cty does
  }
  if (n >= 0) {
    if (n <= 0x7f) return w.u8(n);
    if (n <= 0xff) return w.u8(0xcc), w.u8(n);
    if (n <= 0xffff) return w.u8(0xcd), w.u16(n);
    if (n <= 0xffffffff) return w.u8(0xce), w.u32(n);
    return w.u8(0xcf), w.u64(BigInt(n));
  }
  if (n >= -32) return w.u8(n + 0x100);
  if (n >= -0x80) return w.u8(0xd0), w.u8(n + 0x100);
  if (n >= -0x8000) return w.u8(0xd1), w.u16(n + 0x10000);
  if (n >= -0x80000000) return w.u8(0xd2), w.u32(n + 0x100000000);
  return w.u8(0xd3), w.i64(BigInt(n));
}

function writeStrHeader(w: Writer, length: number, bin: boolean): void {
  if (bin) {
    if (length <= 0xff) return w.u8(0xc4), w.u8(length);
    if (length <= 0xffff) return w.u8(0xc5), w.u16(length);
    return w.u8(0xc6), w.u32(length);
  }
  if (length <= 31) return w.u8(0xa0 | length);
  if (length <= 0xff) return w.u8(0xd9), w.u8(length);
  if (length <= 0xffff) return w.u8(0xda), w.u16(length);
  return w.u8(0xdb), w.u32(length);
}

function writeStr(w: Writer, s: string): void {
  const bytes = utf8Encoder.encode(s);
  writeStrHeader(w, bytes.length, false);
  w.bytes(bytes);
}

function writeArrayHeader(w: Writer, length: number): void {
  if (length <= 15) return w.u8(0x90 | length);
  if (length <= 0xffff) return w.u8(0xdc), w.u16(length);
  return w.u8(0xdd), w.u32(length);
}

function writeMapHeader(w: Writer, length: number): void {
  if (length <= 15) return w.u8(0x80 | length);
  if (length <= 0xffff) return w.u8(0xde), w.u16(length);
  return w.u8(0xdf), w.u32(length);
}

function encodeNumber(w: Writer, value: number | bigint, path: readonly PathStep[]): void {
  if (typeof value === "bigint") return writeInt(w, value);
  if (Number.isNaN(value)) throw new ValueError(path, "NaN is not a number Terraform can hold");
  if (Number.isInteger(value)) {
    if (Number.isSafeInteger(value)) return writeInt(w, value);
    const big = BigInt(value);
    if (big >= MIN_INT64 && big <= MAX_UINT64) return writeInt(w, big);
  }
  w.u8(0xcb);
  w.f64(value); // fractions, infinities and integers beyond 64 bits: exact as float64
}

function encodeDynamic(w: Writer, value: Value, path: PathStep[]): void {
  if (value === undefined) throw new ValueError(path, "undefined is not a value (use null)");
  if (isUnknown(value)) return w.bytes(UNKNOWN_BYTES);
  if (value === null) return w.u8(0xc0);
  let type: Type;
  let inner: Value;
  if (isDynamicValue(value)) {
    if (value.type.kind === "dynamic") return encodeDynamic(w, value.value, path);
    type = value.type;
    inner = value.value;
  } else {
    type = inferType(value);
    inner = value;
  }
  w.u8(0x92);
  const typeJson = utf8Encoder.encode(typeToJsonString(type));
  writeStrHeader(w, typeJson.length, true);
  w.bytes(typeJson);
  encode(w, inner, type, path);
}

function encode(w: Writer, value: Value, type: Type, path: PathStep[]): void {
  if (type.kind === "dynamic") return encodeDynamic(w, value, path);
  if (value === undefined) throw new ValueError(path, "undefined is not a value (use null)");
  if (isUnknown(value)) return w.bytes(UNKNOWN_BYTES);
  if (value === null) return w.u8(0xc0);
  if (isDynamicValue(value)) {
    if (!typeEquals(value.type, type)) throw mismatch(path, type, value);
    return encode(w, value.value, type, path);
  }

  switch (type.kind) {
    case "string":
      if (typeof value !== "string") throw mismatch(path, type, value);
      checkString(value, path);
      return writeStr(w, value);
    case "number":
      if (typeof value !== "number" && typeof value !== "bigint") throw mismatch(path, type, value);
      return encodeNumber(w, value, path);
    case "bool":
      if (typeof value !== "boolean") throw mismatch(path, type, value);
      return w.u8(value ? 0xc3 : 0xc2);
    case "list":
    case "set":
    case "tuple": {
      const items = sequenceItems(value, type, path);
      writeArrayHeader(w, items.length);
      for (let i = 0; i < items.length; i++) {
        path.push({ index: i });
        encode(w, items[i]!, type.kind === "tuple" ? type.elements[i]! : type.element, path);
        path.pop();
      }
      return;
    }
    case "map": {
      if (!isValueObject(value)) throw mismatch(path, type, value);
      const keys = Object.keys(value).sort(compareUtf8);
      writeMapHeader(w, keys.length);
      for (const key of keys) {
        path.push({ key });
        checkString(key, path);
        writeStr(w, key);
        encode(w, value[key]!, type.element, path);
        path.pop();
      }
      return;
    }
    case "object": {
      if (!isValueObject(value)) throw mismatch(path, type, value);
      const names = checkObjectAttributes(value, type, path);
      writeMapHeader(w, names.length);
      for (const name of names) {
        path.push({ attribute: name });
        writeStr(w, name);
        encode(w, value[name]!, type.attributes[name]!, path);
        path.pop();
      }
      return;
    }
  }
}

/**
 * Encodes a value of the given type as msgpack, as Terraform expects it. Throws `ValueError`
 * (with the attribute path) when the value does not fit the type: a wrong kind of value, an object
 * without every attribute of its type (give null) or with others, `undefined`, NaN.
 */
export function encodeMsgpack(value: Value, type: Type): Uint8Array {
  const w = new Writer();
  encode(w, value, type, []);
  return w.finish();
}
