// Encodes and decodes protobuf messages by their full name
// ("tfplugin6.PlanResourceChange.Request"), using the precompiled descriptor.
// Decoded messages come back as plain snake_case objects: int64 as number,
// enums as their names, bytes as Buffer, unset fields absent, repeated fields
// as arrays and maps as objects (empty when unset), and each set oneof named
// by a property of the oneof's name.
//
// Our own small codec rather than protobufjs: the plugin starts 3-5 times per
// Terraform command, and protobufjs' reflection and code generation cost more
// launch time and memory than the few message shapes of tfplugin6 need.
import { protocolDescriptor } from "./descriptor.generated.js";

export type WireMessage = Record<string, unknown>;

export interface MessageCodec {
  decode(bytes: Uint8Array): WireMessage;
  encode(message: WireMessage): Buffer;
}

type Scalar = "string" | "bytes" | "bool" | "int64" | "uint64" | "int32" | "uint32";
const scalars = new Set<string>(["string", "bytes", "bool", "int64", "uint64", "int32", "uint32"]);

interface EnumInfo {
  byName: Map<string, number>;
  byNumber: Map<number, string>;
}

/** What a field holds: a scalar, an enum or a message (resolved on first use). */
interface ValueInfo {
  scalar?: Scalar;
  enumInfo?: EnumInfo;
  message?: () => MessageInfo;
}

interface FieldInfo extends ValueInfo {
  name: string;
  id: number;
  repeated: boolean;
  /** For map fields: the key's scalar type; the value is described by the field itself. */
  mapKey?: Scalar;
  oneof?: string;
}

interface MessageInfo {
  fields: FieldInfo[];
  byId: Map<number, FieldInfo>;
}

interface DescriptorType {
  fields?: Record<string, { type: string; id: number; rule?: string; keyType?: string }>;
  oneofs?: Record<string, { oneof: string[] }>;
  values?: Record<string, number>;
  nested?: Record<string, DescriptorType>;
}

/** Every type and enum in the descriptor by full name. */
const definitions = new Map<string, DescriptorType>();
(function collect(nested: Record<string, DescriptorType> | undefined, prefix: string) {
  for (const [name, definition] of Object.entries(nested ?? {})) {
    definitions.set(prefix + name, definition);
    collect(definition.nested, `${prefix}${name}.`);
  }
})((protocolDescriptor as DescriptorType).nested, "");

/** protobuf scoping: a name is looked up from the innermost enclosing scope outwards. */
function resolve(scope: string, name: string): string {
  const parts = scope.split(".");
  for (let depth = parts.length; depth >= 0; depth--) {
    const candidate = [...parts.slice(0, depth), name].join(".");
    if (definitions.has(candidate)) return candidate;
  }
  throw new Error(`protobuf type ${name} not found from ${scope}`);
}

const messages = new Map<string, MessageInfo>();
const enums = new Map<string, EnumInfo>();

function messageInfo(fullName: string): MessageInfo {
  let info = messages.get(fullName);
  if (info) return info;
  const definition = definitions.get(fullName);
  if (!definition || definition.values) throw new Error(`no protobuf message ${fullName}`);
  const oneofOf = new Map<string, string>();
  for (const [oneof, { oneof: members }] of Object.entries(definition.oneofs ?? {})) {
    for (const member of members) oneofOf.set(member, oneof);
  }
  const fields = Object.entries(definition.fields ?? {})
    .map(([name, field]): FieldInfo => {
      const value = valueInfo(fullName, field.type);
      if (field.keyType !== undefined && !scalars.has(field.keyType)) throw new Error(`unsupported map key ${field.keyType}`);
      return {
        name,
        id: field.id,
        repeated: field.rule === "repeated",
        ...value,
        ...(field.keyType !== undefined ? { mapKey: field.keyType as Scalar } : {}),
        ...(oneofOf.has(name) ? { oneof: oneofOf.get(name) } : {}),
      };
    })
    .sort((a, b) => a.id - b.id);
  info = { fields, byId: new Map(fields.map((field) => [field.id, field])) };
  messages.set(fullName, info);
  return info;
}

function valueInfo(scope: string, type: string): ValueInfo {
  if (scalars.has(type)) return { scalar: type as Scalar };
  const fullName = resolve(scope, type);
  const definition = definitions.get(fullName)!;
  if (!definition.values) return { message: () => messageInfo(fullName) };
  let enumInfo = enums.get(fullName);
  if (!enumInfo) {
    const values = Object.entries(definition.values);
    enumInfo = { byName: new Map(values), byNumber: new Map(values.map(([name, number]) => [number, name])) };
    enums.set(fullName, enumInfo);
  }
  return { enumInfo };
}

const codecs = new Map<string, MessageCodec>();

