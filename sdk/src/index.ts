/**
 * `@callplane/sdk`: a typed client for the Callplane Settings API.
 *
 * ```ts
 * import { createCallplaneClient } from "@callplane/sdk";
 * const callplane = createCallplaneClient({ endpoint: "http://127.0.0.1:8787", token: process.env.CALLPLANE_TOKEN });
 * for await (const env of callplane.environments.list({ includeHidden: true })) console.log(env.name);
 * ```
 * @packageDocumentation
 */
export { createCallplaneClient } from "./client.js";
export type { CallplaneClient, CallplaneClientOptions } from "./client.js";
export type { RequestOptions } from "./core/core.js";
export type { ResponseMeta, WithResponse } from "./core/response.js";
export { Page, PagedList } from "./core/pagination.js";
export type { CallContext, Middleware, Next } from "./core/middleware.js";
export type { HttpAnswer, HttpClient, HttpRequest } from "./core/http-client.js";
export type { LogEntry, Logger } from "./core/logging.js";
export {
  AbortError,
  AuthenticationError,
  CallplaneError,
  ConflictError,
  ConnectionError,
  NotFoundError,
  PermissionError,
  PreconditionFailedError,
  RateLimitError,
  ResponseValidationError,
  ServerError,
  TimeoutError,
  ValidationError,
} from "./core/errors.js";
export { maskSecret, redactSecrets } from "./core/redact.js";
export * from "./validation/index.js";
export * from "./schedule.js";
export * from "./types.js";
export { SDK_VERSION } from "./version.js";
