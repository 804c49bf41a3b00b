/**
 * A/B of `terraform plan` with N callplane_environment resources in state, for two or more
 * single executables, against the same plan shape with terraform_data; runs interleaved.
 * Prints, per variant, the median wall time and CPU (Terraform and its plugin processes
 * together, from /usr/bin/time) and the plugin's own CPU (a preload probe, in separate plans).
 *
 *   pnpm --filter @callplane/terraform-provider exec tsx bench/plan-ab.ts label=path/to/exe ...
 *
 * BENCH_RESOURCES (200) and AB_ROUNDS (7) change the shape; AB_ENV_<label>='K=V;K2=V2' adds
 * environment variables to one variant's plans.
 */
import { startServer } from "@callplane/server";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { installPackedExecutableMirror } from "../scripts/executable-mirror.js";

const N = Number(process.env.BENCH_RESOURCES ?? 200);
const ROUNDS = Number(process.env.AB_ROUNDS ?? 7);
const TOKEN = "cpt_bench_provider_token_0123456789";
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const variants = process.argv.slice(2).map((arg) => {
  const [label, path] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, arg];
  const extra = Object.fromEntries((process.env[`AB_ENV_${label}`] ?? "").split(";").filter(Boolean).map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)] as [string, string]));
  return { label, path, extra, dir: "", wall: [] as number[], cpu: [] as number[], plugin: [] as number[] };
});
if (variants.length === 0) throw new Error("give at least one label=executable");

const { NODE_EXTRA_CA_CERTS: _ca, ...withoutCa } = process.env;
const root = mkdtempSync(join(tmpdir(), "callplane-plan-ab-"));
const server = await startServer({ db: join(root, "bench.db"), port: 0, bootstrapToken: TOKEN });
const env = { ...withoutCa, NODE_PATH: "", CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1", CALLPLANE_ENDPOINT: server.url, CALLPLANE_TOKEN: TOKEN };
const probe = join(root, "probe.cjs");
writeFileSync(probe, `process.on("exit", () => { const u = process.cpuUsage(); require("node:fs").appendFileSync(process.env.AB_PROBE_FILE, (u.user + u.system) / 1000 + "\\n"); });\n`);

/** Wall ms and CPU ms (user + system of Terraform and every process it waited for). */
async function terraform(dir: string, args: string[], extra: Record<string, string> = {}): Promise<{ wall: number; cpu: number }> {
  const timeFile = join(root, "time.txt");
  const started = performance.now();
  const child = spawn("/usr/bin/time", ["-o", timeFile, "-f", "%U %S", "terraform", ...args, "-no-color", "-input=false"], { cwd: dir, env: { ...env, ...extra }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const wall = performance.now() - started;
  if (code !== 0 && !(args[0] === "plan" && code === 2)) throw new Error(`terraform ${args.join(" ")} failed:\n${output.slice(-3000)}`);
  const [user, system] = readFileSync(timeFile, "utf8").trim().split("\n").at(-1)!.split(" ").map(Number);
  return { wall, cpu: (user! + system!) * 1000 };
}

async function workspace(name: string, hcl: string, extra: Record<string, string> = {}): Promise<string> {
  const dir = join(root, name);
  mkdirSync(dir);
  writeFileSync(join(dir, "main.tf"), hcl);
  await terraform(dir, ["init"], extra);
  await terraform(dir, ["apply", "-auto-approve", "-parallelism=20"], extra);
  return dir;
}

for (const variant of variants) {
  const installed = await installPackedExecutableMirror(join(root, `mirror-${variant.label}`), variant.path);
  variant.extra = { TF_CLI_CONFIG_FILE: installed.cliConfigFile, ...variant.extra };
  variant.dir = await workspace(variant.label, `terraform {
  required_providers {
    callplane = { source = "callplane/callplane" }
  }
}
provider "callplane" {}
resource "callplane_environment" "env" {
  count               = ${N}
  name                = "ab-${variant.label}-\${count.index}"
  deletion_protection = false
}
`, variant.extra);
}
const builtin = { label: "terraform_data", dir: await workspace("builtin", `resource "terraform_data" "thing" {
  count = ${N}
  input = "bench-\${count.index}"
}
`), wall: [] as number[], cpu: [] as number[] };

for (let round = 0; round < ROUNDS; round++) {
  for (const variant of variants) {
    const { wall, cpu } = await terraform(variant.dir, ["plan"], variant.extra);
    variant.wall.push(wall);
    variant.cpu.push(cpu);
  }
  const { wall, cpu } = await terraform(builtin.dir, ["plan"]);
  builtin.wall.push(wall);
  builtin.cpu.push(cpu);
}
for (let round = 0; round < Math.min(ROUNDS, 3); round++) {
  for (const variant of variants) {
    const file = join(root, `probe-${variant.label}-${round}.txt`);
    await terraform(variant.dir, ["plan"], { ...variant.extra, NODE_OPTIONS: `--require=${probe}`, AB_PROBE_FILE: file });
    variant.plugin.push(readFileSync(file, "utf8").trim().split("\n").map(Number).reduce((a, b) => a + b, 0));
  }
}

const builtinWall = median(builtin.wall);
console.log(`${N} resources, ${ROUNDS} rounds; medians`);
for (const variant of variants) {
  console.log(
    `${variant.label.padEnd(16)} plan ${median(variant.wall).toFixed(0)} ms (${(median(variant.wall) / builtinWall).toFixed(2)}×)` +
      `  cpu ${median(variant.cpu).toFixed(0)} ms  plugin cpu ${median(variant.plugin).toFixed(0)} ms` +
      `  [${variant.wall.map((w) => w.toFixed(0)).join(" ")}]`,
  );
}
console.log(`${"terraform_data".padEnd(16)} plan ${builtinWall.toFixed(0)} ms  cpu ${median(builtin.cpu).toFixed(0)} ms  [${builtin.wall.map((w) => w.toFixed(0)).join(" ")}]`);

for (const variant of variants) await terraform(variant.dir, ["destroy", "-auto-approve", "-parallelism=20"], variant.extra);
await server.close();
rmSync(root, { recursive: true, force: true });
