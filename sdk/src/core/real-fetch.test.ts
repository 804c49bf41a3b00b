/**
 * Node's own fetch against a real local HTTP server (not msw, whose fetch accepts what Node's
 * refuses): a POST whose `Request` your middleware made is sent with its body.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCallplaneClient } from "../index.js";
import { fixtures, TOKEN } from "../test-support/fixtures.js";

let server: Server;
let endpoint: string;
const received: Array<{ method: string; body: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ method: req.method ?? "", body });
      res.writeHead(201, { "Content-Type": "application/json" }).end(JSON.stringify({ ...fixtures.environmentWithApiKey(), name: JSON.parse(body).name }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the global fetch with your middleware", () => {
  it("sends the body of the Request your middleware passes on", async () => {
    const client = createCallplaneClient({ endpoint, token: TOKEN, maxRetries: 0, middleware: [(request, next) => next(request)] });
    await expect(client.environments.create({ name: "staging" })).resolves.toMatchObject({ name: "staging" });
    expect(received).toEqual([{ method: "POST", body: '{"name":"staging"}' }]);
  });
});
