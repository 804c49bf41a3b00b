/**
 * The HTTP server: request ids, body parsing, authentication, access, rate limits, idempotency
 * keys and problem responses around the route handlers. Every write runs in one IMMEDIATE
 * transaction, start to finish, so concurrent requests cannot interleave or half-apply.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { resolvePrincipal, type Principal } from "../auth/principal.js";
import { SignInLimiter, type SignInLimits } from "../auth/sign-in-limiter.js";
import type { Store } from "../db/store.js";
import type { AuditSource, RequestContext, Reply, RouteDefinition, ServerSettings, Services } from "./context.js";
import { IdempotencyKeys } from "./idempotency.js";
import { HttpError, problems } from "./problem.js";
import { RateLimiter } from "./rate-limit.js";
import { Router } from "./router.js";

const MAX_BODY_BYTES = 1024 * 1024;
const SOURCES: readonly AuditSource[] = ["console", "api", "terraform", "sdk"];

export interface HttpServerOptions {
  store: Store;
  routes: RouteDefinition[];
  settings: ServerSettings;
  platformToken?: string | undefined;
  /** Requests per second per credential; off when undefined. */
  rateLimit?: number | undefined;
  /** Failed sign-ins and sign-ups allowed per email and client address (see sign-in-limiter.ts). */
  signInLimits?: Partial<SignInLimits> | undefined;
  /** One line per request (method, path, status, duration, request id); never headers or bodies. */
  log?: ((line: string) => void) | undefined;
  /** Extra handlers for non-API paths (the console page); return true when handled. */
  fallback?: ((req: IncomingMessage, res: ServerResponse) => boolean) | undefined;
}

export function createHttpServer(options: HttpServerOptions): Server {
  const router = new Router<RouteDefinition>();
  for (const route of options.routes) router.add(route.method, route.pattern, route);
  const services: Services = { store: options.store, settings: options.settings, signIns: new SignInLimiter(options.signInLimits) };
  const limiter = options.rateLimit ? new RateLimiter(options.rateLimit) : undefined;
  const idempotency = new IdempotencyKeys(options.store);

  return createServer((req, res) => {
    const started = performance.now();
    const requestId = `req_${randomBytes(8).toString("hex")}`;
    res.setHeader("X-Request-Id", requestId);
    res.on("finish", () => options.log?.(`${req.method} ${req.url?.split("?")[0]} ${res.statusCode} ${(performance.now() - started).toFixed(1)}ms ${requestId}`));
    if (options.fallback?.(req, res)) return;
    handle(req, res, requestId).catch((error: unknown) => sendError(res, error, requestId, req.url ?? "/"));
  });

  async function handle(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const method = req.method ?? "GET";
    const match = router.match(method, url.pathname);
    if (limiter && match.handler.access !== "public") {
      const wait = limiter.take(req.headers.authorization ?? req.socket.remoteAddress ?? "anonymous");
      if (wait > 0) throw problems.rateLimited(options.rateLimit!, Math.ceil(wait / 1000));
    }
    const raw = await readBody(req);
    const body = parseJson(raw, req.headers["content-type"]);
    const ctx: RequestContext = {
      requestId,
      method,
      path: url.pathname,
      params: match.params,
      query: url.searchParams,
      body,
      ifMatch: headerValue(req.headers["if-match"]),
      now: new Date(),
      source: sourceOf(req),
      clientAddress: req.socket.remoteAddress ?? "unknown",
      principal: undefined,
    };
    const route = match.handler;
    const run = () => {
      if (route.access !== "public") ctx.principal = authorize(route, req.headers.authorization, ctx.now);
      return idempotency.run(ctx, headerValue(req.headers["idempotency-key"]), raw, () => route.handler(ctx, services));
    };
    const reply = method === "GET" ? run() : options.store.transaction(run);
    if (reply.problem) throw reply.problem;
    send(res, reply);
  }

  function authorize(route: RouteDefinition, authorization: string | undefined, now: Date): Principal {
    const principal = resolvePrincipal(options.store, authorization, options.platformToken, now);
    if (route.access === "platform" && principal.kind !== "platform") {
      throw problems.forbidden("Only platform administrators may list or create tenants.");
    }
    if (route.access === "write" && principal.kind === "tenant" && !principal.canWrite) {
      const why = principal.role !== "admin"
        ? `this credential belongs to a ${principal.role}; only admins may change settings`
        : "this API token has read scope";
      throw problems.forbidden(`Permission denied: ${why}.`);
    }
    return principal;
  }
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

function sendError(res: ServerResponse, error: unknown, requestId: string, url: string): void {
  const httpError = error instanceof HttpError
    ? error
    : new HttpError(500, "internal", "Internal server error", "Something went wrong on the server; nothing was changed.");
  if (!(error instanceof HttpError)) console.error(`[${requestId}]`, error);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const payload = JSON.stringify(httpError.problem(requestId, url.split("?")[0]!));
  res.writeHead(httpError.status, {
    ...httpError.headers,
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

async function readBody(req: IncomingMessage): Promise<string> {
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
    throw problems.malformed(`The request body is not valid JSON: ${(error as Error).message}`);
  }
}
