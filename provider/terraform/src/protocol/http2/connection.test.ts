// Our HTTP/2 server side driven by Node's own HTTP/2 client (nghttp2), and by hand-made frames
// where a client would not misbehave on its own.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import * as http2 from "node:http2";
import { connect as netConnect, createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServerConnection, type ServerStream } from "./connection.js";
import { clientPreface, ErrorCode, Flags, frame, FrameType, readFrameHeader, settingsFrame } from "./frames.js";
import { huffmanEncode } from "./huffman.js";

const dir = mkdtempSync(join(tmpdir(), "callplane-h2-"));
const socketPath = join(dir, "h2.sock");
let server: Server;
const connections = new Set<ServerConnection>();
const closedStreams: number[] = [];
/** Octets the server has read from all clients. */
let receivedBytes = 0;
/** Calls of `write` on the server's sockets, all connections together. */
let socketWrites = 0;
/** For each `/whole` answer, how many socket writes it took. */
const writesPerWholeAnswer: number[] = [];

/**
 * A test application: `/echo` answers the request body; `/headers` answers the request headers
 * as JSON; `/size` answers the body's length and sha256; `/big?n` answers n octets; `/hang`
 * never answers.
 */
function application(stream: ServerStream): void {
  const path = stream.headers.get(":path")!;
  const chunks: Buffer[] = [];
  stream.onData = (chunk) => chunks.push(Buffer.from(chunk));
  stream.onClose = () => closedStreams.push(stream.id);
  if (path === "/hang") return;
  stream.onEnd = () => {
    const body = Buffer.concat(chunks);
    if (path.startsWith("/whole?")) {
      const before = socketWrites;
      // In two chunks, as a gRPC answer comes (its prefix, then the message).
      const length = Number(path.slice(7));
      stream.respondWhole([[":status", "200"], ["content-type", "application/octet-stream"]], [Buffer.alloc(5, 9), Buffer.alloc(length - 5, 9)], [["x-done", "yes"]]);
      writesPerWholeAnswer.push(socketWrites - before);
      return;
    }
    stream.respond([[":status", "200"], ["content-type", "application/octet-stream"]]);
    if (path === "/echo") stream.write(body);
    if (path === "/headers") stream.write(Buffer.from(JSON.stringify(Object.fromEntries(stream.headers))));
    if (path === "/size") stream.write(Buffer.from(`${body.length} ${createHash("sha256").update(body).digest("hex")}`));
    if (path.startsWith("/big?")) stream.write(Buffer.alloc(Number(path.slice(5)), 7));
    stream.end([["x-done", "yes"]]);
  };
}

