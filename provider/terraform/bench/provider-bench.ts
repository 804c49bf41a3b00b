/**
 * `pnpm bench:provider`: prints, side by side in one run (runs interleaved, NODE_EXTRA_CA_CERTS
 * unset unless said otherwise):
 *  - launch-to-handshake of the single executable (what a release ships) and of the
 *    contributors' node launcher, median of 20, against bare system `node -e 0`; and the same
 *    with NODE_EXTRA_CA_CERTS set to a CA bundle, as corporate CI often does;
 *  - `terraform plan` wall time with N callplane_environment resources in state, with the
 *    executable and with the launcher, against the same plan shape with N built-in
 *    terraform_data resources, median of 5; the floor under it, the executable answering every
 *    call from a recording of the same plan (bench/recorded-answers.ts: Terraform, the launches
 *    and the transport, none of the provider's code); and, where hashicorp/aws is in a filesystem mirror
 *    on this machine (AWS_PROVIDER_MIRROR, default /opt/tf-plugins), N aws_iam_group resources
 *    from a hand-written state with -refresh=false, as the peer;
 *  - peak RSS of the executable's (and the launcher's) plugin processes during such a plan, the
 *    executable installed as users get it (a zip in a packed mirror, unpacked by `terraform init`)
 *    (VmHWM, the process's own high-water mark: getrusage's maxRSS would also count
 *    Terraform's memory at the fork that started it);
 *  - API requests per refresh (`plan -refresh-only`) of those N environments and of
 *    USERS callplane_user resources.
 * It prints figures and asserts nothing. Targets: executable handshake ≤ 1.5× bare node,
 * plan ≤ 3.5× terraform_data, peak RSS ≤ 75 MB, requests per refresh ≤ N/100 + 5.
 *
 *   BENCH_RESOURCES=200 BENCH_USERS=500 pnpm bench:provider
 *
 * BENCH_EXECUTABLE=<path> measures that executable instead of this checkout's (to compare builds).
 */
import { startServer } from "@callplane/server";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { canBuildExecutables, installExecutableMirror, installPackedExecutableMirror } from "../scripts/executable-mirror.js";
import { targetPlatform } from "../scripts/node-runtimes.js";
import { buildExecutable } from "../scripts/single-executable.js";
import { installMirror } from "../scripts/install-mirror.js";
import { createSelfSignedCertificate } from "../src/protocol/certificate.js";
import { callUnary, connect, parseHandshake, terraformEnvironment } from "../src/protocol/testing/plugin-harness.js";

const N = Number(process.env.BENCH_RESOURCES ?? 200);
const USERS = Number(process.env.BENCH_USERS ?? 500);
const LAUNCHES = 20;
const PLANS = 5;
const TOKEN = "cpt_bench_provider_token_0123456789";
const AWS_MIRROR = process.env.AWS_PROVIDER_MIRROR ?? "/opt/tf-plugins";
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const caBundle = process.env.NODE_EXTRA_CA_CERTS ?? (existsSync("/etc/ssl/certs/ca-certificates.crt") ? "/etc/ssl/certs/ca-certificates.crt" : undefined);
const { NODE_EXTRA_CA_CERTS: _ca, ...withoutCa } = process.env;

const root = mkdtempSync(join(tmpdir(), "callplane-bench-"));
const executableInstall = await installExecutableMirror(join(root, "executable"), process.env.BENCH_EXECUTABLE || undefined);
const launcherInstall = await installMirror(join(root, "launcher"));
// The plans run the executable as users get it: zipped in a packed mirror and unpacked by
// `terraform init`, not the build's own file (whose page-cache state moves the peak RSS, README).
const packedInstall = await installPackedExecutableMirror(join(root, "packed"), executableInstall.executable);

