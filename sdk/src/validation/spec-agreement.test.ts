/**
 * Proves the zod schemas agree with the spec: every example in the spec parses, and every
 * constraint the spec states is enforced — found by walking the spec, not listed by hand, so a
 * constraint added to the spec is tested without touching this file.
 *
 * The walk starts from each schema's first example; a schema without one (the `allOf` answers
 * that add a secret, the lists, the enums) starts from a value generated from the schema itself,
 * and an optional field the example leaves out or sets to null is walked with a generated value
 * too. `allOf` schemas are walked as the one object their parts make. What the walk still
 * leaves out is listed in NOT_WALKED below, and a test keeps that list true.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import * as generated from "../generated/schemas.js";
import { formatPath, validate } from "./index.js";

type JsonSchema = Record<string, any>;
const doc = parse(readFileSync(new URL("../../../openapi/callplane.yaml", import.meta.url), "utf8"), { maxAliasCount: -1 });
const componentSchemas: Record<string, JsonSchema> = doc.components.schemas;
const zodSchemas = generated as unknown as Record<string, Parameters<typeof validate>[0]>;

function refName(ref: string): string {
  return ref.replace("#/components/schemas/", "");
}
function resolve(schema: JsonSchema): JsonSchema {
  return schema.$ref ? resolve(componentSchemas[refName(schema.$ref)]!) : schema;
}
/** The one object an `allOf` of object schemas describes: its parts' properties and required fields together. */
function merged(schema: JsonSchema): JsonSchema {
  if (!schema.allOf) return schema;
  const parts = schema.allOf.map((part: JsonSchema) => merged(resolve(part)));
  if (parts.length === 1) return { ...parts[0], description: schema.description ?? parts[0].description };
  return {
    type: "object",
    properties: Object.assign({}, ...parts.map((p: JsonSchema) => p.properties ?? {})),
    required: parts.flatMap((p: JsonSchema) => p.required ?? []),
    ...(parts.some((p: JsonSchema) => p.additionalProperties === false) ? { additionalProperties: false } : {}),
    "x-callplane-rules": parts.flatMap((p: JsonSchema) => p["x-callplane-rules"] ?? []),
  };
}

/** Strings a generated value is chosen from: the first one that meets the schema's length, pattern and format. */
const CANDIDATE_STRINGS = ["Acme Voice", "ops@acme.test", "https://acme.test/logo.png", "+4930123456", "Europe/Berlin", "correct-horse-battery", "acme_01", "customer.support", "2026-11-20T09:30:00Z", "x"];
const FORMATS: Record<string, (value: string) => boolean> = {
  email: (v) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v),
  "date-time": (v) => /^\d{4}-\d\d-\d\dT/.test(v) && !Number.isNaN(Date.parse(v)),
  "iana-time-zone": (v) => v === "Europe/Berlin",
};

/** A value that meets every constraint of `schema`; throws, naming the schema, when it cannot make one. */
function generate(schema: JsonSchema, where: string): unknown {
  const nonNull = schema.oneOf?.find((b: JsonSchema) => b.type !== "null");
  if (nonNull) return generate(nonNull, where);
  const s = merged(resolve(schema));
  if (s.examples?.length) return structuredClone(s.examples[0]);
  if (s.enum) return s.enum[0];
  const type = (Array.isArray(s.type) ? s.type : [s.type]).find((t: string) => t !== "null") ?? (s.properties ? "object" : undefined);
  switch (type) {
    case "string": {
      const fits = (v: string) => v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Infinity)
        && (!s.pattern || new RegExp(s.pattern).test(v)) && (!s.format || (FORMATS[s.format]?.(v) ?? true));
      const found = CANDIDATE_STRINGS.find(fits);
      if (found === undefined) throw new Error(`${where}: no candidate string fits ${JSON.stringify(s)}; add one to CANDIDATE_STRINGS`);
      return found;
    }
    case "integer":
    case "number": {
      const step = s.multipleOf ?? 1;
      const value = Math.ceil((s.minimum ?? 0) / step) * step;
      if (s.maximum !== undefined && value > s.maximum) throw new Error(`${where}: no multiple of ${step} between ${s.minimum} and ${s.maximum}`);
      return value;
    }
    case "boolean":
      return true;
    case "array":
      return Array.from({ length: Math.max(1, s.minItems ?? 0) }, (_, i) => generate(s.items, `${where}[${i}]`));
    case "object": {
      const value: Record<string, unknown> = {};
      for (const [key, property] of Object.entries<JsonSchema>(s.properties ?? {})) value[key] = generate(property, `${where}.${key}`);
      for (const rule of s["x-callplane-rules"] ?? []) {
        if (rule === "startBeforeEnd") value.endHour = (value.startHour as number) + 1;
        else throw new Error(`${where}: no valid value known for rule ${rule}: teach this test`);
      }
      return value;
    }
    default:
      throw new Error(`${where}: cannot generate a value for ${JSON.stringify(s)}`);
  }
}

