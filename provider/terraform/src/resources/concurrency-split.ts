/**
 * `callplane_concurrency_split`: how the plan's concurrent calls are split across environments,
 * set in one atomic call (`PUT /v1/concurrency`) so moving capacity never fails halfway.
 */
import { schemas, type Concurrency, type Tenant } from "@callplane/sdk";
import type { Diagnostics } from "../framework/diagnostics.js";
import { valuesEqual } from "../framework/equality.js";
import type { Draft, Model, Planned } from "../framework/model.js";
import { useStateForUnknown } from "../framework/plan-modifiers.js";
import { defineSchema, objectTypeOf } from "../framework/schema.js";
import { isKnown, isUnknown, t, type PathStep, type Unknown } from "../values/index.js";
import { addApiError, callplaneResource, idOf, matchesApiRule, type CallplaneContext } from "./callplane-api.js";
import { liveSplit, liveTenant } from "./live.js";

const schema = defineSchema({
  version: 0,
  description: [
    "How the tenant's plan limit of concurrent calls is split across its environments, e.g. a plan of 40 as production 20, staging 10, development 10.",
    "",
    "Every change is applied in **one atomic call**: all listed allocations change together or none does, and the plan limit is never exceeded in between — so capacity can be moved from one environment to another (20/10/10 → 25/5/10) even when changing them one at a time would not fit.",
    "",
    "Plans are checked against the live plan limit: a single allocation above it, or allocations adding up to more than it, fail at `terraform plan` with an error on the allocation, before anything is changed.",
    "",
    "Declare it at most once per tenant. Environments whose allocation this resource manages should leave `max_concurrent_calls` unset in `callplane_environment`, so the two do not fight over the value.",
    "",
    "**Destroying** this resource only removes it from the Terraform state: every environment keeps its current allocation (capacity is never taken from a running environment by a destroy). To free capacity, lower the allocations and apply first, or destroy the environments.",
    "",
    "Import it with any id, for example the tenant's id: the imported split lists every environment with a non-zero allocation.",
  ].join("\n"),
  attributes: {
    id: { type: t.string, computed: true, description: "The tenant's id: a tenant has one split.", planModifiers: [useStateForUnknown()] },
    allocations: {
      type: t.list(t.object({ environment_id: t.string, max_concurrent_calls: t.number })),
      required: true,
      description: [
        "The environments whose allocation this resource manages, each as an object:",
        "",
        "- `environment_id` — the environment's id, e.g. `callplane_environment.production.id` (it may be unknown until apply: environments can be created in the same apply);",
        "- `max_concurrent_calls` — the most calls that environment may have at once, between 0 and the plan limit.",
        "",
        "Each environment at most once; the order does not matter (reordering the list changes nothing). The values must add up to at most the plan limit, together with what environments that are not listed keep (unless `exclusive` is true).",
      ].join("\n"),
    },
    exclusive: {
      type: t.bool, optional: true, default: false,
      description: "When true, the split is authoritative: environments that are not listed get 0 concurrent calls. One given capacity outside Terraform (in the console, or a new environment) shows up as drift in the plan, and apply sets it back to 0. When false (the default), environments that are not listed keep their allocation and are not managed.",
    },
    plan_limit: {
      type: t.number, computed: true, planModifiers: [useStateForUnknown()],
      description: "The most concurrent calls the tenant's plan allows (read live; set by the platform).",
    },
    allocated: { type: t.number, computed: true, description: "The sum of every environment's allocation, listed or not." },
    available: { type: t.number, computed: true, description: "What is left of the plan limit: `plan_limit - allocated`." },
  },
});
const type = objectTypeOf(schema);

type SplitModel = Model<typeof schema>;
type Allocations = SplitModel["allocations"] | Draft<typeof schema>["allocations"];

interface Entry {
  index: number;
  /** The environment id, or unknown until apply. */
  id: string | Unknown;
  /** The allocation, or unknown until apply. */
  calls: number | Unknown;
}

/** The list's elements, or undefined while the whole list is unknown. */
function entriesOf(list: Allocations): Entry[] | undefined {
  if (isUnknown(list)) return undefined;
  return list.map((element, index) => isUnknown(element)
    ? { index, id: element, calls: element }
    : { index, id: element.environment_id, calls: element.max_concurrent_calls });
}

const numberOf = (value: number | Unknown): number | undefined => (typeof value === "number" ? value : undefined);

const at = (index: number, attribute?: string): PathStep[] =>
  [{ attribute: "allocations" }, { index }, ...(attribute ? [{ attribute }] : [])];

/** True when both lists hold the same known allocations, in any order. */
function sameAllocations(a: Allocations, b: Allocations): boolean {
  const ea = entriesOf(a);
  const eb = entriesOf(b);
  if (!ea || !eb || ea.length !== eb.length || !isKnown(a) || !isKnown(b)) return false;
  const key = (e: Entry) => `${String(e.id)}\u0000${String(e.calls)}`;
  const counts = new Map<string, number>();
  for (const e of ea) counts.set(key(e), (counts.get(key(e)) ?? 0) + 1);
  for (const e of eb) {
    const n = counts.get(key(e));
    if (!n) return false;
    counts.set(key(e), n - 1);
  }
  return true;
}

