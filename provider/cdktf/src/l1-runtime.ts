/** Helpers the generated L1 bindings share: camelCase props to Terraform's snake_case values. */
import { Token } from "./cdk.js";

/** Terraform's JSON notation for a type, as the generator embeds it. */
export type TypeJson =
  | "string"
  | "number"
  | "bool"
  | "dynamic"
  | readonly ["list" | "set" | "map", TypeJson]
  | readonly ["object", { readonly [name: string]: TypeJson }];

/** `max_concurrent_calls` → `maxConcurrentCalls`. */
export function camelCase(snake: string): string {
  return snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Converts a prop value to what Terraform expects for `type`: object keys from camelCase to
 * snake_case, recursively. Tokens (unresolved values) and null/undefined pass through unchanged.
 */
export function toTerraform(value: unknown, type: TypeJson): unknown {
  if (value === undefined || value === null || typeof type === "string" || Token.isUnresolved(value)) return value;
  const [kind, arg] = type;
  switch (kind) {
    case "list":
    case "set":
      return Array.isArray(value) ? value.map((v: unknown) => toTerraform(v, arg as TypeJson)) : value;
    case "map": {
      if (typeof value !== "object") return value;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = toTerraform(v, arg as TypeJson);
      return out;
    }
    case "object": {
      if (typeof value !== "object" || Array.isArray(value)) return value;
      const input = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [name, attrType] of Object.entries(arg as { readonly [name: string]: TypeJson })) {
        const camel = camelCase(name);
        const v = Object.hasOwn(input, camel) ? input[camel] : input[name];
        if (v !== undefined) out[name] = toTerraform(v, attrType);
      }
      return out;
    }
  }
}
