/** The plugin's own fetch, against a real local HTTP server. */
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

  it("rejects with the signal's reason when aborted", async () => {
    const controller = new AbortController();
    const pending = nodeFetch(new Request(`${base}/slow`, { signal: controller.signal }));
    controller.abort(new Error("timed out"));
    await expect(pending).rejects.toThrow("timed out");
  });

  it("reports a refused connection as a TypeError, as fetch does (the SDK retries those)", async () => {
    await expect(nodeFetch(new Request("http://127.0.0.1:1/"))).rejects.toThrow(TypeError);
  });

  it("refuses protocols other than http and https", async () => {
    await expect(nodeFetch({ url: "ftp://example.test/", signal: new AbortController().signal, headers: new Headers(), method: "GET", body: null } as unknown as Request)).rejects.toThrow("unsupported protocol ftp:");
  });
});
