/**
 * The request pipeline under the typed client. openapi-fetch builds each `Request` from the
 * spec's types; the pipeline then adds what every call needs (headers, idempotency, retries,
 * timeouts, logging), one small middleware each, and finally calls `fetch`.
 */

/** Per-call settings the middleware read. */
export interface CallContext {
  /** The spec's operationId, e.g. `updateEnvironment`. */
  readonly operationId: string;
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
  /** Set by the retry middleware: 1 for the first attempt. */
  attempt: number;
  /**
   * Aborts the attempt in flight. Its signal is built into the request, so the first attempt
   * needs no copy of the request; a retry gets a fresh controller through `renewAttempt`.
   */
  attemptController: AbortController;
}

/** A copy of `source` for another attempt, with a fresh abort controller in `context`. */
export function renewAttempt(source: Request, context: CallContext): Request {
  context.attemptController = new AbortController();
  return new Request(source.body ? source.clone() : source, { signal: context.attemptController.signal });
}

export type Next = (request: Request) => Promise<Response>;

/** Sees the request on its way out and the response on its way back. */
export type Middleware = (request: Request, next: Next, context: CallContext) => Promise<Response>;

/** Runs `middleware` in order, outermost first, ending in `fetch`. */
export function composeMiddleware(middleware: readonly Middleware[], fetch: Next, context: CallContext): Next {
  return middleware.reduceRight<Next>((next, layer) => (request) => layer(request, next, context), fetch);
}

/**
 * Sets headers on `request` itself: requests built by openapi-fetch have mutable headers, and
 * copying a request costs more than the rest of the pipeline together.
 */
export function withHeaders(request: Request, headers: Record<string, string>): Request {
  for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
  return request;
}
