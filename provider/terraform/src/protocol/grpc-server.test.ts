// The gRPC layer on our HTTP/2 server, over mutual TLS as Terraform connects, driven by Node's
// own HTTP/2 client: statuses, message limits, idle streams and closing.
import { mkdtempSync, rmSync } from "node:fs";
import * as http2 from "node:http2";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect as tlsConnect } from "node:tls";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSelfSignedCertificate, type SelfSignedCertificate } from "./certificate.js";
import { createGrpcServer, GrpcError, grpcStatus, type GrpcServer, type IdleStream, type UnaryMethod } from "./grpc-server.js";

let serverSide: SelfSignedCertificate;
let clientSide: SelfSignedCertificate;
let stranger: SelfSignedCertificate;
const dirs: string[] = [];
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  [serverSide, clientSide, stranger] = await Promise.all([createSelfSignedCertificate(), createSelfSignedCertificate(), createSelfSignedCertificate()]);
});

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const opened: IdleStream[] = [];

async function startServer(maxMessageBytes = 1024 * 1024): Promise<{ server: GrpcServer; path: string }> {
  const dir = mkdtempSync(join(tmpdir(), "callplane-grpc-"));
  dirs.push(dir);
  const path = join(dir, "plugin.sock");
  const server = createGrpcServer(
    {
      unary: new Map<string, UnaryMethod>([
        ["/test.Service/Echo", async (request: Buffer) => request],
        ["/test.Service/Fail", async () => { throw new GrpcError(grpcStatus.internal, "naïve 100% failure"); }],
        ["/test.Service/Throw", async () => { throw new Error("plain error"); }],
        ["/test.Service/Hang", () => new Promise<Uint8Array>(() => undefined)],
      ]),
      streams: new Map([["/test.Service/Idle", (stream: IdleStream) => void opened.push(stream)]]),
    },
    { tls: { key: serverSide.privateKeyPem, cert: serverSide.certificatePem, clientCa: clientSide.certificatePem }, maxMessageBytes },
  );
  await server.listen(path);
  cleanups.push(() => server.close(0, () => undefined));
  return { server, path };
}

function connect(path: string, client: SelfSignedCertificate | null = clientSide): http2.ClientHttp2Session {
  const session = http2.connect("https://localhost", {
    createConnection: () =>
      tlsConnect({ path, servername: "localhost", ca: serverSide.certificatePem, key: client?.privateKeyPem, cert: client?.certificatePem, ALPNProtocols: ["h2"] }),
  });
  session.on("error", () => undefined);
  cleanups.push(() => session.destroy());
  return session;
}

/** gRPC's message framing: no compression, a 4-octet length, the message. */
const framed = (message: Buffer) => {
  const header = Buffer.alloc(5);
  header.writeUInt32BE(message.length, 1);
  return Buffer.concat([header, message]);
};

interface Call {
  headers: http2.IncomingHttpHeaders;
  body: Buffer;
  trailers: http2.IncomingHttpHeaders;
}

function call(session: http2.ClientHttp2Session, path: string, body: Buffer | undefined): Promise<Call> {
  return new Promise((resolve, reject) => {
    const stream = session.request({ ":method": "POST", ":path": path, "content-type": "application/grpc", te: "trailers" });
    let headers: http2.IncomingHttpHeaders = {};
    let trailers: http2.IncomingHttpHeaders = {};
    const chunks: Buffer[] = [];
    stream.on("response", (h) => (headers = h));
    stream.on("trailers", (t) => (trailers = t));
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("close", () => resolve({ headers, body: Buffer.concat(chunks), trailers }));
    stream.on("error", reject);
    if (body === undefined) return;
    stream.end(body);
  });
}

/** grpc-status from the trailers, or from the headers of a trailers-only answer. */
const statusOf = (answer: Call) => Number(answer.trailers["grpc-status"] ?? answer.headers["grpc-status"]);