export function messageCodec(fullName: string): MessageCodec {
  let codec = codecs.get(fullName);
  if (!codec) {
    const info = messageInfo(fullName);
    codec = {
      decode: (bytes) => {
        const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        return decodeMessage(new Reader(buffer, 0, buffer.length), info);
      },
      encode: (message) => {
        const writer = new Writer();
        encodeMessage(writer, message, info, fullName);
        return writer.finish();
      },
    };
    codecs.set(fullName, codec);
  }
  return codec;
}

// --- decoding ---

class Reader {
  constructor(readonly buffer: Buffer, public pos: number, readonly end: number) {}

  varint(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (this.pos >= this.end) throw new Error("protobuf: truncated varint");
      const byte = this.buffer[this.pos++]!;
      if (shift < 28) result |= (byte & 0x7f) << shift;
      else return this.longVarint(result >>> 0, byte, shift);
      if (byte < 0x80) return result >>> 0;
      shift += 7;
    }
  }

  /** Past 28 bits: finish in BigInt, so 64-bit two's complement negatives come out right. */
  private longVarint(low: number, byte: number, shift: number): number {
    let value = BigInt(low);
    for (;;) {
      value |= BigInt(byte & 0x7f) << BigInt(shift);
      if (byte < 0x80) break;
      shift += 7;
      if (this.pos >= this.end || shift > 63) throw new Error("protobuf: bad varint");
      byte = this.buffer[this.pos++]!;
    }
    return Number(BigInt.asIntN(64, value));
  }

  lengthDelimited(): Reader {
    const length = this.varint();
    const start = this.pos;
    if (start + length > this.end) throw new Error("protobuf: truncated message");
    this.pos += length;
    return new Reader(this.buffer, start, start + length);
  }

  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 1) this.pos += 8;
    else if (wireType === 2) this.lengthDelimited();
    else if (wireType === 5) this.pos += 4;
    else throw new Error(`protobuf: unsupported wire type ${wireType}`);
    if (this.pos > this.end) throw new Error("protobuf: truncated field");
  }
}

function decodeMessage(reader: Reader, info: MessageInfo): WireMessage {
  const message: WireMessage = {};
  for (const field of info.fields) {
    if (field.mapKey !== undefined) message[field.name] = {};
    else if (field.repeated) message[field.name] = [];
  }
  while (reader.pos < reader.end) {
    const tag = reader.varint();
    const field = info.byId.get(tag >>> 3);
    const wireType = tag & 7;
    if (!field) {
      reader.skip(wireType);
      continue;
    }
    if (field.mapKey !== undefined) {
      const entry = reader.lengthDelimited();
      let key: unknown = field.mapKey === "string" ? "" : 0;
      let value: unknown;
      while (entry.pos < entry.end) {
        const entryTag = entry.varint();
        if (entryTag >>> 3 === 1) key = readValue(entry, { scalar: field.mapKey });
        else if (entryTag >>> 3 === 2) value = readValue(entry, field);
        else entry.skip(entryTag & 7);
      }
      (message[field.name] as Record<string, unknown>)[String(key)] = value ?? defaultOf(field);
    } else if (field.repeated) {
      const list = message[field.name] as unknown[];
      if (wireType === 2 && field.scalar !== undefined && field.scalar !== "string" && field.scalar !== "bytes") {
        const packed = reader.lengthDelimited(); // repeated numbers may come packed
        while (packed.pos < packed.end) list.push(readValue(packed, field));
      } else if (wireType === 2 && field.enumInfo) {
        const packed = reader.lengthDelimited();
        while (packed.pos < packed.end) list.push(readValue(packed, field));
      } else {
        list.push(readValue(reader, field));
      }
    } else {
      message[field.name] = readValue(reader, field);
      if (field.oneof !== undefined) message[field.oneof] = field.name;
    }
  }
  return message;
}

function readValue(reader: Reader, value: ValueInfo): unknown {
  if (value.message) return decodeMessage(reader.lengthDelimited(), value.message());
  if (value.enumInfo) {
    const number = reader.varint();
    return value.enumInfo.byNumber.get(number) ?? number;
  }
  switch (value.scalar) {
    case "string": {
      const bytes = reader.lengthDelimited();
      return bytes.buffer.toString("utf8", bytes.pos, bytes.end);
    }
    case "bytes": {
      const bytes = reader.lengthDelimited();
      return bytes.buffer.subarray(bytes.pos, bytes.end);
    }
    case "bool":
      return reader.varint() !== 0;
    case "uint32":
      return reader.varint() >>> 0;
    case "int32":
      return reader.varint() | 0;
    default:
      return reader.varint();
  }
}

