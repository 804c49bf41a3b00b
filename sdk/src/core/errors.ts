/**
 * Typed errors. Every failure of a call is a `CallplaneError`; the subclass says what kind,
 * and `fieldErrors` says which fields, with the paths the API reported.
 */
import type { FieldError } from "../validation/field-errors.js";
import { describeFieldErrors } from "../validation/field-errors.js";

export interface CallplaneErrorInit {
  status?: number | undefined;
  type?: string | undefined;
  title: string;
  detail?: string | undefined;
  requestId?: string | undefined;
  fieldErrors?: FieldError[] | undefined;
  cause?: unknown;
}

export class CallplaneError extends Error {
  /** HTTP status, or undefined when no answer arrived (connection failures, timeouts). */
  readonly status: number | undefined;
  /** The problem type URI from the API, e.g. `https://callplane.dev/problems/validation`. */
  readonly type: string | undefined;
  readonly title: string;
  readonly detail: string | undefined;
  /** The API's `X-Request-Id`, for support cases. */
  readonly requestId: string | undefined;
  /** Each offending field, e.g. `{ path: "allocations[1].maxConcurrentCalls", message: "..." }`. */
  readonly fieldErrors: FieldError[];

  constructor(init: CallplaneErrorInit) {
    super(composeMessage(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.status = init.status;
    this.type = init.type;
    this.title = init.title;
    this.detail = init.detail;
    this.requestId = init.requestId;
    this.fieldErrors = init.fieldErrors ?? [];
  }
}

function composeMessage(init: CallplaneErrorInit): string {
  let message = init.status ? `${init.status} ${init.title}` : init.title;
  if (init.detail && init.detail !== init.title) message += `: ${init.detail}`;
  if (init.fieldErrors?.length) message += ` (${describeFieldErrors(init.fieldErrors)})`;
  if (init.requestId) message += ` [request ${init.requestId}]`;
  return message;
}

/** 400 or 422: the request broke a rule. See `fieldErrors`. */
export class ValidationError extends CallplaneError {}
/** 401: no credential, or one that is unknown, revoked or expired. */
export class AuthenticationError extends CallplaneError {}
/** 403: the credential may not do this (read-only role or scope, environment key). */
export class PermissionError extends CallplaneError {}
/** 404: no such object in this tenant. */
export class NotFoundError extends CallplaneError {}
/** 409: conflicts with the current state (duplicate, last admin, deletion protection…). */
export class ConflictError extends CallplaneError {}
/** 412: the object changed since the ETag sent in `ifMatch`. Read it again. */
export class PreconditionFailedError extends CallplaneError {}
/** 429: too many requests, after the SDK's own retries. */
export class RateLimitError extends CallplaneError {
  /** How long the API asked to wait, from `Retry-After`. */
  readonly retryAfterMs: number | undefined;
  constructor(init: CallplaneErrorInit & { retryAfterMs?: number | undefined }) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
  }
}
/** 5xx, after the SDK's own retries. */
export class ServerError extends CallplaneError {}
/** No answer: the network failed, after the SDK's own retries. */
export class ConnectionError extends CallplaneError {}
/** No answer within `timeoutMs`, after the SDK's own retries. */
export class TimeoutError extends ConnectionError {}
/** The call was cancelled through its `signal`. Never retried. */
export class AbortError extends CallplaneError {}
/** The API answered with a body that does not match the spec; `fieldErrors` says where. */
export class ResponseValidationError extends CallplaneError {}

export function errorClassForStatus(status: number): typeof CallplaneError {
  switch (status) {
    case 400:
    case 422: return ValidationError;
    case 401: return AuthenticationError;
    case 403: return PermissionError;
    case 404: return NotFoundError;
    case 409: return ConflictError;
    case 412: return PreconditionFailedError;
    case 429: return RateLimitError;
    default: return status >= 500 ? ServerError : CallplaneError;
  }
}
