/** The plugin's own fetch, against a real local HTTP server. */
import { getEventListeners } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeFetch } from "./http-fetch.js";

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
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
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("nodeFetch", () => {
  it("sends method, headers and body, and returns status, headers and body", async () => {
    const response = await nodeFetch(new Request(`${base}/echo`, { method: "POST", headers: { authorization: "Bearer x" }, body: '{"a":1}' }));
    expect(response.status).toBe(201);
    expect(response.headers.get("x-request-id")).toBe("req_1");
    expect(await response.json()).toEqual({ method: "POST", body: '{"a":1}', auth: "Bearer x", length: "7" });
  });

  it("gives 204 a null body", async () => {
    const response = await nodeFetch(new Request(`${base}/empty`, { method: "DELETE" }));
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it("rejects with the signal's reason when aborted, and leaves no listener behind", async () => {
    const controller = new AbortController();
    const request = new Request(`${base}/slow`, { signal: controller.signal });
    const pending = nodeFetch(request);
    controller.abort(new Error("timed out"));
    await expect(pending).rejects.toThrow("timed out");
    expect(getEventListeners(request.signal, "abort")).toHaveLength(0);
  });

  it("reports an answer cut off in the middle of its body as a TypeError", async () => {
    const error = await nodeFetch(new Request(`${base}/cut`)).catch((e) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(/^fetch failed: /);
    expect(error.cause).toBeInstanceOf(Error);
  });

  it("reports a refused connection as a TypeError, as fetch does (the SDK retries those)", async () => {
    const error = await nodeFetch(new Request("http://127.0.0.1:1/")).catch((e) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toMatch(/^fetch failed: connect ECONNREFUSED/);
    expect(error.cause).toMatchObject({ code: "ECONNREFUSED" });
  });

  it("keeps the status text and every value of a repeated header", async () => {
    const response = await nodeFetch(new Request(`${base}/teapot`));
    expect(response.status).toBe(418);
    expect(response.statusText).toBe("Short and stout");
    expect(response.headers.get("x-multi")).toBe("a, b");
    expect([...response.headers.keys()]).not.toContain("undefined");
    expect(await response.text()).toBe("tea");
  });

  it("gives 205, 304 and HEAD answers a null body", async () => {
    expect((await nodeFetch(new Request(`${base}/reset`))).body).toBeNull();
    const notModified = await nodeFetch(new Request(`${base}/not-modified`));
    expect(notModified.status).toBe(304);
    expect(notModified.body).toBeNull();
    const head = await nodeFetch(new Request(`${base}/head`, { method: "HEAD" }));
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
  });

  it("does not connect with a signal already aborted, and leaves no listener on a signal after an answer", async () => {
    const reason = new Error("cancelled before it started");
    await expect(nodeFetch(new Request(`${base}/echo`, { signal: AbortSignal.abort(reason) }))).rejects.toBe(reason);
    const answered = new Request(`${base}/echo`, { signal: new AbortController().signal });
    await (await nodeFetch(answered)).text();
    const refused = new Request("http://127.0.0.1:1/", { signal: new AbortController().signal });
    await nodeFetch(refused).catch(() => undefined);
    expect(getEventListeners(answered.signal, "abort")).toHaveLength(0);
    expect(getEventListeners(refused.signal, "abort")).toHaveLength(0);
  });

  it("rejects with an AbortError when the signal has no reason", async () => {
    const controller = new AbortController();
    const pending = nodeFetch(new Request(`${base}/slow`, { signal: controller.signal }));
    // A Request copies its signal; aborting the original without a reason gives DOMException's default.
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });

  it("refuses protocols other than http and https", async () => {
    await expect(nodeFetch({ url: "ftp://example.test/", signal: new AbortController().signal, headers: new Headers(), method: "GET", body: null } as unknown as Request)).rejects.toThrow("unsupported protocol ftp:");
  });
});
