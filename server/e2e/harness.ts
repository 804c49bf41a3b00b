/**
 * Starts a real Callplane server (SQLite in memory, a free port) and hands out SDK clients
 * against it. Every answer the clients receive is recorded and checked against the spec by
 * `conformance.ts`.
 */
import { createCallplaneClient, type CallplaneClient, type CallplaneClientOptions, type Middleware } from "@callplane/sdk";
import { afterAll, beforeAll, expect } from "vitest";
import { startServer, type RunningServer, type ServerOptions } from "../src/index.js";
import { recordExchange, violations } from "./conformance.js";

export const ADMIN_TOKEN = "cpt_e2e_admin_token_0123456789abcdef";
export const PLATFORM_TOKEN = "cpp_e2e_platform_token_0123456789";

/** Records every exchange for the spec-conformance check. */
const recorder: Middleware = async (request, next, context) => {
  const response = await next(request);
  await recordExchange(context.operationId, request.method, response.clone());
  return response;
};

export interface TestServer {
  server: RunningServer;
  url: string;
  /** A client with the bootstrap admin's token. */
  admin: CallplaneClient;
  client(token: string | undefined, options?: Partial<CallplaneClientOptions>): CallplaneClient;
}

export function clientFor(url: string, token: string | undefined, options: Partial<CallplaneClientOptions> = {}): CallplaneClient {
  // The server's own checks are under test, so bad bodies must reach it; its answers are
  // checked against the spec.
  return createCallplaneClient({ endpoint: url, token, maxRetries: 0, middleware: [recorder], validateRequests: false, validateResponses: true, ...options });
}

/** A fresh server for the enclosing `describe` (or file), closed afterwards. */
export function useServer(options: ServerOptions = {}): TestServer {
  const handle = {} as TestServer;
  beforeAll(async () => {
    const server = await startServer({ db: ":memory:", port: 0, bootstrapToken: ADMIN_TOKEN, platformToken: PLATFORM_TOKEN, ...options });
    handle.server = server;
    handle.url = server.url;
    handle.admin = clientFor(server.url, ADMIN_TOKEN);
    handle.client = (token, clientOptions) => clientFor(server.url, token, clientOptions);
  });
  afterAll(async () => {
    await handle.server?.close();
    // Every answer the tests saw must match the spec.
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
  });
  return handle;
}

/** Raw HTTP against the server, for what the SDK would never send. */
export async function raw(url: string, path: string, init: RequestInit & { token?: string } = {}): Promise<{ status: number; headers: Headers; body: any }> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("Authorization", `Bearer ${init.token}`);
  const response = await fetch(url + path, { ...init, headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}