/** The schema keywords the constraint walk turns into refused values, or follows to reach more of them. */
const WALKED = new Set([
  "type", "enum", "minLength", "maxLength", "pattern", "x-pattern-message", "format", "minimum", "maximum", "multipleOf",
  "items", "minItems", "maxItems", "properties", "required", "additionalProperties", "minProperties", "x-callplane-rules",
  "$ref", "allOf", "oneOf",
]);

/**
 * The keywords the spec uses that the walk makes no refused value for, and why. A test checks
 * that every keyword in the spec's schemas is in WALKED or here, so a new kind of rule in the
 * spec fails this file until it is taught or listed.
 */
const NOT_WALKED: Record<string, string> = {
  description: "prose for people, no rule",
  examples: "the walk's starting values; each one is checked to parse above",
  default: "what the server fills in for a left-out field: server behaviour, tested in server/e2e, not a rule a client refuses",
  writeOnly: "a field never sent back (passwords): a rule on answers, tested by the server's secret tests, not on what a client may send",
};

function resolveExample(example: any): any {
  return example?.$ref ? doc.components.examples[example.$ref.split("/").pop()].value : example.value;
}

/** Every (schema name, example) pair in the spec: media-type examples and schema examples. */
function allExamples(): Array<{ where: string; schemaName: string; value: unknown }> {
  const found: Array<{ where: string; schemaName: string; value: unknown }> = [];
  const fromContent = (where: string, content: Record<string, any> | undefined) => {
    for (const [mediaType, media] of Object.entries(content ?? {})) {
      if (!media.schema?.$ref) continue;
      for (const [name, example] of Object.entries(media.examples ?? {})) {
        found.push({ where: `${where} ${mediaType} example "${name}"`, schemaName: refName(media.schema.$ref), value: resolveExample(example) });
      }
    }
  };
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const [method, operation] of Object.entries<any>(item)) {
      if (!operation?.operationId) continue;
      const where = `${method.toUpperCase()} ${path}`;
      fromContent(`${where} request`, operation.requestBody?.content);
      for (const [status, response] of Object.entries<any>(operation.responses)) {
        const resolved = response.$ref ? doc.components.responses[response.$ref.split("/").pop()] : response;
        fromContent(`${where} ${status}`, resolved.content);
      }
    }
  }
  for (const [name, schema] of Object.entries(componentSchemas)) {
    (schema.examples ?? []).forEach((value: unknown, i: number) => found.push({ where: `schema ${name} example ${i}`, schemaName: name, value }));
  }
  return found;
}

describe("every example in the spec", () => {
  const examples = allExamples();
  it("is found (the walk reaches the spec's examples)", () => {
    expect(examples.length).toBeGreaterThan(60);
  });
  it.each(examples.map((e) => [e.where, e] as const))("%s parses", (_where, example) => {
    const result = validate(zodSchemas[example.schemaName]!, example.value);
    expect(result.ok ? [] : result.fieldErrors).toEqual([]);
  });
});