/** The live split, read once per refresh and shared by every reader. */


const describeEnvironment = (a: Concurrency["allocations"][number]) => `${a.environmentName} (${a.environmentId})`;

function toState(id: string, exclusive: boolean, allocations: SplitModel["allocations"], split: Concurrency): SplitModel {
  return { id, allocations, exclusive, plan_limit: split.planLimit, allocated: split.allocated, available: split.available };
}

/** Sets every listed allocation (and, with `exclusive`, every other one to 0) in one call. */
async function applySplit(planned: Planned<typeof schema>, ctx: CallplaneContext, diagnostics: Diagnostics, action: string): Promise<SplitModel | null> {
  const body = planned.allocations.map((a) => ({ environmentId: a.environment_id, maxConcurrentCalls: a.max_concurrent_calls }));
  const listed = new Set(body.map((a) => a.environmentId));
  const apiToAttribute: Record<string, string> = {};
  try {
    const tenant = await liveTenant(ctx);
    let ifMatch: string | undefined;
    if (planned.exclusive) {
      const before = await ctx.client.concurrency.get();
      // Only if nobody changed the split since this read: another environment could appear.
      ifMatch = before.etag;
      for (const a of before.allocations) {
        if (listed.has(a.environmentId) || a.maxConcurrentCalls === 0) continue;
        apiToAttribute[`allocations[${body.length}].maxConcurrentCalls`] = "exclusive";
        apiToAttribute[`allocations[${body.length}].environmentId`] = "exclusive";
        body.push({ environmentId: a.environmentId, maxConcurrentCalls: 0 });
      }
    }
    const after = await ctx.client.concurrency.set({ allocations: body }, ifMatch ? { ifMatch } : undefined);
    const live = new Map(after.allocations.map((a) => [a.environmentId, a.maxConcurrentCalls]));
    // The planned order, so the result matches the plan element by element.
    const allocations = planned.allocations.map((a) => ({ environment_id: a.environment_id, max_concurrent_calls: live.get(a.environment_id) ?? a.max_concurrent_calls }));
    return toState(tenant.id, planned.exclusive, allocations, after);
  } catch (error) {
    addApiError(diagnostics, error, action, type, apiToAttribute);
    return null;
  }
}