describe("gRPC server over mutual TLS", () => {
  it("answers a unary call with one framed message and status OK, after agreeing on h2 by ALPN", async () => {
    const { path } = await startServer();
    const session = connect(path);
    const answer = await call(session, "/test.Service/Echo", framed(Buffer.from("ping")));
    expect(answer.headers[":status"]).toBe(200);
    expect(answer.headers["content-type"]).toBe("application/grpc");
    expect(answer.body).toEqual(framed(Buffer.from("ping")));
    expect(statusOf(answer)).toBe(grpcStatus.ok);
    expect((session.socket as unknown as { alpnProtocol: string }).alpnProtocol).toBe("h2");
  });

  it("answers a large message across many frames and windows", async () => {
    const { path } = await startServer(8 * 1024 * 1024);
    const message = Buffer.alloc(3 * 1024 * 1024, "state ");
    const answer = await call(connect(path), "/test.Service/Echo", framed(message));
    expect(answer.body.equals(framed(message))).toBe(true);
  });

  it.each([["another certificate", () => stranger], ["no certificate", () => null]])("refuses a client with %s", async (_, certificate) => {
    const { path } = await startServer();
    const session = connect(path, certificate());
    // The TLS handshake fails: the call gets no answer at all, whichever way the client reports it.
    const answer = await call(session, "/test.Service/Echo", framed(Buffer.from("ping"))).catch(() => undefined);
    expect(answer?.headers[":status"]).toBeUndefined();
    expect(answer?.body.length ?? 0).toBe(0);
  });

  it("answers RESOURCE_EXHAUSTED for a request above the message limit, and keeps serving", async () => {
    const { path } = await startServer(1000);
    const session = connect(path);
    const refused = await call(session, "/test.Service/Echo", framed(Buffer.alloc(50_000)));
    expect(statusOf(refused)).toBe(grpcStatus.resourceExhausted);
    expect(refused.headers["grpc-message"]).toBe("request larger than 1000 bytes");
    expect(statusOf(await call(session, "/test.Service/Echo", framed(Buffer.from("small"))))).toBe(grpcStatus.ok);
  });

  it("answers UNIMPLEMENTED for an unknown method, and errors with their status and a percent-encoded message", async () => {
    const { path } = await startServer();
    const session = connect(path);
    const unknown = await call(session, "/test.Service/Nope", framed(Buffer.from("")));
    expect(statusOf(unknown)).toBe(grpcStatus.unimplemented);
    expect(unknown.headers["grpc-message"]).toBe("Method not found: /test.Service/Nope");
    const failed = await call(session, "/test.Service/Fail", framed(Buffer.from("")));
    expect(statusOf(failed)).toBe(grpcStatus.internal);
    expect(failed.headers["grpc-message"]).toBe("na%C3%AFve 100%25 failure");
    expect(statusOf(await call(session, "/test.Service/Throw", framed(Buffer.from(""))))).toBe(grpcStatus.unknown);
    expect(statusOf(await call(session, "/test.Service/Echo", Buffer.from([1, 0, 0, 0, 0])))).toBe(grpcStatus.unimplemented); // compressed
    expect(statusOf(await call(session, "/test.Service/Echo", Buffer.from([0, 0])))).toBe(grpcStatus.internal);
  });

  it("keeps idle streams open until closing, then ends them with status OK and finishes within the grace", async () => {
    const { server, path } = await startServer();
    const session = connect(path);
    const idle = call(session, "/test.Service/Idle", undefined);
    const hanging = call(session, "/test.Service/Hang", framed(Buffer.from("")));
    await expect.poll(() => opened.length).toBeGreaterThan(0);
    const started = performance.now();
    await new Promise<void>((resolve) => server.close(300, resolve));
    expect(performance.now() - started).toBeLessThan(2000);
    const ended = await idle;
    expect(ended.headers[":status"]).toBe(200);
    expect(statusOf(ended)).toBe(grpcStatus.ok);
    await hanging.catch(() => undefined); // cut off at the grace's end
  });

  it("finishes closing at once when no call is open", async () => {
    const { server, path } = await startServer();
    const session = connect(path);
    expect(statusOf(await call(session, "/test.Service/Echo", framed(Buffer.from("x"))))).toBe(grpcStatus.ok);
    const started = performance.now();
    await new Promise<void>((resolve) => server.close(5000, resolve));
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
