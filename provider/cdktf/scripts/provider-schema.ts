/**
 * The Callplane provider's schema as Terraform sees it: the provider is installed with its
 * build's public install step (a filesystem mirror), then `terraform init` and
 * `terraform providers schema -json` run against it in a scratch folder. The L1 generator reads
 * this, never the provider's TypeScript sources, so the constructs depend on its interface only.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TypeJson } from "../src/l1-runtime.js";
import { installMirror } from "../../terraform/scripts/install-mirror.js";

export const PROVIDER_ADDRESS = "registry.terraform.io/callplane/callplane";

/** An attribute in `terraform providers schema -json`. */
export interface SchemaAttribute {
  readonly type?: TypeJson;
  readonly nested_type?: { readonly attributes: Readonly<Record<string, SchemaAttribute>>; readonly nesting_mode: "single" | "list" | "set" | "map" };
  readonly description?: string;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  readonly write_only?: boolean;
  readonly deprecated?: boolean;
}

/** A block in `terraform providers schema -json`. */
export interface SchemaBlock {
  readonly attributes?: Readonly<Record<string, SchemaAttribute>>;
  readonly block_types?: Readonly<Record<string, unknown>>;
  readonly description?: string;
}

/** One provider's entry in `terraform providers schema -json`. */
export interface ProviderSchema {
  readonly provider: { readonly block: SchemaBlock };
  readonly resource_schemas?: Readonly<Record<string, { readonly block: SchemaBlock }>>;
  readonly data_source_schemas?: Readonly<Record<string, { readonly block: SchemaBlock }>>;
}

export interface ProviderSchemaRead {
  readonly schema: ProviderSchema;
  /** The provider version Terraform selected (`terraform version -json`). */
  readonly version: string;
}

function terraform(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("terraform", args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(stdout) : reject(new Error(`terraform ${args.join(" ")} failed (exit ${code}):\n${stderr}${stdout}`))));
  });
}

/** Installs the provider into a scratch mirror and asks Terraform for its schema. */
export async function readProviderSchema(): Promise<ProviderSchemaRead> {
  const dir = mkdtempSync(join(tmpdir(), "callplane-schema-"));
  try {
    const installed = await installMirror(join(dir, "provider"));
    const work = join(dir, "config");
    const { NODE_PATH: _nodePath, ...inherited } = process.env;
    const env = { ...inherited, TF_CLI_CONFIG_FILE: installed.cliConfigFile, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" };
    mkdirSync(work);
    writeFileSync(join(work, "main.tf"), `terraform {\n  required_providers {\n    callplane = { source = "callplane/callplane" }\n  }\n}\n`);
    await terraform(["init", "-input=false", "-no-color"], work, env);
    const all = JSON.parse(await terraform(["providers", "schema", "-json"], work, env)) as { provider_schemas: Record<string, ProviderSchema> };
    const version = (JSON.parse(await terraform(["version", "-json"], work, env)) as { provider_selections: Record<string, string> }).provider_selections[PROVIDER_ADDRESS];
    const schema = all.provider_schemas[PROVIDER_ADDRESS];
    if (!schema || !version) throw new Error(`terraform reported no schema for ${PROVIDER_ADDRESS}`);
    return { schema, version };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
