// HTTP/2 framing (RFC 9113 section 4 and 6): the numbers of the protocol and how a frame is laid
// out. Nothing here keeps state; connection.ts does.

/** What every client sends first (section 3.4). */
export const clientPreface = Buffer.from("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "latin1");

export const frameHeaderBytes = 9;

export const FrameType = {
  data: 0x0,
  headers: 0x1,
  priority: 0x2,
  rstStream: 0x3,
  settings: 0x4,
  pushPromise: 0x5,
  ping: 0x6,
  goaway: 0x7,
  windowUpdate: 0x8,
  continuation: 0x9,
} as const;

export const Flags = {
  endStream: 0x1,
  ack: 0x1,
  endHeaders: 0x4,
  padded: 0x8,
  priority: 0x20,
} as const;

/** Section 7. */
export const ErrorCode = {
  noError: 0x0,
  protocolError: 0x1,
  internalError: 0x2,
  flowControlError: 0x3,
  streamClosed: 0x5,
  frameSizeError: 0x6,
  refusedStream: 0x7,
  cancel: 0x8,
  compressionError: 0x9,
  enhanceYourCalm: 0xb,
} as const;

/** Section 6.5.2. */
export const Setting = {
  headerTableSize: 0x1,
  enablePush: 0x2,
  maxConcurrentStreams: 0x3,
  initialWindowSize: 0x4,
  maxFrameSize: 0x5,
  maxHeaderListSize: 0x6,
} as const;

/** Defaults every endpoint starts from (section 6.5.2, 6.9.2). */
export const defaultWindowSize = 65_535;
export const defaultMaxFrameSize = 16_384;
export const maxWindowSize = 2 ** 31 - 1;
export const maxAllowedFrameSize = 2 ** 24 - 1;

export interface FrameHeader {
  length: number;
  type: number;
  flags: number;
  streamId: number;
}

export function readFrameHeader(buffer: Buffer, offset: number): FrameHeader {
  return {
    length: buffer.readUIntBE(offset, 3),
    type: buffer[offset + 3]!,
    flags: buffer[offset + 4]!,
    streamId: buffer.readUInt32BE(offset + 5) & 0x7fffffff, // the reserved bit is ignored
  };
}

/** The 9-octet header of a frame whose payload follows separately. */
export function frameHeader(type: number, flags: number, streamId: number, length: number): Buffer {
  const header = Buffer.allocUnsafe(frameHeaderBytes);
  writeFrameHeader(header, 0, type, flags, streamId, length);
  return header;
}

/** Writes a frame header into `out` at `at`, byte by byte (Buffer's checked writers cost more per frame). */
export function writeFrameHeader(out: Uint8Array, at: number, type: number, flags: number, streamId: number, length: number): void {
  out[at] = length >>> 16;
  out[at + 1] = (length >>> 8) & 0xff;
  out[at + 2] = length & 0xff;
  out[at + 3] = type;
  out[at + 4] = flags;
  out[at + 5] = (streamId >>> 24) & 0x7f;
  out[at + 6] = (streamId >>> 16) & 0xff;
  out[at + 7] = (streamId >>> 8) & 0xff;
  out[at + 8] = streamId & 0xff;
}

/** A whole frame in one buffer. */
export function frame(type: number, flags: number, streamId: number, payload: Uint8Array = Buffer.alloc(0)): Buffer {
  const out = Buffer.allocUnsafe(frameHeaderBytes + payload.length);
  writeFrameHeader(out, 0, type, flags, streamId, payload.length);
  out.set(payload, frameHeaderBytes);
  return out;
}

export function settingsFrame(settings: readonly (readonly [id: number, value: number])[]): Buffer {
  const payload = Buffer.allocUnsafe(6 * settings.length);
  for (const [i, [id, value]] of settings.entries()) {
    payload.writeUInt16BE(id, 6 * i);
    payload.writeUInt32BE(value, 6 * i + 2);
  }
  return frame(FrameType.settings, 0, 0, payload);
}

export function windowUpdateFrame(streamId: number, increment: number): Buffer {
  const payload = Buffer.allocUnsafe(4);
  payload.writeUInt32BE(increment, 0);
  return frame(FrameType.windowUpdate, 0, streamId, payload);
}

export function rstStreamFrame(streamId: number, code: number): Buffer {
  const payload = Buffer.allocUnsafe(4);
  payload.writeUInt32BE(code, 0);
  return frame(FrameType.rstStream, 0, streamId, payload);
}

export function goawayFrame(lastStreamId: number, code: number, debug = ""): Buffer {
  const text = Buffer.from(debug);
  const payload = Buffer.allocUnsafe(8 + text.length);
  payload.writeUInt32BE(lastStreamId, 0);
  payload.writeUInt32BE(code, 4);
  text.copy(payload, 8);
  return frame(FrameType.goaway, 0, 0, payload);
}

/**
 * The payload of a DATA or HEADERS frame without its padding (section 6.1): with PADDED, the
 * first octet says how many octets of padding end the frame. Undefined when that is too many.
 */
export function withoutPadding(payload: Buffer, flags: number): Buffer | undefined {
  if ((flags & Flags.padded) === 0) return payload;
  if (payload.length < 1) return undefined;
  const padding = payload[0]!;
  if (padding >= payload.length) return undefined;
  return payload.subarray(1, payload.length - padding);
}
