/**
 * Validation against the SARIF 2.1.0 JSON Schema: the final ("rtm.5") revision as shipped in the
 * npm package @microsoft/jest-sarif, a draft-04 schema, hence ajv-draft-04 (one of its patterns is
 * not valid with the u flag, hence unicodeRegExp: false).
 */
import AjvDraft04 from "ajv-draft-04";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"));
const validator = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);

/** The schema's complaints, empty when the log is valid. */
export function sarifErrors(log: unknown): string[] {
  return validator(log) ? [] : (validator.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
