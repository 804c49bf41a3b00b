/** What a route handler gets and gives back. Handlers are synchronous: every request's reads
 * and writes run to completion in one transaction, so concurrent requests cannot interleave. */
import type { Principal } from "../auth/principal.js";
import type { SignInLimiter } from "../auth/sign-in-limiter.js";
import type { Store } from "../db/store.js";
import type { HttpError } from "./problem.js";
import type { Params } from "./router.js";

export type AuditSource = "console" | "api" | "terraform" | "sdk";

/** Who may call a route: anyone, any tenant credential, a writer, or a platform administrator. */
export type Access = "public" | "read" | "write" | "platform";

export interface RequestContext {
  requestId: string;
  method: string;
  path: string;
  params: Params;
  query: URLSearchParams;
  body: unknown;
  ifMatch: string | undefined;
  now: Date;
  source: AuditSource;
  /** The peer's IP address, for limits on sign-ins and sign-ups. */
  clientAddress: string;
  principal: Principal | undefined;
}

export interface Reply {
  status: number;
  body?: unknown;
  /** The object's version, sent as the ETag header. */
  etag?: string;
  headers?: Record<string, string>;
  /**
   * An error to answer with once the transaction has committed, for refusals that must still
   * leave a trace (a failed sign-in's audit event); thrown errors roll everything back.
   */
  problem?: HttpError;
}

export interface ServerSettings {
  /** How long invitations last unless the request says otherwise. */
  inviteTtlMs: number;
  /** How long a session from signing in lasts. */
  sessionTtlMs: number;
  /** Whether anyone may create a tenant with `POST /v1/signup`. */
  allowSignup: boolean;
}

export interface Services {
  store: Store;
  settings: ServerSettings;
  signIns: SignInLimiter;
}

export type Handler = (ctx: RequestContext, services: Services) => Reply;

export interface RouteDefinition {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  pattern: string;
  access: Access;
  handler: Handler;
}
