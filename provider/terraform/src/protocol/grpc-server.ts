// The part of gRPC that Terraform's plugin client uses, served on our own HTTP/2 server
// (./http2/): unary calls, plus streams that stay open without messages.
// A full gRPC library costs a third of the plugin's launch time and much of its memory, and
// node:http2 alone costs ~5.5 ms of every launch (it loads node:http, its client and server,
// readline and more) and cannot be part of the single executable's startup snapshot; the
// plugin launches 3-5 times per Terraform command.
// node:tls cannot be snapshotted either: it is loaded when a TLS server starts, not when this
// module loads. Everything else here is evaluated at module load, so the snapshot holds it.
import { createServer as createNetServer, type Socket } from "node:net";
import type { SecureContext, TLSSocket } from "node:tls";
import { ServerConnection, type ServerStream } from "./http2/connection.js";
import { ErrorCode } from "./http2/frames.js";
import type { HeaderField } from "./http2/hpack.js";

const loadTls = () => process.getBuiltinModule("node:tls");

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
  const connections = new Set<ServerConnection>();
  const idle = new Set<IdleStream>();

  const serveConnection = (socket: Socket | TLSSocket) => {
    const connection = new ServerConnection(socket, {
      maxHeaderListBytes: 64 * 1024,
      onStream: (stream) => serveStream(stream, methods, options.maxMessageBytes, idle),
      onClose: () => connections.delete(connection),
    });
    connections.add(connection);
  };

  // With TLS, the TLS layer is put on each accepted socket, so that loading node:tls and
  // building the TLS context (~3 ms) can wait until the handshake line is out: Terraform reads
  // it and prepares its own connection meanwhile (see `listen`).
  const secure = options.tls ? secureSockets(options.tls, serveConnection) : undefined;
  const server = createNetServer(secure?.accept ?? serveConnection);

  return {
    listen: (path) =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(path, () => {
          server.off("error", reject);
          server.on("error", () => undefined); // errors of accepted sockets are their connection's
          resolve();
          // After the caller's continuation has printed the handshake line; before any connection.
          if (secure) setImmediate(secure.prepare);
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
        for (const connection of connections) connection.destroy();
        finish();
      }, graceMs).unref();
      server.close(() => finish());
      for (const connection of connections) connection.close();
    },
  };
}

/**
 * Mutual TLS on accepted sockets. `prepare` loads node:tls and builds the context; `accept`
 * does so first if it has not happened yet.
 */
function secureSockets(tls: NonNullable<GrpcServerOptions["tls"]>, serve: (socket: TLSSocket) => void) {
  const announced = pemCertificates(tls.clientCa);
  let context: SecureContext | undefined;
  const prepare = () => {
    context ??= loadTls().createSecureContext({
      key: tls.key,
      cert: tls.cert,
      // Whenever `ca` is absent or names a certificate, Node first builds a store of its ~150
      // bundled root CAs: ~3 ms of every launch. An empty list builds none, so OpenSSL cannot
      // verify the client's certificate itself, and `accept` serves a connection only once the
      // TLS handshake has proved the client holds the key of exactly the certificate Terraform
      // announced; any other connection is closed before a byte of it is read.
      ca: [],
    });
    return context;
  };
  const accept = (socket: Socket) => {
    const secured = new (loadTls().TLSSocket)(socket, {
      isServer: true,
      secureContext: prepare(),
      requestCert: true,
      rejectUnauthorized: false,
      ALPNProtocols: alpnH2, // grpc-go refuses a server that does not agree on h2
    });
    secured.on("error", () => secured.destroy()); // a failed handshake is the client's to report
    secured.once("secure", () => {
      const presented = secured.getPeerX509Certificate()?.raw;
      if (presented && announced.some((der) => der.equals(presented))) serve(secured);
      else secured.destroy();
    });
  };
  return { prepare, accept };
}

/** ALPN's wire form of ["h2"], so Node need not convert the list for every connection. */
const alpnH2 = Buffer.from([2, 0x68, 0x32]);

/** The DER of each certificate in a PEM text. */
function pemCertificates(pem: string): Buffer[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => Buffer.from(block.replace(/-----[A-Z ]+-----|\s/g, ""), "base64"));
}

const responseHeaders: readonly HeaderField[] = [
  [":status", "200"],
  ["content-type", "application/grpc"],
];
const okTrailers: readonly HeaderField[] = [["grpc-status", String(grpcStatus.ok)]];

function serveStream(stream: ServerStream, methods: GrpcMethods, maxMessageBytes: number, idle: Set<IdleStream>): void {
  const path = stream.headers.get(":path")!;
  const unary = methods.unary.get(path);
  if (unary) {
    serveUnary(stream, unary, maxMessageBytes);
    return;
  }
  const open = methods.streams.get(path);
  if (open) {
    stream.respond(responseHeaders);
    const handle: IdleStream = {
      end() {
        idle.delete(handle);
        stream.end(okTrailers);
      },
    };
    idle.add(handle);
    stream.onEnd = () => handle.end();
    stream.onClose = () => idle.delete(handle);
    open(handle);
    return;
  }
  failEarly(stream, grpcStatus.unimplemented, `Method not found: ${path}`);
}

function serveUnary(stream: ServerStream, method: UnaryMethod, maxMessageBytes: number): void {
  const chunks: Buffer[] = [];
  let received = 0;
  let refused = false;
  stream.onData = (chunk) => {
    if (refused) return;
    received += chunk.length;
    if (received > maxMessageBytes + 5) {
      refused = true;
      chunks.length = 0;
      failEarly(stream, grpcStatus.resourceExhausted, `request larger than ${maxMessageBytes} bytes`);
      return;
    }
    chunks.push(chunk);
  };
  stream.onEnd = () => {
    if (refused) return;
    let request: Buffer;
    try {
      request = unframe(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    } catch (error) {
      failEarly(stream, error instanceof GrpcError ? error.code : grpcStatus.internal, (error as Error).message);
      return;
    }
    chunks.length = 0;
    Promise.resolve(request)
      .then(method)
      .then(
        (response) => {
          if (stream.isClosed) return;
          // The message after its 5-byte gRPC prefix, answered in one write with headers and trailers.
          const prefix = Buffer.allocUnsafe(5);
          prefix[0] = 0;
          prefix.writeUInt32BE(response.length, 1);
          stream.respondWhole(responseHeaders, [prefix, response], okTrailers);
        },
        (error: unknown) => {
          const code = error instanceof GrpcError ? error.code : grpcStatus.unknown;
          failEarly(stream, code, error instanceof Error ? error.message : String(error));
        },
      );
  };
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
function failEarly(stream: ServerStream, code: number, message: string): void {
  if (stream.isClosed) return;
  if (stream.hasResponded) {
    stream.reset(ErrorCode.internalError);
    return;
  }
  stream.respond([...responseHeaders, ["grpc-status", String(code)], ["grpc-message", percentEncode(message)]], true);
}
/** grpc-message is percent-encoded UTF-8 outside printable ASCII. */
function percentEncode(message: string): string {
  let out = "";
  for (const byte of Buffer.from(message)) {
    out += byte >= 0x20 && byte <= 0x7e && byte !== 0x25 ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}
