/**
 * Whole requests for one operation, from its spec: path ids, query strings, headers and bodies,
 * each case of one kind — valid, at the edges, breaking one named field, or sent with another
 * credential — so the checks know what answer to expect.
 */
import fc, { type Arbitrary } from "fast-check";
import { boundaryValue, invalidValue, validValue, type Broken, type Hints } from "./schema-arbitraries.js";
import { resolve, type Operation, type Parameter } from "./spec-model.js";

export type CaseKind = "valid" | "boundary" | "invalid" | "credential";

export interface FuzzRequest {
  kind: CaseKind;
  operationId: string;
  method: string;
  /** Path and query, ready to append to the server's URL. */
  target: string;
  headers: Record<string, string>;
  body: string | undefined;
  /** The path parameters as sent (before encoding). */
  ids: Record<string, string>;
  /** For `invalid`: the field broken on purpose; an answer refusing the request must name it. */
  broken?: { in: "body" | "query" | "header"; path: string };
}

export interface Credentials {
  /** The credential the fuzzer acts with. */
  main: string;
  /** The platform administrator's, for the operations on all tenants. */
  platform: string;
  /** Others: none, unknown, read-only, wrong kind, oddly spelled. Values are full header values or undefined. */
  others: readonly (string | undefined)[];
}

const CONTENT_TYPES = ["application/json", "application/json; charset=utf-8", "Application/JSON", "application/merge-patch+json"];
// No "." or "..": the client resolves those before sending, so they would aim at another route.
const ODD_IDS = ["a%2Fb", "%00", "%ZZ", "x".repeat(65), "%F0%9F%98%80", "env_'--", "null", "undefined", "%20"];

export function requestsFor(operation: Operation, hints: Hints, credentials: Credentials): Arbitrary<FuzzRequest> {
  // The spec's "Tenants" operations are for platform administrators: act as one there.
  const actor = operation.tags.includes("Tenants") ? credentials.platform : credentials.main;
  const pathParams = operation.parameters.filter((p) => p.in === "path");
  const queryParams = operation.parameters.filter((p) => p.in === "query");
  const headerParams = operation.parameters.filter((p) => p.in === "header");

  const validPath = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, validValue(p.schema, hints, p.name).map(String)])));
  const validQuery = queryPart(queryParams, hints, false);
  const validHeaders = headersPart(headerParams, false);
  const body = operation.body;
  const bodyValue = (edges: boolean): Arbitrary<string | undefined> => {
    if (!body) return fc.constant(undefined);
    const value = (edges ? boundaryValue : validValue)(body.schema, hints).map((v) => JSON.stringify(v));
    return body.required ? value : fc.oneof(value, fc.constant(undefined));
  };

  const build = (kind: CaseKind, parts: { path: Record<string, string>; rawPath?: boolean; query: [string, string][]; headers: Record<string, string>; body: string | undefined; contentType: string; authorization: string | undefined; broken?: FuzzRequest["broken"] }): FuzzRequest => {
    let target = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => (parts.rawPath ? parts.path[name]! : encodeURIComponent(parts.path[name]!)));
    if (parts.query.length) target += `?${parts.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&")}`;
    const headers: Record<string, string> = { ...parts.headers };
    if (parts.authorization !== undefined && !operation.public) headers.Authorization = parts.authorization;
    if (parts.body !== undefined) headers["Content-Type"] = parts.contentType;
    return { kind, operationId: operation.id, method: operation.method, target, ids: parts.path, headers, body: parts.body, ...(parts.broken ? { broken: parts.broken } : {}) };
  };
  const main = `Bearer ${actor}`;
  const contentType = fc.constantFrom(...CONTENT_TYPES);

  const valid = fc.record({ path: validPath, query: validQuery, headers: validHeaders, body: bodyValue(false), contentType })
    .map((p) => build("valid", { ...p, authorization: main }));
  const boundary = fc.record({ path: validPath, query: queryPart(queryParams, hints, true), headers: validHeaders, body: bodyValue(true), contentType })
    .map((p) => build("boundary", { ...p, authorization: main }));
  const credential = fc.record({ path: validPath, query: validQuery, headers: validHeaders, body: bodyValue(false), contentType, authorization: fc.constantFrom(...credentials.others) })
    .map((p) => build("credential", p));

  const invalid: Arbitrary<FuzzRequest>[] = [];
  const brokenBody = body && invalidValue(body.schema, hints);
  if (brokenBody) {
    invalid.push(fc.record({ path: validPath, query: validQuery, headers: validHeaders, broken: brokenBody, contentType })
      .map((p) => build("invalid", { ...p, body: JSON.stringify(p.broken.value), authorization: main, broken: { in: "body", path: p.broken.path } })));
  }
  if (body) {
    // Over the 1 MiB limit: refused (413) before it is read.
    invalid.push(fc.record({ path: validPath, query: validQuery, headers: validHeaders, contentType })
      .map((p) => build("invalid", { ...p, body: JSON.stringify({ padding: "x".repeat(1024 * 1024) }), authorization: main, broken: { in: "body", path: "" } })));
    // Not JSON, or not said to be JSON: refused before any field is looked at.
    const junk = fc.oneof(fc.constantFrom("{", "{\"a\":", "[1,]", "nul", "\u0000", "{'single': 1}"), fc.string({ maxLength: 20 }).filter((s) => { try { JSON.parse(s); return false; } catch { return s.length > 0; } }));
    invalid.push(fc.record({ path: validPath, query: validQuery, headers: validHeaders, body: junk, contentType })
      .map((p) => build("invalid", { ...p, authorization: main, broken: { in: "body", path: "" } })));
    invalid.push(fc.record({ path: validPath, query: validQuery, headers: validHeaders, body: bodyValue(false).map((b) => b ?? "{}"), contentType: fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "application/xml", "") })
      .map((p) => build("invalid", { ...p, authorization: main, broken: { in: "header", path: "Content-Type" } })));
  }
  for (const param of queryParams) {
    const broken = invalidQueryValue(param);
    if (!broken) continue;
    invalid.push(fc.record({ path: validPath, query: validQuery, headers: validHeaders, body: bodyValue(false), contentType, value: broken })
      .map((p) => build("invalid", { ...p, query: [...p.query.filter(([k]) => k !== param.name), [param.name, p.value]], authorization: main, broken: { in: "query", path: param.name } })));
  }
  for (const param of headerParams) {
    const max = resolve(param.schema).maxLength;
    if (param.name !== "Idempotency-Key" || max === undefined) continue;
    invalid.push(fc.record({ path: validPath, query: validQuery, body: bodyValue(false), contentType, value: fc.constantFrom("k".repeat(max + 1)) })
      .map((p) => build("invalid", { ...p, headers: { [param.name]: p.value }, authorization: main, broken: { in: "header", path: param.name } })));
  }
  if (pathParams.length) {
    // Ids that exist nowhere or are not ids at all: sent raw, as a client with a bug would.
    const oddPath = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, fc.constantFrom(...ODD_IDS)])));
    invalid.push(fc.record({ path: oddPath, query: validQuery, headers: validHeaders, body: bodyValue(false), contentType })
      .map((p) => build("boundary", { ...p, rawPath: true, authorization: main })));
  }

  return fc.oneof(
    { arbitrary: valid, weight: 4 },
    { arbitrary: boundary, weight: 2 },
    { arbitrary: credential, weight: 1 },
    ...invalid.map((arbitrary) => ({ arbitrary, weight: Math.max(1, Math.round(5 / invalid.length)) })),
  );
}

