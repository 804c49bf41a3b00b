// The server side of one HTTP/2 connection (RFC 9113) over a socket the caller accepted (TLS or
// plain): the preface, settings, PING, flow control both ways, header blocks with CONTINUATION,
// streams opened by the client, RST_STREAM and GOAWAY. Server push and priorities are not used.
import type { Duplex } from "node:stream";
import {
  clientPreface,
  defaultMaxFrameSize,
  defaultWindowSize,
  ErrorCode,
  Flags,
  frame,
  frameHeader,
  frameHeaderBytes,
  FrameType,
  goawayFrame,
  maxAllowedFrameSize,
  maxWindowSize,
  readFrameHeader,
  rstStreamFrame,
  Setting,
  settingsFrame,
  windowUpdateFrame,
  withoutPadding,
  writeFrameHeader,
} from "./frames.js";
import { encodeHeaders, HpackDecoder, HpackError, type HeaderField } from "./hpack.js";

/**
 * How much the client may send ahead of our reading, per stream and per connection. We read
 * everything as it arrives, so a large window only saves round trips on large requests.
 */
const receiveWindow = 1024 * 1024;
/** Frames we accept are at most this long: the protocol's default. */
const maxReceiveFrame = defaultMaxFrameSize;

export interface ConnectionOptions {
  /** Largest header list (RFC 9113 section 6.5.2 size) a request may carry; larger ones are refused. */
  maxHeaderListBytes: number;
  /** Called with each new request stream once its headers are in. */
  onStream(stream: ServerStream): void;
  /** Called once when the socket is gone. */
  onClose?(): void;
}

/** A protocol violation: `code` goes into RST_STREAM (with `streamId`) or else GOAWAY. */
class ProtocolError extends Error {
  constructor(readonly code: number, message: string, readonly streamId = 0) {
    super(message);
  }
}

export class ServerConnection {
  private readonly streams = new Map<number, ServerStream>();
  /** Streams with data or an end waiting for flow-control window. */
  private readonly sending = new Set<ServerStream>();
  private readonly decoder = new HpackDecoder();
  /** Received octets not yet made into a frame. */
  private input: Buffer = Buffer.alloc(0);
  private prefaceReceived = false;
  private settingsReceived = false;
  /** A header block spread over HEADERS and CONTINUATION frames. */
  private headerBlock: { streamId: number; flags: number; chunks: Buffer[]; length: number } | undefined;
  /** The highest stream the client opened: GOAWAY names it, and new streams must be above it. */
  private lastStreamId = 0;
  private goawaySent = false;
  private goawayReceived = false;
  private closed = false;

  // Flow control of what we send: the client's settings and windows.
  private peerInitialWindow = defaultWindowSize;
  private peerMaxFrame = defaultMaxFrameSize;
  private sendWindow = defaultWindowSize;
  // Of what we receive: octets the client may still send on the connection.
  private receiveWindow = defaultWindowSize;

  constructor(private readonly socket: Duplex, private readonly options: ConnectionOptions) {
    socket.on("data", (chunk: Buffer) => this.receive(chunk));
    socket.on("error", () => socket.destroy()); // a broken connection is the client's to report
    socket.on("close", () => this.socketClosed());
    socket.on("end", () => socket.end());
    // Our preface: settings, and the connection window raised to match the stream windows.
    this.write(
      Buffer.concat([
        settingsFrame([
          [Setting.maxConcurrentStreams, 1000],
          [Setting.initialWindowSize, receiveWindow],
          [Setting.maxHeaderListSize, options.maxHeaderListBytes],
        ]),
        windowUpdateFrame(0, receiveWindow - defaultWindowSize),
      ]),
    );
    this.receiveWindow = receiveWindow;
  }

  /** Graceful close (GOAWAY): open streams finish, new ones are refused, then the socket ends. */
  close(): void {
    if (this.closed || this.goawaySent) return;
    this.goawaySent = true;
    this.write(goawayFrame(this.lastStreamId, ErrorCode.noError));
    this.endIfIdle();
  }

  destroy(): void {
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    if (this.closed) return;
    this.input = this.input.length === 0 ? chunk : Buffer.concat([this.input, chunk]);
    try {
      this.readFrames();
    } catch (error) {
      this.fail(error);
    }
  }

