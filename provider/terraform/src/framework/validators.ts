/**
 * Validators on single attributes. The framework runs them at validate and plan time, only on
 * values that are wholly known and hold no null inside (see model-values.ts).
 */
import type { Type, Value } from "../values/index.js";
import type { ValueOf } from "./model.js";

/** The problems with a known value, as messages (empty when it is fine). */
export type AttributeValidator = (value: Value) => string[];

/** A validator that reads the value as its type's model (`{ timezone: string; ranges: … }`). */
export function validatorFor<T extends Type>(_type: T, check: (value: ValueOf<T>) => string[]): AttributeValidator {
  return (value) => (value === null ? [] : check(value as ValueOf<T>));
}
