/**
 * Signing in with email and password, signing out, and signing up. A session token acts like
 * an API token with the user's current role (see auth/sessions.ts); only its hash is stored.
 */
import { schemas, type Actor, type User } from "@callplane/sdk";
import { hashSecret, newId, newSecret, verifyPassword } from "../auth/secrets.js";
import type { Store } from "../db/store.js";
import type { Reply, RequestContext, RouteDefinition, Services } from "../http/context.js";
import { HttpError, problems } from "../http/problem.js";
import { audit, parseBody, tenantOf } from "./common.js";
import { insertEnvironment } from "./environments.js";
import { DEFAULT_PLAN_LIMIT, insertTenant } from "./tenants.js";
import { insertUser } from "./users.js";

export interface NewSession {
  id: string;
  expiresAt: string;
  createdAt: string;
  user: User;
  token: string;
}

/** Opens a session for `user` and records the sign-in; shared with accepting an invitation. */
export function startSession(ctx: RequestContext, services: Services, tenantId: string, user: User): NewSession {
  const id = newId("ses");
  const token = newSecret("cps");
  const createdAt = ctx.now.toISOString();
  const expiresAt = new Date(ctx.now.getTime() + services.settings.sessionTtlMs).toISOString();
  services.store.insertSession({ id, tenantId, userId: user.id, tokenHash: hashSecret(token), expiresAt, now: createdAt });
  audit(ctx, services, tenantId, { action: "session.signIn", resourceType: "session", resourceId: id, before: null, after: { userId: user.id, expiresAt, clientAddress: ctx.clientAddress } }, actorOf(user));
  return { id, expiresAt, createdAt, user, token };
}

const actorOf = (user: { id: string; name: string }): Actor => ({ type: "user", id: user.id, name: user.name });

function tooMany(what: string, waitMs: number): HttpError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new HttpError(429, "rate-limited", "Too many requests", `${what} Try again in ${seconds} seconds.`, [], { "Retry-After": String(seconds) });
}

function signIn(ctx: RequestContext, services: Services): Reply {
  const input = parseBody(schemas.SessionCreate, ctx.body);
  const { store, signIns } = services;
  const wait = signIns.signInWait(input.email, ctx.clientAddress);
  if (wait > 0) throw tooMany("Too many failed sign-ins for this email or from this address.", wait);

  const candidates = store.passwordsByEmail(input.email).filter((c) => !input.tenantId || c.tenantId === input.tenantId);
  // One scrypt run at least, also for an unknown email: the time taken tells nothing.
  const matches = candidates.length === 0
    ? (verifyPassword(input.password, null), [])
    : candidates.filter((c) => verifyPassword(input.password, c.passwordHash));

  if (matches.length === 0) {
    signIns.failedSignIn(input.email, ctx.clientAddress);
    for (const candidate of candidates) {
      const user = store.getUser(candidate.tenantId, candidate.userId)!.value;
      audit(ctx, services, candidate.tenantId, { action: "session.signInFailed", resourceType: "session", resourceId: null, before: null, after: { userId: user.id, email: user.email, clientAddress: ctx.clientAddress } }, actorOf(user));
    }
    // Answered after the transaction commits, so the failure stays in the audit log.
    return { status: 401, problem: problems.unauthenticated("The email or password is wrong.") };
  }
  if (matches.length > 1) {
    const tenants = matches.map((m) => m.tenantId).join(", ");
    throw problems.conflict("tenant-required", "Name the tenant", `This email and password sign in to ${matches.length} tenants; send tenantId to choose one.`, [{ path: "tenantId", message: `is required: one of ${tenants}` }]);
  }
  const { tenantId, userId } = matches[0]!;
  signIns.succeededSignIn(input.email);
  const user = store.getUser(tenantId, userId)!.value;
  return { status: 201, body: startSession(ctx, services, tenantId, user) };
}

function current(ctx: RequestContext, store: Store) {
  const principal = tenantOf(ctx);
  const session = principal.sessionId ? store.getSession(principal.sessionId) : undefined;
  if (!session) throw problems.notFound("This credential is not a session; only session tokens (from signing in) have one.");
  return { principal, session };
}

function signOut(ctx: RequestContext, services: Services): Reply {
  const { principal, session } = current(ctx, services.store);
  services.store.deleteSession(session.id);
  audit(ctx, services, principal.tenantId, { action: "session.signOut", resourceType: "session", resourceId: session.id, before: { userId: session.userId, expiresAt: session.expiresAt }, after: null });
  return { status: 204 };
}

function signUp(ctx: RequestContext, services: Services): Reply {
  if (!services.settings.allowSignup) throw problems.forbidden("Sign-up is turned off on this server; ask an administrator for an account or an invitation.");
  const wait = services.signIns.signUpWait(ctx.clientAddress);
  if (wait > 0) throw tooMany("Too many sign-ups from this address.", wait);
  const input = parseBody(schemas.SignUp, ctx.body);
  const now = ctx.now.toISOString();
  const { id: tenantId } = insertTenant(services.store, { name: input.tenantName, billingEmail: input.email, planLimit: DEFAULT_PLAN_LIMIT }, now);
  insertEnvironment(services.store, tenantId, { name: "default" }, now);
  const userId = insertUser(services.store, tenantId, { name: input.name, email: input.email, role: "admin", password: input.password }, now);
  const tenant = services.store.getTenant(tenantId)!;
  const user = services.store.getUser(tenantId, userId)!.value;
  const actor = actorOf(user);
  audit(ctx, services, tenantId, { action: "tenant.signUp", resourceType: "tenant", resourceId: tenantId, before: null, after: tenant.value }, actor);
  audit(ctx, services, tenantId, { action: "user.create", resourceType: "user", resourceId: userId, before: null, after: user }, actor);
  services.signIns.signedUp(ctx.clientAddress);
  return { status: 201, body: { tenant: tenant.value, session: startSession(ctx, services, tenantId, user) } };
}

export const sessionRoutes: RouteDefinition[] = [
  { method: "POST", pattern: "/v1/sessions", access: "public", handler: signIn },
  {
    method: "GET",
    pattern: "/v1/sessions/current",
    access: "read",
    handler: (ctx, { store }) => {
      const { principal, session } = current(ctx, store);
      const user = store.getUser(principal.tenantId, session.userId)!.value;
      return { status: 200, body: { id: session.id, expiresAt: session.expiresAt, createdAt: session.createdAt, user } };
    },
  },
  // Any session may end itself, whatever the role and even in a read-only tenant.
  { method: "DELETE", pattern: "/v1/sessions/current", access: "read", handler: signOut },
  { method: "POST", pattern: "/v1/signup", access: "public", handler: signUp },
];
