/**
 * Validators on single attributes, run at validate and plan time on known values. The rules
 * come from the SDK's schemas, which are generated from the API spec: one source of truth.
 */
import { validate, type Validator } from "@callplane/sdk";
import type { Value } from "../values/index.js";

export type AttributeValidator = (value: Value) => string[];

/** Checks a known, non-null value against one of the SDK's generated schemas. */
export function matchesApiRule(schema: Validator<unknown>): AttributeValidator {
  return (value) => {
    if (value === null) return [];
    const result = validate(schema, typeof value === "bigint" ? Number(value) : value);
    return result.ok ? [] : result.fieldErrors.map((e) => e.message);
  };
}