function queryPart(params: Parameter[], hints: Hints, edges: boolean): Arbitrary<[string, string][]> {
  // Cursors are opaque: only the server's own are valid, and the fuzzer has none to send.
  const sendable = params.filter((p) => p.name !== "cursor");
  const entries = sendable.map((p) => fc.option((edges ? boundaryValue : validValue)(p.schema, hints, p.name).map((v) => [p.name, String(v)] as [string, string]), { nil: undefined }));
  const unknown = fc.option(fc.constantFrom<[string, string]>(["unknownParam", "1"], ["limit[]", "2"], ["", ""]), { nil: undefined, freq: 8 });
  return fc.tuple(...entries, unknown).map((list) => list.filter((e): e is [string, string] => e !== undefined));
}

function headersPart(params: Parameter[], edges: boolean): Arbitrary<Record<string, string>> {
  const entries = params.map((p) => {
    // Header values are bytes: printable ASCII, within the schema's length.
    const max = Math.min(resolve(p.schema).maxLength ?? 64, 255);
    const value = p.name === "If-Match"
      ? fc.constantFrom('"v1"', '"v2"', "*", 'W/"v1"', '"v1", "v2"')
      : edges ? fc.constantFrom("k", "k".repeat(max)) : fc.stringMatching(/^[!-~]{1,64}$/).filter((v) => v.length <= max);
    return fc.option(value.map((v) => [p.name, v] as const), { nil: undefined });
  });
  const source = fc.option(fc.constantFrom("terraform", "console", "sdk", "api", "TERRAFORM", "evil\u00e9"), { nil: undefined });
  return fc.tuple(fc.tuple(...entries), source).map(([list, declared]) => ({
    ...Object.fromEntries(list.filter((e) => e !== undefined)),
    ...(declared ? { "X-Callplane-Source": declared } : {}),
  }));
}

function invalidQueryValue(param: Parameter): Arbitrary<string> | undefined {
  if (param.name === "cursor") return fc.constantFrom("not-a-cursor", "eyJwIjotMX0", "x".repeat(513), "%%%");
  const broken = invalidValue(param.schema);
  // In a query every value is a string: only breaks that survive being written as one count.
  return broken?.map((b: Broken) => (typeof b.value === "object" && b.value !== null ? JSON.stringify(b.value) : String(b.value)))
    .filter((text) => !isValidQueryText(param, text));
}

function isValidQueryText(param: Parameter, text: string): boolean {
  const schema = resolve(param.schema);
  if (schema.enum) return schema.enum.includes(text);
  if (schema.type === "integer") return /^\d+$/.test(text) && Number(text) >= (schema.minimum ?? 0) && Number(text) <= (schema.maximum ?? Infinity);
  if (schema.type === "boolean") return text === "true" || text === "false";
  if (schema.format === "date-time") return false;
  const length = [...text].length;
  return length >= (schema.minLength ?? 0) && length <= (schema.maxLength ?? Infinity);
}