/** A map entry without a value holds the value type's default. */
function defaultOf(value: ValueInfo): unknown {
  if (value.message) return decodeMessage(new Reader(Buffer.alloc(0), 0, 0), value.message());
  if (value.enumInfo) return value.enumInfo.byNumber.get(0) ?? 0;
  if (value.scalar === "string") return "";
  if (value.scalar === "bytes") return Buffer.alloc(0);
  if (value.scalar === "bool") return false;
  return 0;
}

// --- encoding ---

class Writer {
  private buffer = Buffer.allocUnsafe(256);
  private pos = 0;

  private ensure(extra: number): void {
    if (this.pos + extra <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.pos + extra));
    this.buffer.copy(grown, 0, 0, this.pos);
    this.buffer = grown;
  }

  varint(value: number): void {
    this.ensure(10);
    if (value >= 0 && value <= 0xffffffff) {
      while (value > 0x7f) {
        this.buffer[this.pos++] = (value & 0x7f) | 0x80;
        value >>>= 7;
      }
      this.buffer[this.pos++] = value;
      return;
    }
    if (!Number.isInteger(value)) throw new Error(`protobuf: ${value} is not an integer`);
    let big = BigInt.asUintN(64, BigInt(value));
    while (big > 0x7fn) {
      this.buffer[this.pos++] = Number(big & 0x7fn) | 0x80;
      big >>= 7n;
    }
    this.buffer[this.pos++] = Number(big);
  }

  bytes(bytes: Uint8Array): void {
    this.varint(bytes.length);
    this.ensure(bytes.length);
    this.buffer.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  string(text: string): void {
    const length = Buffer.byteLength(text);
    this.varint(length);
    this.ensure(length);
    this.pos += this.buffer.write(text, this.pos, "utf8");
  }

  /** A nested message: written in place, then its length put in front of it. */
  nested(write: () => void): void {
    this.ensure(5);
    const lengthAt = this.pos;
    this.pos += 5; // most a length can need for our sizes
    write();
    const length = this.pos - lengthAt - 5;
    const header = Writer.varintBytes(length);
    this.buffer.copyWithin(lengthAt + header.length, lengthAt + 5, this.pos);
    this.buffer.set(header, lengthAt);
    this.pos -= 5 - header.length;
  }

  private static varintBytes(value: number): number[] {
    const bytes: number[] = [];
    while (value > 0x7f) {
      bytes.push((value & 0x7f) | 0x80);
      value = Math.floor(value / 128);
    }
    bytes.push(value);
    return bytes;
  }

  finish(): Buffer {
    return this.buffer.subarray(0, this.pos);
  }
}

function encodeMessage(writer: Writer, message: WireMessage, info: MessageInfo, path: string): void {
  if (typeof message !== "object" || message === null || Array.isArray(message)) {
    throw new TypeError(`${path}: object expected`);
  }
  for (const field of info.fields) {
    const value = message[field.name];
    if (value === undefined || value === null) continue;
    const fieldPath = `${path}.${field.name}`;
    if (field.mapKey !== undefined) {
      if (typeof value !== "object") throw new TypeError(`${fieldPath}: object expected`);
      for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
        if (entry === undefined || entry === null) continue;
        writer.varint((field.id << 3) | 2);
        writer.nested(() => {
          writeField(writer, 1, { scalar: field.mapKey! }, field.mapKey === "string" ? key : Number(key), fieldPath);
          writeField(writer, 2, field, entry, fieldPath);
        });
      }
    } else if (field.repeated) {
      if (!Array.isArray(value)) throw new TypeError(`${fieldPath}: array expected`);
      for (const item of value) writeField(writer, field.id, field, item, fieldPath);
    } else {
      writeField(writer, field.id, field, value, fieldPath);
    }
  }
}

function writeField(writer: Writer, id: number, value: ValueInfo, data: unknown, path: string): void {
  if (value.message) {
    writer.varint((id << 3) | 2);
    writer.nested(() => encodeMessage(writer, data as WireMessage, value.message!(), path));
    return;
  }
  if (value.enumInfo) {
    const number = typeof data === "number" ? data : value.enumInfo.byName.get(String(data));
    if (number === undefined) return; // an unknown name leaves the field unset
    writer.varint(id << 3);
    writer.varint(number);
    return;
  }
  switch (value.scalar) {
    case "string":
      writer.varint((id << 3) | 2);
      writer.string(String(data));
      return;
    case "bytes":
      writer.varint((id << 3) | 2);
      writer.bytes(typeof data === "string" ? Buffer.from(data, "base64") : (data as Uint8Array));
      return;
    case "bool":
      writer.varint(id << 3);
      writer.varint(data ? 1 : 0);
      return;
    default:
      writer.varint(id << 3);
      writer.varint(Number(data));
  }
}
