/**
 * `pnpm bench:provider`: prints, side by side in one run,
 *  - launch-to-handshake of the installed (bundled) plugin, median of 20, against bare `node`;
 *  - `terraform plan` wall time with N callplane_environment resources in state against the
 *    same plan shape with N built-in terraform_data resources, median of 5, and their ratio;
 *  - peak RSS of a plugin process during that plan (VmHWM, the process's own high-water mark:
 *    getrusage's maxRSS would also count Terraform's memory at the fork that started it);
 *  - API requests per refresh (`plan -refresh-only`) of those N environments and of
 *    USERS callplane_user resources.
 * It prints figures and asserts nothing. Targets: handshake ≤ 120 ms, ratio ≤ 2.0×,
 * RSS ≤ 60 MB, requests per refresh ≤ N/100 + 5.
 *
 *   BENCH_RESOURCES=200 BENCH_USERS=500 pnpm bench:provider
 */
import { startServer } from "@callplane/server";
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { installMirror } from "../scripts/install-mirror.js";
import { createSelfSignedCertificate } from "../src/protocol/certificate.js";
import { callUnary, connect, parseHandshake, terraformEnvironment } from "../src/protocol/testing/plugin-harness.js";

const N = Number(process.env.BENCH_RESOURCES ?? 200);
const USERS = Number(process.env.BENCH_USERS ?? 500);
const LAUNCHES = 20;
const PLANS = 5;
const TOKEN = "cpt_bench_provider_token_0123456789";
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const root = mkdtempSync(join(tmpdir(), "callplane-bench-"));
const installed = await installMirror(join(root, "provider"));

// 1. Launch to handshake, as Terraform pays it 3–5 times per command.
const terraformSide = await createSelfSignedCertificate();
const pluginEnv = terraformEnvironment(terraformSide.certificatePem);
async function launch(command: string, args: string[], bare: boolean): Promise<number> {
  const started = performance.now();
  const child = spawn(command, args, { env: pluginEnv, stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  const line = await new Promise<string>((resolve) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk;
      if (out.includes("\n")) resolve(out.slice(0, out.indexOf("\n")));
    });
  });
  const ms = performance.now() - started;
  if (bare) child.kill();
  else {
    const client = connect(parseHandshake(line), terraformSide);
    await callUnary(client, "/plugin.GRPCController/Shutdown", "plugin.Empty", "plugin.Empty", {});
    client.close();
  }
  await exited;
  return ms;
}
const pluginMs: number[] = [];
const nodeMs: number[] = [];
for (let i = 0; i < LAUNCHES; i++) {
  pluginMs.push(await launch(installed.executable, [], false));
  nodeMs.push(await launch(process.execPath, ["-e", "console.log('1|6|unix|x|grpc|')"], true));
}

// 2–4. Plans against a real server, with the plugin's peak RSS recorded at each exit.
const requests = { count: 0 };
const server = await startServer({ db: join(root, "bench.db"), port: 0, bootstrapToken: TOKEN, log: () => requests.count++ });
const rssFile = join(root, "rss.txt");
const rssReporter = join(root, "rss-reporter.mjs");
writeFileSync(rssReporter, [
  `import { appendFileSync, readFileSync } from "node:fs";`,
  `const peakKb = () => { try { return Number(/VmHWM:\\s*(\\d+)/.exec(readFileSync("/proc/self/status", "utf8"))[1]); } catch { return process.resourceUsage().maxRSS; } };`,
  `process.on("exit", () => appendFileSync(${JSON.stringify(rssFile)}, peakKb() + "\\n"));`,
  "",
].join("\n"));
const env = {
  ...process.env, NODE_PATH: "", TF_CLI_CONFIG_FILE: installed.cliConfigFile, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1",
  CALLPLANE_ENDPOINT: server.url, CALLPLANE_TOKEN: TOKEN,
};