  private readFrames(): void {
    if (!this.prefaceReceived) {
      const seen = Math.min(this.input.length, clientPreface.length);
      if (!this.input.subarray(0, seen).equals(clientPreface.subarray(0, seen))) {
        throw new ProtocolError(ErrorCode.protocolError, "not an HTTP/2 client preface");
      }
      if (seen < clientPreface.length) return;
      this.prefaceReceived = true;
      this.input = this.input.subarray(clientPreface.length);
    }
    let offset = 0;
    while (!this.closed && this.input.length - offset >= frameHeaderBytes) {
      const header = readFrameHeader(this.input, offset);
      if (header.length > maxReceiveFrame) throw new ProtocolError(ErrorCode.frameSizeError, `frame of ${header.length} octets`);
      const end = offset + frameHeaderBytes + header.length;
      if (end > this.input.length) break;
      const payload = this.input.subarray(offset + frameHeaderBytes, end);
      offset = end;
      try {
        this.handleFrame(header.type, header.flags, header.streamId, payload);
      } catch (error) {
        if (!(error instanceof ProtocolError) || error.streamId === 0) throw error;
        this.resetStream(error.streamId, error.code);
      }
    }
    // Keep only the unread rest, copied so a large chunk is not held for a few octets.
    this.input = offset === 0 ? this.input : Buffer.from(this.input.subarray(offset));
  }

  private handleFrame(type: number, flags: number, streamId: number, payload: Buffer): void {
    if (!this.settingsReceived && type !== FrameType.settings) {
      throw new ProtocolError(ErrorCode.protocolError, "the client's preface must start with SETTINGS");
    }
    if (this.headerBlock && type !== FrameType.continuation) {
      throw new ProtocolError(ErrorCode.protocolError, "a header block was interrupted");
    }
    switch (type) {
      case FrameType.data:
        return this.onData(flags, streamId, payload);
      case FrameType.headers:
        return this.onHeaders(flags, streamId, payload);
      case FrameType.priority:
        if (streamId === 0) throw new ProtocolError(ErrorCode.protocolError, "PRIORITY on stream 0");
        if (payload.length !== 5) throw new ProtocolError(ErrorCode.frameSizeError, "PRIORITY length", streamId);
        return; // priorities are advice we do not need
      case FrameType.rstStream:
        return this.onRstStream(streamId, payload);
      case FrameType.settings:
        return this.onSettings(flags, streamId, payload);
      case FrameType.pushPromise:
        throw new ProtocolError(ErrorCode.protocolError, "clients cannot push");
      case FrameType.ping:
        if (streamId !== 0) throw new ProtocolError(ErrorCode.protocolError, "PING on a stream");
        if (payload.length !== 8) throw new ProtocolError(ErrorCode.frameSizeError, "PING length");
        if ((flags & Flags.ack) === 0) this.write(frame(FrameType.ping, Flags.ack, 0, payload));
        return;
      case FrameType.goaway:
        if (streamId !== 0) throw new ProtocolError(ErrorCode.protocolError, "GOAWAY on a stream");
        // The client opens no more streams; the ones it has keep going.
        this.goawayReceived = true;
        return this.endIfIdle();
      case FrameType.windowUpdate:
        return this.onWindowUpdate(streamId, payload);
      case FrameType.continuation:
        return this.onContinuation(flags, streamId, payload);
      default:
        return; // unknown frame types are ignored (section 5.5)
    }
  }

  private onData(flags: number, streamId: number, payload: Buffer): void {
    if (streamId === 0) throw new ProtocolError(ErrorCode.protocolError, "DATA on stream 0");
    // The whole frame, padding included, counts against the windows, whatever becomes of it.
    this.receiveWindow -= payload.length;
    if (this.receiveWindow < 0) throw new ProtocolError(ErrorCode.flowControlError, "the client overran the connection window");
    if (this.receiveWindow <= receiveWindow / 2) {
      this.write(windowUpdateFrame(0, receiveWindow - this.receiveWindow));
      this.receiveWindow = receiveWindow;
    }
    const stream = this.streams.get(streamId);
    if (!stream) {
      if (streamId > this.lastStreamId) throw new ProtocolError(ErrorCode.protocolError, "DATA on an idle stream");
      return; // a stream we closed or reset: what was in flight is dropped
    }
    if (stream.remoteEnded) throw new ProtocolError(ErrorCode.streamClosed, "DATA after END_STREAM", streamId);
    stream.receiveWindow -= payload.length;
    if (stream.receiveWindow < 0) throw new ProtocolError(ErrorCode.flowControlError, "the client overran the stream window", streamId);
    const data = withoutPadding(payload, flags);
    if (!data) throw new ProtocolError(ErrorCode.protocolError, "padding longer than the frame");
    const ended = (flags & Flags.endStream) !== 0;
    if (!ended && stream.receiveWindow <= receiveWindow / 2) {
      this.write(windowUpdateFrame(streamId, receiveWindow - stream.receiveWindow));
      stream.receiveWindow = receiveWindow;
    }
    if (data.length > 0) stream.onData(data);
    if (ended) this.remoteEnd(stream);
  }

