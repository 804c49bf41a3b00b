/**
 * Turns the component schemas of an OpenAPI 3.1 document into a zod/mini module.
 *
 * It covers the JSON Schema keywords the Callplane spec uses and throws on any other, so a new
 * keyword in the spec cannot be silently ignored. zod/mini keeps the SDK bundle small; every
 * check carries its own message so no zod locale has to be loaded.
 */
type JsonSchema = Record<string, any>;

interface OpenApiDocument {
  components?: { schemas?: Record<string, JsonSchema> };
  paths?: Record<string, Record<string, any>>;
}

const SUPPORTED_KEYWORDS = new Set([
  "$ref", "type", "enum", "oneOf", "allOf", "properties", "required", "additionalProperties",
  "items", "minItems", "maxItems", "minLength", "maxLength", "pattern", "format", "minimum",
  "maximum", "multipleOf", "minProperties", "default", "description", "examples", "writeOnly",
  "x-pattern-message", "x-callplane-rules",
]);

const HTTP_METHODS = ["get", "put", "post", "patch", "delete"];

export function generateZodModule(doc: OpenApiDocument): string {
  const body = emitModule(doc);
  return [
    "// Generated from openapi/callplane.yaml by sdk/scripts/generate.ts. Do not edit by hand:",
    "// change the spec and run `pnpm generate`.",
    "/* eslint-disable */",
    'import * as z from "zod/mini";',
    'import { expected, ianaTimeZone, namedRules, strictKeys } from "../validation/rules.js";',
    "",
    'const string = z.string({ error: expected("a string") });',
    'const int = z.int({ error: expected("a whole number") });',
    'const number = z.number({ error: expected("a number") });',
    'const boolean = z.boolean({ error: expected("true or false") });',
    "",
    body,
  ].join("\n");
}

function emitModule(doc: OpenApiDocument): string {
  const schemas = doc.components?.schemas ?? {};
  const emitted = new Map<string, string>();
  const visiting = new Set<string>();

  const emitNamed = (name: string): void => {
    if (emitted.has(name)) return;
    if (visiting.has(name)) throw new Error(`schema ${name}: circular references are not supported`);
    const schema = schemas[name];
    if (!schema) throw new Error(`unknown schema ${name}`);
    visiting.add(name);
    const code = emitSchema(schema, `#/components/schemas/${name}`, emitNamed);
    visiting.delete(name);
    emitted.set(name, `${docComment(schema.description)}export const ${name} = ${code};\n`);
  };
  for (const name of Object.keys(schemas).sort()) emitNamed(name);

  const responses = responseSchemaNames(doc);
  const responseLines = Object.entries(responses)
    .map(([operationId, name]) => `  ${operationId}: ${name ?? "undefined"},`)
    .join("\n");

  return [
    ...emitted.values(),
    "/** The schema of each operation's successful JSON response, by operationId (undefined: no body). */",
    `export const responseSchemas = {\n${responseLines}\n} as const;`,
    "",
  ].join("\n");
}

function responseSchemaNames(doc: OpenApiDocument): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = {};
  for (const pathItem of Object.values(doc.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!operation) continue;
      const success = Object.entries(operation.responses ?? {}).find(([status]) => status.startsWith("2"));
      const schema = (success?.[1] as any)?.content?.["application/json"]?.schema;
      result[operation.operationId] = schema ? refName(schema.$ref, operation.operationId) : undefined;
    }
  }
  return result;
}

function refName(ref: unknown, where: string): string {
  const prefix = "#/components/schemas/";
  if (typeof ref !== "string" || !ref.startsWith(prefix)) {
    throw new Error(`${where}: expected a $ref to ${prefix}…, got ${JSON.stringify(ref)}`);
  }
  return ref.slice(prefix.length);
}

function emitSchema(schema: JsonSchema, where: string, need: (name: string) => void): string {
  for (const key of Object.keys(schema)) {
    if (!SUPPORTED_KEYWORDS.has(key)) throw new Error(`${where}: keyword "${key}" is not supported by the generator`);
  }
  if (schema.$ref) {
    const name = refName(schema.$ref, where);
    need(name);
    return name;
  }
  if (schema.oneOf) return emitOneOf(schema.oneOf, where, need);
  if (schema.allOf) return emitAllOf(schema.allOf, where, need);
  if (schema.enum) {
    const values = schema.enum as string[];
    return `z.enum(${JSON.stringify(values)}, { error: expected(${JSON.stringify(`one of ${values.join(", ")}`)}) })`;
  }
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((t: string) => t !== "null");
    if (types.length !== 1 || schema.type.length !== 2) throw new Error(`${where}: only [T, "null"] type lists are supported`);
    return `z.nullable(${emitSchema({ ...schema, type: types[0] }, where, need)})`;
  }
  switch (schema.type) {
    case "string": return emitString(schema);
    case "integer":
    case "number": return emitNumber(schema);
    case "boolean": return "boolean";
    case "null": return "z.null()";
    case "array": return emitArray(schema, where, need);
    case "object": return emitObject(schema, where, need);
    default: throw new Error(`${where}: type ${JSON.stringify(schema.type)} is not supported`);
  }
}

function emitOneOf(branches: JsonSchema[], where: string, need: (name: string) => void): string {
  const nonNull = branches.filter((b) => b.type !== "null");
  if (branches.length === 2 && nonNull.length === 1) return `z.nullable(${emitSchema(nonNull[0]!, where, need)})`;
  return `z.union([${branches.map((b, i) => emitSchema(b, `${where}/oneOf/${i}`, need)).join(", ")}])`;
}

