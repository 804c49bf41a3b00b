import { AbortError, TimeoutError } from "./errors.js";
import type { Middleware } from "./middleware.js";

/**
 * Bounds one attempt by `timeoutMs` and links it to the caller's `signal`. A timeout becomes a
 * `TimeoutError` (which the retry middleware may retry); a cancellation an `AbortError` (never
 * retried).
 */
export function timeoutMiddleware(): Middleware {
  return async (request, next, context) => {
    const { signal, timeoutMs } = context;
    if (signal?.aborted) throw abortError(signal);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      return await next(new Request(request, { signal: controller.signal }));
    } catch (error) {
      if (timedOut) throw new TimeoutError({ title: `No answer within ${timeoutMs} ms`, cause: error });
      if (signal?.aborted) throw abortError(signal);
      throw error;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  };
}

function abortError(signal: AbortSignal): AbortError {
  return new AbortError({ title: "The call was cancelled", cause: signal.reason });
}