  private onHeaders(flags: number, streamId: number, payload: Buffer): void {
    if (streamId === 0) throw new ProtocolError(ErrorCode.protocolError, "HEADERS on stream 0");
    let fragment = withoutPadding(payload, flags);
    if (!fragment) throw new ProtocolError(ErrorCode.protocolError, "padding longer than the frame");
    if (flags & Flags.priority) {
      if (fragment.length < 5) throw new ProtocolError(ErrorCode.frameSizeError, "HEADERS too short for its priority");
      fragment = fragment.subarray(5);
    }
    if (flags & Flags.endHeaders) return this.onHeaderBlock(streamId, flags, fragment);
    this.headerBlock = { streamId, flags, chunks: [Buffer.from(fragment)], length: fragment.length };
  }

  private onContinuation(flags: number, streamId: number, payload: Buffer): void {
    const block = this.headerBlock;
    if (!block || block.streamId !== streamId) throw new ProtocolError(ErrorCode.protocolError, "CONTINUATION without its HEADERS");
    block.chunks.push(Buffer.from(payload));
    block.length += payload.length;
    // Compressed, a header block is never larger than its list; this stops an endless one early.
    if (block.length > this.options.maxHeaderListBytes) throw new ProtocolError(ErrorCode.enhanceYourCalm, "header block too large");
    if ((flags & Flags.endHeaders) === 0) return;
    this.headerBlock = undefined;
    this.onHeaderBlock(streamId, block.flags, Buffer.concat(block.chunks));
  }

  private onHeaderBlock(streamId: number, flags: number, block: Buffer): void {
    let fields: HeaderField[];
    try {
      // Decoded even when the stream is then refused: the dynamic table must stay in step.
      fields = this.decoder.decode(block);
    } catch (error) {
      if (error instanceof HpackError) throw new ProtocolError(ErrorCode.compressionError, error.message);
      throw error;
    }
    const ended = (flags & Flags.endStream) !== 0;
    const existing = this.streams.get(streamId);
    if (existing) {
      // Trailers: they must end the stream, and we have no use for them.
      if (!ended || existing.remoteEnded) throw new ProtocolError(ErrorCode.protocolError, "HEADERS in the middle of a stream", streamId);
      return this.remoteEnd(existing);
    }
    // A stream we answered and closed while the client was still sending (section 5.1: frames
    // that were in flight are ignored); it must not cost the connection's other calls.
    if (streamId <= this.lastStreamId) return;
    if (streamId % 2 === 0) throw new ProtocolError(ErrorCode.protocolError, "clients open odd-numbered streams");
    if (this.goawaySent || this.goawayReceived) return; // after GOAWAY: neither opened nor answered
    this.lastStreamId = streamId;

    let listBytes = 0;
    const headers = new Map<string, string>();
    for (const [name, value] of fields) {
      listBytes += name.length + value.length + 32;
      headers.set(name, headers.has(name) ? `${headers.get(name)!}, ${value}` : value);
    }
    if (listBytes > this.options.maxHeaderListBytes) throw new ProtocolError(ErrorCode.refusedStream, "header list too large", streamId);
    if (!headers.has(":path") || headers.get(":method") !== "POST") {
      throw new ProtocolError(ErrorCode.protocolError, "a request needs :path and method POST", streamId);
    }
    const stream = new ServerStream(this, streamId, headers, this.peerInitialWindow);
    this.streams.set(streamId, stream);
    this.options.onStream(stream);
    if (ended) this.remoteEnd(stream);
  }

