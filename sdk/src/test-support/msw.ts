/**
 * An msw server for the SDK's unit tests, recording every request that reaches it.
 * The client is created with `fetch: (r) => globalThis.fetch(r)` so msw can intercept.
 */
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";
import { createCallplaneClient, type CallplaneClientOptions } from "../index.js";
import { ENDPOINT, TOKEN } from "./fixtures.js";

export const server = setupServer();
export const seen: Request[] = [];

server.events.on("request:start", ({ request }) => {
  seen.push(request.clone());
});

export function useMswServer(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => {
    server.resetHandlers();
    seen.length = 0;
  });
  afterAll(() => server.close());
}

export function testClient(options: Partial<CallplaneClientOptions> = {}) {
  return createCallplaneClient({
    endpoint: ENDPOINT,
    token: TOKEN,
    fetch: (request) => globalThis.fetch(request),
    retryDelays: { baseDelayMs: 1, maxDelayMs: 2000 },
    // Off by default for speed; on in this repository's tests so any off-spec answer shows.
    validateResponses: true,
    ...options,
  });
}
