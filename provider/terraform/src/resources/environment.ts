/** `callplane_environment`: one environment, its share of the plan limit and its API key. */
import { ConflictError, NotFoundError, schemas, type Environment } from "@callplane/sdk";
import type { Diagnostics } from "../framework/diagnostics.js";
import type { Model } from "../framework/model.js";
import { useStateForUnknown } from "../framework/plan-modifiers.js";
import { defineSchema, objectTypeOf } from "../framework/schema.js";
import { t } from "../values/index.js";
import { addApiError, callplaneResource, idOf, matchesApiRule, type CallplaneContext } from "./callplane-api.js";
import { createOnce, notAdoptedDetail } from "./create-once.js";
import { liveSplit } from "./live.js";

const schema = defineSchema({
  version: 0,
  description: "An environment (workspace) inside the tenant, such as `production` or `staging`, with its share of the plan's concurrent calls and its own API key.",
  attributes: {
    id: { type: t.string, computed: true, description: "The environment's id.", planModifiers: [useStateForUnknown()] },
    name: { type: t.string, required: true, description: "Unique within the tenant.", validators: [matchesApiRule(schemas.EnvironmentName)] },
    hidden: { type: t.bool, optional: true, default: false, description: "Hidden environments are not offered in the switcher but still exist and can be managed." },
    max_concurrent_calls: {
      type: t.number, optional: true, computed: true, validators: [matchesApiRule(schemas.MaxConcurrentCalls)],
      description: "The most calls the environment may have at once. Leave it unset when a `callplane_concurrency_split` manages the allocations.",
    },
    deletion_protection: {
      type: t.bool, optional: true, default: true,
      description: "While true, the environment cannot be destroyed: set it to false and apply first. Deleting an environment removes its configuration.",
    },
    api_key_rotation: {
      type: t.string, optional: true,
      description: "Any value; changing it rotates the environment's API key.",
    },
    api_key: { type: t.string, computed: true, sensitive: true, description: "The environment's API key. Known after creation and after each rotation; null for an imported environment." },
    api_key_masked: { type: t.string, computed: true, description: "The API key, masked as the console shows it." },
    created_at: { type: t.string, computed: true, description: "When the environment was created (RFC 3339).", planModifiers: [useStateForUnknown()] },
  },
});
const type = objectTypeOf(schema);
type EnvironmentModel = Model<typeof schema>;

function toState(env: Environment, secrets: Pick<EnvironmentModel, "api_key" | "api_key_rotation">): EnvironmentModel {
  return {
    id: env.id, name: env.name, hidden: env.hidden, max_concurrent_calls: env.maxConcurrentCalls,
    deletion_protection: env.deletionProtection, api_key_masked: env.apiKeyMasked, created_at: env.createdAt, ...secrets,
  };
}

/** Every environment in one or a few list requests, shared by all the reads of a refresh. */
function liveEnvironments(ctx: CallplaneContext): Promise<Map<string, Environment>> {
  return ctx.cached("environments", async () => {
    const all = await ctx.client.environments.list({ includeHidden: true, limit: 100 }).toArray();
    return new Map(all.map((env) => [env.id, env]));
  });
}

const API_TO_ATTRIBUTE = { deletionProtection: "deletionProtection", maxConcurrentCalls: "maxConcurrentCalls" };

/**
 * Refuses at plan time what apply would refuse: more calls than the plan limit, or than the
 * limit leaves after every other environment's live allocation.
 */
async function checkCapacity(calls: number, id: string | null, ctx: CallplaneContext, diagnostics: Diagnostics): Promise<void> {
  let split;
  try {
    split = await liveSplit(ctx);
  } catch (error) {
    addApiError(diagnostics, error, "read the concurrency split", type);
    return;
  }
  const limit = split.planLimit;
  const own = split.allocations.find((a) => a.environmentId === id)?.maxConcurrentCalls ?? 0;
  const elsewhere = split.allocated - own;
  const at = [{ attribute: "max_concurrent_calls" }];
  if (calls > limit) {
    diagnostics.error("More calls than the plan allows", `max_concurrent_calls: ${calls} is more than the plan limit (${limit}).`, at);
  } else if (calls > limit - elsewhere) {
    diagnostics.error(
      "More calls than the plan has left",
      `max_concurrent_calls: ${calls} is more than what is left for this environment: the plan limit is ${limit} and other environments hold ${elsewhere}, so at most ${limit - elsewhere}. Nothing has been changed. To move capacity between environments in one step, declare a callplane_concurrency_split.`,
      at,
    );
  }
}

