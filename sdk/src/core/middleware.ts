/**
 * The request pipeline under the typed client. `request.ts` describes each request from the
 * spec's types; the pipeline then adds what every call needs (retries, timeouts, logging), one
 * small layer each, and finally calls `fetch`.
 *
 * The SDK's own layers pass a plain description (`OutgoingRequest`) and the default fetch sends
 * it as `fetch(url, init)`: building a `Request` first and having fetch copy it cost more than
 * the rest of a call together. A `Request` is built once, only for your middleware or your fetch;
 * with an `httpClient` and no middleware of yours, no `Request` or `Response` is made at all.
 */
import { sendWithHttpClient, toFetchResponse, type HttpClient, type WireResponse } from "./http-client.js";

/** Per-call settings the middleware read. */
export interface CallContext {
  /** The spec's operationId, e.g. `updateEnvironment`. */
  readonly operationId: string;
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
  /** Set by the retry middleware: 1 for the first attempt. */
  attempt: number;
  /** Aborts the attempt in flight; a retry gets a fresh controller through `renewAttempt`. */
  attemptController: AbortController;
}

/** A request as the SDK's own layers see it before anyone needs a `Request`. */
export interface OutgoingRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  /** JSON text; a string can be sent again on a retry as it is. */
  readonly body: string | undefined;
}

export type AnyRequest = Request | OutgoingRequest;

export type Next = (request: Request) => Promise<Response>;

/** Sees the request on its way out and the response on its way back. */
export type Middleware = (request: Request, next: Next, context: CallContext) => Promise<Response>;

/** A layer of the SDK's own: works on either form of a request and of an answer. */
export type Layer = (request: AnyRequest, next: (request: AnyRequest) => Promise<WireResponse>, context: CallContext) => Promise<WireResponse>;

/** Where the pipeline ends: your `fetch`, your `httpClient`, or the global fetch when neither. */
export type Sender = { fetch: Next } | { httpClient: HttpClient } | undefined;

/**
 * Whether `request` is a `Request` (made by your middleware) rather than the SDK's description.
 * Tested without `instanceof Request`: naming the global would load the WHATWG classes.
 */
export function isFetchRequest(request: AnyRequest): request is Request {
  return "clone" in request;
}

/** The `Request` for `outgoing`, carrying the attempt's abort signal. */
export function toRequest(outgoing: AnyRequest, context: CallContext): Request {
  if (isFetchRequest(outgoing)) return outgoing;
  const { url, method, headers, body } = outgoing;
  return new Request(url, { method, headers, body, signal: context.attemptController.signal });
}

/** `source` for another attempt, with a fresh abort controller in `context`. */
export function renewAttempt(source: AnyRequest, context: CallContext): AnyRequest {
  context.attemptController = new AbortController();
  if (!isFetchRequest(source)) return source;
  return new Request(source.body ? source.clone() : source, { signal: context.attemptController.signal });
}

/**
 * Your middleware as a layer: it gets a `Request`, built from the description when needed, and
 * its `next` answers with a `Response`, built from an `httpClient`'s answer when needed.
 */
export function asLayer(middleware: Middleware): Layer {
  return (request, next, context) => middleware(toRequest(request, context), async (forwarded) => toFetchResponse(await next(forwarded)), context);
}

/**
 * Runs `layers` in order, outermost first, ending in your `fetch` (given a `Request`), your
 * `httpClient` (given a plain description), or `globalThis.fetch(url, init)` when you gave neither.
 */
export function composeLayers(layers: readonly Layer[], sender: Sender, context: CallContext): (request: AnyRequest) => Promise<WireResponse> {
  const send = (request: AnyRequest): Promise<WireResponse> => {
    if (sender && "httpClient" in sender) return sendWithHttpClient(sender.httpClient, request, context);
    if (sender) return sender.fetch(toRequest(request, context));
    if (isFetchRequest(request)) return globalThis.fetch(request);
    const { url, method, headers, body } = request;
    return globalThis.fetch(url, { method, headers, body, signal: context.attemptController.signal });
  };
  return layers.reduceRight<(request: AnyRequest) => Promise<WireResponse>>((next, layer) => (request) => layer(request, next, context), send);
}