// 1. Launch to handshake, as Terraform pays it 3–5 times per command.
const terraformSide = await createSelfSignedCertificate();
const { NODE_EXTRA_CA_CERTS: _pluginCa, ...pluginEnv } = terraformEnvironment(terraformSide.certificatePem);
/** Until the handshake line (or, for bare node, exit), then a Shutdown over gRPC like Terraform's. */
async function launch(command: string, args: string[], bare: boolean, extraEnv: Record<string, string> = {}): Promise<number> {
  const started = performance.now();
  const child = spawn(command, args, { env: { ...pluginEnv, ...extraEnv }, stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  if (bare) {
    await exited;
    return performance.now() - started;
  }
  const line = await new Promise<string>((resolve) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk;
      if (out.includes("\n")) resolve(out.slice(0, out.indexOf("\n")));
    });
  });
  const ms = performance.now() - started;
  const client = connect(parseHandshake(line), terraformSide);
  await callUnary(client, "/plugin.GRPCController/Shutdown", "plugin.Empty", "plugin.Empty", {});
  client.close();
  await exited;
  return ms;
}
const systemNode = spawnSync("sh", ["-c", "command -v node"], { encoding: "utf8" }).stdout.trim() || process.execPath;
async function launches(extraEnv: Record<string, string> = {}, rounds = LAUNCHES) {
  const times = { executable: [] as number[], launcher: [] as number[], node: [] as number[] };
  for (let i = 0; i < rounds; i++) {
    times.executable.push(await launch(executableInstall.executable, [], false, extraEnv));
    times.launcher.push(await launch(launcherInstall.executable, [], false, extraEnv));
    times.node.push(await launch(systemNode, ["-e", "0"], true, extraEnv));
  }
  return { executable: median(times.executable), launcher: median(times.launcher), node: median(times.node) };
}
const handshake = await launches();
const handshakeWithCa = caBundle ? await launches({ NODE_EXTRA_CA_CERTS: caBundle }, 10) : undefined;

// 2–4. Plans against a real server, with the plugin's peak RSS recorded at each exit.
const requests = { count: 0 };
const server = await startServer({ db: join(root, "bench.db"), port: 0, bootstrapToken: TOKEN, log: () => requests.count++ });
// CommonJS and --require: the single executable runs a preload given in NODE_OPTIONS, too.
const rssReporter = join(root, "rss-reporter.cjs");
writeFileSync(rssReporter, [
  `const { appendFileSync, readFileSync } = require("node:fs");`,
  // The peak (VmHWM) and, at exit, how much of the resident memory is the process's own (RssAnon)
  // and how much is mapped file pages (RssFile): the second depends on the page cache (README).
  `const report = () => { try { const s = readFileSync("/proc/self/status", "utf8").split("\\n"); const kb = (name) => Number((s.find((l) => l.startsWith(name + ":")) ?? "").replace(/\\D+/g, "")); return [kb("VmHWM"), kb("RssAnon"), kb("RssFile")].join(" "); } catch { return String(process.resourceUsage().maxRSS); } };`,
  `process.on("exit", () => appendFileSync(process.env.BENCH_RSS_FILE, report() + "\\n"));`,
  "",
].join("\n"));
const env = {
  ...withoutCa, NODE_PATH: "", TF_CLI_CONFIG_FILE: packedInstall.cliConfigFile, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1",
  CALLPLANE_ENDPOINT: server.url, CALLPLANE_TOKEN: TOKEN,
};
const viaLauncher = { TF_CLI_CONFIG_FILE: launcherInstall.cliConfigFile };

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

async function workspace(name: string, hcl: string, extraEnv: Record<string, string> = {}): Promise<string> {
  const dir = join(root, name);
  mkdirSync(dir);
  writeFileSync(join(dir, "main.tf"), hcl);
  await terraform(dir, ["init"], extraEnv);
  await terraform(dir, ["apply", "-auto-approve", "-parallelism=20"], extraEnv);
  return dir;
}

const PROVIDER = `terraform {
  required_providers {
    callplane = { source = "callplane/callplane" }
  }
}
provider "callplane" {}
`;

const environments = (prefix: string) => `${PROVIDER}resource "callplane_environment" "env" {
  count               = ${N}
  name                = "${prefix}-\${count.index}"
  deletion_protection = false
}
`;
const callplaneDir = await workspace("callplane", environments("bench"));
const launcherDir = await workspace("callplane-launcher", environments("bench-launcher"), viaLauncher);
const builtinDir = await workspace("builtin", `resource "terraform_data" "thing" {
  count = ${N}
  input = "bench-\${count.index}"
}
`);

const awsDir = existsSync(join(AWS_MIRROR, "registry.terraform.io/hashicorp/aws")) ? await awsWorkspace() : undefined;