interface Violation {
  description: string;
  value: unknown;
  path: string;
  message?: string;
}

function setAt(root: unknown, path: (string | number)[], value: unknown, remove = false): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as any;
  let target = copy;
  for (const segment of path.slice(0, -1)) target = target[segment];
  const last = path[path.length - 1]!;
  if (remove) delete target[last];
  else target[last] = value;
  return copy;
}

/** Values that break each constraint of `schema`, for the field at `path` in `example`. */
function violationsOf(schema: JsonSchema, example: unknown, path: (string | number)[], current: unknown, out: Violation[], nullable = false): void {
  const where = formatPath(path);
  const at = (description: string, value: unknown, message?: string) =>
    out.push({ description: `${where || "(body)"} ${description}`, value: setAt(example, path, value), path: where, message });
  const nullBranch = schema.oneOf?.find((b: JsonSchema) => b.type === "null");
  if (nullBranch) {
    const other = schema.oneOf.find((b: JsonSchema) => b.type !== "null");
    return violationsOf(other, example, path, current, out, true);
  }
  const s = merged(resolve(schema));
  const types: string[] = Array.isArray(s.type) ? s.type : [s.type];
  if (path.length && !types.includes("null") && !nullable) at("refuses null", null);
  if (s.enum) at("refuses a value outside the enum", "superuser");
  if (types.includes("string")) {
    at("refuses a number", 12345);
    if (s.minLength > 0) at(`refuses fewer than ${s.minLength} characters`, "x".repeat(s.minLength - 1));
    if (s.maxLength !== undefined) at(`refuses more than ${s.maxLength} characters`, "x".repeat(s.maxLength + 1));
    if (s.pattern) at(`refuses a value not matching ${s.pattern}`, "\u0000 not it", s["x-pattern-message"]);
    if (s.format === "email") at("refuses a non-email", "not-an-email");
    if (s.format === "date-time") at("refuses a non-date-time", "yesterday at noon");
    if (s.format === "iana-time-zone") at("refuses an unknown zone", "Mars/Olympus");
  }
  if (types.includes("integer")) at("refuses a fraction", (s.minimum ?? 0) + 0.5);
  if (types.includes("integer") || types.includes("number")) {
    at("refuses a string", "7");
    if (s.minimum !== undefined) at(`refuses less than ${s.minimum}`, s.minimum - 1);
    if (s.maximum !== undefined) at(`refuses more than ${s.maximum}`, s.maximum + 1);
    if (s.multipleOf !== undefined) at(`refuses a non-multiple of ${s.multipleOf}`, s.multipleOf / 2);
  }
  if (types.includes("boolean")) at("refuses a string", "yes");
  if (types.includes("array")) {
    at("refuses a non-list", "nope");
    const items = current as unknown[];
    if (s.minItems) at(`refuses fewer than ${s.minItems} items`, []);
    if (s.maxItems !== undefined && items.length) at(`refuses more than ${s.maxItems} items`, Array(s.maxItems + 1).fill(items[0]));
    if (items.length) violationsOf(s.items, example, [...path, 0], items[0], out);
    else {
      // An empty list in the example: walk its items with a generated one.
      const item = generate(s.items, formatPath([...path, 0]));
      violationsOf(s.items, setAt(example, path, [item]), [...path, 0], item, out);
    }
  }
  if (types.includes("object") && s.properties && current && typeof current === "object") {
    for (const key of s.required ?? []) {
      out.push({ description: `${formatPath([...path, key])} is required`, value: setAt(example, [...path, key], undefined, true), path: formatPath([...path, key]), message: "is required" });
    }
    if (s.additionalProperties === false) {
      out.push({ description: `${where || "(body)"} refuses unknown fields`, value: setAt(example, [...path, "unexpectedField"], 1), path: formatPath([...path, "unexpectedField"]), message: "is not a known field" });
    }
    if (s.minProperties !== undefined && s.minProperties !== 1) throw new Error(`${where}: no violation known for minProperties ${s.minProperties}: teach this test`);
    if (s.minProperties === 1) at("refuses an empty object", {});
    for (const rule of s["x-callplane-rules"] ?? []) {
      if (rule === "startBeforeEnd") {
        const range = current as { startHour: number };
        out.push({ description: `${where} refuses endHour not after startHour`, value: setAt(example, [...path, "endHour"], range.startHour), path: formatPath([...path, "endHour"]) });
      } else {
        throw new Error(`no violation known for rule ${rule}: teach this test`);
      }
    }
    for (const [key, property] of Object.entries<JsonSchema>(s.properties)) {
      const value = (current as Record<string, unknown>)[key];
      if (value !== undefined && value !== null) {
        violationsOf(property, example, [...path, key], value, out);
        continue;
      }
      // Left out or null in the example: walk it with a generated value in its place.
      const generated = generate(property, formatPath([...path, key]));
      violationsOf(property, setAt(example, [...path, key], generated), [...path, key], generated, out);
    }
  }
}

