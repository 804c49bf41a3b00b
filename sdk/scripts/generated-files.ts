/**
 * What `pnpm generate` writes, computed in memory so a test can tell when the committed
 * files are stale against the spec.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { parse } from "yaml";
import { generateSchemaModule } from "./schemas-from-openapi.js";

export const specUrl = new URL("../../openapi/callplane.yaml", import.meta.url);
const generatedDir = new URL("../src/generated/", import.meta.url);

const HEADER = [
  "// Generated from openapi/callplane.yaml by sdk/scripts/generate.ts. Do not edit by hand:",
  "// change the spec and run `pnpm generate`.",
  "",
].join("\n");

export interface GeneratedFile {
  path: string;
  content: string;
}

export async function generatedFiles(): Promise<GeneratedFile[]> {
  const specText = await readFile(specUrl, "utf8");
  const doc = parse(specText, { maxAliasCount: -1 });
  const types = HEADER + astToString(await openapiTS(doc as any, { alphabetize: false, defaultNonNullable: false }));
  return [
    { path: fileURLToPath(new URL("openapi.ts", generatedDir)), content: types },
    { path: fileURLToPath(new URL("schemas.ts", generatedDir)), content: generateSchemaModule(doc) },
  ];
}
