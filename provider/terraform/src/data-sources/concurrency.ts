/** `callplane_concurrency`: the tenant's plan limit and how it is split across environments, live. */
import { defineSchema, objectTypeOf } from "../framework/schema.js";
import { t } from "../values/index.js";
import { addApiError, callplaneDataSource } from "../resources/callplane-api.js";

const schema = defineSchema({
  version: 0,
  description: "The tenant's plan limit of concurrent calls and how it is split across its environments (hidden ones included), as it is now. Use it to report or check the budget; manage the split with `callplane_concurrency_split`.",
  attributes: {
    plan_limit: { type: t.number, computed: true, description: "The most concurrent calls the tenant's plan allows." },
    allocated: { type: t.number, computed: true, description: "The sum of every environment's `max_concurrent_calls`." },
    available: { type: t.number, computed: true, description: "What is left of the plan limit: `plan_limit - allocated`." },
    allocations: {
      type: t.list(t.object({ environment_id: t.string, environment_name: t.string, max_concurrent_calls: t.number })),
      computed: true,
      description: "Every environment, oldest first, as an object with `environment_id`, `environment_name` and `max_concurrent_calls` (its share of the plan limit).",
    },
  },
});

export const concurrencyDataSource = callplaneDataSource({
  typeName: "callplane_concurrency",
  schema,
  async read(_config, ctx, diagnostics) {
    try {
      const split = await ctx.client.concurrency.get();
      return {
        plan_limit: split.planLimit,
        allocated: split.allocated,
        available: split.available,
        allocations: split.allocations.map((a) => ({ environment_id: a.environmentId, environment_name: a.environmentName, max_concurrent_calls: a.maxConcurrentCalls })),
      };
    } catch (error) {
      addApiError(diagnostics, error, "read the concurrency split", objectTypeOf(schema));
      return null;
    }
  },
});
