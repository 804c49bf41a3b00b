/**
 * fast-check arbitraries from JSON Schema (the subset the spec uses): values that are valid,
 * values at the schema's edges, and values that break exactly one rule — together with the
 * path of the field they break (`allocations[0].maxConcurrentCalls`, "" for the value itself),
 * which the server's error must name.
 */
import fc, { type Arbitrary } from "fast-check";
import { resolve, type Schema } from "./spec-model.js";

/** Known values for fields named like this (ids of objects that exist), preferred when valid. */
export type Hints = Record<string, readonly string[]>;

export interface Broken {
  value: unknown;
  /** The field the value breaks, relative to where it sits. */
  path: string;
}

const TIME_ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Lord_Howe"];
const LONGEST_GENERATED = 5000;

/** `prefix` + `sub`: `a` + `b` is `a.b`, `a` + `[0].b` is `a[0].b`, `a` + "" is `a`. */
export function childPath(prefix: string, sub: string): string {
  if (sub === "") return prefix;
  if (prefix === "") return sub;
  return sub.startsWith("[") ? prefix + sub : `${prefix}.${sub}`;
}

function typesOf(schema: Schema): string[] {
  if (schema.type) return Array.isArray(schema.type) ? schema.type : [schema.type];
  if (schema.enum) return ["string"];
  if (schema.properties) return ["object"];
  return [];
}

/** `oneOf: [X, {type: null}]` and `type: [X, null]` read as "X or null". */
function nullableParts(schema: Schema): { base: Schema; nullable: boolean } {
  if (schema.oneOf) {
    const branches = schema.oneOf.map((s: Schema) => resolve(s));
    const nonNull = branches.filter((s: Schema) => s.type !== "null");
    if (nonNull.length === 1) return { base: nonNull[0], nullable: nonNull.length < branches.length };
  }
  const types = typesOf(schema);
  if (types.includes("null") && types.length === 2) return { base: { ...schema, type: types.find((t) => t !== "null") }, nullable: true };
  return { base: schema, nullable: false };
}

function objectShape(schema: Schema): { properties: Record<string, Schema>; required: string[] } {
  if (schema.allOf) {
    const parts = schema.allOf.map((s: Schema) => objectShape(resolve(s)));
    return { properties: Object.assign({}, ...parts.map((p: any) => p.properties)), required: parts.flatMap((p: any) => p.required) };
  }
  return { properties: schema.properties ?? {}, required: schema.required ?? [] };
}

// ---------------------------------------------------------------------------------------------
// Valid and boundary values

export function validValue(node: Schema, hints: Hints = {}, name?: string): Arbitrary<unknown> {
  return value(node, hints, name, false);
}

export function boundaryValue(node: Schema, hints: Hints = {}, name?: string): Arbitrary<unknown> {
  return value(node, hints, name, true);
}

function value(node: Schema, hints: Hints, name: string | undefined, edges: boolean): Arbitrary<unknown> {
  const schema = resolve(node);
  const hinted = name ? hints[name] : undefined;
  const plain = plainValue(schema, hints, edges);
  if (hinted?.length) return fc.oneof({ arbitrary: fc.constantFrom(...hinted), weight: 4 }, { arbitrary: plain, weight: 1 });
  return plain;
}