export const concurrencySplitResource = callplaneResource({
  typeName: "callplane_concurrency_split",
  schema,

  validateConfig(config, diagnostics) {
    const entries = entriesOf(config.allocations);
    if (!entries) return;
    if (entries.length === 0) {
      diagnostics.error("Invalid allocations", "allocations: must list at least one environment.", [{ attribute: "allocations" }]);
    }
    const seen = new Map<string, number>();
    const checkCalls = matchesApiRule(schemas.MaxConcurrentCalls);
    for (const e of entries) {
      const where = `allocations[${e.index}]`;
      if (isKnown(e.calls)) {
        for (const message of checkCalls(e.calls)) {
          diagnostics.error("Invalid allocations", `${where}.max_concurrent_calls: ${message}`, at(e.index, "max_concurrent_calls"));
        }
      }
      if (typeof e.id === "string") {
        const first = seen.get(e.id);
        if (first !== undefined) {
          diagnostics.error("Invalid allocations", `${where}.environment_id: environment "${e.id}" is already listed at allocations[${first}]; list each environment once.`, at(e.index, "environment_id"));
        } else seen.set(e.id, e.index);
      }
    }
  },

  async modifyPlan(planned, prior, ctx, diagnostics) {
    // Order does not matter: the same allocations in another order plan as no change.
    if (prior && sameAllocations(planned.allocations, prior.allocations)) planned.allocations = prior.allocations;
    if (prior && valuesEqual(planned.allocations, prior.allocations) && valuesEqual(planned.exclusive, prior.exclusive)) {
      planned.id = prior.id;
      planned.plan_limit = prior.plan_limit;
      planned.allocated = prior.allocated;
      planned.available = prior.available;
      return;
    }

    let split: Concurrency;
    let tenant: Tenant;
    try {
      [split, tenant] = await Promise.all([liveSplit(ctx), liveTenant(ctx)]);
    } catch (error) {
      addApiError(diagnostics, error, "read the concurrency split", type);
      return;
    }
    const limit = split.planLimit;
    planned.id = tenant.id;
    planned.plan_limit = limit;

    const entries = entriesOf(planned.allocations);
    if (!entries) return;
    const live = new Map(split.allocations.map((a) => [a.environmentId, a]));

    // Each allocation, as soon as its number is known.
    let listedSum = 0;
    let allCallsKnown = true;
    for (const e of entries) {
      const calls = numberOf(e.calls);
      if (calls === undefined) {
        allCallsKnown = false;
        continue;
      }
      listedSum += calls;
      if (calls > limit) {
        diagnostics.error(
          "Allocation above the plan limit",
          `allocations[${e.index}].max_concurrent_calls: ${calls} is more than the plan limit (${limit}).`,
          at(e.index, "max_concurrent_calls"),
        );
      }
    }
    for (const e of entries) {
      if (typeof e.id === "string" && !live.has(e.id)) {
        diagnostics.error("Unknown environment", `allocations[${e.index}].environment_id: there is no environment "${e.id}" in this tenant.`, at(e.index, "environment_id"));
      }
    }

    // The sum after apply: the listed values, plus what unlisted environments keep. Ids not yet
    // known belong to environments not created yet; were one an existing environment, assume the
    // largest, so that the check never refuses a plan that could fit.
    const knownIds = new Set(entries.flatMap((e) => (typeof e.id === "string" ? [e.id] : [])));
    const unknownIds = entries.filter((e) => typeof e.id !== "string").length;
    const unlisted = split.allocations.filter((a) => !knownIds.has(a.environmentId) && a.maxConcurrentCalls > 0)
      .sort((a, b) => b.maxConcurrentCalls - a.maxConcurrentCalls);
    const keeping = planned.exclusive === false ? unlisted.slice(unknownIds) : [];
    const kept = keeping.reduce((sum, a) => sum + a.maxConcurrentCalls, 0);
    if (listedSum + kept > limit) {
      const detail = kept === 0
        ? `The allocations add up to ${allCallsKnown ? "" : "at least "}${listedSum} concurrent calls; the plan limit is ${limit}. Nothing has been changed.`
        : `The allocations add up to ${allCallsKnown ? "" : "at least "}${listedSum} concurrent calls, and environments not listed keep ${kept} (${keeping.map((a) => `${describeEnvironment(a)}: ${a.maxConcurrentCalls}`).join(", ")}): ${listedSum + kept} in all; the plan limit is ${limit}. Nothing has been changed. List those environments with lower values, or set exclusive = true to give every environment not listed 0.`;
      diagnostics.error("Allocations exceed the plan limit", `allocations: ${detail}`, [{ attribute: "allocations" }]);
    }

    if (planned.exclusive === true) {
      // Turning exclusive on zeroes environments that the prior state does not show yet: say so.
      if (prior?.exclusive !== true && unknownIds === 0 && unlisted.length > 0) {
        diagnostics.warning(
          "Environments not listed will get 0 concurrent calls",
          `exclusive is true, so apply sets these environments to 0: ${unlisted.map((a) => `${describeEnvironment(a)}: ${a.maxConcurrentCalls} → 0`).join(", ")}.`,
          [{ attribute: "exclusive" }],
        );
      }
      // Everything else is 0 after apply, so the totals are known now.
      if (allCallsKnown) {
        planned.allocated = listedSum;
        planned.available = Math.max(0, limit - listedSum);
      }
    }
  },

  create(planned, ctx, diagnostics) {
    return applySplit(planned, ctx, diagnostics, "set the concurrency split");
  },

  async read(state, ctx, diagnostics) {
    let split: Concurrency;
    try {
      split = await liveSplit(ctx);
    } catch (error) {
      addApiError(diagnostics, error, "read the concurrency split", type);
      return null;
    }
    const live = new Map(split.allocations.map((a) => [a.environmentId, a.maxConcurrentCalls]));
    // The listed environments that still exist, in the state's order, with their live values.
    const allocations: Array<SplitModel["allocations"][number]> = state.allocations.flatMap((a) => {
      const calls = live.get(a.environment_id);
      return calls === undefined ? [] : [{ environment_id: a.environment_id, max_concurrent_calls: calls }];
    });
    if (state.exclusive) {
      // Capacity given outside Terraform: in the state, so the plan takes it away again.
      const listed = new Set(state.allocations.map((a) => a.environment_id));
      for (const a of split.allocations) {
        if (!listed.has(a.environmentId) && a.maxConcurrentCalls > 0) allocations.push({ environment_id: a.environmentId, max_concurrent_calls: a.maxConcurrentCalls });
      }
    }
    return toState(idOf(state, "concurrency split"), state.exclusive, allocations, split);
  },

  update(planned, _prior, ctx, diagnostics) {
    return applySplit(planned, ctx, diagnostics, "set the concurrency split");
  },

  async delete() {
    // Forgetting only: environments keep their allocations (see the resource description).
  },

  async importState(_id, ctx, diagnostics) {
    try {
      const [split, tenant] = await Promise.all([liveSplit(ctx), liveTenant(ctx)]);
      const allocations = split.allocations.filter((a) => a.maxConcurrentCalls > 0)
        .map((a) => ({ environment_id: a.environmentId, max_concurrent_calls: a.maxConcurrentCalls }));
      return toState(tenant.id, false, allocations, split);
    } catch (error) {
      addApiError(diagnostics, error, "import the concurrency split", type);
      return null;
    }
  },
});
