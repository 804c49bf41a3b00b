/** Environments: workspaces inside the tenant, each with a share of the plan limit. */
import { schemas, type Environment } from "@callplane/sdk";
import { hashSecret, maskSecret, newId, newSecret } from "../auth/secrets.js";
import type { Store } from "../db/store.js";
import type { RequestContext, RouteDefinition, Services } from "../http/context.js";
import { problems } from "../http/problem.js";
import { audit, booleanQuery, changedFields, checkIfMatch, etagOf, pageBody, pageRequest, parseBody, tenantOf, writableTenant } from "./common.js";

function find(ctx: RequestContext, store: Store, tenantId: string) {
  const id = ctx.params.environmentId!;
  const found = store.getEnvironment(tenantId, id);
  if (!found) throw problems.notFound(`Environment ${id} does not exist.`);
  return found;
}

/** Refuses a capacity that would take the tenant over its plan limit. */
export function checkCapacity(store: Store, tenantId: string, requested: number, current: number, path: string): void {
  const planLimit = store.getTenant(tenantId)!.value.planLimit;
  if (requested > planLimit) {
    throw problems.validation([{ path, message: `must be at most the plan limit (${planLimit})` }]);
  }
  const allocatedElsewhere = store.allocatedCalls(tenantId) - current;
  if (allocatedElsewhere + requested > planLimit) {
    const available = planLimit - allocatedElsewhere;
    throw problems.validation(
      [{ path, message: `only ${available} of the plan limit (${planLimit}) is available` }],
      `The environments would use ${allocatedElsewhere + requested} concurrent calls; the plan limit is ${planLimit}.`,
    );
  }
}

function checkNameFree(store: Store, tenantId: string, name: string, exceptId?: string): void {
  const existing = store.environmentByName(tenantId, name);
  if (existing && existing.id !== exceptId) {
    throw problems.conflict("duplicate-name", "Name already taken", `An environment named "${name}" already exists.`, [{ path: "name", message: "is already taken" }]);
  }
}

/** Creates an environment and returns it with its API key (the only time the key is seen). */
export function insertEnvironment(store: Store, tenantId: string, input: { name: string; maxConcurrentCalls?: number; hidden?: boolean; deletionProtection?: boolean }, now: string): Environment & { apiKey: string } {
  const id = newId("env");
  const apiKey = newSecret("cpk");
  store.insertEnvironment({
    id, tenantId, name: input.name, maxConcurrentCalls: input.maxConcurrentCalls ?? 0, hidden: input.hidden ?? false,
    deletionProtection: input.deletionProtection ?? false, apiKeyHash: hashSecret(apiKey), apiKeyMasked: maskSecret(apiKey), now,
  });
  return { ...store.getEnvironment(tenantId, id)!.value, apiKey };
}

function create(ctx: RequestContext, services: Services) {
  const { tenantId } = writableTenant(ctx, services);
  const input = parseBody(schemas.EnvironmentCreate, ctx.body);
  checkNameFree(services.store, tenantId, input.name);
  checkCapacity(services.store, tenantId, input.maxConcurrentCalls ?? 0, 0, "maxConcurrentCalls");
  const created = insertEnvironment(services.store, tenantId, input, ctx.now.toISOString());
  const { apiKey: _secret, ...visible } = created;
  audit(ctx, services, tenantId, { action: "environment.create", resourceType: "environment", resourceId: created.id, before: null, after: visible });
  return { status: 201, body: created, etag: etagOf(1) };
}

function update(ctx: RequestContext, services: Services) {
  const { tenantId } = writableTenant(ctx, services);
  const patch = parseBody(schemas.EnvironmentUpdate, ctx.body);
  const before = find(ctx, services.store, tenantId);
  checkIfMatch(ctx, etagOf(before.version), "environment");
  if (patch.name !== undefined) checkNameFree(services.store, tenantId, patch.name, before.value.id);
  if (patch.maxConcurrentCalls !== undefined) {
    checkCapacity(services.store, tenantId, patch.maxConcurrentCalls, before.value.maxConcurrentCalls, "maxConcurrentCalls");
  }
  services.store.updateEnvironment(tenantId, before.value.id, patch, ctx.now.toISOString());
  const after = services.store.getEnvironment(tenantId, before.value.id)!;
  audit(ctx, services, tenantId, { action: "environment.update", resourceType: "environment", resourceId: before.value.id, ...changedFields(before.value, after.value) });
  return { status: 200, body: after.value, etag: etagOf(after.version) };
}

function remove(ctx: RequestContext, services: Services) {
  const { tenantId } = writableTenant(ctx, services);
  const before = find(ctx, services.store, tenantId);
  checkIfMatch(ctx, etagOf(before.version), "environment");
  if (before.value.deletionProtection) {
    throw problems.conflict("deletion-protected", "Deletion protection is on",
      `Environment "${before.value.name}" has deletion protection; set deletionProtection to false first.`,
      [{ path: "deletionProtection", message: "must be false to delete the environment" }]);
  }
  services.store.deleteEnvironment(tenantId, before.value.id);
  audit(ctx, services, tenantId, { action: "environment.delete", resourceType: "environment", resourceId: before.value.id, before: before.value, after: null });
  return { status: 204 };
}

function rotate(ctx: RequestContext, services: Services) {
  const { tenantId } = writableTenant(ctx, services);
  const before = find(ctx, services.store, tenantId);
  const apiKey = newSecret("cpk");
  services.store.updateEnvironment(tenantId, before.value.id, { apiKeyHash: hashSecret(apiKey), apiKeyMasked: maskSecret(apiKey) }, ctx.now.toISOString());
  const after = services.store.getEnvironment(tenantId, before.value.id)!;
  audit(ctx, services, tenantId, { action: "environment.rotateApiKey", resourceType: "environment", resourceId: before.value.id, before: { apiKeyMasked: before.value.apiKeyMasked }, after: { apiKeyMasked: after.value.apiKeyMasked } });
  return { status: 200, body: { ...after.value, apiKey }, etag: etagOf(after.version) };
}

export const environmentRoutes: RouteDefinition[] = [
  {
    method: "GET",
    pattern: "/v1/environments",
    access: "read",
    handler: (ctx, { store }) => ({ status: 200, body: pageBody(store.listEnvironments(tenantOf(ctx).tenantId, booleanQuery(ctx, "includeHidden"), pageRequest(ctx))) }),
  },
  { method: "POST", pattern: "/v1/environments", access: "write", handler: create },
  {
    method: "GET",
    pattern: "/v1/environments/{environmentId}",
    access: "read",
    handler: (ctx, { store }) => {
      const found = find(ctx, store, tenantOf(ctx).tenantId);
      return { status: 200, body: found.value, etag: etagOf(found.version) };
    },
  },
  { method: "PATCH", pattern: "/v1/environments/{environmentId}", access: "write", handler: update },
  { method: "DELETE", pattern: "/v1/environments/{environmentId}", access: "write", handler: remove },
  { method: "POST", pattern: "/v1/environments/{environmentId}/api-key/rotate", access: "write", takesNoBody: true, handler: rotate },
];
