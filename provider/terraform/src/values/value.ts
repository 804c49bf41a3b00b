/**
 * Terraform values in TypeScript.
 *
 * Known values are plain JavaScript, read against a `Type`:
 * | type                | value                                                          |
 * |---------------------|----------------------------------------------------------------|
 * | string              | `string`                                                       |
 * | number              | `number`; a `bigint` for integers beyond ±(2^53 − 1)            |
 * | bool                | `boolean`                                                      |
 * | list, set, tuple    | an array (a set's order means nothing)                          |
 * | map, object         | a plain object (an object has exactly its type's attributes)    |
 * | dynamic             | a `DynamicValue` (its type and value), or `null`, or `Unknown`  |
 * | any type, null      | `null`                                                         |
 * | any type, unknown   | an `Unknown` (usually `UNKNOWN`)                                |
 */
import { setOwn, t, type Type } from "./types.js";

const UNKNOWN_BRAND = Symbol.for("@callplane/terraform-provider/values.Unknown");
const DYNAMIC_BRAND = Symbol.for("@callplane/terraform-provider/values.DynamicValue");

export interface ValueObject {
  readonly [name: string]: Value;
}

export type Value = null | string | number | bigint | boolean | Unknown | DynamicValue | readonly Value[] | ValueObject;

/** What Terraform knows about an unknown value ("refinements", Terraform 1.6+). */
export interface UnknownRefinements {
  /** The value will not be null. */
  notNull?: boolean;
  /** A string value will start with this. */
  stringPrefix?: string;
  /** The msgpack payload the refinements arrived in (extension 12), kept as is. */
  payload?: Uint8Array;
}

/**
 * A value not known until apply ("(known after apply)").
 *
 * Use `UNKNOWN`. Decoding gives `UNKNOWN` for a plain unknown and a refined `Unknown` when
 * Terraform said more about the value (msgpack extension 12): `notNull`, `stringPrefix`, and the
 * raw payload in `payload` (number bounds and collection lengths stay in there, undecoded).
 * Encoding always writes a plain unknown: refinements are dropped, which Terraform accepts.
 */
export class Unknown {
  readonly notNull: boolean;
  readonly stringPrefix: string | undefined;
  readonly payload: Uint8Array | undefined;

  constructor(refinements: UnknownRefinements = {}) {
    Object.defineProperty(this, UNKNOWN_BRAND, { value: true });
    this.notNull = refinements.notNull ?? false;
    this.stringPrefix = refinements.stringPrefix;
    this.payload = refinements.payload;
    Object.freeze(this);
  }

  /** True when Terraform sent refinements with this unknown. */
  get refined(): boolean {
    return this.payload !== undefined || this.notNull || this.stringPrefix !== undefined;
  }

  toString(): string {
    return "(known after apply)";
  }
}

/** The plain unknown value. */
export const UNKNOWN: Unknown = new Unknown();

/**
 * A value of a `dynamic` attribute: the type the value really has, and the value.
 * Decoding a dynamic attribute gives one (or `null`, or `Unknown`); encoding takes one, or infers
 * the type from a plain value (see `inferType`).
 */
export class DynamicValue {
  constructor(
    readonly type: Type,
    readonly value: Value,
  ) {
    Object.defineProperty(this, DYNAMIC_BRAND, { value: true });
    Object.freeze(this);
  }
}

export function isUnknown(v: unknown): v is Unknown {
  return typeof v === "object" && v !== null && (v as { [UNKNOWN_BRAND]?: unknown })[UNKNOWN_BRAND] === true;
}

export function isDynamicValue(v: unknown): v is DynamicValue {
  return typeof v === "object" && v !== null && (v as { [DYNAMIC_BRAND]?: unknown })[DYNAMIC_BRAND] === true;
}

/** A map or object value: a plain object that is not an array, `Unknown` or `DynamicValue`. */
export function isValueObject(v: unknown): v is ValueObject {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !isUnknown(v) && !isDynamicValue(v) && !ArrayBuffer.isView(v);
}

/** True when the value has no unknown anywhere inside it (null counts as known). */
export function isKnown(v: Value): boolean {
  if (v === null || typeof v !== "object") return true;
  if (isUnknown(v)) return false;
  if (isDynamicValue(v)) return isKnown(v.value);
  if (Array.isArray(v)) return (v as readonly Value[]).every(isKnown);
  for (const key of Object.keys(v)) if (!isKnown((v as ValueObject)[key]!)) return false;
  return true;
}

/**
 * The type a plain value has when it sits in a `dynamic` attribute, as cty would infer it:
 * string, number (also bigint), bool, tuple for arrays, object for plain objects; `dynamic` for
 * `null` and unknowns; a `DynamicValue`'s own type.
 */
export function inferType(v: Value): Type {
  if (v === null || isUnknown(v)) return t.dynamic;
  if (isDynamicValue(v)) return v.type;
  switch (typeof v) {
    case "string":
      return t.string;
    case "number":
    case "bigint":
      return t.number;
    case "boolean":
      return t.bool;
  }
  if (Array.isArray(v)) return t.tuple((v as readonly Value[]).map(inferType));
  const attrs: { [name: string]: Type } = {};
  for (const [name, attr] of Object.entries(v as ValueObject)) setOwn(attrs, name, inferType(attr));
  return t.object(attrs);
}
