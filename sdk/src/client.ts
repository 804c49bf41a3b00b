/**
 * `createCallplaneClient`: the SDK's entry point, one namespace per resource.
 */
import { CallplaneCore } from "./core/core.js";
import type { HttpClient } from "./core/http-client.js";
import { loggingMiddleware, type Logger } from "./core/logging.js";
import { asLayer, type Layer, type Middleware } from "./core/middleware.js";
import { retryMiddleware } from "./core/retry.js";
import { timeoutMiddleware } from "./core/timeout.js";
import { ApiTokensResource } from "./resources/api-tokens.js";
import { AuditEventsResource } from "./resources/audit-events.js";
import { ConcurrencyResource } from "./resources/concurrency.js";
import { EnvironmentsResource } from "./resources/environments.js";
import { InvitationsResource } from "./resources/invitations.js";
import { SessionsResource } from "./resources/sessions.js";
import { TenantResource } from "./resources/tenant.js";
import { TenantsResource } from "./resources/tenants.js";
import { UsersResource } from "./resources/users.js";
import { SDK_VERSION } from "./version.js";

export interface CallplaneClientOptions {
  /** The API's base URL, e.g. `http://127.0.0.1:8787`. */
  endpoint: string;
  /** A tenant API key, a personal API token or a platform token. Never logged. */
  token?: string;
  /** The fetch to use; `globalThis.fetch` at call time by default. */
  fetch?: (request: Request) => Promise<Response>;
  /**
   * Sends requests instead of `fetch`, with plain objects in and out, for processes where loading
   * the WHATWG `Request`/`Response` classes costs more than their calls (a Terraform plugin, a
   * short CLI). Reject with a `TypeError` when the network fails, so the call is retried.
   * Give `fetch` or `httpClient`, not both.
   */
  httpClient?: HttpClient;
  /** Retries after the first attempt for 408, 429, 5xx, network errors and timeouts. @default 2 */
  maxRetries?: number;
  /** Per attempt. @default 30000 */
  timeoutMs?: number;
  /** Appended to the SDK's own User-Agent, e.g. `my-app/1.2`. */
  userAgent?: string;
  /**
   * Check request bodies against the spec before sending: a body that breaks a rule fails with
   * `ValidationError` naming each field, and no request is made. @default true
   */
  validateRequests?: boolean;
  /** Check every answer against the spec and fail with `ResponseValidationError` if it is off. @default false */
  validateResponses?: boolean;
  /** Receives one redacted entry per attempt. */
  logger?: Logger;
  /** What the audit log records as the source of changes. @default "sdk" */
  source?: "sdk" | "api" | "terraform" | "console";
  /** Backoff tuning: the first delay and the cap (also the longest `Retry-After` honoured). @default { baseDelayMs: 500, maxDelayMs: 30000 } */
  retryDelays?: { baseDelayMs?: number; maxDelayMs?: number };
  /** Your own middleware, run after the SDK's headers are set and before retries. */
  middleware?: Middleware[];
}

export interface CallplaneClient {
  tenant: TenantResource;
  tenants: TenantsResource;
  environments: EnvironmentsResource;
  concurrency: ConcurrencyResource;
  users: UsersResource;
  invitations: InvitationsResource;
  auditEvents: AuditEventsResource;
  apiTokens: ApiTokensResource;
  /** Sign in with email and password, sign out, sign up. */
  sessions: SessionsResource;
}

export function createCallplaneClient(options: CallplaneClientOptions): CallplaneClient {
  if (!options || typeof options.endpoint !== "string" || !/^https?:\/\//.test(options.endpoint)) {
    throw new TypeError("createCallplaneClient: endpoint must be an http:// or https:// URL");
  }
  if (options.fetch && options.httpClient) throw new TypeError("createCallplaneClient: give fetch or httpClient, not both");
  const secrets = options.token ? [options.token] : [];
  const headers: Record<string, string> = {
    Accept: "application/json, application/problem+json",
    "User-Agent": `callplane-sdk-js/${SDK_VERSION}${options.userAgent ? ` ${options.userAgent}` : ""}`,
    "X-Callplane-Source": options.source ?? "sdk",
  };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  const middleware: Layer[] = [
    ...(options.middleware ?? []).map(asLayer),
    retryMiddleware({
      maxRetries: options.maxRetries ?? 2,
      baseDelayMs: options.retryDelays?.baseDelayMs ?? 500,
      maxDelayMs: options.retryDelays?.maxDelayMs ?? 30_000,
    }),
    ...(options.logger ? [loggingMiddleware(options.logger, secrets)] : []),
    timeoutMiddleware(),
  ];
  const core = new CallplaneCore({
    endpoint: options.endpoint,
    sender: options.httpClient ? { httpClient: options.httpClient } : options.fetch ? { fetch: options.fetch } : undefined,
    middleware,
    headers,
    timeoutMs: options.timeoutMs ?? 30_000,
    validateRequests: options.validateRequests ?? true,
    validateResponses: options.validateResponses ?? false,
    secrets,
  });
  return {
    tenant: new TenantResource(core),
    tenants: new TenantsResource(core),
    environments: new EnvironmentsResource(core),
    concurrency: new ConcurrencyResource(core),
    users: new UsersResource(core),
    invitations: new InvitationsResource(core),
    auditEvents: new AuditEventsResource(core),
    apiTokens: new ApiTokensResource(core),
    sessions: new SessionsResource(core),
  };
}
