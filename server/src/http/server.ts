/**
 * The HTTP server: request ids, authentication, access, rate limits, body parsing, idempotency
 * keys and problem responses around the route handlers. The caller is authenticated and their
 * access checked before a byte of the body is read, so strangers and readers cannot make the
 * server buffer bodies. Every write runs in one IMMEDIATE transaction, start to finish, so
 * concurrent requests cannot interleave or half-apply.
 */
import { schemas, validate } from "@callplane/sdk";
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { resolvePrincipal, type Principal } from "../auth/principal.js";
import { SignInLimiter, type SignInLimits } from "../auth/sign-in-limiter.js";
import type { Clock } from "../clock.js";
import type { Store } from "../db/store.js";
import type { AuditSource, RequestContext, Reply, RouteDefinition, ServerSettings, Services } from "./context.js";
import { IdempotencyKeys } from "./idempotency.js";
import { HttpError, problems } from "./problem.js";
import { RequestLimits } from "./request-limits.js";
import { Router } from "./router.js";

const MAX_BODY_BYTES = 1024 * 1024;
const SOURCES: readonly AuditSource[] = ["console", "api", "terraform", "sdk"];

/** How long a client may take; see docs/security.md ("Timeouts"). */
export interface Timeouts {
  /** To send the request line and headers. */
  headersMs: number;
  /** To send the whole request, body included. */
  requestMs: number;
  /** An idle keep-alive connection stays open this long. */
  keepAliveMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 5_000 };

export interface HttpServerOptions {
  store: Store;
  routes: RouteDefinition[];
  settings: ServerSettings;
  platformToken?: string | undefined;
  /** Requests per second per credential (and per address for failed authentication and public routes); off when undefined. */
  rateLimit?: number | undefined;
  /** Failed sign-ins and sign-ups allowed per email and client address (see sign-in-limiter.ts). */
  signInLimits?: Partial<SignInLimits> | undefined;
  timeouts?: Partial<Timeouts> | undefined;
  /** One line per request (method, path, status, duration, request id); never headers or bodies. */
  log?: ((line: string) => void) | undefined;
  /** Where every expiry and rate-limit decision reads the time. */
  clock: Clock;
  /** Extra handlers for non-API paths (the console page); return true when handled. */
  fallback?: ((req: IncomingMessage, res: ServerResponse) => boolean) | undefined;
}

export function createHttpServer(options: HttpServerOptions): Server {
  const router = new Router<RouteDefinition>();
  for (const route of options.routes) router.add(route.method, route.pattern, route);
  const { clock } = options;
  const now = () => clock.now();
  const services: Services = { store: options.store, settings: options.settings, signIns: new SignInLimiter(options.signInLimits, now) };
  const limits = options.rateLimit ? new RequestLimits(options.rateLimit, now) : undefined;
  const idempotency = new IdempotencyKeys(options.store, now);
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };

  const server = createServer({
    headersTimeout: timeouts.headersMs,
    requestTimeout: Math.max(timeouts.requestMs, timeouts.headersMs),
    keepAliveTimeout: timeouts.keepAliveMs,
    // Node checks the two timeouts above only this often (30 s by default).
    connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(timeouts.headersMs / 2))),
  }, (req, res) => {
    const started = performance.now();
    const requestId = `req_${randomBytes(8).toString("hex")}`;
    res.setHeader("X-Request-Id", requestId);
    res.on("finish", () => options.log?.(`${req.method} ${req.url?.split("?")[0]} ${res.statusCode} ${(performance.now() - started).toFixed(1)}ms ${requestId}`));
    if (options.fallback?.(req, res)) return;
    handle(req, res, requestId).catch((error: unknown) => sendError(req, res, error, requestId));
  });
  return server;

  async function handle(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const method = req.method ?? "GET";
    const match = router.match(method, url.pathname);
    const route = match.handler;
    const now = new Date(clock.now());
    const address = req.socket.remoteAddress ?? "unknown";
    if (route.access === "public") limits?.publicRoute(address);
    const principal = route.access === "public" ? undefined : authenticate(route, req.headers.authorization, now, address);

    // Only now, for a caller who may make this call, is the body read. GET and DELETE take none
    // (the spec gives them none), so theirs is left unread.
    const raw = method === "GET" || method === "DELETE" ? "" : await readBody(req);
    const body = parseJson(raw, req.headers["content-type"]);
    if (route.takesNoBody) refuseBody(body);
    const ctx: RequestContext = {
      requestId,
      method,
      path: url.pathname,
      params: match.params,
      query: url.searchParams,
      body,
      ifMatch: headerValue(req.headers["if-match"]),
      now,
      source: sourceOf(req),
      clientAddress: req.socket.remoteAddress ?? "unknown",
      principal: undefined,
    };
    const run = () => {
      // A write checks again inside its transaction: the credential may have been revoked while the body arrived.
      if (principal) ctx.principal = method === "GET" ? principal : authorize(route, req.headers.authorization, ctx.now);
      return idempotency.run(ctx, headerValue(req.headers["idempotency-key"]), raw, () => route.handler(ctx, services));
    };
    const reply = method === "GET" ? run() : options.store.transaction(run);
    if (reply.problem) throw reply.problem;
    send(res, reply);
  }

  /** Who is calling and whether they may: rate limits first, failures counted per address. */
  function authenticate(route: RouteDefinition, authorization: string | undefined, now: Date, address: string): Principal {
    limits?.beforeAuthentication(address);
    let principal: Principal;
    try {
      principal = resolvePrincipal(options.store, authorization, options.platformToken, now);
    } catch (error) {
      limits?.authenticationFailed(address);
      throw error;
    }
    limits?.credential(principal.scope);
    checkAccess(route, principal);
    return principal;
  }

  function authorize(route: RouteDefinition, authorization: string | undefined, now: Date): Principal {
    const principal = resolvePrincipal(options.store, authorization, options.platformToken, now);
    checkAccess(route, principal);
    return principal;
  }
}

