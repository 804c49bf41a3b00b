/** A client over an `httpClient` that answers in the test process: no network involved. */
import { createCallplaneClient, type CallplaneClientOptions, type HttpAnswer, type HttpClient, type HttpRequest } from "../index.js";
import { ENDPOINT, TOKEN } from "./fixtures.js";

/** A JSON answer, with `Content-Type` and any further headers. */
export const json = (status: number, body: unknown, headers: [string, string][] = []): HttpAnswer => ({
  status,
  headers: [["Content-Type", "application/json"], ...headers],
  body: JSON.stringify(body),
});

/** An httpClient that records every request and answers each from `answer`. */
export function recording(answer: (request: HttpRequest) => HttpAnswer | Promise<HttpAnswer>) {
  const requests: HttpRequest[] = [];
  const httpClient: HttpClient = async (request) => {
    requests.push(request);
    return answer(request);
  };
  return { requests, httpClient };
}

/** The test endpoint and token, `httpClient`, and retries that wait a millisecond. */
export const clientWith = (httpClient: HttpClient, options: Partial<CallplaneClientOptions> = {}) =>
  createCallplaneClient({ endpoint: ENDPOINT, token: TOKEN, httpClient, retryDelays: { baseDelayMs: 1 }, ...options });
