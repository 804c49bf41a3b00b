/**
 * The policy file: YAML (or JSON) checked against the published JSON Schema
 * (`schema/callplane-policy.schema.json`), with errors that name the offending key.
 */
import { Ajv, type ErrorObject } from "ajv";
import { readFileSync } from "node:fs";
import { parse as parseYaml, YAMLParseError } from "yaml";

export const RULE_NAMES = [
  "min_admins",
  "max_admins",
  "protected_environments",
  "allowed_email_domains",
  "min_headroom_calls",
  "max_environment_share",
  "forbid_roles_via_terraform",
] as const;

export type RuleName = (typeof RULE_NAMES)[number];
export type Role = "admin" | "member" | "operator" | "viewer";

export interface PolicyRules {
  min_admins?: number;
  max_admins?: number;
  protected_environments?: string[];
  allowed_email_domains?: string[];
  min_headroom_calls?: number;
  max_environment_share?: number;
  forbid_roles_via_terraform?: Role[];
}

export interface Waiver {
  rule: RuleName;
  /** A Terraform address, or a CDKTF construct path (covering everything below it). */
  resource: string;
  reason: string;
}

export interface Policy {
  version: 1;
  rules: PolicyRules;
  waivers: Waiver[];
}

export class PolicyError extends Error {
  override name = "PolicyError";
}

/** The published schema, as shipped in this package. */
export const policySchema: Record<string, unknown> = JSON.parse(readFileSync(new URL("../schema/callplane-policy.schema.json", import.meta.url), "utf8"));

const ajv = new Ajv({ allErrors: true, strict: false });
const validateSchema = ajv.compile(policySchema);

/** `/rules/min_admins` → `rules.min_admins`; `/waivers/0/rule` → `waivers[0].rule`. */
function keyPath(pointer: string, extra?: string): string {
  const parts = pointer.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (extra !== undefined) parts.push(extra);
  return parts.reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), "");
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  const distance = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const current = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = current;
      }
    }
    return row[b.length]!;
  };
  const best = candidates.map((c) => [c, distance(word, c)] as const).sort((x, y) => x[1] - y[1])[0];
  return best && best[1] <= 3 ? best[0] : undefined;
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperty":
    case "additionalProperties": {
      const key = String(params.additionalProperty);
      const known = error.instancePath === "/rules" ? RULE_NAMES : error.instancePath === "" ? ["version", "rules", "waivers"] : ["rule", "resource", "reason"];
      const hint = closest(key, known);
      return `${keyPath(error.instancePath, key)}: unknown key${hint ? ` (did you mean ${hint}?)` : ""}; known keys: ${known.join(", ")}`;
    }
    case "required":
      return `${keyPath(error.instancePath, String(params.missingProperty))}: required`;
    case "enum":
      return `${keyPath(error.instancePath)}: must be one of ${(params.allowedValues as unknown[]).join(", ")}`;
    case "const":
      return `${keyPath(error.instancePath)}: must be ${JSON.stringify(params.allowedValue)}`;
    case "pattern":
      return `${keyPath(error.instancePath)}: must be a domain name such as acme.test`;
    default:
      return `${keyPath(error.instancePath) || "(top level)"}: ${error.message}`;
  }
}

/** Parses and validates a policy file's text. */
export function parsePolicy(text: string, source = "policy"): Policy {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` (line ${error.linePos[0].line})` : "";
    throw new PolicyError(`${source}: not valid YAML${where}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  }
  if (!validateSchema(data)) {
    const messages = [...new Set((validateSchema.errors ?? []).map(describe))];
    throw new PolicyError(`${source} breaks the policy schema:\n${messages.map((m) => `  - ${m}`).join("\n")}`);
  }
  const policy = data as { version: 1; rules: PolicyRules; waivers?: Waiver[] };
  const { min_admins, max_admins } = policy.rules;
  if (min_admins !== undefined && max_admins !== undefined && min_admins > max_admins) {
    throw new PolicyError(`${source} breaks the policy schema:\n  - rules.min_admins: ${min_admins} is more than rules.max_admins (${max_admins})`);
  }
  return { version: 1, rules: policy.rules, waivers: policy.waivers ?? [] };
}

/** Reads and validates a policy file. */
export function loadPolicy(file: string): Policy {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new PolicyError(`cannot read the policy file ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(error)}`);
  }
  return parsePolicy(text, file);
}
