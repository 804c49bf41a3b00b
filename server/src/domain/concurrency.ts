/** The concurrency split: every environment's share of the plan limit, set all at once. */
import { schemas, type Concurrency, type FieldError } from "@callplane/sdk";
import type { Store } from "../db/store.js";
import type { RouteDefinition } from "../http/context.js";
import { problems } from "../http/problem.js";
import { audit, checkIfMatch, etagOfContent, parseBody, tenantOf, writableTenant } from "./common.js";

export function readConcurrency(store: Store, tenantId: string): Concurrency {
  const planLimit = store.getTenant(tenantId)!.value.planLimit;
  const allocations = store.allEnvironments(tenantId).map((e) => ({ environmentId: e.id, environmentName: e.name, maxConcurrentCalls: e.maxConcurrentCalls }));
  const allocated = allocations.reduce((sum, a) => sum + a.maxConcurrentCalls, 0);
  return { planLimit, allocated, available: Math.max(0, planLimit - allocated), allocations };
}

export const concurrencyRoutes: RouteDefinition[] = [
  {
    method: "GET",
    pattern: "/v1/concurrency",
    access: "read",
    handler: (ctx, { store }) => {
      const split = readConcurrency(store, tenantOf(ctx).tenantId);
      return { status: 200, body: split, etag: etagOfContent(split) };
    },
  },
  {
    method: "PUT",
    pattern: "/v1/concurrency",
    access: "write",
    handler: (ctx, services) => {
      const { tenantId } = writableTenant(ctx, services);
      const { allocations } = parseBody(schemas.ConcurrencyUpdate, ctx.body);
      const before = readConcurrency(services.store, tenantId);
      checkIfMatch(ctx, etagOfContent(before), "concurrency split");

      const errors: FieldError[] = [];
      const current = new Map(before.allocations.map((a) => [a.environmentId, a.maxConcurrentCalls]));
      const seen = new Set<string>();
      allocations.forEach((allocation, i) => {
        if (!current.has(allocation.environmentId)) errors.push({ path: `allocations[${i}].environmentId`, message: `no environment ${allocation.environmentId} in this tenant` });
        else if (seen.has(allocation.environmentId)) errors.push({ path: `allocations[${i}].environmentId`, message: "appears more than once" });
        else if (allocation.maxConcurrentCalls > before.planLimit) errors.push({ path: `allocations[${i}].maxConcurrentCalls`, message: `must be at most the plan limit (${before.planLimit})` });
        seen.add(allocation.environmentId);
      });
      if (errors.length) throw problems.validation(errors);

      const next = new Map(current);
      for (const allocation of allocations) next.set(allocation.environmentId, allocation.maxConcurrentCalls);
      const total = [...next.values()].reduce((sum, n) => sum + n, 0);
      if (total > before.planLimit) {
        throw problems.validation(
          allocations.map((_, i) => ({ path: `allocations[${i}].maxConcurrentCalls`, message: `the sum of allocations (${total}) exceeds the plan limit (${before.planLimit})` })),
          `The allocations add up to ${total} concurrent calls; the plan limit is ${before.planLimit}. Nothing was changed.`,
        );
      }
      const now = ctx.now.toISOString();
      for (const allocation of allocations) {
        if (current.get(allocation.environmentId) !== allocation.maxConcurrentCalls) {
          services.store.updateEnvironment(tenantId, allocation.environmentId, { maxConcurrentCalls: allocation.maxConcurrentCalls }, now);
        }
      }
      const after = readConcurrency(services.store, tenantId);
      audit(ctx, services, tenantId, { action: "concurrency.set", resourceType: "concurrency", resourceId: null, before: { allocations: before.allocations }, after: { allocations: after.allocations } });
      return { status: 200, body: after, etag: etagOfContent(after) };
    },
  },
];