function plainValue(schema: Schema, hints: Hints, edges: boolean): Arbitrary<unknown> {
  const { base, nullable } = nullableParts(schema);
  if (nullable) return fc.oneof({ arbitrary: plainValue(base, hints, edges), weight: 3 }, { arbitrary: fc.constant(null), weight: 1 });
  if (schema.oneOf) return fc.oneof(...schema.oneOf.map((s: Schema) => value(s, hints, undefined, edges)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = typesOf(schema)[0] ?? (schema.allOf ? "object" : undefined);
  switch (type) {
    case "string": return edges ? fc.oneof(stringValue(schema), ...stringEdges(schema)) : stringValue(schema);
    case "integer": {
      const min = schema.minimum ?? -1_000_000;
      const max = schema.maximum ?? 1_000_000;
      if (edges) return fc.constantFrom(min, max, Math.min(max, min + 1), Math.max(min, max - 1));
      // Mostly small numbers, as real settings are: a million concurrent calls is valid but never fits a plan.
      return fc.oneof({ arbitrary: fc.integer({ min, max: Math.min(max, min + 20) }), weight: 3 }, { arbitrary: fc.integer({ min, max }), weight: 1 });
    }
    case "number": {
      const step = schema.multipleOf ?? 0.5;
      const min = schema.minimum ?? -1000;
      const max = schema.maximum ?? 1000;
      return edges ? fc.constantFrom(min, max, min + step, max - step) : fc.integer({ min: Math.ceil(min / step), max: Math.floor(max / step) }).map((n) => n * step);
    }
    case "boolean": return fc.boolean();
    case "array": {
      const minLength = schema.minItems ?? 0;
      const items = value(schema.items, hints, undefined, edges);
      const sizes = edges && schema.maxItems !== undefined && schema.maxItems <= 1000
        ? [fc.array(items, { minLength, maxLength: minLength }), fc.array(value(schema.items, hints, undefined, false), { minLength: schema.maxItems, maxLength: schema.maxItems })]
        : [fc.array(items, { minLength, maxLength: Math.min(schema.maxItems ?? 5, minLength + 4) })];
      return fc.oneof(...sizes);
    }
    case "object": {
      const { properties, required } = objectShape(schema);
      const keys = Object.keys(properties);
      const record = fc.record(
        Object.fromEntries(keys.map((key) => [key, value(properties[key]!, hints, key, edges)])),
        { requiredKeys: required.filter((key) => keys.includes(key)) },
      );
      return schema.minProperties ? record.filter((o) => Object.keys(o).length >= schema.minProperties) : record;
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringValue(schema: Schema): Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 40, LONGEST_GENERATED);
  const fits = (s: string) => [...s].length >= min && [...s].length <= max;
  if (schema.format === "email") {
    return fc.tuple(fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,15}$/), fc.constantFrom("acme.test", "example.org", "mail.globex.test"))
      .map(([local, domain]) => `${local.replace(/[._-]+$/, "")}@${domain}`);
  }
  if (schema.format === "date-time") {
    return fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString());
  }
  if (schema.format === "iana-time-zone") return fc.constantFrom(...TIME_ZONES);
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
  return fc.oneof(
    fc.string({ minLength: min, maxLength: Math.min(max, min + 30) }),
    fc.string({ minLength: min, maxLength: Math.min(max, min + 10), unit: "grapheme" }),
  );
}

/** Strings at the schema's edges: shortest, longest, wide characters, control characters. */
function stringEdges(schema: Schema): Arbitrary<string>[] {
  if (schema.pattern || schema.format || schema.enum) return [];
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 256, LONGEST_GENERATED);
  const edges = ["a".repeat(Math.max(min, 0)), "a".repeat(max), "é".repeat(max), "漢".repeat(Math.max(min, 1)), " ".repeat(Math.max(min, 1))];
  if (min <= 3) edges.push("a\u0000b".slice(0, Math.max(min, 3)), "<script>", "' OR 1=1 --".slice(0, max), "\u202e\u200b".padEnd(min, "x"));
  return [fc.constantFrom(...edges.filter((s) => [...s].length >= min && [...s].length <= max))];
}

// ---------------------------------------------------------------------------------------------
// Invalid values: each breaks one rule, and says where

