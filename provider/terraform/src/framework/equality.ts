import { isUnknown, type Value } from "../values/index.js";

/** Deep equality of known values; an unknown equals nothing. */
export function valuesEqual(a: Value, b: Value): boolean {
  if (isUnknown(a) || isUnknown(b)) return false;
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => valuesEqual(item, b[i]!));
  }
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => valuesEqual((a as Record<string, Value>)[k]!, (b as Record<string, Value>)[k] ?? null));
}