beforeAll(async () => {
  server = createServer((socket) => {
    socket.on("data", (chunk: Buffer) => (receivedBytes += chunk.length));
    const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
    socket.write = ((...args: unknown[]) => {
      socketWrites++;
      return write(...args);
    }) as typeof socket.write;
    const connection = new ServerConnection(socket, { maxHeaderListBytes: 64 * 1024, onStream: application, onClose: () => connections.delete(connection) });
    connections.add(connection);
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
});

afterAll(() => {
  for (const connection of connections) connection.destroy();
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

function client(settings: http2.Settings = {}, options: http2.ClientSessionOptions = {}): http2.ClientHttp2Session {
  const session = http2.connect("http://localhost", { ...options, settings, createConnection: () => netConnect(socketPath) });
  session.on("error", () => undefined);
  return session;
}

interface Answer {
  status: number | undefined;
  body: Buffer;
  trailers: http2.IncomingHttpHeaders;
}

function request(session: http2.ClientHttp2Session, path: string, body: Buffer | string = "", headers: http2.OutgoingHttpHeaders = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const stream = session.request({ ":method": "POST", ":path": path, ...headers });
    let status: number | undefined;
    let trailers: http2.IncomingHttpHeaders = {};
    const chunks: Buffer[] = [];
    stream.on("response", (h) => (status = h[":status"]));
    stream.on("trailers", (t) => (trailers = t));
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => resolve({ status, body: Buffer.concat(chunks), trailers }));
    stream.on("error", reject);
    stream.end(body);
  });
}

const closeSession = (session: http2.ClientHttp2Session) => new Promise<void>((resolve) => session.close(resolve));

describe("our HTTP/2 server with Node's client", () => {
  it("answers a request with headers, data and trailers", async () => {
    const session = client();
    const answer = await request(session, "/echo", "hello");
    expect(answer).toMatchObject({ status: 200, trailers: { "x-done": "yes" } });
    expect(answer.body.toString()).toBe("hello");
    await closeSession(session);
  });

  it("sends a whole answer (headers, data, trailers) in one socket write", async () => {
    const session = client();
    writesPerWholeAnswer.length = 0;
    const answer = await request(session, "/whole?1000");
    expect(answer).toMatchObject({ status: 200, trailers: { "x-done": "yes" } });
    expect(answer.body.equals(Buffer.alloc(1000, 9))).toBe(true);
    expect(writesPerWholeAnswer).toEqual([1]);
    await closeSession(session);
  });

  it("sends a whole answer the client's window cannot hold piece by piece, as the window opens", async () => {
    const session = client({ initialWindowSize: 100 });
    writesPerWholeAnswer.length = 0;
    const answer = await request(session, "/whole?1000");
    expect(answer).toMatchObject({ status: 200, trailers: { "x-done": "yes" } });
    expect(answer.body.equals(Buffer.alloc(1000, 9))).toBe(true);
    expect(writesPerWholeAnswer[0]).toBeGreaterThan(1);
    await closeSession(session);
  });

  it("sends a response larger than the client's windows as the client opens them", async () => {
    // nghttp2 treats any octet beyond its window as a FLOW_CONTROL_ERROR, so this fails if we overrun it.
    const session = client({ initialWindowSize: 1000 });
    const answer = await request(session, `/big?${3 * 1024 * 1024 + 17}`);
    expect(answer.body.length).toBe(3 * 1024 * 1024 + 17);
    expect(answer.trailers["x-done"]).toBe("yes");
    await closeSession(session);
  });

  it("receives a request larger than a frame, the default windows and our own windows", async () => {
    const session = client({ maxFrameSize: 16_384 });
    const body = Buffer.alloc(5 * 1024 * 1024 + 3);
    for (let i = 0; i < body.length; i++) body[i] = (i * 31) & 0xff;
    const answer = await request(session, "/size", body);
    expect(answer.body.toString()).toBe(`${body.length} ${createHash("sha256").update(body).digest("hex")}`);
    await closeSession(session);
  });

  it("reads padded DATA and HEADERS frames", async () => {
    const session = client({}, { paddingStrategy: http2.constants.PADDING_STRATEGY_MAX });
    const answer = await request(session, "/echo", Buffer.alloc(40_000, 1));
    expect(answer.body).toEqual(Buffer.alloc(40_000, 1));
    await closeSession(session);
  });

  it("serves many concurrent streams on one connection", async () => {
    const session = client();
    const answers = await Promise.all(Array.from({ length: 150 }, (_, i) => request(session, "/echo", `request ${i} `.repeat(i * 50))));
    for (const [i, answer] of answers.entries()) expect(answer.body.toString()).toBe(`request ${i} `.repeat(i * 50));
    await closeSession(session);
  });

  it("decodes a header block split into HEADERS and CONTINUATION frames", async () => {
    const session = client();
    // Far beyond one 16 KB frame, so nghttp2 sends HEADERS and CONTINUATION frames.
    const large = "x".repeat(40_000);
    const answer = await request(session, "/headers", "", { "x-large": large });
    expect(JSON.parse(answer.body.toString())).toMatchObject({ "x-large": large });
    await closeSession(session);
  });

  it("decodes Huffman-coded headers and the dynamic table the client fills across requests", async () => {
    const session = client();
    const headers = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`x-field-${i}`, `value ${i} `.repeat(12)]));
    const before = receivedBytes;
    const first = await request(session, "/headers", "", headers);
    expect(JSON.parse(first.body.toString())).toMatchObject(headers);
    const firstBytes = receivedBytes - before;
    const secondBefore = receivedBytes;
    // The second time every field is an index into the table the first request filled.
    const second = await request(session, "/headers", "", headers);
    expect(JSON.parse(second.body.toString())).toMatchObject(headers);
    expect(receivedBytes - secondBefore).toBeLessThan(firstBytes / 5);
    await closeSession(session);
  });

  it("answers PING", async () => {
    const session = client();
    await new Promise<void>((resolve) => session.once("connect", () => resolve()));
    const ms = await new Promise<number>((resolve, reject) => session.ping(Buffer.from("8 octets"), (error, duration, payload) => {
      if (error) reject(error);
      else resolve(payload.toString() === "8 octets" ? duration : -1);
    }));
    expect(ms).toBeGreaterThanOrEqual(0);
    await closeSession(session);
  });

  it("closes a stream the client resets mid-call and keeps the connection", async () => {
    const session = client();
    const stream = session.request({ ":method": "POST", ":path": "/hang" });
    stream.write("part of a request");
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closedBefore = closedStreams.length;
    stream.close(http2.constants.NGHTTP2_CANCEL);
    await expect.poll(() => closedStreams.length).toBe(closedBefore + 1);
    expect((await request(session, "/echo", "still here")).body.toString()).toBe("still here");
    await closeSession(session);
  });

  it("closes gracefully with GOAWAY: an open stream finishes, new ones are refused, then the socket ends", async () => {
    const session = client();
    const goaway = new Promise<number>((resolve) => session.on("goaway", (code) => resolve(code)));
    const closed = new Promise<void>((resolve) => session.on("close", () => resolve()));
    const stream = session.request({ ":method": "POST", ":path": "/echo" });
    stream.write("first half, ");
    const answer = new Promise<string>((resolve) => {
      let body = "";
      stream.on("data", (chunk: Buffer) => (body += chunk.toString()));
      stream.on("end", () => resolve(body));
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (const connection of connections) connection.close();
    expect(await goaway).toBe(http2.constants.NGHTTP2_NO_ERROR);
    stream.end("second half");
    expect(await answer).toBe("first half, second half");
    await closed;
  });
});

