/**
 * Errors as RFC 9457 problem details. Handlers throw `HttpError`; the server writes it as
 * `application/problem+json` with the request id and every field error.
 */
import type { FieldError } from "@callplane/sdk";

const PROBLEM_BASE = "https://callplane.dev/problems/";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly kind: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
  }

  problem(requestId: string, instance: string) {
    return {
      type: PROBLEM_BASE + this.kind,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      instance,
      requestId,
      errors: this.errors,
    };
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export const problems = {
  malformed: (detail: string, errors: FieldError[] = []) => new HttpError(400, "malformed-request", "Malformed request", detail, errors),
  unauthenticated: (detail: string) => new HttpError(401, "unauthenticated", "Authentication required", detail, [], { "WWW-Authenticate": 'Bearer realm="callplane"' }),
  forbidden: (detail: string) => new HttpError(403, "permission-denied", "Permission denied", detail),
  notFound: (detail: string) => new HttpError(404, "not-found", "Not found", detail),
  methodNotAllowed: (allowed: string[]) => new HttpError(405, "method-not-allowed", "Method not allowed", `Use ${allowed.join(", ")}.`, [], { Allow: allowed.join(", ") }),
  conflict: (kind: string, title: string, detail: string, errors: FieldError[] = []) => new HttpError(409, kind, title, detail, errors),
  preconditionFailed: (what: string) => new HttpError(412, "precondition-failed", "Precondition failed", `The ${what} changed since it was read (If-Match does not match its ETag); read it again and retry.`),
  payloadTooLarge: (limit: number) => new HttpError(413, "payload-too-large", "Payload too large", `Request bodies are limited to ${limit} bytes.`),
  unsupportedMediaType: (got: string) => new HttpError(415, "unsupported-media-type", "Unsupported media type", `Send JSON with Content-Type: application/json (got ${got || "none"}).`),
  validation: (errors: FieldError[], detail?: string) =>
    new HttpError(422, "validation", "Validation failed", detail ?? `${plural(errors.length, "field")} ${errors.length === 1 ? "is" : "are"} invalid.`, errors),
  rateLimited: (detail: string, retryAfterSeconds: number) =>
    new HttpError(429, "rate-limited", "Too many requests", detail, [], { "Retry-After": String(retryAfterSeconds) }),
  readOnlyTenant: () => new HttpError(409, "read-only-tenant", "The tenant is read-only", "This tenant is read-only; its settings cannot be changed."),
};
