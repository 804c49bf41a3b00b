/**
 * Checks answers against the OpenAPI spec: the status must be one the operation documents,
 * and the body must match the documented schema (problem details for errors).
 */
import { schemas, validate, type FieldError } from "@callplane/sdk";
import { readFileSync } from "node:fs";
import { parse } from "yaml";

const spec = parse(readFileSync(new URL("../../openapi/callplane.yaml", import.meta.url), "utf8"), { maxAliasCount: -1 });

interface Documented {
  statuses: Map<string, string | undefined>;
}

const byOperation = new Map<string, Documented>();
for (const item of Object.values<any>(spec.paths)) {
  for (const operation of Object.values<any>(item)) {
    if (!operation?.operationId) continue;
    const statuses = new Map<string, string | undefined>();
    for (const [status, response] of Object.entries<any>(operation.responses)) {
      const resolved = response.$ref ? spec.components.responses[response.$ref.split("/").pop()] : response;
      const content = resolved.content?.["application/json"] ?? resolved.content?.["application/problem+json"];
      statuses.set(status, content?.schema?.$ref?.split("/").pop());
    }
    byOperation.set(operation.operationId, { statuses });
  }
}

export interface Violation {
  operationId: string;
  status: number;
  problem: string;
  fieldErrors?: FieldError[];
}

export const violations: Violation[] = [];
export const checked = { count: 0, operations: new Set<string>() };

export async function recordExchange(operationId: string, method: string, response: Response): Promise<void> {
  checked.count++;
  checked.operations.add(operationId);
  const documented = byOperation.get(operationId);
  if (!documented) {
    violations.push({ operationId, status: response.status, problem: "operation is not in the spec" });
    return;
  }
  const status = String(response.status);
  if (!documented.statuses.has(status)) {
    violations.push({ operationId, status: response.status, problem: `status ${status} is not documented (documented: ${[...documented.statuses.keys()].join(", ")})` });
    return;
  }
  if (!response.headers.get("X-Request-Id")) violations.push({ operationId, status: response.status, problem: "no X-Request-Id header" });
  const schemaName = documented.statuses.get(status);
  const text = await response.text();
  if (!schemaName) {
    if (text) violations.push({ operationId, status: response.status, problem: `a ${status} answer has a body the spec does not document` });
    return;
  }
  const expectedType = response.ok ? "application/json" : "application/problem+json";
  if (!response.headers.get("Content-Type")?.startsWith(expectedType)) {
    violations.push({ operationId, status: response.status, problem: `Content-Type is ${response.headers.get("Content-Type")}, not ${expectedType}` });
  }
  const result = validate((schemas as Record<string, any>)[schemaName], JSON.parse(text));
  if (!result.ok) violations.push({ operationId, status: response.status, problem: `body does not match ${schemaName}`, fieldErrors: result.fieldErrors });
  void method;
}
