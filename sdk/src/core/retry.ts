import { AbortError, ConnectionError, ResponseValidationError } from "./errors.js";
import { isFetchRequest, renewAttempt, type Layer } from "./middleware.js";

export interface RetrySettings {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** First backoff; doubles on each retry. */
  baseDelayMs: number;
  /** Longest backoff, and longest `Retry-After` honoured. */
  maxDelayMs: number;
}

/** Statuses worth another try: the server asked us to slow down or failed on its side. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** `Retry-After` in milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with full jitter: a random delay up to base × 2^(retry-1), capped. */
export function backoffDelay(retry: number, settings: RetrySettings, random = Math.random): number {
  const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Retries 408, 429, 5xx, network failures and timeouts. `Retry-After` wins over the computed
 * backoff. Cancellation is never retried. The last failure is returned or thrown as is, for
 * the error mapping above to type it.
 */
export function retryMiddleware(settings: RetrySettings): Layer {
  return async (request, next, context) => {
    // A Request's body can be read once: keep an unread copy for retries.
    const source = settings.maxRetries > 0 && isFetchRequest(request) && request.body ? request.clone() : request;
    for (let attempt = 1; ; attempt++) {
      context.attempt = attempt;
      const lastAttempt = attempt > settings.maxRetries;
      let delayMs: number;
      try {
        const response = await next(attempt === 1 ? request : renewAttempt(source, context));
        if (lastAttempt || !isRetryableStatus(response.status)) return response;
        const retryAfter = parseRetryAfter(response.headers.get("Retry-After"));
        delayMs = retryAfter !== undefined ? Math.min(retryAfter, settings.maxDelayMs) : backoffDelay(attempt, settings);
        // Free the connection; not awaited, as some bodies never settle a cancel.
        void response.body?.cancel().catch(() => undefined);
      } catch (error) {
        if (lastAttempt || !isRetryableError(error)) throw error;
        delayMs = backoffDelay(attempt, settings);
      }
      await sleep(delayMs, context.signal);
    }
  };
}

function isRetryableError(error: unknown): boolean {
  if (error instanceof AbortError || error instanceof ResponseValidationError) return false;
  // fetch rejects with a TypeError when the network fails; our timeout is a ConnectionError.
  return error instanceof ConnectionError || error instanceof TypeError;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortError({ title: "The call was cancelled", cause: signal.reason }));
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortError({ title: "The call was cancelled", cause: signal?.reason }));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
