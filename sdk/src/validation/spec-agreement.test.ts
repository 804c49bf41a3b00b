/**
 * Proves the zod schemas agree with the spec: every example in the spec parses, and every
 * constraint the spec states is enforced — found by walking the spec, not listed by hand, so a
 * constraint added to the spec is tested without touching this file.
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
  const s = resolve(schema);
  if (s.allOf) return;
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
  }
  if (types.includes("object") && s.properties && current && typeof current === "object") {
    for (const key of s.required ?? []) {
      out.push({ description: `${formatPath([...path, key])} is required`, value: setAt(example, [...path, key], undefined, true), path: formatPath([...path, key]), message: "is required" });
    }
    if (s.additionalProperties === false) {
      out.push({ description: `${where || "(body)"} refuses unknown fields`, value: setAt(example, [...path, "unexpectedField"], 1), path: formatPath([...path, "unexpectedField"]), message: "is not a known field" });
    }
    if (s.minProperties === 1 && path.length === 0) at("refuses an empty update", {});
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
      if (value === undefined || value === null) continue;
      violationsOf(property, example, [...path, key], value, out);
    }
  }
}

describe("every constraint in the spec is enforced", () => {
  const cases: Violation[] = [];
  for (const [name, schema] of Object.entries(componentSchemas)) {
    const example = schema.examples?.[0];
    if (example === undefined) continue;
    const found: Violation[] = [];
    violationsOf(schema, example, [], example, found);
    cases.push(...found.map((v) => ({ ...v, description: `${name}: ${v.description}`, schemaName: name })));
  }
  it("covers the constraints (the walk finds them)", () => {
    expect(cases.length).toBeGreaterThan(150);
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