describe("every schema without an example in the spec", () => {
  const without = Object.entries(componentSchemas).filter(([, schema]) => schema.examples === undefined);
  it("is found (the lists, enums and allOf answers among them)", () => {
    expect(without.map(([name]) => name)).toEqual(expect.arrayContaining(["TenantWithApiKey", "InvitationAcceptance", "AuditEventList", "Role"]));
  });
  it.each(without.map(([name, schema]) => [name, schema] as const))("%s accepts a value generated from the schema", (name, schema) => {
    const result = validate(zodSchemas[name]!, generate(schema, name));
    expect(result.ok ? [] : result.fieldErrors).toEqual([]);
  });
});

describe("every constraint in the spec is enforced", () => {
  const cases: Violation[] = [];
  const walked = new Set<string>();
  for (const [name, schema] of Object.entries(componentSchemas)) {
    // The first example, or for a schema without one, a value generated from the schema.
    const start = schema.examples?.[0] ?? generate(schema, name);
    const found: Violation[] = [];
    violationsOf(schema, start, [], start, found);
    if (found.length > 0) walked.add(name);
    cases.push(...found.map((v) => ({ ...v, description: `${name}: ${v.description}`, schemaName: name })));
  }
  it("covers the constraints (the walk finds them)", () => {
    expect(cases.length).toBeGreaterThan(150);
  });
  it("knows every schema keyword the spec uses: walked, or listed with why not", () => {
    const used = new Set<string>();
    const collect = (schema: unknown): void => {
      if (Array.isArray(schema)) return schema.forEach(collect);
      if (!schema || typeof schema !== "object") return;
      for (const [key, value] of Object.entries(schema)) {
        used.add(key);
        if (key === "properties") Object.values(value as object).forEach(collect);
        else if (key === "items" || key === "allOf" || key === "oneOf") collect(value);
      }
    };
    Object.values(componentSchemas).forEach(collect);
    expect([...used].filter((key) => !WALKED.has(key) && !(key in NOT_WALKED))).toEqual([]);
  });
  it("reaches every schema, allOf ones and those without an example included", () => {
    expect(Object.keys(componentSchemas).filter((name) => !walked.has(name))).toEqual([]);
    for (const name of ["TenantWithApiKey", "EnvironmentWithApiKey", "InvitationWithSecret", "ApiTokenWithSecret", "SessionWithToken", "InvitationAcceptance"]) {
      expect(cases.some((c) => c.description.startsWith(`${name}: `) && c.description.includes("is required")), name).toBe(true);
    }
  });
  it.each(cases.map((c) => [c.description, c] as const))("%s", (_description, violation) => {
    const result = validate(zodSchemas[(violation as any).schemaName]!, violation.value);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const onPath = result.fieldErrors.filter((e) => e.path === violation.path);
    expect(onPath, JSON.stringify(result.fieldErrors)).not.toHaveLength(0);
    if (violation.message) expect(onPath.map((e) => e.message)).toContain(violation.message);
  });
});
