import type { Middleware } from "./middleware.js";
import { withHeaders } from "./middleware.js";

/**
 * Gives every POST an `Idempotency-Key` unless the caller chose one. It sits outside the retry
 * middleware, so all attempts of one call carry the same key and the server acts only once.
 */
export function idempotencyMiddleware(): Middleware {
  return (request, next) => {
    if (request.method !== "POST" || request.headers.has("Idempotency-Key")) return next(request);
    return next(withHeaders(request, { "Idempotency-Key": globalThis.crypto.randomUUID() }));
  };
}
