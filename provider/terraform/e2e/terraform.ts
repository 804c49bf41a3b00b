/**
 * Runs the real `terraform` binary against the provider's single executable installed in a
 * temporary filesystem mirror and a real Callplane server on a free port. Terraform runs with a
 * PATH that holds `terraform` and nothing else: the executable must need no Node.
 */
import { createCallplaneClient, type CallplaneClient } from "@callplane/sdk";
import { startServer, type RunningServer } from "@callplane/server";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { repoRoot } from "../scripts/docs.js";
import { canBuildExecutables, installExecutableMirror } from "../scripts/executable-mirror.js";

export const TOKEN = "cpt_terraform_e2e_token_0123456789abcdef";

export interface TerraformResult {
  code: number;
  stdout: string;
  stderr: string;
  output: string;
}

export interface Workspace {
  server: RunningServer;
  sdk: CallplaneClient;
  dir: string;
  /** Writes `main.tf` (the provider block is added). */
  config(hcl: string): void;
  terraform(args: string[], env?: Record<string, string>): Promise<TerraformResult>;
  /** Starts terraform without waiting for it, for tests that interrupt it. */
  spawnTerraform(args: string[]): ChildProcess;
}

const PROVIDER_BLOCK = `terraform {
  required_providers {
    callplane = { source = "callplane/callplane" }
  }
}
provider "callplane" {}
`;

/** examples/quickstart without its `terraform` and `provider` blocks (`Workspace.config` adds its own). */
export function quickstartResources(): string {
  const hcl = readFileSync(join(repoRoot, "examples/quickstart/main.tf"), "utf8");
  const stripped = hcl.replace(/^terraform \{\n[\s\S]*?\n\}\n/m, "").replace(/^provider "callplane" \{\}\n/m, "");
  if (/^(terraform|provider) /m.test(stripped)) throw new Error("examples/quickstart/main.tf changed shape: could not strip its terraform and provider blocks");
  return stripped;
}

/** The platform administrator's token of servers started with `useTerraform({ platform: true })`. */
export const PLATFORM_TOKEN = "cpp_terraform_e2e_platform_0123456789";

/** A server, a mirror and an initialised working directory for the enclosing file. */
export function useTerraform(options: { platform?: boolean } = {}): Workspace {
  const ws = {} as Workspace;
  let root: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "callplane-tf-"));
    const installed = await installExecutableMirror(join(root, "provider"));
    ws.server = await startServer({ db: ":memory:", port: 0, bootstrapToken: TOKEN, ...(options.platform ? { platformToken: PLATFORM_TOKEN } : {}) });
    ws.sdk = createCallplaneClient({ endpoint: ws.server.url, token: TOKEN, source: "console" });
    ws.dir = join(root, "work");
    rmSync(ws.dir, { recursive: true, force: true });
    // Without pnpm's NODE_PATH, and without Node on PATH where the executable is what runs.
    const { NODE_PATH: _nodePath, ...inherited } = process.env;
    const env = {
      ...inherited,
      ...(canBuildExecutables() ? { PATH: terraformOnlyPath(root) } : {}),
      TF_CLI_CONFIG_FILE: installed.cliConfigFile,
      CHECKPOINT_DISABLE: "1",
      TF_IN_AUTOMATION: "1",
      CALLPLANE_ENDPOINT: ws.server.url,
      CALLPLANE_TOKEN: TOKEN,
    };
    ws.config = (hcl) => {
      writeFileSync(join(ws.dir, "main.tf"), PROVIDER_BLOCK + hcl);
    };
    ws.terraform = (args, extra = {}) => run("terraform", [...args, "-no-color"], ws.dir, { ...env, ...extra });
    ws.spawnTerraform = (args) => spawn("terraform", [...args, "-no-color"], { cwd: ws.dir, env, stdio: "ignore" });
    mkdirSync(ws.dir, { recursive: true });
    ws.config("");
    const init = await ws.terraform(["init", "-input=false"]);
    if (init.code !== 0) throw new Error(`terraform init failed:\n${init.output}`);
  }, 120_000);
  afterAll(async () => {
    await ws.server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });
  return ws;
}

/** A directory holding only a link to the `terraform` found on PATH, for a PATH without Node. */
export function terraformOnlyPath(root: string): string {
  const found = spawnSync("sh", ["-c", "command -v terraform"], { encoding: "utf8" });
  if (found.status !== 0) throw new Error("terraform is not on PATH");
  const bin = join(root, "terraform-only-bin");
  mkdirSync(bin, { recursive: true });
  symlinkSync(found.stdout.trim(), join(bin, "terraform"));
  return bin;
}

export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<TerraformResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr, output: stdout + stderr }));
  });
}

/** Shorthands most tests use, reading `ws` when called (it is filled in by beforeAll). */
export function shortcuts(ws: Workspace) {
  return {
    /** The values of one resource in the state, by address. */
    async stateOf(address: string): Promise<Record<string, unknown>> {
      const shown = await ws.terraform(["show", "-json"]);
      const resources = JSON.parse(shown.stdout).values?.root_module?.resources ?? [];
      return resources.find((r: { address: string }) => r.address === address)?.values;
    },
    apply: () => ws.terraform(["apply", "-auto-approve", "-input=false"]),
    plan: () => ws.terraform(["plan", "-detailed-exitcode", "-input=false"]),
  };
}
