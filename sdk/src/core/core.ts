/**
 * The client core: the typed request layer, the middleware pipeline, and the one place where
 * answers become objects (with their ETag, validated if asked) or typed errors.
 */
import { requestSchemas, responseSchemas } from "../generated/schemas.js";
import { fieldErrorsFromIssues } from "../validation/field-errors.js";
import type { Schema } from "../validation/schema.js";
import { CallplaneError, ConnectionError, RateLimitError, ResponseValidationError, ValidationError, errorClassForStatus } from "./errors.js";
import type { WireResponse } from "./http-client.js";
import type { CallContext, Layer, Sender } from "./middleware.js";
import { composeLayers } from "./middleware.js";
import { redactedError, redactSecrets } from "./redact.js";
import { parseRetryAfter } from "./retry.js";
import { abortError } from "./timeout.js";
import { createApi, type Answer, type Api, type SendInit } from "./request.js";
import { attachResponse, responseMeta, type WithResponse } from "./response.js";

export type OperationId = keyof typeof responseSchemas;

/** Options every call takes. */
export interface RequestOptions {
  /** Only write if the object still has this ETag (from `obj.etag`); 412 otherwise. */
  ifMatch?: string;
  /** Reuse a key to make a retried POST act once. Generated when left out. */
  idempotencyKey?: string;
  /** Per attempt, overriding the client's `timeoutMs`. */
  timeoutMs?: number;
  /** Cancels the call, including waits between retries. */
  signal?: AbortSignal;
}

export interface CoreSettings {
  endpoint: string;
  /** Your fetch or httpClient; undefined for `globalThis.fetch` at call time. */
  sender: Sender;
  middleware: Layer[];
  /** Sent with every request: credential, User-Agent, source, Accept. */
  headers: Record<string, string>;
  timeoutMs: number;
  validateRequests: boolean;
  validateResponses: boolean;
  /** Values to redact from every error message, e.g. the client's token. */
  secrets: string[];
}

/** What a call hands to `api`: the pipeline as its fetch, the per-call headers, the body check. */
export type CallInit = SendInit;

// openapi-fetch's types name the answer a `Response`; at run time it is whatever the pipeline's
// end gave (see `WireResponse`), and only the members both have are read here.
type TypedAnswer<D> = { data?: D; error?: unknown; response: WireResponse };

export class CallplaneCore {
  readonly api: Api;
  readonly #settings: CoreSettings;

  constructor(settings: CoreSettings) {
    this.#settings = settings;
    this.api = createApi(settings.endpoint.replace(/\/+$/, ""), settings.headers);
  }

  /** Sends one operation through the pipeline and turns the answer into a value or an error. */
  async call<D>(operationId: OperationId, options: RequestOptions | undefined, send: (init: CallInit) => Promise<TypedAnswer<D>>): Promise<WithResponse<NonNullable<D>>> {
    const signal = options?.signal;
    const context: CallContext = {
      operationId,
      timeoutMs: options?.timeoutMs ?? this.#settings.timeoutMs,
      signal,
      attempt: 0,
      attemptController: new AbortController(),
    };
    const init: CallInit = {
      pipeline: composeLayers(this.#settings.middleware, this.#settings.sender, context),
      headers: options?.ifMatch || options?.idempotencyKey ? { "If-Match": options.ifMatch, "Idempotency-Key": options.idempotencyKey } : undefined,
      beforeSend: this.#settings.validateRequests ? (body) => this.#checkRequest(operationId, body) : undefined,
    };
    // The caller's signal cancels whichever attempt is in flight.
    const cancel = signal ? () => context.attemptController.abort(signal.reason) : undefined;
    if (cancel) signal?.addEventListener("abort", cancel, { once: true });
    let answer: TypedAnswer<D> | Answer;
    try {
      answer = await send(init);
    } catch (error) {
      throw signal?.aborted ? abortError(signal) : this.#connectionError(error);
    } finally {
      if (cancel) signal?.removeEventListener("abort", cancel);
    }
    const { response } = answer;
    if (!response.ok) throw this.#errorFromAnswer(response, answer.error);
    const data = (answer.data ?? {}) as NonNullable<D>;
    if (this.#settings.validateResponses) this.#checkResponse(operationId, response, data);
    return attachResponse(data as NonNullable<D> & object, responseMeta(response)) as WithResponse<NonNullable<D>>;
  }

  /** A body that breaks the spec's rules fails here, with every field named, and is never sent. */
  #checkRequest(operationId: OperationId, body: unknown): void {
    const schema: Schema<unknown> | undefined = requestSchemas[operationId];
    if (!schema || body === undefined) return;
    const result = schema.safeParse(body);
    if (result.success) return;
    throw new ValidationError({
      title: `The request to ${operationId} breaks the Callplane spec's rules; nothing was sent`,
      fieldErrors: fieldErrorsFromIssues(result.error.issues),
    });
  }

  #checkResponse(operationId: OperationId, response: WireResponse, data: unknown): void {
    const schema: Schema<unknown> | undefined = responseSchemas[operationId];
    if (!schema) return;
    const result = schema.safeParse(data);
    if (result.success) return;
    throw new ResponseValidationError({
      status: response.status,
      title: `The API's answer to ${operationId} does not match the Callplane spec`,
      requestId: response.headers.get("X-Request-Id") ?? undefined,
      fieldErrors: fieldErrorsFromIssues(result.error.issues),
    });
  }

  #errorFromAnswer(response: WireResponse, body: unknown): CallplaneError {
    const redact = (text: unknown) => (typeof text === "string" ? redactSecrets(text, this.#settings.secrets) : undefined);
    const problem = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
    const fieldErrors = Array.isArray(problem.errors)
      ? problem.errors
          .filter((e): e is { path: unknown; message: unknown } => typeof e === "object" && e !== null)
          .map((e) => ({ path: String(e.path ?? ""), message: redact(String(e.message ?? "")) ?? "" }))
      : [];
    const init = {
      status: response.status,
      type: redact(problem.type),
      title: redact(problem.title) ?? (response.statusText || `HTTP ${response.status}`),
      detail: redact(problem.detail) ?? (typeof body === "string" && body ? redact(body.slice(0, 500)) : undefined),
      requestId: response.headers.get("X-Request-Id") ?? redact(problem.requestId),
      fieldErrors,
    };
    if (response.status === 429) {
      return new RateLimitError({ ...init, retryAfterMs: parseRetryAfter(response.headers.get("Retry-After")) });
    }
    const ErrorClass = errorClassForStatus(response.status);
    return new ErrorClass(init);
  }

  #connectionError(error: unknown): unknown {
    if (error instanceof CallplaneError) return error;
    const reason = error instanceof Error ? error.message : String(error);
    return new ConnectionError({
      title: `Could not reach the Callplane API: ${redactSecrets(reason, this.#settings.secrets)}`,
      cause: redactedError(error, this.#settings.secrets),
    });
  }
}
