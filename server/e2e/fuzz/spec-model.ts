/**
 * The operations of `openapi/callplane.yaml` as the fuzzer needs them: method, path, parameters,
 * request body schema and documented statuses, with `$ref`s resolved on demand.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";

export type Schema = Record<string, any>;

export interface Parameter {
  name: string;
  in: "path" | "query" | "header";
  required: boolean;
  schema: Schema;
}

export interface Operation {
  id: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  tags: string[];
  parameters: Parameter[];
  body: { schema: Schema; required: boolean } | undefined;
  /** `security: []`: callable without a credential. */
  public: boolean;
  statuses: Set<number>;
}

export const spec = parse(readFileSync(new URL("../../../openapi/callplane.yaml", import.meta.url), "utf8"), { maxAliasCount: -1 });

/** Follows `$ref` (to components) until a schema with content. */
export function resolve<T extends Schema>(node: T): T {
  let current: any = node;
  while (current?.$ref) {
    const path = String(current.$ref).replace(/^#\//, "").split("/");
    current = path.reduce((at: any, key) => at[key], spec);
  }
  return current;
}

export function operations(): Operation[] {
  const found: Operation[] = [];
  for (const [path, item] of Object.entries<any>(spec.paths)) {
    for (const [method, operation] of Object.entries<any>(item)) {
      if (!operation?.operationId) continue;
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p: any) => {
        const param = resolve(p);
        return { name: param.name, in: param.in, required: param.required ?? false, schema: param.schema ?? {} } as Parameter;
      });
      const requestBody = operation.requestBody && resolve(operation.requestBody);
      found.push({
        id: operation.operationId,
        method: method.toUpperCase() as Operation["method"],
        path,
        tags: operation.tags ?? [],
        parameters,
        body: requestBody ? { schema: requestBody.content["application/json"].schema, required: requestBody.required ?? false } : undefined,
        public: Array.isArray(operation.security) && operation.security.length === 0,
        statuses: new Set(Object.keys(operation.responses).map(Number)),
      });
    }
  }
  return found;
}