/** Asynchronous: the server runs in this process and must keep answering meanwhile. */
async function terraform(dir: string, args: string[], extraEnv: Record<string, string> = {}): Promise<number> {
  const started = performance.now();
  const child = spawn("terraform", [...args, "-no-color", "-input=false"], { cwd: dir, env: { ...env, ...extraEnv }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (code !== 0 && !(args[0] === "plan" && code === 2)) throw new Error(`terraform ${args.join(" ")} failed:\n${output.slice(-3000)}`);
  return performance.now() - started;
}

async function workspace(name: string, hcl: string): Promise<string> {
  const dir = join(root, name);
  mkdirSync(dir);
  writeFileSync(join(dir, "main.tf"), hcl);
  await terraform(dir, ["init"]);
  await terraform(dir, ["apply", "-auto-approve", "-parallelism=20"]);
  return dir;
}

const PROVIDER = `terraform {
  required_providers {
    callplane = { source = "callplane/callplane" }
  }
}
provider "callplane" {}
`;

const callplaneDir = await workspace("callplane", `${PROVIDER}resource "callplane_environment" "env" {
  count               = ${N}
  name                = "bench-\${count.index}"
  deletion_protection = false
}
`);
const builtinDir = await workspace("builtin", `resource "terraform_data" "thing" {
  count = ${N}
  input = "bench-\${count.index}"
}
`);

const callplanePlans: number[] = [];
const builtinPlans: number[] = [];
for (let i = 0; i < PLANS; i++) {
  callplanePlans.push(await terraform(callplaneDir, ["plan"]));
  builtinPlans.push(await terraform(builtinDir, ["plan"]));
}
// Separate plans for memory, so the reporter's own start-up stays out of the timings.
for (let i = 0; i < 2; i++) await terraform(callplaneDir, ["plan"], { NODE_OPTIONS: `--import=${rssReporter}` });
const rssKb = readFileSync(rssFile, "utf8").trim().split("\n").map(Number);

requests.count = 0;
await terraform(callplaneDir, ["plan", "-refresh-only"]);
const refreshRequests = requests.count;

const usersDir = await workspace("users", `${PROVIDER}resource "callplane_user" "user" {
  count = ${USERS}
  name  = "Bench user \${count.index}"
  email = "bench-\${count.index}@example.com"
  role  = "viewer"
}
`);
requests.count = 0;
await terraform(usersDir, ["plan", "-refresh-only"]);
const userRefreshRequests = requests.count;

await terraform(usersDir, ["destroy", "-auto-approve", "-parallelism=20"]);
await terraform(callplaneDir, ["destroy", "-auto-approve", "-parallelism=20"]);
await server.close();
rmSync(root, { recursive: true, force: true });

const ratio = median(callplanePlans) / median(builtinPlans);
const peakMb = Math.max(...rssKb) / 1024;
const launchesPerPlan = rssKb.length / 2;
const verdict = (ok: boolean) => (ok ? "pass" : "miss");
console.log(`Callplane provider benchmark (Node ${process.version}, ${spawnSync("terraform", ["version"], { encoding: "utf8" }).stdout.split("\n")[0]})`);
console.log(`launch to handshake (median of ${LAUNCHES}): ${median(pluginMs).toFixed(0)} ms; bare node printing a line: ${median(nodeMs).toFixed(0)} ms   target ≤ 120 ms: ${verdict(median(pluginMs) <= 120)}`);
console.log(`terraform plan, ${N} resources in state (median of ${PLANS}): callplane_environment ${(median(callplanePlans) / 1000).toFixed(2)} s, terraform_data ${(median(builtinPlans) / 1000).toFixed(2)} s, ratio ${ratio.toFixed(2)}×   target ≤ 2.0×: ${verdict(ratio <= 2)}`);
console.log(`  ${launchesPerPlan} plugin launches per plan; the launches alone at bare node's pace: ${((launchesPerPlan * median(nodeMs)) / 1000).toFixed(2)} s`);
console.log(`plugin peak RSS (VmHWM) over ${rssKb.length} plugin processes: ${peakMb.toFixed(1)} MB   target ≤ 60 MB: ${verdict(peakMb <= 60)}`);
console.log(`API requests for one refresh of ${N} environments: ${refreshRequests}   target ≤ ${Math.floor(N / 100) + 5}: ${verdict(refreshRequests <= N / 100 + 5)}`);
console.log(`API requests for one refresh of ${USERS} users: ${userRefreshRequests}   target ≤ ${Math.floor(USERS / 100) + 5}: ${verdict(userRefreshRequests <= USERS / 100 + 5)}`);