// The floor: the single executable built from bench/floor-main.ts records one plan's calls, then
// answers the same calls of later plans from that recording.
const floor = canBuildExecutables() ? await floorWorkspace() : undefined;

const callplanePlans: number[] = [];
const launcherPlans: number[] = [];
const builtinPlans: number[] = [];
const awsPlans: number[] = [];
const floorPlans: number[] = [];
for (let i = 0; i < PLANS; i++) {
  callplanePlans.push(await terraform(callplaneDir, ["plan"]));
  if (floor) floorPlans.push(await terraform(floor.dir, ["plan"], floor.replaying));
  launcherPlans.push(await terraform(launcherDir, ["plan"], viaLauncher));
  builtinPlans.push(await terraform(builtinDir, ["plan"]));
  if (awsDir) awsPlans.push(await terraform(awsDir, ["plan", "-refresh=false"], { TF_CLI_CONFIG_FILE: join(awsDir, "terraformrc") }));
}
// Its environments go before the figures below count API requests per refresh (list pages).
if (floor) await terraform(floor.dir, ["destroy", "-auto-approve", "-parallelism=20"], floor.recording);
// Separate plans for memory, so the reporter's own start-up stays out of the timings.
async function peakRssKb(dir: string, extraEnv: Record<string, string> = {}): Promise<{ peak: number[]; anonAtExit: number[] }> {
  const file = join(root, `rss-${Math.random().toString(36).slice(2)}.txt`);
  for (let i = 0; i < 2; i++) await terraform(dir, ["plan"], { ...extraEnv, NODE_OPTIONS: `--require=${rssReporter}`, BENCH_RSS_FILE: file });
  const rows = readFileSync(file, "utf8").trim().split("\n").map((line) => line.split(" ").map(Number));
  return { peak: rows.map((row) => row[0]!), anonAtExit: rows.map((row) => row[1] ?? NaN) };
}
// Peak RSS counts the executable's file pages a launch maps, and how many one page fault maps
// depends on how the file sits in the page cache (large folios or small pages): the same
// executable measured 65.6 to 101 MB after one schema call with the same 22.2 MB of its own
// memory (bench/README.md). The plans use the copy `terraform init` unpacked, as users do; the
// plugin's own memory is printed beside the peak, as it does not depend on the page cache.
const rss = await peakRssKb(callplaneDir);
const rssKb = rss.peak;
const launcherRssKb = (await peakRssKb(launcherDir, viaLauncher)).peak;

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
await terraform(launcherDir, ["destroy", "-auto-approve", "-parallelism=20"], viaLauncher);
await server.close();
rmSync(root, { recursive: true, force: true });

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const ratio = median(callplanePlans) / median(builtinPlans);
const peakMb = Math.max(...rssKb) / 1024;
const launchesPerPlan = rssKb.length / 2;
const verdict = (ok: boolean) => (ok ? "pass" : "miss");
const nodeVersion = spawnSync(systemNode, ["--version"], { encoding: "utf8" }).stdout.trim();
console.log(`Callplane provider benchmark (system Node ${nodeVersion}, ${spawnSync("terraform", ["version"], { encoding: "utf8" }).stdout.split("\n")[0]}; NODE_EXTRA_CA_CERTS unset unless said)`);
console.log(`launch to handshake (median of ${LAUNCHES}, interleaved): executable ${handshake.executable.toFixed(0)} ms, node launcher ${handshake.launcher.toFixed(0)} ms; bare \`node -e 0\` ${handshake.node.toFixed(0)} ms; executable ${(handshake.executable / handshake.node).toFixed(2)}× bare node   target ≤ 1.5×: ${verdict(handshake.executable <= 1.5 * handshake.node)}`);
if (handshakeWithCa) console.log(`  with NODE_EXTRA_CA_CERTS=${caBundle} (median of 10): executable ${handshakeWithCa.executable.toFixed(0)} ms, node launcher ${handshakeWithCa.launcher.toFixed(0)} ms, bare \`node -e 0\` ${handshakeWithCa.node.toFixed(0)} ms`);
console.log(`terraform plan, ${N} resources in state (median of ${PLANS}, interleaved): executable ${seconds(median(callplanePlans))}, node launcher ${seconds(median(launcherPlans))}, terraform_data ${seconds(median(builtinPlans))}; executable ${ratio.toFixed(2)}×, launcher ${(median(launcherPlans) / median(builtinPlans)).toFixed(2)}× terraform_data   target ≤ 3.5×: ${verdict(ratio <= 3.5)}`);
if (floor) console.log(`  floor: the executable answering every call from a recording of the same plan (no decoding, resource code or API call; Terraform, the launches and the transport remain): ${seconds(median(floorPlans))}, ${(median(floorPlans) / median(builtinPlans)).toFixed(2)}× terraform_data`);
if (awsDir) console.log(`  peer: hashicorp/aws with ${N} aws_iam_group (hand-written state, -refresh=false): ${seconds(median(awsPlans))}, ${(median(awsPlans) / median(builtinPlans)).toFixed(2)}× terraform_data`);
else console.log(`  peer: hashicorp/aws not found in ${AWS_MIRROR} (set AWS_PROVIDER_MIRROR to a filesystem mirror holding it)`);
console.log(`  ${launchesPerPlan} plugin launches per plan; the launches alone at bare node's pace: ${seconds(launchesPerPlan * handshake.node)}`);
console.log(`plugin peak RSS (VmHWM) over ${rssKb.length} plugin processes: executable ${peakMb.toFixed(1)} MB, of which its own (anonymous) memory at exit at most ${(Math.max(...rss.anonAtExit) / 1024).toFixed(1)} MB, the rest mapped pages of its file (node launcher ${(Math.max(...launcherRssKb) / 1024).toFixed(1)} MB)   target ≤ 75 MB: ${verdict(peakMb <= 75)}`);
console.log(`API requests for one refresh of ${N} environments: ${refreshRequests}   target ≤ ${Math.floor(N / 100) + 5}: ${verdict(refreshRequests <= N / 100 + 5)}`);
console.log(`API requests for one refresh of ${USERS} users: ${userRefreshRequests}   target ≤ ${Math.floor(USERS / 100) + 5}: ${verdict(userRefreshRequests <= USERS / 100 + 5)}`);