function emitAllOf(parts: JsonSchema[], where: string, need: (name: string) => void): string {
  const [base, ...extensions] = parts;
  if (!base?.$ref || extensions.some((e) => e.type !== "object" || !e.properties)) {
    throw new Error(`${where}: allOf must be a $ref followed by object schemas`);
  }
  let code = emitSchema(base, where, need);
  for (const extension of extensions) code = `z.extend(${code}, ${emitShape(extension, where, need)})`;
  return code;
}

function emitString(schema: JsonSchema): string {
  const checks: string[] = [];
  let base: string;
  switch (schema.format) {
    case "email": base = `z.email({ error: expected("an email address") })`; break;
    case "date-time": base = `z.iso.datetime({ offset: true, error: expected("an RFC 3339 date-time such as 2026-11-20T09:30:00Z") })`; break;
    case undefined:
    case "iana-time-zone": base = "string"; break;
    default: throw new Error(`string format ${schema.format} is not supported`);
  }
  const { minLength: min, maxLength: max } = schema;
  if (min !== undefined && max !== undefined) {
    const message = min === 1 ? `must be 1 to ${max} characters` : `must be ${min} to ${max} characters`;
    checks.push(`z.minLength(${min}, ${JSON.stringify(min === 1 ? "must not be empty" : message)})`);
    checks.push(`z.maxLength(${max}, ${JSON.stringify(message)})`);
  } else if (min !== undefined) {
    checks.push(`z.minLength(${min}, ${JSON.stringify(`must be at least ${min} characters`)})`);
  } else if (max !== undefined) {
    checks.push(`z.maxLength(${max}, ${JSON.stringify(`must be at most ${max} characters`)})`);
  }
  if (schema.pattern !== undefined) {
    const message = schema["x-pattern-message"] ?? `must match ${schema.pattern}`;
    checks.push(`z.regex(${regexLiteral(schema.pattern)}, ${JSON.stringify(message)})`);
  }
  if (schema.format === "iana-time-zone") checks.push("ianaTimeZone");
  return withChecks(base, checks);
}

function emitNumber(schema: JsonSchema): string {
  const base = schema.type === "integer" ? "int" : "number";
  const checks: string[] = [];
  const { minimum: min, maximum: max } = schema;
  const range = min !== undefined && max !== undefined ? `must be between ${min} and ${max}` : undefined;
  if (min !== undefined) checks.push(`z.gte(${min}, ${JSON.stringify(range ?? `must be ${min} or more`)})`);
  if (max !== undefined) checks.push(`z.lte(${max}, ${JSON.stringify(range ?? `must be ${max} or less`)})`);
  if (schema.multipleOf !== undefined) {
    checks.push(`z.multipleOf(${schema.multipleOf}, ${JSON.stringify(`must be a multiple of ${schema.multipleOf}`)})`);
  }
  return withChecks(base, checks);
}

function emitArray(schema: JsonSchema, where: string, need: (name: string) => void): string {
  if (!schema.items) throw new Error(`${where}: arrays need items`);
  const checks: string[] = [];
  if (schema.minItems !== undefined) checks.push(`z.minLength(${schema.minItems}, "must have at least ${schema.minItems} item${schema.minItems === 1 ? "" : "s"}")`);
  if (schema.maxItems !== undefined) checks.push(`z.maxLength(${schema.maxItems}, "must have at most ${schema.maxItems} items")`);
  return withChecks(`z.array(${emitSchema(schema.items, `${where}/items`, need)}, { error: expected("a list") })`, checks);
}

function emitObject(schema: JsonSchema, where: string, need: (name: string) => void): string {
  if (!schema.properties) {
    if (schema.additionalProperties !== true) throw new Error(`${where}: objects without properties must allow additional ones`);
    return `z.record(z.string(), z.unknown(), { error: expected("an object") })`;
  }
  const shape = emitShape(schema, where, need);
  // Request bodies forbid unknown fields; responses allow them so older SDKs keep working
  // when the server adds a field.
  const base = schema.additionalProperties === false
    ? `z.strictObject(${shape}, { error: strictKeys })`
    : `z.looseObject(${shape}, { error: expected("an object") })`;
  const checks: string[] = [];
  if (schema.minProperties === 1) checks.push("namedRules.notEmpty");
  else if (schema.minProperties !== undefined) throw new Error(`${where}: only minProperties 1 is supported`);
  for (const rule of schema["x-callplane-rules"] ?? []) checks.push(`namedRules.${rule}`);
  return withChecks(base, checks);
}

function emitShape(schema: JsonSchema, where: string, need: (name: string) => void): string {
  const required = new Set<string>(schema.required ?? []);
  const lines = Object.entries(schema.properties as Record<string, JsonSchema>).map(([key, property]) => {
    const code = emitSchema(property, `${where}/properties/${key}`, need);
    const comment = property.description ? `${docComment(property.description, "  ")}` : "";
    return `${comment}  ${key}: ${required.has(key) ? code : `z.optional(${code})`},`;
  });
  return `{\n${lines.join("\n")}\n}`;
}

function withChecks(base: string, checks: string[]): string {
  return checks.length ? `${base}.check(${checks.join(", ")})` : base;
}

function regexLiteral(pattern: string): string {
  // Escape "/" that is not already escaped so the pattern can sit in a literal.
  return `/${pattern.replace(/(?<!\\)\//g, "\\/")}/`;
}

function docComment(text: string | undefined, indent = ""): string {
  if (!text) return "";
  const lines = text.trim().split("\n").map((line) => line.replace(/\*\//g, "*\\/"));
  return `${indent}/** ${lines.join(`\n${indent} * `)} */\n`;
}
