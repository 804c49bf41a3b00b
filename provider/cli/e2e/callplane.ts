/**
 * Runs the built `callplane` command as a user would, and turns Terraform plans of a workspace
 * into the JSON the command reads. Uses the provider's end-to-end harness: real Terraform, the
 * real provider from a filesystem mirror, the real server.
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { TOKEN, type Workspace } from "../../terraform/e2e/terraform.js";

const bin = join(dirname(fileURLToPath(import.meta.url)), "..", "bin", "callplane.js");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * What a CI job's environment holds for this workspace: Terraform's provider mirror, the API
 * endpoint and `token` (none when undefined). The test runner's own NODE_PATH and credentials
 * are left out, so nothing leaks in from pnpm or the shell.
 */
export function terraformEnv(ws: Workspace, token: string | undefined): NodeJS.ProcessEnv {
  const { NODE_PATH: _nodePath, CALLPLANE_TOKEN: _t, CALLPLANE_ENDPOINT: _e, ...inherited } = process.env;
  return {
    ...inherited,
    TF_CLI_CONFIG_FILE: join(dirname(ws.dir), "provider", "terraformrc"),
    CHECKPOINT_DISABLE: "1",
    TF_IN_AUTOMATION: "1",
    CALLPLANE_ENDPOINT: ws.server.url,
    ...(token ? { CALLPLANE_TOKEN: token } : {}),
  };
}

/** Runs a command to its end without blocking the in-process server, collecting its output. */
export function collect(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Runs `callplane` with the workspace's Terraform settings, and the API token when `withToken`. */
export function callplane(ws: Workspace, args: string[], { withToken = true, cwd = ws.dir } = {}): Promise<CliResult> {
  return collect(process.execPath, [bin, ...args], { cwd, env: terraformEnv(ws, withToken ? TOKEN : undefined) });
}

/** `terraform plan -out` then `terraform show -json`, saved as a file the CLI reads. */
export async function planJson(ws: Workspace, name: string, extra: string[] = []): Promise<string> {
  const plan = await ws.terraform(["plan", "-input=false", `-out=${name}.tfplan`, ...extra]);
  if (plan.code !== 0) throw new Error(`terraform plan failed:\n${plan.output}`);
  const shown = await ws.terraform(["show", "-json", `${name}.tfplan`]);
  if (shown.code !== 0) throw new Error(`terraform show failed:\n${shown.output}`);
  const file = join(ws.dir, `${name}.json`);
  writeFileSync(file, shown.stdout);
  return file;
}
