/**
 * What the CLI end-to-end tests share: a CDK CLI installed from the npm registry into a cache
 * (installed once, reused by later runs), a clean copy of an example app, a filesystem mirror
 * with the provider, and a Callplane server in this process.
 */
import { createCallplaneClient, type CallplaneClient } from "@callplane/sdk";
import { startServer, type RunningServer } from "@callplane/server";
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { installMirror } from "../../terraform/scripts/install-mirror.js";

export const REPO = fileURLToPath(new URL("../../../", import.meta.url));
export const EXAMPLES = join(REPO, "examples");
/** Git-ignored (under node_modules), kept between runs: each CLI is downloaded once. */
const CLI_CACHE = join(REPO, "node_modules", ".cache", "callplane-cdk-cli");

export interface Result {
  code: number;
  output: string;
}

/** Asynchronous on purpose: the server runs in this process and must keep answering. `input` goes to stdin. */
export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, input?: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: "pipe" });
    child.stdin.end(input);
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, output }));
  });
}

/**
 * Installs `specs` (for example `cdktf-cli@0.21.0`) with npm into a folder of the cache named
 * `name`, on first use, and returns the folder. It installs into a temporary folder and renames
 * it, so a run that stops half-way leaves nothing half-installed behind.
 */
export async function installPackages(name: string, specs: string[]): Promise<string> {
  const dir = join(CLI_CACHE, name);
  if (existsSync(join(dir, "installed"))) return dir;
  mkdirSync(CLI_CACHE, { recursive: true });
  const staging = mkdtempSync(join(CLI_CACHE, `.${name}-`));
  const npm = await run("npm", ["install", "--prefix", staging, "--no-audit", "--no-fund", "--loglevel=error", ...specs], CLI_CACHE, process.env);
  if (npm.code !== 0) throw new Error(`npm install ${specs.join(" ")} failed:\n${npm.output}`);
  writeFileSync(join(staging, "installed"), specs.join("\n"));
  rmSync(dir, { recursive: true, force: true });
  renameSync(staging, dir);
  return dir;
}

/** A command and its leading arguments. */
export type Command = [string, ...string[]];

/** The cdktf CLI 0.21, from the npm registry. */
export async function cdktfCli(): Promise<Command> {
  const dir = await installPackages("cdktf-cli@0.21.0", ["cdktf-cli@0.21.0"]);
  return [join(dir, "node_modules", ".bin", "cdktf")];
}

/**
 * The CDK Terrain CLI 0.24. It needs Node 22.19 or newer; on an older Node, a Node 24 from the
 * npm registry (the `node-<os>-<arch>` package) runs it. The app it synthesizes still runs on
 * the Node on PATH.
 */
export async function cdktnCli(): Promise<Command> {
  const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
  const recentNode = major > 22 || (major === 22 && minor >= 19);
  const os = process.platform === "win32" ? "win" : process.platform;
  const node = `node-${os}-${process.arch}@24`;
  const dir = await installPackages(recentNode ? "cdktn-cli@0.24.0" : `cdktn-cli@0.24.0+${node}`, ["cdktn-cli@0.24.0", ...(recentNode ? [] : [node])]);
  const cli = join(dir, "node_modules", "cdktn-cli", "bin", "cdktn");
  return recentNode ? [process.execPath, cli] : [join(dir, "node_modules", ".bin", "node"), cli];
}

/**
 * A copy of `examples/<name>` in a new temporary folder, as a user's checkout would be: no
 * `cdktf.out`, no lock file, no state. Its `node_modules` is the examples package's.
 */
export function cleanCopy(name: string, into = mkdtempSync(join(tmpdir(), `callplane-${name}-`))): string {
  const generated = new Set(["cdktf.out", "node_modules", ".terraform", ".terraform.lock.hcl"]);
  cpSync(join(EXAMPLES, name), into, {
    recursive: true,
    filter: (source) => !generated.has(basename(source)) && !basename(source).endsWith(".tfstate") && !basename(source).includes(".tfstate."),
  });
  symlinkSync(join(EXAMPLES, "node_modules"), join(into, "node_modules"));
  return into;
}

export interface Callplane {
  server: RunningServer;
  sdk: CallplaneClient;
  /** The environment Terraform and the CDK CLIs run in: mirror, endpoint and token. */
  env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

/** A Callplane server in this process and the provider in a filesystem mirror under `root`. */
export async function startCallplane(root: string, token: string): Promise<Callplane> {
  const installed = await installMirror(join(root, "provider"));
  const server = await startServer({ db: ":memory:", port: 0, bootstrapToken: token });
  const sdk = createCallplaneClient({ endpoint: server.url, token, source: "console" });
  // Without pnpm's NODE_PATH: the installed provider must need nothing but node.
  const { NODE_PATH: _nodePath, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    TF_CLI_CONFIG_FILE: installed.cliConfigFile,
    CHECKPOINT_DISABLE: "1",
    TF_IN_AUTOMATION: "1",
    CDKTF_DISABLE_TELEMETRY: "1",
    CI: "1",
    FORCE_COLOR: "0",
    NO_COLOR: "1",
    CALLPLANE_ENDPOINT: server.url,
    CALLPLANE_TOKEN: token,
  };
  return { server, sdk, env, close: () => server.close() };
}
