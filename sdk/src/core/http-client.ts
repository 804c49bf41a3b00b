/**
 * `httpClient`: a way to send the SDK's requests without the WHATWG `Request`, `Response` and
 * `Headers` classes. In Node those live in the bundled undici, whose first use costs a process
 * tens of milliseconds and ~9 MB; a process that lives for a few calls (a Terraform plugin, a CLI)
 * can send them with node:http instead. The SDK's own layers read only what `WireResponse` names.
 */
import { isFetchRequest, type CallContext, type OutgoingRequest } from "./middleware.js";

/** An answer as the SDK's layers pass it up: from `fetch`, or from your `httpClient`. */
export type WireResponse = Response | PlainResponse;

/** One request, as your `httpClient` receives it. */
export interface HttpRequest {
  readonly url: string;
  readonly method: string;
  /** Header names as the SDK sets them (`Authorization`, `Content-Type`, …). */
  readonly headers: Readonly<Record<string, string>>;
  /** JSON text, or undefined for a request without a body. */
  readonly body: string | undefined;
  /** Aborted when the attempt times out or the caller cancels: stop and reject with `signal.reason`. */
  readonly signal: AbortSignal;
}

/** The answer your `httpClient` resolves with. */
export interface HttpAnswer {
  status: number;
  /** The reason phrase, used when an error answer has no title. @default "" */
  statusText?: string;
  /** Header name/value pairs as received; a name may repeat. Names are matched in any case. */
  headers: ReadonlyArray<readonly [string, string]>;
  /** The whole body as text ("" for none). */
  body: string;
}

/**
 * Sends one request. Reject with a `TypeError` when the network fails (as `fetch` does), so the
 * SDK retries it; any other rejection ends the call.
 */
export type HttpClient = (request: HttpRequest) => Promise<HttpAnswer>;

/** An `HttpAnswer` as the SDK's layers read an answer. */
export class PlainResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: PlainHeaders;
  /** The text is already read: nothing to cancel. */
  readonly body = null;
  readonly #body: string;

  constructor(answer: HttpAnswer) {
    this.status = answer.status;
    this.statusText = answer.statusText ?? "";
    this.headers = new PlainHeaders(answer.headers);
    this.#body = answer.body;
  }

  get ok(): boolean {
    return this.status >= 200 && this.status <= 299;
  }

  text(): Promise<string> {
    return Promise.resolve(this.#body);
  }
}

/** Case-insensitive lookup over received pairs; repeated names are joined as `Headers` joins them. */
export class PlainHeaders {
  readonly pairs: ReadonlyArray<readonly [string, string]>;

  constructor(pairs: ReadonlyArray<readonly [string, string]>) {
    this.pairs = pairs;
  }

  get(name: string): string | null {
    const wanted = name.toLowerCase();
    let value: string | null = null;
    for (const [key, text] of this.pairs) {
      if (key.toLowerCase() !== wanted) continue;
      value = value === null ? text : `${value}, ${text}`;
    }
    return value;
  }

  /** The pairs as `Headers` takes them. */
  toInit(): [string, string][] {
    return this.pairs.map(([name, value]): [string, string] => [name, value]);
  }
}

/** Statuses whose answers carry no body, which a `Response` refuses to be built with. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * The answer as a real `Response`, for your middleware (which is typed with `Response`): built
 * only when you give middleware, so a client without it never loads the WHATWG classes.
 */
export async function toFetchResponse(response: WireResponse): Promise<Response> {
  if (!(response instanceof PlainResponse)) return response;
  const body = NULL_BODY_STATUSES.has(response.status) ? null : await response.text();
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers.toInit() });
}

/** Hands `request` to your `httpClient`; a `Request` (made by your middleware) is read first. */
export async function sendWithHttpClient(client: HttpClient, request: Request | OutgoingRequest, context: CallContext): Promise<WireResponse> {
  const { url, method, headers, body } = isFetchRequest(request) ? await describeRequest(request) : request;
  return new PlainResponse(await client({ url, method, headers, body, signal: context.attemptController.signal }));
}

async function describeRequest(request: Request): Promise<OutgoingRequest> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name] = value));
  return { url: request.url, method: request.method, headers, body: request.body ? await request.text() : undefined };
}