function checkAccess(route: RouteDefinition, principal: Principal): void {
  if (route.access === "platform" && principal.kind !== "platform") {
    throw problems.forbidden("Only platform administrators may list or create tenants.");
  }
  if (route.access === "write" && principal.kind === "tenant" && !principal.canWrite) {
    const why = principal.role !== "admin"
      ? `this credential belongs to a ${principal.role}; only admins may change settings`
      : "this API token has read scope";
    throw problems.forbidden(`Permission denied: ${why}.`);
  }
}

/** Calls that take no body accept none or `{}` (the spec's NoBody); anything else would be ignored silently. */
function refuseBody(body: unknown): void {
  if (body === undefined) return;
  const result = validate(schemas.NoBody, body);
  if (!result.ok) throw problems.validation(result.fieldErrors.map((error) => ({ path: error.path, message: `${error.message}: this call takes no body (send none, or {})` })));
}

function send(res: ServerResponse, reply: Reply): void {
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  if (reply.etag) res.setHeader("ETag", reply.etag);
  if (reply.body === undefined) {
    res.writeHead(reply.status).end();
    return;
  }
  const payload = JSON.stringify(reply.body);
  res.writeHead(reply.status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(payload), "Cache-Control": "no-store" });
  res.end(payload);
}

function sendError(req: IncomingMessage, res: ServerResponse, error: unknown, requestId: string): void {
  const httpError = error instanceof HttpError
    ? error
    : new HttpError(500, "internal", "Internal server error", "Something went wrong on the server; nothing was changed.");
  if (!(error instanceof HttpError)) console.error(`[${requestId}]`, error);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const payload = JSON.stringify(httpError.problem(requestId, (req.url ?? "/").split("?")[0]!));
  const unread = hasUnreadBody(req);
  // A body the server never read is not read now either: once the answer is out, the
  // connection closes instead of draining it.
  if (unread) res.once("finish", () => req.socket.destroy());
  res.writeHead(httpError.status, {
    ...httpError.headers,
    ...(unread ? { Connection: "close" } : {}),
    "Content-Type": "application/problem+json",
    "Content-Length": Buffer.byteLength(payload),
    "Cache-Control": "no-store",
  });
  res.end(payload);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(", ") : value;
}

function sourceOf(req: IncomingMessage): AuditSource {
  const declared = headerValue(req.headers["x-callplane-source"])?.toLowerCase();
  if (declared && (SOURCES as readonly string[]).includes(declared)) return declared as AuditSource;
  const agent = req.headers["user-agent"] ?? "";
  if (/terraform/i.test(agent)) return "terraform";
  if (/callplane-sdk/i.test(agent)) return "sdk";
  return "api";
}

function hasUnreadBody(req: IncomingMessage): boolean {
  const announced = req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
  return announced && !req.complete;
}

async function readBody(req: IncomingMessage): Promise<string> {
  if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) throw problems.payloadTooLarge(MAX_BODY_BYTES);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw problems.payloadTooLarge(MAX_BODY_BYTES);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function parseJson(raw: string, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  const mediaType = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (mediaType !== "application/json" && !/^application\/[a-z0-9.+-]*\+json$/.test(mediaType)) {
    throw problems.unsupportedMediaType(mediaType);
  }
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw problems.malformed(`The request body is not valid JSON: ${(error as Error).message}`, [{ path: "", message: "is not valid JSON" }]);
  }
}
