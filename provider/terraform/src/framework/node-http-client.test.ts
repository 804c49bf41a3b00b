/** The plugin's HTTP client for the SDK, against a real local HTTP server. */
import { getEventListeners } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpRequest } from "@callplane/sdk";
import { createSelfSignedCertificate } from "../protocol/certificate.js";
import { nodeHttpClient } from "./node-http-client.js";

let server: Server;
let base: string;
/** Requests to /hang, which is never answered: the test watches them close. */
const hanging: IncomingMessage[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/hang") return void hanging.push(req);
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      if (req.url === "/empty") return void res.writeHead(204).end();
      if (req.url === "/slow") return void setTimeout(() => res.end("late"), 2_000);
      if (req.url === "/teapot") return void res.writeHead(418, "Short and stout", [["x-multi", "a"], ["x-multi", "b"]]).end("tea");
      if (req.url === "/reset") return void res.writeHead(205, { "content-length": "0" }).end();
      if (req.url === "/not-modified") return void res.writeHead(304).end();
      if (req.url === "/cut") {
        res.writeHead(200, { "content-length": "100" });
        res.write("partial");
        return void setTimeout(() => res.socket?.destroy(), 20);
      }
      if (req.url === "/head") return void res.writeHead(200, { "content-type": "text/plain", "content-length": "5" }).end();
      res.writeHead(201, { "content-type": "application/json", "x-request-id": "req_1" });
      res.end(JSON.stringify({ method: req.method, body, auth: req.headers.authorization, length: req.headers["content-length"] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
/** A request as the SDK hands it over. */
const request = (path: string, fields: Partial<HttpRequest> = {}): HttpRequest => ({
  url: /^\w+:/.test(path) ? path : `${base}${path}`,
  method: "GET",
  headers: {},
  body: undefined,
  signal: new AbortController().signal,
  ...fields,
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("nodeHttpClient", () => {
  it("sends method, headers and body, and answers with status, headers and body text", async () => {
    const answer = await nodeHttpClient(request("/echo", { method: "POST", headers: { authorization: "Bearer x" }, body: '{"a":1}' }));
    expect(answer.status).toBe(201);
    expect(answer.headers).toContainEqual(["x-request-id", "req_1"]);
    expect(JSON.parse(answer.body)).toEqual({ method: "POST", body: '{"a":1}', auth: "Bearer x", length: "7" });
  });

  it("counts the body's length in bytes, not characters", async () => {
    const answer = await nodeHttpClient(request("/echo", { method: "POST", body: '{"name":"Zoë ☎"}' }));
    expect(JSON.parse(answer.body)).toMatchObject({ body: '{"name":"Zoë ☎"}', length: String(Buffer.byteLength('{"name":"Zoë ☎"}')) });
  });

  it("gives 204, 205, 304 and HEAD answers an empty body", async () => {
    expect(await nodeHttpClient(request("/empty", { method: "DELETE" }))).toMatchObject({ status: 204, body: "" });
    expect(await nodeHttpClient(request("/reset"))).toMatchObject({ status: 205, body: "" });
    expect(await nodeHttpClient(request("/not-modified"))).toMatchObject({ status: 304, body: "" });
    expect(await nodeHttpClient(request("/head", { method: "HEAD" }))).toMatchObject({ status: 200, body: "" });
  });

  it("rejects with the signal's reason when aborted, and leaves no listener behind", async () => {
    const controller = new AbortController();
    const pending = nodeHttpClient(request("/slow", { signal: controller.signal }));
    controller.abort(new Error("timed out"));
    await expect(pending).rejects.toThrow("timed out");
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("reports an answer cut off in the middle of its body as a TypeError", async () => {
    const error = await nodeHttpClient(request("/cut")).catch((e) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(/^fetch failed: /);
    expect(error.cause).toBeInstanceOf(Error);
  });

  it("reports a refused connection as a TypeError, as fetch does (the SDK retries those)", async () => {
    const error = await nodeHttpClient(request("http://127.0.0.1:1/")).catch((e) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(/^fetch failed: connect ECONNREFUSED/);
    expect(error.cause).toMatchObject({ code: "ECONNREFUSED" });
  });

  it("keeps the status text and every value of a repeated header, in order", async () => {
    const answer = await nodeHttpClient(request("/teapot"));
    expect(answer).toMatchObject({ status: 418, statusText: "Short and stout", body: "tea" });
    expect(answer.headers.filter(([name]) => name === "x-multi")).toEqual([["x-multi", "a"], ["x-multi", "b"]]);
  });

  it("does not connect with a signal already aborted, and leaves no listener on a signal after an answer", async () => {
    const reason = new Error("cancelled before it started");
    await expect(nodeHttpClient(request("/echo", { signal: AbortSignal.abort(reason) }))).rejects.toBe(reason);
    const answered = new AbortController();
    await nodeHttpClient(request("/echo", { signal: answered.signal }));
    const refused = new AbortController();
    await nodeHttpClient(request("http://127.0.0.1:1/", { signal: refused.signal })).catch(() => undefined);
    expect(getEventListeners(answered.signal, "abort")).toHaveLength(0);
    expect(getEventListeners(refused.signal, "abort")).toHaveLength(0);
  });

  it("rejects with an AbortError when the signal has no reason", async () => {
    // A signal aborted without a reason: what a hand-made signal-like object may carry.
    const signal = new AbortController().signal;
    const pending = nodeHttpClient(request("/slow", { signal }));
    Object.defineProperty(signal, "reason", { value: undefined });
    signal.dispatchEvent(new Event("abort"));
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });

  it("refuses protocols other than http and https", async () => {
    await expect(nodeHttpClient(request("ftp://example.test/"))).rejects.toThrow("unsupported protocol ftp:");
  });

  it("closes the connection of an aborted request, so the server stops working on it", async () => {
    const controller = new AbortController();
    const pending = nodeHttpClient(request("/hang", { signal: controller.signal }));
    while (hanging.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const closed = new Promise((resolve) => hanging[0]!.socket.once("close", resolve));
    controller.abort(new Error("timed out"));
    await expect(pending).rejects.toThrow("timed out");
    await closed; // never settles if the socket were kept open
  });

  it("leaves no listener on the signal after an answer cut off", async () => {
    const controller = new AbortController();
    await nodeHttpClient(request("/cut", { signal: controller.signal })).catch(() => undefined);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("answers with the received headers as name/value pairs of text, and nothing else", async () => {
    const answer = await nodeHttpClient(request("/teapot"));
    expect(answer.headers.length).toBeGreaterThan(2);
    for (const pair of answer.headers) expect(Array.isArray(pair) && pair.length === 2 && typeof pair[0] === "string" && typeof pair[1] === "string", JSON.stringify(pair)).toBe(true);
  });

  it("speaks TLS to an https endpoint, and refuses a certificate no CA vouches for", async () => {
    const certificate = await createSelfSignedCertificate();
    const tlsServer = createHttpsServer({ key: certificate.privateKeyPem, cert: certificate.certificatePem }, (_req, res) => res.end("{}"));
    await new Promise<void>((resolve) => tlsServer.listen(0, "127.0.0.1", resolve));
    try {
      const error = await nodeHttpClient(request(`https://localhost:${(tlsServer.address() as AddressInfo).port}/`)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TypeError);
      expect(String((error as TypeError).message)).toMatch(/^fetch failed: .*certificate/i);
    } finally {
      await new Promise<void>((resolve) => tlsServer.close(() => resolve()));
    }
  });
});