export const environmentResource = callplaneResource({
  typeName: "callplane_environment",
  schema,

  async modifyPlan(planned, prior, ctx, diagnostics) {
    // The key changes only when the keeper does; other updates keep it as it is.
    if (prior && planned.api_key_rotation === prior.api_key_rotation) {
      planned.api_key = prior.api_key;
      planned.api_key_masked = prior.api_key_masked;
    }
    const calls = planned.max_concurrent_calls;
    if (typeof calls === "number" && calls !== prior?.max_concurrent_calls) await checkCapacity(calls, prior?.id ?? null, ctx, diagnostics);
  },

  async create(planned, ctx, diagnostics) {
    const body = {
      name: planned.name,
      hidden: planned.hidden,
      deletionProtection: planned.deletion_protection,
      ...(planned.max_concurrent_calls !== null ? { maxConcurrentCalls: planned.max_concurrent_calls } : {}),
    };
    const byName = async () => (await ctx.client.environments.list({ includeHidden: true, limit: 100 }).toArray()).find((e) => e.name === planned.name);
    try {
      const outcome = await createOnce({
        typeName: "callplane_environment",
        keyMaterial: body,
        create: (idempotencyKey) => ctx.client.environments.create(body, { idempotencyKey }),
        get: (id) => ctx.client.environments.get(id),
        findByUniqueField: byName,
        matchesPlan: (env) => env.hidden === body.hidden && env.deletionProtection === body.deletionProtection
          && (body.maxConcurrentCalls === undefined || env.maxConcurrentCalls === body.maxConcurrentCalls),
      });
      if (outcome.kind === "created" && !outcome.replayed) return toState(outcome.object, { api_key: outcome.object.apiKey, api_key_rotation: planned.api_key_rotation });
      // An earlier, interrupted run created it. Its key may be gone: mint a fresh one, so the
      // state holds a key that works, as after any creation.
      const rotated = outcome.kind === "created" ? outcome.object : await ctx.client.environments.rotateApiKey(outcome.object.id);
      const live = await ctx.client.environments.get(rotated.id);
      return toState(live, { api_key: rotated.apiKey, api_key_rotation: planned.api_key_rotation });
    } catch (error) {
      addApiError(diagnostics, error, "create the environment", type, API_TO_ATTRIBUTE);
      if (error instanceof ConflictError) {
        const existing = await byName().catch(() => undefined);
        if (existing) diagnostics.error(
          `Environment "${planned.name}" already exists (${existing.id})`,
          notAdoptedDetail("callplane_environment", existing.id),
          [{ attribute: "name" }],
        );
      }
      return null;
    }
  },

  async read(state, ctx) {
    const env = state.id === null ? undefined : (await liveEnvironments(ctx)).get(state.id);
    return env ? toState(env, { api_key: state.api_key, api_key_rotation: state.api_key_rotation }) : null;
  },

  async update(planned, prior, ctx, diagnostics) {
    const id = idOf(prior, "environment");
    try {
      const patch = {
        ...(planned.name !== prior.name ? { name: planned.name } : {}),
        ...(planned.hidden !== prior.hidden ? { hidden: planned.hidden } : {}),
        ...(planned.deletion_protection !== prior.deletion_protection ? { deletionProtection: planned.deletion_protection } : {}),
        ...(planned.max_concurrent_calls !== null && planned.max_concurrent_calls !== prior.max_concurrent_calls
          ? { maxConcurrentCalls: planned.max_concurrent_calls } : {}),
      };
      let env = Object.keys(patch).length ? await ctx.client.environments.update(id, patch) : await ctx.client.environments.get(id);
      let apiKey = prior.api_key;
      if (planned.api_key_rotation !== prior.api_key_rotation) {
        const rotated = await ctx.client.environments.rotateApiKey(id);
        apiKey = rotated.apiKey;
        env = rotated;
      }
      return toState(env, { api_key: apiKey, api_key_rotation: planned.api_key_rotation });
    } catch (error) {
      addApiError(diagnostics, error, "update the environment", type, API_TO_ATTRIBUTE);
      return null;
    }
  },

  async delete(state, ctx, diagnostics) {
    if (state.deletion_protection === true) {
      diagnostics.error(
        "Deletion protection is on",
        `Environment "${state.name}" has deletion_protection = true. Set it to false and apply, then destroy it. Deleting an environment removes its configuration for good.`,
        [{ attribute: "deletion_protection" }],
      );
      return;
    }
    try {
      await ctx.client.environments.delete(idOf(state, "environment"));
    } catch (error) {
      if (error instanceof NotFoundError) return;
      addApiError(diagnostics, error, "delete the environment", type, API_TO_ATTRIBUTE);
    }
  },

  async importState(id, ctx, diagnostics) {
    try {
      const env = await ctx.client.environments.get(id);
      return toState(env, { api_key: null, api_key_rotation: null });
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      addApiError(diagnostics, error, "import the environment", type);
      return null;
    }
  },
});