  private onRstStream(streamId: number, payload: Buffer): void {
    if (streamId === 0) throw new ProtocolError(ErrorCode.protocolError, "RST_STREAM on stream 0");
    if (payload.length !== 4) throw new ProtocolError(ErrorCode.frameSizeError, "RST_STREAM length");
    if (streamId > this.lastStreamId) throw new ProtocolError(ErrorCode.protocolError, "RST_STREAM on an idle stream");
    const stream = this.streams.get(streamId);
    if (stream) this.closeStream(stream);
  }

  private onSettings(flags: number, streamId: number, payload: Buffer): void {
    if (streamId !== 0) throw new ProtocolError(ErrorCode.protocolError, "SETTINGS on a stream");
    if (flags & Flags.ack) {
      if (payload.length !== 0) throw new ProtocolError(ErrorCode.frameSizeError, "SETTINGS ACK with a payload");
      return;
    }
    if (payload.length % 6 !== 0) throw new ProtocolError(ErrorCode.frameSizeError, "SETTINGS length");
    this.settingsReceived = true;
    for (let offset = 0; offset < payload.length; offset += 6) {
      const id = payload.readUInt16BE(offset);
      const value = payload.readUInt32BE(offset + 2);
      if (id === Setting.initialWindowSize) {
        if (value > maxWindowSize) throw new ProtocolError(ErrorCode.flowControlError, "initial window too large");
        // Section 6.9.2: the change applies to every open stream's window.
        const delta = value - this.peerInitialWindow;
        this.peerInitialWindow = value;
        for (const stream of this.streams.values()) {
          stream.sendWindow += delta;
          if (stream.sendWindow > maxWindowSize) throw new ProtocolError(ErrorCode.flowControlError, "stream window too large");
        }
      } else if (id === Setting.maxFrameSize) {
        if (value < defaultMaxFrameSize || value > maxAllowedFrameSize) throw new ProtocolError(ErrorCode.protocolError, "invalid SETTINGS_MAX_FRAME_SIZE");
        this.peerMaxFrame = value;
      } else if (id === Setting.enablePush && value > 1) {
        throw new ProtocolError(ErrorCode.protocolError, "invalid SETTINGS_ENABLE_PUSH");
      }
      // The header table size only bounds an encoder's dynamic table, and ours uses none.
    }
    this.write(frame(FrameType.settings, Flags.ack, 0));
    this.flush();
  }

  private onWindowUpdate(streamId: number, payload: Buffer): void {
    if (payload.length !== 4) throw new ProtocolError(ErrorCode.frameSizeError, "WINDOW_UPDATE length");
    const increment = payload.readUInt32BE(0) & 0x7fffffff;
    if (increment === 0) throw new ProtocolError(ErrorCode.protocolError, "WINDOW_UPDATE of 0", streamId);
    if (streamId === 0) {
      this.sendWindow += increment;
      if (this.sendWindow > maxWindowSize) throw new ProtocolError(ErrorCode.flowControlError, "connection window too large");
    } else {
      const stream = this.streams.get(streamId);
      if (!stream) {
        if (streamId > this.lastStreamId) throw new ProtocolError(ErrorCode.protocolError, "WINDOW_UPDATE on an idle stream");
        return;
      }
      stream.sendWindow += increment;
      if (stream.sendWindow > maxWindowSize) throw new ProtocolError(ErrorCode.flowControlError, "stream window too large", streamId);
    }
    this.flush();
  }

  private remoteEnd(stream: ServerStream): void {
    stream.remoteEnded = true;
    if (stream.localEnded) this.closeStream(stream);
    else stream.onEnd();
  }

  // ---- sending, used by ServerStream ----

  /** @internal */
  sendHeaders(stream: ServerStream, fields: readonly HeaderField[], endStream: boolean): void {
    const block = encodedHeaders(fields);
    const frames: Buffer[] = [];
    for (let offset = 0; offset < block.length || offset === 0; offset += this.peerMaxFrame) {
      const last = offset + this.peerMaxFrame >= block.length;
      const type = offset === 0 ? FrameType.headers : FrameType.continuation;
      const flags = (last ? Flags.endHeaders : 0) | (offset === 0 && endStream ? Flags.endStream : 0);
      frames.push(frame(type, flags, stream.id, block.subarray(offset, offset + this.peerMaxFrame)));
    }
    this.write(frames.length === 1 ? frames[0]! : Buffer.concat(frames));
  }

