/**
 * Turns the component schemas of an OpenAPI 3.1 document into validators for the SDK's own
 * small runtime (`src/validation/schema.ts`), typed by the types openapi-typescript generates.
 *
 * It covers the JSON Schema keywords the Callplane spec uses and throws on any other, so a new
 * keyword in the spec cannot be silently ignored. Every check carries its own message.
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

export function generateSchemaModule(doc: OpenApiDocument): string {
  const body = emitModule(doc);
  return [
    "// Generated from openapi/callplane.yaml by sdk/scripts/generate.ts. Do not edit by hand:",
    "// change the spec and run `pnpm generate`.",
    "/* eslint-disable */",
    "import {",
    "  array, boolean, enumOf, extend, gte, int, lte, maxLength, minLength, multipleOf, nullable, number, object,",
    "  optional, regex, string, unknownObject, type ObjectSchema, type Schema,",
    '} from "../validation/schema.js";',
    'import { dateTime, email, ianaTimeZone, namedRules } from "../validation/rules.js";',
    'import type { components } from "./openapi.js";',
    "",
    'type S = components["schemas"];',
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
    const kind = isExtensibleObject(schema) ? "ObjectSchema" : "Schema";
    emitted.set(name, `${docComment(schema.description)}export const ${name}: ${kind}<S[${JSON.stringify(name)}]> = ${code};\n`);
  };
  for (const name of Object.keys(schemas).sort()) emitNamed(name);

  const lines = (names: Record<string, string | undefined>) =>
    Object.entries(names).map(([operationId, name]) => `  ${operationId}: ${name ?? "undefined"},`).join("\n");

  return [
    ...emitted.values(),
    "/** The schema of each operation's JSON request body, by operationId (undefined: no body). */",
    `export const requestSchemas = {\n${lines(operationSchemaNames(doc, "request"))}\n} as const;`,
    "",
    "/** The schema of each operation's successful JSON response, by operationId (undefined: no body). */",
    `export const responseSchemas = {\n${lines(operationSchemaNames(doc, "response"))}\n} as const;`,
    "",
  ].join("\n");
}

function operationSchemaNames(doc: OpenApiDocument, side: "request" | "response"): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = {};
  for (const pathItem of Object.values(doc.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!operation) continue;
      const success = Object.entries(operation.responses ?? {}).find(([status]) => status.startsWith("2"));
      const content = side === "request" ? operation.requestBody?.content : (success?.[1] as any)?.content;
      const schema = content?.["application/json"]?.schema;
      result[operation.operationId] = schema ? refName(schema.$ref, operation.operationId) : undefined;
    }
  }
  return result;
}

/** Objects `extend` can add fields to: plain properties, no object-level rules. */
function isExtensibleObject(schema: JsonSchema): boolean {
  if (schema.allOf) return true;
  return schema.type === "object" && !!schema.properties && schema.minProperties === undefined && !schema["x-callplane-rules"];
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
    return `enumOf(${JSON.stringify(values)})`;
  }
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((t: string) => t !== "null");
    if (types.length !== 1 || schema.type.length !== 2) throw new Error(`${where}: only [T, "null"] type lists are supported`);
    return `nullable(${emitSchema({ ...schema, type: types[0] }, where, need)})`;
  }
  switch (schema.type) {
    case "string": return emitString(schema);
    case "integer":
    case "number": return emitNumber(schema);
    case "boolean": return "boolean";
    case "array": return emitArray(schema, where, need);
    case "object": return emitObject(schema, where, need);
    default: throw new Error(`${where}: type ${JSON.stringify(schema.type)} is not supported`);
  }
}

function emitOneOf(branches: JsonSchema[], where: string, need: (name: string) => void): string {
  const nonNull = branches.filter((b) => b.type !== "null");
  if (branches.length === 2 && nonNull.length === 1) return `nullable(${emitSchema(nonNull[0]!, where, need)})`;
  throw new Error(`${where}: oneOf is supported only as a schema or null`);
}

