/**
 * Schemas as the provider declares them: attributes with their type, whether the user sets
 * them, whether they are secret, how they plan, and the descriptions the docs are made from.
 * Declare one with `defineSchema`, which keeps every attribute's exact type and flags so that
 * `Model<typeof schema>` (see model.ts) can be derived from it.
 */
import type { Schema, SchemaAttribute } from "../protocol/index.js";
import { t, typeToJson, type ObjectType, type Type, type Value } from "../values/index.js";
import type { PlanModifier } from "./plan-modifiers.js";
import type { AttributeValidator } from "./validators.js";

export interface AttributeDefinition<T extends Type = Type> {
  type: T;
  description: string;
  /** The user must set it. */
  required?: boolean;
  /** The user may set it. */
  optional?: boolean;
  /** The provider sets it (when the user does not, if also optional). */
  computed?: boolean;
  /** Never shown in plans or logs. */
  sensitive?: boolean;
  /**
   * Terraform 1.11+: the value is sent to the provider at apply and never kept in the plan or the
   * state (always null there). Older Terraform versions get an error when the user sets it.
   */
  writeOnly?: boolean;
  /** Used when the user leaves an optional attribute out; makes the attribute computed. */
  default?: Value;
  /** Why the attribute should no longer be used, and what to use instead: Terraform warns with it. */
  deprecated?: string;
  planModifiers?: readonly PlanModifier[];
  validators?: readonly AttributeValidator[];
}

export interface SchemaDefinition<A extends Readonly<Record<string, AttributeDefinition>> = Readonly<Record<string, AttributeDefinition>>> {
  version: number;
  description: string;
  attributes: A;
}

/** A schema whose attributes keep their literal flags (`required: true`), for `Model<typeof schema>`. */
export function defineSchema<const A extends Readonly<Record<string, AttributeDefinition>>>(schema: SchemaDefinition<A>): SchemaDefinition<A> {
  return schema;
}

export function objectTypeOf(schema: SchemaDefinition): ObjectType {
  return t.object(Object.fromEntries(Object.entries(schema.attributes).map(([name, a]) => [name, a.type])));
}

export function toProtocolSchema(schema: SchemaDefinition): Schema {
  const attributes: SchemaAttribute[] = Object.entries(schema.attributes).map(([name, a]) => ({
    name,
    type: typeToJson(a.type) as SchemaAttribute["type"],
    description: a.deprecated ? `${a.description} **Deprecated:** ${a.deprecated}` : a.description,
    descriptionKind: "markdown",
    required: a.required ?? false,
    optional: a.optional ?? false,
    // An attribute with a default is filled in by the provider, so Terraform must allow that.
    computed: (a.computed ?? false) || a.default !== undefined,
    sensitive: a.sensitive ?? false,
    ...(a.deprecated ? { deprecated: true } : {}),
    ...(a.writeOnly ? { writeOnly: true } : {}),
  }));
  return { version: schema.version, block: { attributes, description: schema.description, descriptionKind: "markdown" } };
}
