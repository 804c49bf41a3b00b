/**
 * Invitations: invite an email with a role; the invitee accepts with the secret and becomes a
 * user. Expiry is read from `expiresAt` (a pending invitation past it reads as expired).
 */
import { schemas, type Invitation } from "@callplane/sdk";
import { hashSecret, newId, newSecret } from "../auth/secrets.js";
import type { Store } from "../db/store.js";
import type { RequestContext, RouteDefinition, Services } from "../http/context.js";
import { problems } from "../http/problem.js";
import { audit, checkIfMatch, enumQuery, etagOf, pageBody, pageRequest, parseBody, tenantOf, writableTenant } from "./common.js";
import { startSession } from "./sessions.js";
import { insertUser } from "./users.js";

const STATUSES = ["pending", "accepted", "expired", "revoked"] as const;
const DAY_MS = 24 * 60 * 60 * 1000;

function find(ctx: RequestContext, store: Store, tenantId: string) {
  const id = ctx.params.invitationId!;
  const found = store.getInvitation(tenantId, id, ctx.now.toISOString());
  if (!found) throw problems.notFound(`Invitation ${id} does not exist.`);
  return found;
}

function expiry(ctx: RequestContext, services: Services, days: number | undefined): string {
  return new Date(ctx.now.getTime() + (days ? days * DAY_MS : services.settings.inviteTtlMs)).toISOString();
}

function statusConflict(invitation: Invitation, action: string) {
  return problems.conflict("invitation-not-" + action, `The invitation cannot be ${action}d`, `Invitation ${invitation.id} is ${invitation.status}; it cannot be ${action}d.`, [{ path: "status", message: `is ${invitation.status}` }]);
}

function create(ctx: RequestContext, services: Services) {
  const principal = writableTenant(ctx, services);
  const input = parseBody(schemas.InvitationCreate, ctx.body);
  const now = ctx.now.toISOString();
  if (services.store.userIdByEmail(principal.tenantId, input.email)) {
    throw problems.conflict("duplicate-email", "Already a user", `${input.email} already belongs to a user of this tenant.`, [{ path: "email", message: "already belongs to a user" }]);
  }
  const pending = services.store.pendingInvitationFor(principal.tenantId, input.email, now);
  if (pending) {
    throw problems.conflict("duplicate-invitation", "Already invited", `${input.email} already has a pending invitation (${pending.id}); renew or revoke it instead.`, [{ path: "email", message: "already has a pending invitation" }]);
  }
  const id = newId("inv");
  const secret = newSecret("cpi");
  services.store.insertInvitation({
    id, tenantId: principal.tenantId, email: input.email, role: input.role, secretHash: hashSecret(secret),
    invitedBy: principal.actor, expiresAt: expiry(ctx, services, input.expiresInDays), now,
  });
  const invitation = services.store.getInvitation(principal.tenantId, id, now)!;
  audit(ctx, services, principal.tenantId, { action: "invitation.create", resourceType: "invitation", resourceId: id, before: null, after: invitation.value });
  return { status: 201, body: { ...invitation.value, secret }, etag: etagOf(invitation.version) };
}

function revoke(ctx: RequestContext, services: Services) {
  const { tenantId } = writableTenant(ctx, services);
  const before = find(ctx, services.store, tenantId);
  checkIfMatch(ctx, etagOf(before.version), "invitation");
  if (before.value.status === "accepted") throw statusConflict(before.value, "revoke");
  if (before.value.status !== "revoked") services.store.updateInvitation(tenantId, before.value.id, { status: "revoked" });
  const after = find(ctx, services.store, tenantId);
  audit(ctx, services, tenantId, { action: "invitation.revoke", resourceType: "invitation", resourceId: before.value.id, before: { status: before.value.status }, after: { status: after.value.status } });
  return { status: 200, body: after.value, etag: etagOf(after.version) };
}

function renew(ctx: RequestContext, services: Services) {
  const { tenantId } = writableTenant(ctx, services);
  const input = ctx.body === undefined ? {} : parseBody(schemas.InvitationRenew, ctx.body);
  const before = find(ctx, services.store, tenantId);
  if (before.value.status !== "expired" && before.value.status !== "pending") throw statusConflict(before.value, "renew");
  const secret = newSecret("cpi");
  services.store.updateInvitation(tenantId, before.value.id, { status: "pending", secretHash: hashSecret(secret), expiresAt: expiry(ctx, services, input.expiresInDays) });
  const after = find(ctx, services.store, tenantId);
  audit(ctx, services, tenantId, { action: "invitation.renew", resourceType: "invitation", resourceId: before.value.id, before: { status: before.value.status, expiresAt: before.value.expiresAt }, after: { status: after.value.status, expiresAt: after.value.expiresAt } });
  return { status: 200, body: { ...after.value, secret }, etag: etagOf(after.version) };
}

function accept(ctx: RequestContext, services: Services) {
  const input = parseBody(schemas.InvitationAccept, ctx.body);
  const now = ctx.now.toISOString();
  const found = services.store.invitationBySecretHash(hashSecret(input.secret), now);
  if (!found) throw problems.notFound("No invitation has this secret (it may have been renewed, which replaces the secret).");
  const { tenantId, invitation } = found;
  if (invitation.status !== "pending") throw statusConflict(invitation, "accept");
  if (services.store.getTenant(tenantId)?.value.readOnly) throw problems.readOnlyTenant();
  const userId = insertUser(services.store, tenantId, { name: input.name, email: invitation.email, role: invitation.role, ...(input.password ? { password: input.password } : {}) }, now);
  services.store.updateInvitation(tenantId, invitation.id, { status: "accepted" });
  const user = services.store.getUser(tenantId, userId)!;
  const actor = { type: "user" as const, id: userId, name: user.value.name };
  audit(ctx, services, tenantId, { action: "invitation.accept", resourceType: "invitation", resourceId: invitation.id, before: { status: "pending" }, after: { status: "accepted", userId } }, actor);
  audit(ctx, services, tenantId, { action: "user.create", resourceType: "user", resourceId: userId, before: null, after: user.value }, actor);
  // The secret proved who this is: the new user is signed in.
  const session = startSession(ctx, services, tenantId, user.value);
  return { status: 201, body: { ...user.value, session }, etag: etagOf(user.version) };
}

export const invitationRoutes: RouteDefinition[] = [
  {
    method: "GET",
    pattern: "/v1/invitations",
    access: "read",
    handler: (ctx, { store }) => ({
      status: 200,
      body: pageBody(store.listInvitations(tenantOf(ctx).tenantId, enumQuery(ctx, "status", STATUSES), ctx.now.toISOString(), pageRequest(ctx))),
    }),
  },
  { method: "POST", pattern: "/v1/invitations", access: "write", handler: create },
  { method: "POST", pattern: "/v1/invitations/accept", access: "public", handler: accept },
  {
    method: "GET",
    pattern: "/v1/invitations/{invitationId}",
    access: "read",
    handler: (ctx, { store }) => {
      const found = find(ctx, store, tenantOf(ctx).tenantId);
      return { status: 200, body: found.value, etag: etagOf(found.version) };
    },
  },
  { method: "DELETE", pattern: "/v1/invitations/{invitationId}", access: "write", handler: revoke },
  { method: "POST", pattern: "/v1/invitations/{invitationId}/renew", access: "write", handler: renew },
];