function emitAllOf(parts: JsonSchema[], where: string, need: (name: string) => void): string {
  const [base, ...extensions] = parts;
  if (!base?.$ref || extensions.some((e) => e.type !== "object" || !e.properties)) {
    throw new Error(`${where}: allOf must be a $ref followed by object schemas`);
  }
  let code = emitSchema(base, where, need);
  for (const extension of extensions) code = `extend(${code}, ${emitShape(extension, where, need)})`;
  return code;
}

function emitString(schema: JsonSchema): string {
  const checks: string[] = [];
  let base: string;
  switch (schema.format) {
    case "email": base = "email"; break;
    case "date-time": base = "dateTime"; break;
    case undefined:
    case "iana-time-zone": base = "string"; break;
    default: throw new Error(`string format ${schema.format} is not supported`);
  }
  const { minLength: min, maxLength: max } = schema;
  if (min !== undefined && max !== undefined) {
    const message = min === 1 ? `must be 1 to ${max} characters` : `must be ${min} to ${max} characters`;
    checks.push(`minLength(${min}, ${JSON.stringify(min === 1 ? "must not be empty" : message)})`);
    checks.push(`maxLength(${max}, ${JSON.stringify(message)})`);
  } else if (min !== undefined) {
    checks.push(`minLength(${min}, ${JSON.stringify(`must be at least ${min} characters`)})`);
  } else if (max !== undefined) {
    checks.push(`maxLength(${max}, ${JSON.stringify(`must be at most ${max} characters`)})`);
  }
  if (schema.pattern !== undefined) {
    const message = schema["x-pattern-message"] ?? `must match ${schema.pattern}`;
    checks.push(`regex(${regexLiteral(schema.pattern)}, ${JSON.stringify(message)})`);
  }
  if (schema.format === "iana-time-zone") checks.push("ianaTimeZone");
  return withChecks(base, checks);
}

function emitNumber(schema: JsonSchema): string {
  const base = schema.type === "integer" ? "int" : "number";
  const checks: string[] = [];
  const { minimum: min, maximum: max } = schema;
  const range = min !== undefined && max !== undefined ? `must be between ${min} and ${max}` : undefined;
  if (min !== undefined) checks.push(`gte(${min}, ${JSON.stringify(range ?? `must be ${min} or more`)})`);
  if (max !== undefined) checks.push(`lte(${max}, ${JSON.stringify(range ?? `must be ${max} or less`)})`);
  if (schema.multipleOf !== undefined) {
    checks.push(`multipleOf(${schema.multipleOf}, ${JSON.stringify(`must be a multiple of ${schema.multipleOf}`)})`);
  }
  return withChecks(base, checks);
}

function emitArray(schema: JsonSchema, where: string, need: (name: string) => void): string {
  if (!schema.items) throw new Error(`${where}: arrays need items`);
  const checks: string[] = [];
  if (schema.minItems !== undefined) checks.push(`minLength(${schema.minItems}, "must have at least ${schema.minItems} item${schema.minItems === 1 ? "" : "s"}")`);
  if (schema.maxItems !== undefined) checks.push(`maxLength(${schema.maxItems}, "must have at most ${schema.maxItems} items")`);
  return withChecks(`array(${emitSchema(schema.items, `${where}/items`, need)})`, checks);
}

function emitObject(schema: JsonSchema, where: string, need: (name: string) => void): string {
  if (!schema.properties) {
    if (schema.additionalProperties !== true) throw new Error(`${where}: objects without properties must allow additional ones`);
    return "unknownObject";
  }
  const shape = emitShape(schema, where, need);
  // Request bodies forbid unknown fields; responses allow them so older SDKs keep working
  // when the server adds a field.
  const base = `object(${shape}${schema.additionalProperties === false ? ", true" : ""})`;
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
    return `${comment}  ${key}: ${required.has(key) ? code : `optional(${code})`},`;
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