/** N environments planned by the floor executable; `replaying` plans answer from `recording`'s calls. */
async function floorWorkspace() {
  const executable = await buildExecutable(targetPlatform("linux_amd64"), join(root, "floor-build"), { entry: "../bench/floor-main.ts" });
  const installed = await installPackedExecutableMirror(join(root, "floor-mirror"), executable);
  const calls = join(root, "floor-calls.txt");
  const recording = { TF_CLI_CONFIG_FILE: installed.cliConfigFile };
  const dir = await workspace("floor", environments("bench-floor"), recording);
  await terraform(dir, ["plan"], { ...recording, CALLPLANE_BENCH_RECORD: calls });
  return { dir, recording, replaying: { ...recording, CALLPLANE_BENCH_REPLAY: calls } };
}

/** N aws_iam_group in a hand-written state: with -refresh=false the plan makes no AWS call. */
async function awsWorkspace(): Promise<string> {
  const dir = join(root, "aws");
  mkdirSync(dir);
  writeFileSync(join(dir, "terraformrc"), `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(AWS_MIRROR)}\n    include = ["registry.terraform.io/hashicorp/aws"]\n  }\n}\n`);
  writeFileSync(join(dir, "main.tf"), `terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}
provider "aws" {
  region                      = "us-east-1"
  access_key                  = "bench"
  secret_key                  = "bench"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
}
resource "aws_iam_group" "group" {
  count = ${N}
  name  = "bench-\${count.index}"
}
`);
  const instances = Array.from({ length: N }, (_, i) => ({
    index_key: i,
    schema_version: 0,
    attributes: { arn: `arn:aws:iam::123456789012:group/bench-${i}`, id: `bench-${i}`, name: `bench-${i}`, path: "/", unique_id: `AGPABENCH${String(i).padStart(12, "0")}` },
    sensitive_attributes: [],
  }));
  writeFileSync(join(dir, "terraform.tfstate"), JSON.stringify({
    version: 4, terraform_version: "1.11.0", serial: 1, lineage: "callplane-bench-aws", outputs: {},
    resources: [{ mode: "managed", type: "aws_iam_group", name: "group", provider: 'provider["registry.terraform.io/hashicorp/aws"]', instances }],
  }));
  await terraform(dir, ["init"], { TF_CLI_CONFIG_FILE: join(dir, "terraformrc") });
  return dir;
}