/** A raw socket speaking frames we make by hand; resolves with the frames the server sent until it closed. */
async function rawExchange(bytes: Buffer): Promise<{ type: number; flags: number; streamId: number; payload: Buffer }[]> {
  const socket = netConnect(socketPath);
  const received: Buffer[] = [];
  socket.on("data", (chunk: Buffer) => received.push(chunk));
  socket.on("error", () => undefined);
  socket.write(bytes);
  await new Promise((resolve) => socket.on("close", resolve));
  const all = Buffer.concat(received);
  const frames = [];
  for (let offset = 0; offset + 9 <= all.length; ) {
    const header = readFrameHeader(all, offset);
    frames.push({ ...header, payload: all.subarray(offset + 9, offset + 9 + header.length) });
    offset += 9 + header.length;
  }
  return frames;
}

describe("our HTTP/2 server and broken clients", () => {
  it("closes a connection that does not start with the preface, and only that one", async () => {
    const session = client();
    expect((await request(session, "/echo", "before")).body.toString()).toBe("before");
    const frames = await rawExchange(Buffer.from("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"));
    const goaway = frames.find((f) => f.type === FrameType.goaway);
    expect(goaway?.payload.readUInt32BE(4)).toBe(ErrorCode.protocolError);
    expect((await request(session, "/echo", "after")).body.toString()).toBe("after");
    await closeSession(session);
  });

  it("answers a protocol error with GOAWAY naming it", async () => {
    const frames = await rawExchange(Buffer.concat([clientPreface, settingsFrame([]), frame(FrameType.data, 0, 0, Buffer.from("on stream 0"))]));
    const goaway = frames.find((f) => f.type === FrameType.goaway);
    expect(goaway?.payload.readUInt32BE(4)).toBe(ErrorCode.protocolError);
    expect(goaway?.payload.subarray(8).toString()).toContain("DATA on stream 0");
  });

  it("ends the connection after the client's GOAWAY once no stream is open", async () => {
    const frames = await rawExchange(Buffer.concat([clientPreface, settingsFrame([]), frame(FrameType.goaway, 0, 0, Buffer.alloc(8))]));
    expect(frames.map((f) => f.type)).toEqual([FrameType.settings, FrameType.windowUpdate, FrameType.settings]); // ours, and the ACK
  });

  it("ignores HEADERS on a stream it has closed and keeps the connection", async () => {
    // :method POST, :scheme http, :path as a literal (index 4 for the name), END_STREAM
    const request = Buffer.concat([Buffer.from([0x83, 0x86, 0x04, 5]), Buffer.from("/echo")]);
    const frames = await rawExchange(Buffer.concat([
      clientPreface,
      settingsFrame([]),
      frame(FrameType.headers, Flags.endHeaders | Flags.endStream, 1, request),
      frame(FrameType.headers, Flags.endHeaders | Flags.endStream, 1, request), // stream 1 is closed by now
      frame(FrameType.ping, 0, 0, Buffer.from("still ok")),
      frame(FrameType.goaway, 0, 0, Buffer.alloc(8)),
    ]));
    expect(frames.some((f) => f.type === FrameType.ping && f.flags & Flags.ack && f.payload.toString() === "still ok")).toBe(true);
    expect(frames.filter((f) => f.type === FrameType.goaway)).toEqual([]);
  });

  it("takes a hand-made request: Huffman strings, a PRIORITY flag, padding and CONTINUATION", async () => {
    const huffmanLiteral = (name: string, value: string) => {
      const n = huffmanEncode(Buffer.from(name));
      const v = huffmanEncode(Buffer.from(value));
      return Buffer.concat([Buffer.from([0x40, 0x80 | n.length]), n, Buffer.from([0x80 | v.length]), v]);
    };
    // :method POST (3), :scheme http (6), then :path and a custom field as Huffman literals
    const block = Buffer.concat([Buffer.from([0x83, 0x86]), huffmanLiteral(":path", "/headers"), huffmanLiteral("x-hand-made", "yes, by hand")]);
    const padded = Buffer.concat([Buffer.from([3]), Buffer.from([0, 0, 0, 0, 16]), block.subarray(0, 4), Buffer.alloc(3)]);
    const bytes = Buffer.concat([
      clientPreface,
      settingsFrame([]),
      frame(FrameType.headers, Flags.padded | Flags.priority, 1, padded),
      frame(FrameType.continuation, 0, 1, block.subarray(4, 9)),
      frame(FrameType.continuation, Flags.endHeaders, 1, block.subarray(9)),
      frame(FrameType.data, Flags.endStream | Flags.padded, 1, Buffer.from([2, 0x7b, 0x7d, 0, 0])),
      frame(FrameType.goaway, 0, 0, Buffer.alloc(8)),
    ]);
    const frames = await rawExchange(bytes);
    const data = Buffer.concat(frames.filter((f) => f.type === FrameType.data && f.streamId === 1).map((f) => f.payload));
    expect(JSON.parse(data.toString())).toMatchObject({ ":path": "/headers", "x-hand-made": "yes, by hand" });
    expect(frames.some((f) => f.type === FrameType.headers && f.streamId === 1 && f.flags & Flags.endStream)).toBe(true);
  });
});
