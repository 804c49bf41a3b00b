// The part of gRPC that Terraform's plugin client uses, served straight from
// node:http2: unary calls, plus streams that stay open without messages.
// A full gRPC library costs a third of the plugin's launch time and much of
// its memory, and the plugin launches 3-5 times per Terraform command.
// node:http2 is loaded when the server starts, not when this module loads: the single executable
// snapshots every module at build time, and Node cannot snapshot node:http2 (or node:http).
import type * as Http2 from "node:http2";

const loadHttp2 = () => process.getBuiltinModule("node:http2");

export const grpcStatus = { ok: 0, unknown: 2, resourceExhausted: 8, unimplemented: 12, internal: 13 } as const;

/** A failure that becomes the call's gRPC status instead of a response message. */
export class GrpcError extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

/** Answers one request message (the bytes after gRPC framing) with one response message. */
export type UnaryMethod = (request: Buffer) => Promise<Uint8Array>;

/** A stream we never send on: `end` finishes it with status OK. */
export interface IdleStream {
  end(): void;
}

export interface GrpcMethods {
  unary: Map<string, UnaryMethod>;
  /** Called with each open stream; the stream ends when the client ends its side. */
  streams: Map<string, (stream: IdleStream) => void>;
}

export interface GrpcServerOptions {
  /** Mutual TLS; plain HTTP/2 when absent. */
  tls?: { key: string; cert: string; clientCa: string };
  maxMessageBytes: number;
}

export interface GrpcServer {
  listen(path: string): Promise<void>;
  /** Closes every connection, giving open calls at most `graceMs`, then calls `done`. */
  close(graceMs: number, done: () => void): void;
}

export function createGrpcServer(methods: GrpcMethods, options: GrpcServerOptions): GrpcServer {
  const http2 = loadHttp2();
  const settings = { maxHeaderListSize: 64 * 1024 };
  const server = options.tls
    ? http2.createSecureServer({
        key: options.tls.key,
        cert: options.tls.cert,
        ca: options.tls.clientCa,
        requestCert: true,
        rejectUnauthorized: true, // only the Terraform process that launched us holds the matching key
        maxSessionMemory: 1024, // MB; large states are legitimate
        settings,
      })
    : http2.createServer({ maxSessionMemory: 1024, settings });
  const sessions = new Set<Http2.ServerHttp2Session>();
  const idle = new Set<IdleStream>();

  server.on("session", (session) => {
    sessions.add(session);
    session.on("close", () => sessions.delete(session));
    session.on("error", () => undefined); // a broken connection is the client's to report
  });
  // A client without the announced certificate is refused during the TLS handshake.
  server.on("tlsClientError", () => undefined);

  server.on("stream", (stream, headers) => {
    stream.on("error", () => undefined);
    const path = String(headers[":path"]);
    const unary = methods.unary.get(path);
    if (unary) {
      serveUnary(stream, unary, options.maxMessageBytes);
      return;
    }
    const open = methods.streams.get(path);
    if (open) {
      stream.respond(responseHeaders, { waitForTrailers: true });
      stream.on("wantTrailers", () => stream.sendTrailers({ "grpc-status": String(grpcStatus.ok) }));
      let ended = false;
      const handle: IdleStream = {
        end() {
          if (ended) return;
          ended = true;
          idle.delete(handle);
          if (!stream.closed) stream.end();
        },
      };
      idle.add(handle);
      stream.on("data", () => undefined);
      stream.on("end", () => handle.end());
      stream.on("close", () => idle.delete(handle));
      open(handle);
      return;
    }
    failEarly(stream, grpcStatus.unimplemented, `Method not found: ${path}`);
  });

  return {
    listen: (path) =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(path, () => {
          server.off("error", reject);
          resolve();
        });
      }),
    close(graceMs, done) {
      for (const stream of [...idle]) stream.end();
      let finished = false;
      const finish = () => {
        if (finished) return;
        finished = true;
        done();
      };
      setTimeout(() => {
        for (const session of sessions) session.destroy();
        finish();
      }, graceMs).unref();
      server.close(() => finish());
      for (const session of sessions) session.close();
    },
  };
}

const responseHeaders = { ":status": 200, "content-type": "application/grpc" };

function serveUnary(stream: Http2.ServerHttp2Stream, method: UnaryMethod, maxMessageBytes: number): void {
  const chunks: Buffer[] = [];
  let received = 0;
  let refused = false;
  stream.on("data", (chunk: Buffer) => {
    if (refused) return;
    received += chunk.length;
    if (received > maxMessageBytes + 5) {
      refused = true;
      failEarly(stream, grpcStatus.resourceExhausted, `request larger than ${maxMessageBytes} bytes`);
      return;
    }
    chunks.push(chunk);
  });
  stream.on("end", () => {
    if (refused) return;
    let request: Buffer;
    try {
      request = unframe(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    } catch (error) {
      failEarly(stream, error instanceof GrpcError ? error.code : grpcStatus.internal, (error as Error).message);
      return;
    }
    method(request).then(
      (response) => {
        if (stream.closed) return;
        const frame = Buffer.allocUnsafe(5 + response.length);
        frame[0] = 0;
        frame.writeUInt32BE(response.length, 1);
        frame.set(response, 5);
        stream.respond(responseHeaders, { waitForTrailers: true });
        stream.on("wantTrailers", () => stream.sendTrailers({ "grpc-status": String(grpcStatus.ok) }));
        stream.end(frame);
      },
      (error: unknown) => {
        const code = error instanceof GrpcError ? error.code : grpcStatus.unknown;
        failEarly(stream, code, error instanceof Error ? error.message : String(error));
      },
    );
  });
}

/** The one message of a unary request, without its 5-byte gRPC frame header. */
function unframe(body: Buffer): Buffer {
  if (body.length < 5) throw new GrpcError(grpcStatus.internal, "request has no message");
  if (body[0] !== 0) throw new GrpcError(grpcStatus.unimplemented, "compressed messages are not supported");
  const length = body.readUInt32BE(1);
  if (body.length !== 5 + length) throw new GrpcError(grpcStatus.internal, "request is not exactly one message");
  return body.subarray(5);
}

/** A status without a message: gRPC's "trailers-only" response. */
function failEarly(stream: Http2.ServerHttp2Stream, code: number, message: string): void {
  if (stream.closed || stream.headersSent) {
    stream.close(loadHttp2().constants.NGHTTP2_INTERNAL_ERROR);
    return;
  }
  stream.respond({ ...responseHeaders, "grpc-status": String(code), "grpc-message": percentEncode(message) }, { endStream: true });
}

/** grpc-message is percent-encoded UTF-8 outside printable ASCII. */
function percentEncode(message: string): string {
  let out = "";
  for (const byte of Buffer.from(message)) {
    out += byte >= 0x20 && byte <= 0x7e && byte !== 0x25 ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}
