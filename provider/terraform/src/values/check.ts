/** Checks shared by the encoders (internal). */
import { ValueError } from "./errors.js";
import type { PathStep } from "./path.js";
import { attributeNames, typeName, type ObjectType, type Type } from "./types.js";
import { isDynamicValue, isUnknown, type Value, type ValueObject } from "./value.js";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Describes a JavaScript value for error messages. */
export function describeValue(v: unknown): string {
  if (v === null) return "null";
  if (v === undefined) return "undefined";
  if (isUnknown(v)) return "an unknown value";
  if (isDynamicValue(v)) return `a dynamic value of type ${typeName(v.type)}`;
  if (Array.isArray(v)) return "an array";
  if (typeof v === "object") return "an object";
  return `a ${typeof v}`;
}

/** Checks a string can be written as UTF-8 without replacement characters. */
export function checkString(s: string, path: readonly PathStep[]): void {
  if (LONE_SURROGATE.test(s)) throw new ValueError(path, "string contains an unpaired UTF-16 surrogate, which is not valid Unicode");
}

/** Checks an object value has exactly the type's attributes; returns them in writing order. */
export function checkObjectAttributes(value: ValueObject, type: ObjectType, path: readonly PathStep[]): readonly string[] {
  for (const name of Object.keys(value)) {
    if (!Object.hasOwn(type.attributes, name)) throw new ValueError([...path, { attribute: name }], "unsupported attribute");
  }
  const names = attributeNames(type);
  for (const name of names) {
    if (!Object.hasOwn(value, name) || value[name] === undefined) {
      throw new ValueError([...path, { attribute: name }], "attribute is missing (give null for no value)");
    }
  }
  return names;
}

/** The error for a value of the wrong kind. */
export function mismatch(path: readonly PathStep[], type: Type, value: unknown): ValueError {
  const what = type.kind === "object" ? "an object" : type.kind === "tuple" ? "a tuple" : typeName(type);
  return new ValueError(path, `${what} is required (got ${describeValue(value)})`);
}

/** The items of a list, set or tuple value, refusing a non-array or a tuple of the wrong length. */
export function sequenceItems(value: unknown, type: Type, path: readonly PathStep[]): readonly Value[] {
  if (!Array.isArray(value)) throw mismatch(path, type, value);
  if (type.kind === "tuple" && value.length !== type.elements.length) {
    throw new ValueError(path, `a tuple of ${type.elements.length} elements is required (got ${value.length})`);
  }
  return value as readonly Value[];
}
