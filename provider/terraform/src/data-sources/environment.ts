/** `callplane_environment` and `callplane_environments`: environments read by id, by name, or all. */
import type { Environment } from "@callplane/sdk";
import { defineSchema, objectTypeOf } from "../framework/schema.js";
import { t, type Type } from "../values/index.js";
import { addApiError, callplaneDataSource } from "../resources/callplane-api.js";

const environmentFields = {
  id: t.string, name: t.string, hidden: t.bool, max_concurrent_calls: t.number, deletion_protection: t.bool,
  api_key_masked: t.string, created_at: t.string, modified_at: t.string,
};

const computed = <T extends Type>(type: T, description: string) => ({ type, computed: true, description }) as const;

function environmentState(env: Environment) {
  return {
    id: env.id, name: env.name, hidden: env.hidden, max_concurrent_calls: env.maxConcurrentCalls, deletion_protection: env.deletionProtection,
    api_key_masked: env.apiKeyMasked, created_at: env.createdAt, modified_at: env.modifiedAt,
  };
}

const singleSchema = defineSchema({
  version: 0,
  description: "One environment, found by `id` or by `name` (exactly one of them). Hidden environments are found too.",
  attributes: {
    id: { type: t.string, optional: true, computed: true, description: "The environment's id. Set this or `name`." },
    name: { type: t.string, optional: true, computed: true, description: "The environment's name. Set this or `id`." },
    hidden: computed(t.bool, "Whether the environment is hidden from the switcher."),
    max_concurrent_calls: computed(t.number, "The most calls the environment may have at once."),
    deletion_protection: computed(t.bool, "Whether the environment is protected from deletion."),
    api_key_masked: computed(t.string, "The environment's API key, masked."),
    created_at: computed(t.string, "When the environment was created."),
    modified_at: computed(t.string, "When the environment was last changed."),
  },
});

export const environmentDataSource = callplaneDataSource({
  typeName: "callplane_environment",
  schema: singleSchema,
  async read(config, ctx, diagnostics) {
    const { id, name } = config;
    if ((id === null) === (name === null)) {
      diagnostics.error("Set exactly one of id and name", "callplane_environment finds one environment, by its id or by its name.", [{ attribute: id === null ? "id" : "name" }]);
      return null;
    }
    try {
      const all = await ctx.client.environments.list({ includeHidden: true, limit: 100 }).toArray();
      const found = all.find((env) => (id !== null ? env.id === id : env.name === name));
      if (!found) {
        diagnostics.error("No such environment", `No environment with ${id !== null ? `id "${id}"` : `name "${name}"`} exists in this tenant.`, [{ attribute: id !== null ? "id" : "name" }]);
        return null;
      }
      return environmentState(found);
    } catch (error) {
      addApiError(diagnostics, error, "read the environment", objectTypeOf(singleSchema));
      return null;
    }
  },
});

const listSchema = defineSchema({
  version: 0,
  description: "Every environment in the tenant, oldest first.",
  attributes: {
    include_hidden: { type: t.bool, optional: true, description: "Include hidden environments. Defaults to false." },
    environments: computed(t.list(t.object(environmentFields)), "The environments: id, name, hidden, max_concurrent_calls, deletion_protection, api_key_masked, created_at, modified_at."),
  },
});

export const environmentsDataSource = callplaneDataSource({
  typeName: "callplane_environments",
  schema: listSchema,
  async read(config, ctx, diagnostics) {
    try {
      const includeHidden = config.include_hidden ?? false;
      const all = await ctx.client.environments.list({ includeHidden, limit: 100 }).toArray();
      return { include_hidden: config.include_hidden, environments: all.map(environmentState) };
    } catch (error) {
      addApiError(diagnostics, error, "list the environments", objectTypeOf(listSchema));
      return null;
    }
  },
});
