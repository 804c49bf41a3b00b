/** Human names for resources: environments by id and by address, from the state and the plan. */
import { stateResources, type PlanJson } from "../terraform/plan-json.js";

export interface Names {
  environmentById: Map<string, string>;
  environmentByAddress: Map<string, string>;
  /** Each environment's own `max_concurrent_calls` in the prior state, where known. */
  environmentCallsById: Map<string, number>;
  planLimit: number | null;
}

export function collectNames(plan: PlanJson): Names {
  const environmentById = new Map<string, string>();
  const environmentByAddress = new Map<string, string>();
  const environmentCallsById = new Map<string, number>();
  const prior = stateResources(plan.prior_state?.values?.root_module);
  for (const resource of prior) {
    const values = resource.values ?? {};
    if (resource.type === "callplane_environment" && typeof values.id === "string" && typeof values.max_concurrent_calls === "number") environmentCallsById.set(values.id, values.max_concurrent_calls);
  }
  let planLimit: number | null = null;
  const resources = [...prior, ...stateResources(plan.planned_values?.root_module)];
  for (const resource of resources) {
    const values = resource.values ?? {};
    if (resource.type === "callplane_environment" && typeof values.name === "string") {
      if (typeof values.id === "string") environmentById.set(values.id, values.name);
      environmentByAddress.set(resource.address, values.name);
    }
    if (resource.type === "callplane_environments" && Array.isArray(values.environments)) {
      for (const env of values.environments as { id?: unknown; name?: unknown }[]) {
        if (typeof env.id === "string" && typeof env.name === "string") environmentById.set(env.id, env.name);
      }
    }
    if (["callplane_tenant_settings", "callplane_concurrency_split", "callplane_concurrency", "callplane_tenant"].includes(resource.type) && typeof values.plan_limit === "number") {
      planLimit = values.plan_limit;
    }
  }
  return { environmentById, environmentByAddress, environmentCallsById, planLimit };
}
