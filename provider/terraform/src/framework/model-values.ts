/**
 * Makes decoded values fit the models in model.ts: numbers as JavaScript numbers, and no null
 * inside a collection or a nested object (refused with a diagnostic before a resource runs).
 */
import { formatPath, isUnknown, isValueObject, setOwn, type PathStep, type Type, type Value, type ValueObject } from "../values/index.js";
import type { Diagnostics } from "./diagnostics.js";
import type { State } from "./resource.js";

/**
 * Numbers beyond ±(2^53 − 1) arrive as bigints; models read numbers as `number`. No Callplane
 * setting accepts such a number (the API's rules refuse it), so the rounding never reaches the API.
 * A value without a bigint, nearly every one, comes back as it is: each call of a plan decodes a
 * few, and copying them cost the plugin ~6 ms of CPU and garbage per 200-resource plan.
 */
export function withPlainNumbers(value: Value): Value {
  return containsBigint(value) ? copyWithPlainNumbers(value) : value;
}

function containsBigint(value: Value): boolean {
  if (typeof value === "bigint") return true;
  if (Array.isArray(value)) return (value as readonly Value[]).some(containsBigint);
  if (isValueObject(value)) return Object.values(value).some(containsBigint);
  return false;
}

function copyWithPlainNumbers(value: Value): Value {
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return (value as readonly Value[]).map(copyWithPlainNumbers);
  if (isValueObject(value)) {
    const out: Record<string, Value> = {};
    for (const [name, item] of Object.entries(value)) setOwn(out, name, copyWithPlainNumbers(item));
    return out;
  }
  return value;
}

export function stateWithPlainNumbers(state: State): State {
  return withPlainNumbers(state) as State;
}

/** Reports every null inside a value (the value itself may be null). */
export function refuseNullsInside(type: Type, value: Value, path: PathStep[], diagnostics: Diagnostics): void {
  if (value !== null) findNulls(value, type, path, diagnostics);
}

function findNulls(value: Value, type: Type, path: PathStep[], diagnostics: Diagnostics): void {
  if (isUnknown(value)) return;
  if (value === null) {
    const last = path[path.length - 1]!;
    const what = "attribute" in last ? "is required" : "must not be null";
    diagnostics.error(`Invalid ${formatPath(path.slice(0, 1))}`, `${formatPath(path)}: ${what}.`, path);
    return;
  }
  switch (type.kind) {
    case "list":
      if (Array.isArray(value)) (value as readonly Value[]).forEach((item, index) => findNulls(item, type.element, [...path, { index }], diagnostics));
      return;
    case "set":
      // A set's elements have no position to point at: the set itself is blamed.
      if (!Array.isArray(value)) return;
      for (const item of value as readonly Value[]) {
        if (item === null) diagnostics.error(`Invalid ${formatPath(path.slice(0, 1))}`, `${formatPath(path)}: must not contain null.`, path);
        else findNulls(item, type.element, path, diagnostics);
      }
      return;
    case "map":
      if (isValueObject(value)) for (const [key, item] of Object.entries(value)) findNulls(item, type.element, [...path, { key }], diagnostics);
      return;
    case "object":
      if (isValueObject(value)) {
        for (const [name, attributeType] of Object.entries(type.attributes)) {
          findNulls((value as ValueObject)[name] ?? null, attributeType, [...path, { attribute: name }], diagnostics);
        }
      }
      return;
    default:
      return;
  }
}
