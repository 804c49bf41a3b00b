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
}

export type Next = (request: Request) => Promise<Response>;

/** Sees the request on its way out and the response on its way back. */
export type Middleware = (request: Request, next: Next, context: CallContext) => Promise<Response>;

/** Runs `middleware` in order, outermost first, ending in `fetch`. */
export function composeMiddleware(middleware: readonly Middleware[], fetch: Next, context: CallContext): Next {
  return middleware.reduceRight<Next>((next, layer) => (request) => layer(request, next, context), fetch);
}

/** A copy of `request` with some headers set; the original stays reusable for retries. */
export function withHeaders(request: Request, headers: Record<string, string>): Request {
  const copy = new Request(request);
  for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
  return copy;
}