  /** @internal Sends what the windows allow of every waiting stream's data, then their ends. */
  flush(): void {
    if (this.closed) return;
    this.socket.cork();
    for (const stream of this.sending) {
      while (stream.outbox.length > 0 && this.sendWindow > 0 && stream.sendWindow > 0) {
        const head = stream.outbox[0]!;
        const length = Math.min(head.length, this.sendWindow, stream.sendWindow, this.peerMaxFrame);
        this.socket.write(frameHeader(FrameType.data, 0, stream.id, length));
        this.socket.write(head.subarray(0, length));
        this.sendWindow -= length;
        stream.sendWindow -= length;
        if (length === head.length) stream.outbox.shift();
        else stream.outbox[0] = head.subarray(length);
      }
      if (stream.outbox.length > 0) continue;
      this.sending.delete(stream);
      if (stream.pendingEnd) this.sendEnd(stream, stream.pendingEnd.trailers);
    }
    this.socket.uncork();
  }

  /** @internal */
  queue(stream: ServerStream): void {
    this.sending.add(stream);
    this.flush();
  }

  /**
   * @internal Headers, data and trailers in one socket write: one TLS record and one system call
   * for a whole unary answer, where separate writes cost ~6 of each. False when it cannot be done
   * at once (data already waiting, windows or frame size too small); the caller then sends it
   * piece by piece.
   */
  sendWhole(stream: ServerStream, fields: readonly HeaderField[], data: readonly Uint8Array[], trailers: readonly HeaderField[]): boolean {
    if (this.closed || stream.outbox.length > 0 || this.sending.has(stream)) return false;
    const length = data.reduce((sum, chunk) => sum + chunk.length, 0);
    if (length > this.sendWindow || length > stream.sendWindow || length > this.peerMaxFrame) return false;
    const head = encodedHeaders(fields);
    const tail = encodedHeaders(trailers);
    if (head.length > this.peerMaxFrame || tail.length > this.peerMaxFrame) return false;
    const out = Buffer.allocUnsafe(3 * frameHeaderBytes + head.length + length + tail.length);
    let at = 0;
    const put = (type: number, flags: number, payloadLength: number, payload: readonly Uint8Array[]) => {
      writeFrameHeader(out, at, type, flags, stream.id, payloadLength);
      at += frameHeaderBytes;
      for (const chunk of payload) {
        out.set(chunk, at);
        at += chunk.length;
      }
    };
    put(FrameType.headers, Flags.endHeaders, head.length, [head]);
    put(FrameType.data, 0, length, data);
    put(FrameType.headers, Flags.endHeaders | Flags.endStream, tail.length, [tail]);
    this.sendWindow -= length;
    stream.sendWindow -= length;
    this.write(out);
    this.localEnd(stream);
    return true;
  }

  /** @internal Headers that are the whole rest of the response (gRPC's trailers-only answer). */
  endWithHeaders(stream: ServerStream, fields: readonly HeaderField[]): void {
    stream.pendingEnd = undefined;
    stream.outbox.length = 0;
    this.sending.delete(stream);
    this.sendHeaders(stream, fields, true);
    this.localEnd(stream);
  }

  private sendEnd(stream: ServerStream, trailers: readonly HeaderField[] | undefined): void {
    stream.pendingEnd = undefined;
    if (trailers) this.sendHeaders(stream, trailers, true);
    else this.write(frame(FrameType.data, Flags.endStream, stream.id));
    this.localEnd(stream);
  }

  private localEnd(stream: ServerStream): void {
    stream.localEnded = true;
    // Section 8.1: the answer is complete; ask the client to stop sending the request.
    if (!stream.remoteEnded) this.write(rstStreamFrame(stream.id, ErrorCode.noError));
    this.closeStream(stream);
  }

  /** @internal */
  resetStream(streamId: number, code: number): void {
    this.write(rstStreamFrame(streamId, code));
    const stream = this.streams.get(streamId);
    if (stream) this.closeStream(stream);
  }

  private closeStream(stream: ServerStream): void {
    if (stream.closed) return;
    stream.closed = true;
    stream.outbox.length = 0;
    this.sending.delete(stream);
    this.streams.delete(stream.id);
    stream.onClose();
    this.endIfIdle();
  }

