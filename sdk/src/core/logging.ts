import type { Layer } from "./middleware.js";
import { redactSecrets } from "./redact.js";

/** One line about one attempt. Never carries headers or bodies, so never a secret. */
export interface LogEntry {
  level: "debug" | "warn";
  message: string;
  operationId: string;
  method: string;
  /** Path and query, without the endpoint. */
  path: string;
  attempt: number;
  status?: number;
  durationMs: number;
  requestId?: string;
}

export type Logger = (entry: LogEntry) => void;

/** Reports every attempt to the caller's logger, with secrets redacted from every string. */
export function loggingMiddleware(logger: Logger, knownSecrets: readonly string[]): Layer {
  return async (request, next, context) => {
    const started = Date.now();
    const url = new URL(request.url);
    const base = {
      operationId: context.operationId,
      method: request.method,
      path: redactSecrets(url.pathname + url.search, knownSecrets),
      attempt: context.attempt,
    };
    try {
      const response = await next(request);
      const requestId = response.headers.get("X-Request-Id") ?? undefined;
      logger({
        ...base,
        level: response.ok ? "debug" : "warn",
        message: `${request.method} ${base.path} → ${response.status}${context.attempt > 1 ? ` (attempt ${context.attempt})` : ""}`,
        status: response.status,
        durationMs: Date.now() - started,
        ...(requestId ? { requestId } : {}),
      });
      return response;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      logger({
        ...base,
        level: "warn",
        message: redactSecrets(`${request.method} ${base.path} failed: ${reason}`, knownSecrets),
        durationMs: Date.now() - started,
      });
      throw error;
    }
  };
}
