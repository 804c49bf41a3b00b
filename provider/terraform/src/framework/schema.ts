/**
 * Schemas as the provider declares them: attributes with their type, whether the user sets
 * them, whether they are secret, how they plan, and the descriptions the docs are made from.
 */
import type { Schema, SchemaAttribute } from "../protocol/index.js";
import { t, typeToJson, type ObjectType, type Type, type Value } from "../values/index.js";
import type { PlanModifier } from "./plan-modifiers.js";
import type { AttributeValidator } from "./validators.js";

export interface AttributeDefinition {
  type: Type;
  description: string;
  /** The user must set it. */
  required?: boolean;
  /** The user may set it. */
  optional?: boolean;
  /** The provider sets it (when the user does not, if also optional). */
  computed?: boolean;
  /** Never shown in plans or logs. */
  sensitive?: boolean;
  /** Used when the user leaves an optional attribute out; makes the attribute computed. */
  default?: Value;
  planModifiers?: PlanModifier[];
  validators?: AttributeValidator[];
}

export interface SchemaDefinition {
  version: number;
  description: string;
  attributes: Record<string, AttributeDefinition>;
}

export function objectTypeOf(schema: SchemaDefinition): ObjectType {
  return t.object(Object.fromEntries(Object.entries(schema.attributes).map(([name, a]) => [name, a.type]))) as ObjectType;
}

export function toProtocolSchema(schema: SchemaDefinition): Schema {
  const attributes: SchemaAttribute[] = Object.entries(schema.attributes).map(([name, a]) => ({
    name,
    type: typeToJson(a.type) as SchemaAttribute["type"],
    description: a.description,
    descriptionKind: "markdown",
    required: a.required ?? false,
    optional: a.optional ?? false,
    // An attribute with a default is filled in by the provider, so Terraform must allow that.
    computed: (a.computed ?? false) || a.default !== undefined,
    sensitive: a.sensitive ?? false,
  }));
  return { version: schema.version, block: { attributes, description: schema.description, descriptionKind: "markdown" } };
}
