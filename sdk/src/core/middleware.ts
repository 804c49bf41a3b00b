/**
 * The request pipeline under the typed client. `request.ts` describes each request from the
 * spec's types; the pipeline then adds what every call needs (retries, timeouts, logging), one
 * small layer each, and finally calls `fetch`.
 *
 * The SDK's own layers pass a plain description (`OutgoingRequest`) and the default fetch sends
 * it as `fetch(url, init)`: building a `Request` first and having fetch copy it cost more than
 * the rest of a call together. A `Request` is built once, only for your middleware or your fetch.
 */

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

/** A layer of the SDK's own: works on either form of a request. */
export type Layer = (request: AnyRequest, next: (request: AnyRequest) => Promise<Response>, context: CallContext) => Promise<Response>;

/** The `Request` for `outgoing`, carrying the attempt's abort signal. */
export function toRequest(outgoing: AnyRequest, context: CallContext): Request {
  if (outgoing instanceof Request) return outgoing;
  const { url, method, headers, body } = outgoing;
  return new Request(url, { method, headers, body, signal: context.attemptController.signal });
}

/** `source` for another attempt, with a fresh abort controller in `context`. */
export function renewAttempt(source: AnyRequest, context: CallContext): AnyRequest {
  context.attemptController = new AbortController();
  if (!(source instanceof Request)) return source;
  return new Request(source.body ? source.clone() : source, { signal: context.attemptController.signal });
}

/** Your middleware as a layer: it gets a `Request`, built from the description when needed. */
export function asLayer(middleware: Middleware): Layer {
  return (request, next, context) => middleware(toRequest(request, context), next, context);
}

/**
 * Runs `layers` in order, outermost first, ending in `fetch` (yours, given a `Request`), or in
 * `globalThis.fetch(url, init)` when you gave none.
 */
export function composeLayers(layers: readonly Layer[], fetch: Next | undefined, context: CallContext): (request: AnyRequest) => Promise<Response> {
  const send = (request: AnyRequest): Promise<Response> => {
    if (fetch) return fetch(toRequest(request, context));
    if (request instanceof Request) return globalThis.fetch(request);
    const { url, method, headers, body } = request;
    return globalThis.fetch(url, { method, headers, body, signal: context.attemptController.signal });
  };
  return layers.reduceRight<(request: AnyRequest) => Promise<Response>>((next, layer) => (request) => layer(request, next, context), send);
}
