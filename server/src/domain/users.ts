/** Users: tenant-wide people with a role. At least one admin always remains. */
import { schemas, type Role, type UserCreate, type UserUpdate } from "@callplane/sdk";
import { hashPassword, newId } from "../auth/secrets.js";
import type { Store } from "../db/store.js";
import type { RequestContext, RouteDefinition, Services } from "../http/context.js";
import { problems } from "../http/problem.js";
import { audit, changedFields, checkIfMatch, enumQuery, etagOf, pageBody, pageRequest, parseBody, stringQuery, tenantOf, writableTenant } from "./common.js";

const ROLES = ["admin", "member", "operator", "viewer"] as const;
const IMMUTABLE = ["email", "password"] as const;

function find(ctx: RequestContext, store: Store, tenantId: string) {
  const id = ctx.params.userId!;
  const found = store.getUser(tenantId, id);
  if (!found) throw problems.notFound(`User ${id} does not exist.`);
  return found;
}

function checkScheduleRole(role: Role, schedule: unknown): void {
  if (schedule && role !== "operator") {
    throw problems.validation([{ path: "operatorSchedule", message: `only operators have an operator schedule (the role is ${role})` }]);
  }
}

function lastAdminConflict(name: string, what: string, path: string) {
  return problems.conflict("last-admin", "At least one admin must remain", `${name} is the tenant's only admin; make someone else admin before you ${what}.`, [{ path, message: `cannot ${what} the last admin` }]);
}

/** Creates a user; shared with accepting an invitation and the first start's bootstrap. */
export function insertUser(store: Store, tenantId: string, input: UserCreate, now: string): string {
  if (store.userIdByEmail(tenantId, input.email)) {
    throw problems.conflict("duplicate-email", "Email already in use", `A user with email ${input.email} already exists.`, [{ path: "email", message: "already belongs to a user" }]);
  }
  checkScheduleRole(input.role, input.operatorSchedule);
  const id = newId("usr");
  store.insertUser({
    id, tenantId, name: input.name, email: input.email, role: input.role, operatorSchedule: input.operatorSchedule ?? null,
    passwordHash: input.password ? hashPassword(input.password) : null, now,
  });
  return id;
}

function create(ctx: RequestContext, services: Services) {
  const { tenantId } = writableTenant(ctx, services);
  const input = parseBody(schemas.UserCreate, ctx.body);
  const id = insertUser(services.store, tenantId, input, ctx.now.toISOString());
  const user = services.store.getUser(tenantId, id)!;
  audit(ctx, services, tenantId, { action: "user.create", resourceType: "user", resourceId: id, before: null, after: user.value });
  return { status: 201, body: user.value, etag: etagOf(user.version) };
}

function update(ctx: RequestContext, services: Services) {
  const { tenantId } = writableTenant(ctx, services);
  if (ctx.body && typeof ctx.body === "object") {
    const immutable = IMMUTABLE.filter((field) => field in (ctx.body as object));
    if (immutable.length) throw problems.validation(immutable.map((path) => ({ path, message: "cannot be changed after the user is created" })));
  }
  const patch: UserUpdate = parseBody(schemas.UserUpdate, ctx.body);
  const before = find(ctx, services.store, tenantId);
  checkIfMatch(ctx, etagOf(before.version), "user");
  const role = patch.role ?? before.value.role;
  if (before.value.role === "admin" && role !== "admin" && services.store.countAdmins(tenantId) <= 1) {
    throw lastAdminConflict(before.value.name, "demote", "role");
  }
  const schedule = patch.operatorSchedule !== undefined ? patch.operatorSchedule : before.value.operatorSchedule;
  // Leaving the operator role drops the schedule, unless the request also sends one (refused).
  if (patch.operatorSchedule !== undefined) checkScheduleRole(role, schedule);
  const fields = { ...patch, ...(role !== "operator" && before.value.operatorSchedule ? { operatorSchedule: null } : {}) };
  services.store.updateUser(tenantId, before.value.id, fields, ctx.now.toISOString());
  const after = services.store.getUser(tenantId, before.value.id)!;
  audit(ctx, services, tenantId, { action: "user.update", resourceType: "user", resourceId: before.value.id, ...changedFields(before.value, after.value) });
  return { status: 200, body: after.value, etag: etagOf(after.version) };
}

function remove(ctx: RequestContext, services: Services) {
  const { tenantId } = writableTenant(ctx, services);
  const before = find(ctx, services.store, tenantId);
  checkIfMatch(ctx, etagOf(before.version), "user");
  if (before.value.role === "admin" && services.store.countAdmins(tenantId) <= 1) throw lastAdminConflict(before.value.name, "delete", "");
  services.store.deleteUser(tenantId, before.value.id, ctx.now.toISOString());
  audit(ctx, services, tenantId, { action: "user.delete", resourceType: "user", resourceId: before.value.id, before: before.value, after: null });
  return { status: 204 };
}

export const userRoutes: RouteDefinition[] = [
  {
    method: "GET",
    pattern: "/v1/users",
    access: "read",
    handler: (ctx, { store }) => {
      const filter = { q: stringQuery(ctx, "q", 0, 200), role: enumQuery(ctx, "role", ROLES) };
      return { status: 200, body: pageBody(store.listUsers(tenantOf(ctx).tenantId, filter, pageRequest(ctx))) };
    },
  },
  { method: "POST", pattern: "/v1/users", access: "write", handler: create },
  {
    method: "GET",
    pattern: "/v1/users/{userId}",
    access: "read",
    handler: (ctx, { store }) => {
      const found = find(ctx, store, tenantOf(ctx).tenantId);
      return { status: 200, body: found.value, etag: etagOf(found.version) };
    },
  },
  { method: "PATCH", pattern: "/v1/users/{userId}", access: "write", handler: update },
  { method: "DELETE", pattern: "/v1/users/{userId}", access: "write", handler: remove },
];
