import { AbortError, TimeoutError } from "./errors.js";
import type { Layer } from "./middleware.js";

/**
 * Bounds one attempt by `timeoutMs`. A timeout becomes a
 * `TimeoutError` (which the retry middleware may retry); a cancellation an `AbortError` (never
 * retried).
 */
export function timeoutMiddleware(): Layer {
  return async (request, next, context) => {
    const { signal, timeoutMs } = context;
    if (signal?.aborted) throw abortError(signal);
    // The attempt's signal goes with the request to fetch (see CallContext.attemptController).
    const controller = context.attemptController;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      return await next(request);
    } catch (error) {
      if (timedOut) throw new TimeoutError({ title: `No answer within ${timeoutMs} ms`, cause: error });
      if (signal?.aborted) throw abortError(signal);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  };
}

export function abortError(signal: AbortSignal): AbortError {
  return new AbortError({ title: "The call was cancelled", cause: signal.reason });
}