  private endIfIdle(): void {
    if ((this.goawaySent || this.goawayReceived) && this.streams.size === 0 && !this.closed) this.socket.end();
  }

  private write(bytes: Buffer): void {
    if (!this.closed && !this.socket.destroyed) this.socket.write(bytes);
  }

  /** A connection error: GOAWAY with its code, and the connection is gone; other connections go on. */
  private fail(error: unknown): void {
    const code = error instanceof ProtocolError ? error.code : ErrorCode.internalError;
    this.write(goawayFrame(this.lastStreamId, code, error instanceof Error ? error.message : ""));
    this.socket.end();
    this.socketClosed();
    setTimeout(() => this.socket.destroy(), 1000).unref();
  }

  private socketClosed(): void {
    if (this.closed) return;
    this.closed = true;
    for (const stream of [...this.streams.values()]) this.closeStream(stream);
    this.options.onClose?.();
  }
}

/**
 * Header blocks of field lists used again and again (a gRPC server's response headers and OK
 * trailers), encoded once: the encoder keeps no table, so a list always encodes the same.
 */
const encodedBlocks = new WeakMap<readonly HeaderField[], Buffer>();
function encodedHeaders(fields: readonly HeaderField[]): Buffer {
  let block = encodedBlocks.get(fields);
  if (!block) encodedBlocks.set(fields, (block = encodeHeaders(fields)));
  return block;
}

/**
 * One request stream. The caller sets the `on*` callbacks in `onStream`; data arrives as it
 * comes, `onEnd` when the client has sent all of it, `onClose` once the stream is over either way.
 */
export class ServerStream {
  onData: (chunk: Buffer) => void = () => undefined;
  onEnd: () => void = () => undefined;
  onClose: () => void = () => undefined;
  /** @internal */ remoteEnded = false;
  /** @internal */ localEnded = false;
  /** @internal */ closed = false;
  /** @internal */ receiveWindow = receiveWindow;
  /** @internal */ readonly outbox: Buffer[] = [];
  /** @internal */ pendingEnd: { trailers: readonly HeaderField[] | undefined } | undefined;
  private headersSent = false;

  constructor(
    private readonly connection: ServerConnection,
    readonly id: number,
    readonly headers: ReadonlyMap<string, string>,
    /** @internal */ public sendWindow: number,
  ) {}

  get isClosed(): boolean {
    return this.closed;
  }

  get hasResponded(): boolean {
    return this.headersSent;
  }

  /** Sends the response headers; with `endStream` they are the whole response. */
  respond(fields: readonly HeaderField[], endStream = false): void {
    if (this.closed || this.headersSent) return;
    this.headersSent = true;
    if (endStream) this.connection.endWithHeaders(this, fields);
    else this.connection.sendHeaders(this, fields, false);
  }

  /**
   * A whole answer: headers, data (its chunks in order, copied once into the frame) and trailers,
   * in one write when the client's windows allow it, else as `respond`, `write` and `end` would
   * send them.
   */
  respondWhole(fields: readonly HeaderField[], data: readonly Uint8Array[], trailers: readonly HeaderField[]): void {
    if (this.closed || this.headersSent || this.pendingEnd || this.localEnded) return;
    this.headersSent = true;
    if (this.connection.sendWhole(this, fields, data, trailers)) return;
    this.connection.sendHeaders(this, fields, false);
    for (const chunk of data) this.write(chunk);
    this.end(trailers);
  }

  /** Queues response data; it goes out as the client's windows allow. */
  write(data: Uint8Array): void {
    if (this.closed || this.pendingEnd || data.length === 0) return;
    this.outbox.push(Buffer.from(data.buffer, data.byteOffset, data.length));
    this.connection.queue(this);
  }

  /** Ends the response after the queued data, with `trailers` if given. */
  end(trailers?: readonly HeaderField[]): void {
    if (this.closed || this.pendingEnd || this.localEnded) return;
    this.pendingEnd = { trailers };
    this.connection.queue(this);
  }

  /** Abandons the stream with RST_STREAM. */
  reset(code: number = ErrorCode.internalError): void {
    if (!this.closed) this.connection.resetStream(this.id, code);
  }
}
