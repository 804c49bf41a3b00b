// The little ASN.1 DER the self-signed certificate needs (X.690), written out by hand so
// the plugin loads no certificate library at launch.

/** Tag, length and contents; the length in short form below 128 bytes, long form above. */
export function tlv(tag: number, contents: Uint8Array): Uint8Array {
  const length = contents.length;
  let header: number[];
  if (length < 0x80) header = [tag, length];
  else {
    const lengthBytes: number[] = [];
    for (let n = length; n > 0; n = Math.floor(n / 256)) lengthBytes.unshift(n & 0xff);
    header = [tag, 0x80 | lengthBytes.length, ...lengthBytes];
  }
  const out = new Uint8Array(header.length + length);
  out.set(header, 0);
  out.set(contents, header.length);
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function sequence(...items: Uint8Array[]): Uint8Array {
  return tlv(0x30, concat(items));
}

/** SET OF with its elements sorted by their encodings, as DER requires. */
export function set(...items: Uint8Array[]): Uint8Array {
  const sorted = [...items].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return tlv(0x31, concat(sorted));
}

export function boolean(value: boolean): Uint8Array {
  return tlv(0x01, Uint8Array.of(value ? 0xff : 0x00));
}

/**
 * INTEGER from a non-negative number or from unsigned big-endian bytes: minimal two's
 * complement, with a leading zero byte when the top bit is set.
 */
export function integer(value: number | Uint8Array): Uint8Array {
  let bytes: Uint8Array;
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a non-negative integer: ${value}`);
    const list: number[] = [];
    for (let n = value; n > 0; n = Math.floor(n / 256)) list.unshift(n % 256);
    bytes = Uint8Array.from(list);
  } else bytes = value;
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  let body = bytes.subarray(start);
  if (body.length === 0) body = Uint8Array.of(0);
  if ((body[0] ?? 0) & 0x80) body = concat([Uint8Array.of(0), body]);
  return tlv(0x02, body);
}

/** OBJECT IDENTIFIER from dotted decimal, e.g. "2.5.29.17". */
export function oid(dotted: string): Uint8Array {
  const arcs = dotted.split(".").map((arc) => {
    if (!/^\d+$/.test(arc)) throw new Error(`bad object identifier: ${dotted}`);
    return Number(arc);
  });
  const [first, second, ...rest] = arcs;
  if (first === undefined || second === undefined || first > 2 || (first < 2 && second > 39)) {
    throw new Error(`bad object identifier: ${dotted}`);
  }
  const out: number[] = [];
  for (const arc of [first * 40 + second, ...rest]) {
    const base128: number[] = [arc & 0x7f];
    for (let n = Math.floor(arc / 128); n > 0; n = Math.floor(n / 128)) base128.unshift(0x80 | (n & 0x7f));
    out.push(...base128);
  }
  return tlv(0x06, Uint8Array.from(out));
}

/** BIT STRING; `unusedBits` is how many low bits of the last byte are padding. */
export function bitString(bytes: Uint8Array, unusedBits = 0): Uint8Array {
  if (unusedBits < 0 || unusedBits > 7 || (bytes.length === 0 && unusedBits !== 0)) {
    throw new RangeError(`bad unused bit count: ${unusedBits}`);
  }
  return tlv(0x03, concat([Uint8Array.of(unusedBits), bytes]));
}

/**
 * A named-bit BIT STRING (like KeyUsage) from the numbers of its set bits, bit 0 being the
 * top bit of the first byte; trailing zero bits are dropped, as DER requires.
 */
export function namedBits(bits: readonly number[]): Uint8Array {
  if (bits.length === 0) return bitString(new Uint8Array(0));
  const highest = Math.max(...bits);
  const bytes = new Uint8Array(Math.floor(highest / 8) + 1);
  for (const bit of bits) bytes[bit >> 3]! |= 0x80 >> (bit & 7);
  return bitString(bytes, 7 - (highest & 7));
}

export function octetString(bytes: Uint8Array): Uint8Array {
  return tlv(0x04, bytes);
}

export function utf8String(text: string): Uint8Array {
  return tlv(0x0c, new TextEncoder().encode(text));
}

/** The contents of an IA5String (ASCII), e.g. for an IMPLICIT-tagged dNSName. */
export function ia5Bytes(text: string): Uint8Array {
  if (!/^[\x00-\x7f]*$/.test(text)) throw new Error(`not IA5 text: ${JSON.stringify(text)}`);
  return new TextEncoder().encode(text);
}

export function ia5String(text: string): Uint8Array {
  return tlv(0x16, ia5Bytes(text));
}

/** YYMMDDHHMMSSZ, in UTC; whole seconds. */
export function utcTime(date: Date): Uint8Array {
  return tlv(0x17, new TextEncoder().encode(timeDigits(date).slice(2) + "Z"));
}

/** YYYYMMDDHHMMSSZ, in UTC; whole seconds. */
export function generalizedTime(date: Date): Uint8Array {
  return tlv(0x18, new TextEncoder().encode(timeDigits(date) + "Z"));
}

/** X.509's Time: UTCTime through 2049, GeneralizedTime from 2050 (RFC 5280 4.1.2.5). */
export function x509Time(date: Date): Uint8Array {
  const year = date.getUTCFullYear();
  return year >= 1950 && year < 2050 ? utcTime(date) : generalizedTime(date);
}

function timeDigits(date: Date): string {
  const year = date.getUTCFullYear();
  if (!Number.isFinite(date.getTime()) || year < 0 || year > 9999) throw new RangeError(`bad date: ${String(date)}`);
  const two = (n: number) => String(n).padStart(2, "0");
  return (
    String(year).padStart(4, "0") +
    two(date.getUTCMonth() + 1) +
    two(date.getUTCDate()) +
    two(date.getUTCHours()) +
    two(date.getUTCMinutes()) +
    two(date.getUTCSeconds())
  );
}

/** [n] EXPLICIT: a constructed context-specific tag around one encoding. */
export function explicit(tagNumber: number, inner: Uint8Array): Uint8Array {
  return tlv(0xa0 | contextTagNumber(tagNumber), inner);
}

/** [n] IMPLICIT for a primitive type: the contents under a context-specific tag. */
export function implicitPrimitive(tagNumber: number, contents: Uint8Array): Uint8Array {
  return tlv(0x80 | contextTagNumber(tagNumber), contents);
}

function contextTagNumber(tagNumber: number): number {
  if (!Number.isInteger(tagNumber) || tagNumber < 0 || tagNumber > 30) throw new RangeError(`bad tag number: ${tagNumber}`);
  return tagNumber;
}
