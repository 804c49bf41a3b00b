/**
 * The typed HTTP layer: `api.GET("/v1/environments/{environmentId}", { params })` and friends,
 * typed by the spec through openapi-fetch's `Client` type (a type only: none of its code is
 * bundled). It describes each request with every header at once and hands it to the pipeline.
 */
import type { Client } from "openapi-fetch";
import type { paths } from "../generated/openapi.js";
import { newIdempotencyKey } from "./idempotency.js";
import type { WireResponse } from "./http-client.js";
import type { OutgoingRequest } from "./middleware.js";

/** The spec's operations by method and path, typed. */
export type Api = Pick<Client<paths>, "GET" | "PUT" | "POST" | "PATCH" | "DELETE">;

/** What every call passes along with its own `params` and `body`. */
export type SendInit = {
  /** The middleware pipeline, ending in the real `fetch`. */
  pipeline: (request: OutgoingRequest) => Promise<WireResponse>;
  /** Per-call headers; undefined values are left out. */
  headers: Record<string, string | undefined> | undefined;
  /** Runs before anything is sent, e.g. to check the body against the spec. */
  beforeSend?: ((body: unknown) => void) | undefined;
};

type SendOptions = SendInit & {
  params?: { path?: Record<string, string | number>; query?: Record<string, string | number | boolean | undefined> };
  body?: unknown;
};

export interface Answer {
  data?: unknown;
  error?: unknown;
  response: WireResponse;
}

export function createApi(baseUrl: string, staticHeaders: Record<string, string>): Api {
  const method = (name: string) => (path: string, options: SendOptions) => send(baseUrl, staticHeaders, name, path, options);
  const api = { GET: method("GET"), PUT: method("PUT"), POST: method("POST"), PATCH: method("PATCH"), DELETE: method("DELETE") };
  // The implementation is untyped by nature (any path, any params); `Api` is what callers see.
  return api as unknown as Api;
}

async function send(baseUrl: string, staticHeaders: Record<string, string>, method: string, path: string, options: SendOptions): Promise<Answer> {
  if (options.body !== undefined) options.beforeSend?.(options.body);
  // A plain GET sends the client's headers as they are; anything else gets its own copy.
  let headers = staticHeaders;
  if (options.headers || method !== "GET" || options.body !== undefined) {
    headers = { ...staticHeaders };
    for (const name in options.headers) {
      const value = options.headers[name];
      if (value !== undefined) headers[name] = value;
    }
  }
  // Every POST gets a key unless the caller chose one; retries resend the same request, so all
  // attempts of one call carry the same key and the server acts only once.
  if (method === "POST" && !headers["Idempotency-Key"]) headers["Idempotency-Key"] = newIdempotencyKey();
  let body: string | undefined;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["Content-Type"] = "application/json";
  }
  const url = baseUrl + resolvePath(path, options.params?.path) + queryString(options.params?.query);
  const response = await options.pipeline({ url, method, headers, body });
  if (response.status === 204) {
    void response.body?.cancel().catch(() => undefined);
    return { response };
  }
  if (response.ok) {
    // Read as text rather than asking for Content-Length first: an empty answer has no data.
    const text = await response.text();
    return text ? { data: JSON.parse(text), response } : { response };
  }
  // Error bodies are problem+json when the API sent them; anything else is kept as text.
  const text = await response.text();
  try {
    return { error: JSON.parse(text), response };
  } catch {
    return { error: text, response };
  }
}

/** Each path of the spec split once at its `{name}` slots: literal, name, literal, name, …, literal. */
const splitPaths = new Map<string, string[]>();

function resolvePath(path: string, values: Record<string, string | number> | undefined): string {
  // A regex replace with a callback on every call cost more than the rest of building the request.
  let parts = splitPaths.get(path);
  if (!parts) splitPaths.set(path, (parts = path.split(/\{(\w+)\}/)));
  let resolved = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) resolved += encodeURIComponent(String(values?.[parts[i]!] ?? "")) + parts[i + 1]!;
  return resolved;
}

function queryString(query: Record<string, string | number | boolean | undefined> | undefined): string {
  if (!query) return "";
  const search = new URLSearchParams();
  for (const name in query) {
    const value = query[name];
    if (value !== undefined && value !== null) search.append(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