export function invalidValue(node: Schema, hints: Hints = {}): Arbitrary<Broken> | undefined {
  const schema = resolve(node);
  const { base, nullable } = nullableParts(schema);
  const options: Arbitrary<Broken>[] = [];
  const here = (...values: unknown[]) => {
    if (values.length) options.push(fc.constantFrom(...values).map((value) => ({ value, path: "" })));
  };
  if (schema.oneOf && base === schema) return undefined; // a real choice of shapes: nothing simple breaks all of them
  if (!nullable) here(null);
  const type = typesOf(base)[0] ?? (base.allOf ? "object" : undefined);
  if (base.enum) here(...["not-a-valid-choice", "", 1, ...base.enum.map((v: string) => v.toUpperCase())].filter((v) => !base.enum.includes(v)));
  switch (type) {
    case "string": {
      here(12345, true, {}, []);
      if (base.maxLength !== undefined && base.maxLength < LONGEST_GENERATED) here("a".repeat(base.maxLength + 1), "é".repeat(base.maxLength + 1));
      if (base.minLength) here("a".repeat(base.minLength - 1));
      if (base.pattern) {
        const pattern = new RegExp(base.pattern);
        here(...[" ", "!!", "a b\n", "\u0000", "../etc", "😀", "-leading"].filter((s) => !pattern.test(s)));
      }
      if (base.format === "email") here("not-an-email", "a@", "@acme.test", "two@@acme.test");
      if (base.format === "date-time") here("2026-13-01T00:00:00Z", "yesterday", "2026-11-20 10:00", "1700000000");
      break;
    }
    case "integer":
    case "number": {
      here("12", true, {}, [], Number.MAX_SAFE_INTEGER * 4);
      if (base.minimum !== undefined) here(base.minimum - 1);
      if (base.maximum !== undefined) here(base.maximum + 1);
      if (type === "integer") here((base.minimum ?? 0) + 0.5);
      if (base.multipleOf) here((base.minimum ?? 0) + base.multipleOf / 2.5);
      break;
    }
    case "boolean":
      here("true", 1, 0, "false");
      break;
    case "array": {
      here({}, "list", 1);
      const items = validValue(base.items, hints);
      if (base.minItems) options.push(fc.array(items, { maxLength: base.minItems - 1 }).map((value) => ({ value, path: "" })));
      if (base.maxItems !== undefined && base.maxItems < 2000) {
        options.push(fc.array(items, { minLength: base.maxItems + 1, maxLength: base.maxItems + 1 }).map((value) => ({ value, path: "" })));
      }
      const brokenItem = invalidValue(base.items, hints);
      if (brokenItem) {
        options.push(fc.tuple(fc.array(items, { minLength: Math.max(1, base.minItems ?? 0), maxLength: 3 }), brokenItem, fc.nat()).map(([list, broken, at]) => {
          const index = at % list.length;
          const value = [...list];
          value[index] = broken.value;
          return { value, path: childPath(`[${index}]`, broken.path) };
        }));
      }
      break;
    }
    case "object": {
      here([], "object", 7);
      const { properties, required } = objectShape(base);
      const keys = Object.keys(properties);
      const valid = validValue(base, hints) as Arbitrary<Record<string, unknown>>;
      const present = required.filter((key) => keys.includes(key));
      if (present.length) {
        options.push(fc.tuple(valid, fc.constantFrom(...present)).map(([object, key]) => {
          const { [key]: _dropped, ...rest } = object;
          return { value: rest, path: key };
        }));
      }
      if (base.additionalProperties === false) {
        options.push(fc.tuple(valid, fc.constantFrom("zzUnknown", "isAdmin", "__proto__x", "id")).filter(([, key]) => !keys.includes(key))
          .map(([object, key]) => ({ value: { ...object, [key]: 1 }, path: key })));
      }
      if (base.minProperties) here({});
      const breakable = keys.map((key) => [key, invalidValue(properties[key]!, hints)] as const).filter(([, broken]) => broken !== undefined);
      if (breakable.length) {
        options.push(fc.tuple(valid, fc.constantFrom(...breakable)).chain(([object, [key, broken]]) =>
          broken!.map((b) => ({ value: { ...object, [key]: b.value }, path: childPath(key, b.path) }))));
      }
      break;
    }
    default:
      break;
  }
  return options.length ? fc.oneof(...options) : undefined;
}
