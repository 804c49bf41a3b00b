/**
 * The client core: an openapi-fetch client typed by the spec, the middleware pipeline, and the
 * one place where answers become objects (validated, with their ETag) or typed errors.
 */
import createClient, { type Client } from "openapi-fetch";
import type { paths } from "../generated/openapi.js";
import { responseSchemas } from "../generated/zod.js";
import { fieldErrorsFromIssues } from "../validation/field-errors.js";
import { CallplaneError, ConnectionError, RateLimitError, ResponseValidationError, errorClassForStatus } from "./errors.js";
import type { CallContext, Middleware } from "./middleware.js";
import { composeMiddleware } from "./middleware.js";
import { redactedError, redactSecrets } from "./redact.js";
import { parseRetryAfter } from "./retry.js";
import { abortError } from "./timeout.js";
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
  fetch: (request: Request) => Promise<Response>;
  middleware: Middleware[];
  timeoutMs: number;
  validateResponses: boolean;
  /** Values to redact from every error message, e.g. the client's token. */
  secrets: string[];
}

/** What a call hands to openapi-fetch: the pipeline as its fetch, and the per-call headers. */
export type CallInit = {
  fetch: (request: Request) => Promise<Response>;
  headers: Record<string, string | undefined>;
  signal: AbortSignal;
};

type Answer<D> = { data?: D; error?: unknown; response: Response };

export class CallplaneCore {
  readonly api: Client<paths>;
  readonly #settings: CoreSettings;

  constructor(settings: CoreSettings) {
    this.#settings = settings;
    this.api = createClient<paths>({ baseUrl: settings.endpoint.replace(/\/+$/, ""), fetch: settings.fetch });
  }

  /** Sends one operation through the pipeline and turns the answer into a value or an error. */
  async call<D>(operationId: OperationId, options: RequestOptions | undefined, send: (init: CallInit) => Promise<Answer<D>>): Promise<WithResponse<NonNullable<D>>> {
    const signal = options?.signal;
    const context: CallContext = {
      operationId,
      timeoutMs: options?.timeoutMs ?? this.#settings.timeoutMs,
      signal,
      attempt: 0,
      attemptController: new AbortController(),
    };
    const init: CallInit = {
      fetch: composeMiddleware(this.#settings.middleware, this.#settings.fetch, context),
      headers: { "If-Match": options?.ifMatch, "Idempotency-Key": options?.idempotencyKey },
      signal: context.attemptController.signal,
    };
    // The caller's signal cancels whichever attempt is in flight.
    const cancel = () => context.attemptController.abort(signal?.reason);
    signal?.addEventListener("abort", cancel, { once: true });
    let answer: Answer<D>;
    try {
      answer = await send(init);
    } catch (error) {
      throw signal?.aborted ? abortError(signal) : this.#connectionError(error);
    } finally {
      signal?.removeEventListener("abort", cancel);
    }
    const { response } = answer;
    if (!response.ok) throw this.#errorFromAnswer(response, answer.error);
    const data = (answer.data ?? {}) as NonNullable<D>;
    if (this.#settings.validateResponses) this.#validate(operationId, response, data);
    return attachResponse(data as NonNullable<D> & object, responseMeta(response)) as WithResponse<NonNullable<D>>;
  }

  #validate(operationId: OperationId, response: Response, data: unknown): void {
    const schema = responseSchemas[operationId];
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

  #errorFromAnswer(response: Response, body: unknown): CallplaneError {
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
