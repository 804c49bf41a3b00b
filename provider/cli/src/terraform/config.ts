/**
 * What the configuration sets: for each resource (by address without instance keys), the
 * attributes written in its block. Drift of other attributes (computed ones such as
 * `created_at`, or settings left to the tenant) is not a change to anything Terraform manages.
 */
import type { ConfigModule, PlanJson } from "./plan-json.js";

export type ConfiguredAttributes = Map<string, Set<string>>;

export function configuredAttributes(plan: PlanJson): ConfiguredAttributes {
  const result: ConfiguredAttributes = new Map();
  const walk = (module: ConfigModule | undefined, prefix: string) => {
    for (const resource of module?.resources ?? []) {
      result.set(prefix + resource.address, new Set(Object.keys(resource.expressions ?? {})));
    }
    for (const [name, call] of Object.entries(module?.module_calls ?? {})) walk(call.module, `${prefix}module.${name}.`);
  };
  walk(plan.configuration?.root_module, "");
  return result;
}

/** `module.a["x"].callplane_user.b[0]` → `module.a.callplane_user.b`. */
export function configAddress(address: string): string {
  return address.replace(/\[[^\]]*\]/g, "");
}

/**
 * The resources a list attribute refers to, in order: `[x.id, x, y.id, y]` → `[x, y]`. Lets the
 * summary name environments that are created in the same plan (their ids are still unknown).
 */
export function referencedResources(plan: PlanJson, address: string, attribute: string, type: string): string[] {
  const find = (module: ConfigModule | undefined, prefix: string): string[] | undefined => {
    for (const resource of module?.resources ?? []) {
      if (prefix + resource.address !== configAddress(address)) continue;
      const expression = resource.expressions?.[attribute] as { references?: unknown } | undefined;
      const references = Array.isArray(expression?.references) ? (expression.references as unknown[]) : [];
      const seen: string[] = [];
      for (const ref of references) {
        if (typeof ref !== "string") continue;
        const match = new RegExp(`^(${type}\\.[A-Za-z0-9_-]+)`).exec(ref);
        if (match && !seen.includes(prefix + match[1])) seen.push(prefix + match[1]);
      }
      return seen;
    }
    for (const [name, call] of Object.entries(module?.module_calls ?? {})) {
      const found = find(call.module, `${prefix}module.${name}.`);
      if (found) return found;
    }
    return undefined;
  };
  return find(plan.configuration?.root_module, "") ?? [];
}
