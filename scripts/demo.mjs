#!/usr/bin/env node
// `npm run demo`: the main job, end to end on this machine.
// Installs and builds, starts the local Callplane server on an embedded database, applies
// examples/quickstart with Terraform, changes settings by hand the way a console user would,
// shows the drift Terraform finds, applies again and shows a clean plan. `--cdktf` takes the
// settings from the CDKTF app in examples/cdktf instead of the HCL in examples/quickstart.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const started = Date.now();
const TOKEN = "cpt_demo_admin_token_0123456789abcdef";
const bold = (text) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);
const step = (text) => console.log(`\n${bold(`▶ ${text}`)}`);
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

function fail(message) {
  console.error(`\n✖ ${message}`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: options.cwd ?? root, stdio: options.quiet ? "pipe" : "inherit", encoding: "utf8", env: options.env ?? process.env });
  if (result.error) fail(`${command} could not run: ${result.error.message}`);
  if (options.allowed ? !options.allowed.includes(result.status) : result.status !== 0) {
    if (options.quiet) process.stdout.write(result.stdout + result.stderr);
    fail(`${command} ${args.join(" ")} exited with ${result.status}`);
  }
  return result;
}

/**
 * Runs a long step with its output captured, printing a line with the elapsed time (and the
 * step's latest output) at least every 5 s, so a cold install never looks stuck.
 */
function runWithProgress(title, command, args) {
  const begun = Date.now();
  const seconds = () => `${Math.round((Date.now() - begun) / 1000)} s`;
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    let latest = "";
    const collect = (chunk) => {
      output += chunk;
      const lines = String(chunk).split(/\r?\n|\r/).map((line) => line.replace(/\x1b\[[0-9;]*[A-Za-z]/g, "").trim()).filter(Boolean);
      if (lines.length) latest = lines[lines.length - 1].slice(0, 100);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const ticker = setInterval(() => console.log(`  … ${title}, ${seconds()}${latest ? ` — ${latest}` : ""}`), 5000);
    child.on("error", (error) => fail(`${command} could not run: ${error.message}`));
    child.on("close", (code) => {
      clearInterval(ticker);
      if (code !== 0) {
        process.stdout.write(output);
        fail(`${command} ${args.join(" ")} exited with ${code}`);
      }
      console.log(`  ✓ ${title} (${seconds()})`);
      resolve(output);
    });
  });
}

if (spawnSync("terraform", ["version"], { stdio: "ignore" }).status !== 0) {
  fail("terraform is not on PATH. Install Terraform 1.5 or newer (https://developer.hashicorp.com/terraform/install), or OpenTofu, then run `npm run demo` again.");
}
if (spawnSync("pnpm", ["--version"], { stdio: "ignore" }).status !== 0) {
  step("Installing pnpm 10");
  await runWithProgress("installing pnpm 10 with npm", "npm", ["install", "--global", "pnpm@10"]);
}

step("Installing dependencies and building (about two minutes the first time)");
await runWithProgress("installing dependencies", "pnpm", ["install", "--frozen-lockfile", "--reporter=append-only"]);
await runWithProgress("building the SDK, server, provider, CLI and constructs", "pnpm", ["-r", "--reporter=append-only", "run", "build"]);
// The provider's single executable (what a release ships; built once, then cached), as users get it.
// The first build fetches a Node 24 runtime from the registry and makes the executable: seconds to
// minutes, so it reports progress like the steps above.
const installed = await runWithProgress("building the provider's single executable (cached after the first time)", "pnpm", ["--filter", "@callplane/terraform-provider", "run", "install-executable-mirror"]);
const cliConfig = /TF_CLI_CONFIG_FILE=(\S+)/.exec(installed)?.[1] ?? fail("the provider did not install");
console.log(`provider's executable installed into a local filesystem mirror (${cliConfig})`);

step("Starting the local Callplane server (SQLite in a temp dir)");
const work = mkdtempSync(join(tmpdir(), "callplane-demo-"));
const server = spawn(process.execPath, [join(root, "server/bin/callplane-server.js"), "--db", join(work, "callplane.db"), "--port", "0", "--bootstrap-token", TOKEN], { stdio: ["ignore", "pipe", "inherit"] });
const endpoint = await new Promise((resolve, reject) => {
  let out = "";
  server.stdout.on("data", (chunk) => {
    out += chunk;
    if (out.includes("\n")) resolve(out.split("\n")[0]);
  });
  server.on("exit", (code) => reject(new Error(`the server exited (${code})`)));
}).catch((error) => fail(error.message));
console.log(`listening on ${endpoint}`);
let stopped = false;
const stop = () => {
  if (stopped) return;
  stopped = true;
  server.kill("SIGTERM");
  rmSync(work, { recursive: true, force: true });
};
process.on("exit", stop);

// `--cdktf`: the same settings written in TypeScript (examples/cdktf), synthesized to JSON.
const cdktf = process.argv.includes("--cdktf");
let dir = join(work, "quickstart");
if (cdktf) {
  step("Synthesizing examples/cdktf/main.ts (CDKTF; mistakes would fail here, before any plan)");
  const tsx = join(root, "examples/node_modules/.bin/tsx");
  run(tsx, [join(root, "examples/cdktf/main.ts")], { cwd: work, env: { ...process.env, CDKTF_OUTDIR: join(work, "cdktf.out") } });
  dir = join(work, "cdktf.out/stacks/settings");
  console.log(`synthesized ${join(dir, "cdk.tf.json")}`);
} else {
  cpSync(join(root, "examples/quickstart/main.tf"), join(dir, "main.tf"));
}
const env = { ...process.env, TF_CLI_CONFIG_FILE: cliConfig, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1", CALLPLANE_ENDPOINT: endpoint, CALLPLANE_TOKEN: TOKEN };
const tf = (args, options) => {
  const result = spawnSync("terraform", [...args, "-no-color"], { cwd: dir, env, encoding: "utf8", stdio: options?.quiet ? "pipe" : "inherit" });
  if (!(options?.allowed ?? [0]).includes(result.status)) {
    if (options?.quiet) process.stdout.write((result.stdout ?? "") + (result.stderr ?? ""));
    fail(`terraform ${args[0]} exited with ${result.status}`);
  }
  return result;
};

step(`terraform init and apply ${cdktf ? "the synthesized stack" : "examples/quickstart"}: tenant settings, 3 environments, a 20/10/10 split of 40 calls, a team of four`);
tf(["init", "-input=false"], { quiet: true });
tf(["apply", "-auto-approve", "-input=false"]);

const { createCallplaneClient } = await import(join(root, "sdk/dist/index.js"));
const console_ = createCallplaneClient({ endpoint, token: TOKEN, source: "console" });

step("Lee accepts the invitation Terraform sent (a new secret is issued, as a resend would)");
const invitation = (await console_.invitations.list({ status: "pending" }).toArray()).find((i) => i.email === "lee@acme.test");
const mailer = createCallplaneClient({ endpoint, token: TOKEN, source: "api" });
const { secret } = await mailer.invitations.renew(invitation.id);
const anonymous = createCallplaneClient({ endpoint });
await anonymous.invitations.accept({ secret, name: "Lee Park" });
console.log("lee@acme.test is now a member; Terraform sees an accepted invitation as no change");

step("A console user changes settings by hand: staging 10 → 5 calls, Lee member → admin");
const environments = await console_.environments.list({ includeHidden: true }).toArray();
const staging = environments.find((e) => e.name === "staging");
await console_.environments.update(staging.id, { maxConcurrentCalls: 5 });
const lee = (await console_.users.list({ q: "lee@acme.test" }).toArray())[0];
await console_.users.update(lee.id, { role: "admin" });
console.log("done through the API, recorded in the audit log with source \"console\"");

step("terraform plan -detailed-exitcode: exit code 2 means Terraform found changes");
const drift = tf(["plan", "-detailed-exitcode", "-input=false"], { allowed: [2], quiet: true });
process.stdout.write(drift.stdout.split("\n").filter((line) => /~|->|will be|must be|Plan:|has changed|changed outside/.test(line)).join("\n") + "\n");
console.log(`exit code ${drift.status}: the drift is expected — the console edits above are not in the code.`);

step("callplane drift: each drifted setting, who changed it, when and through what (from the audit log)");
const report = spawnSync(process.execPath, [join(root, "provider/cli/bin/callplane.js"), "drift", dir], { env, encoding: "utf8" });
if (report.status !== 2) fail(`callplane drift exited with ${report.status} (expected 2: drift):\n${report.stderr}`);
process.stdout.write(report.stdout);
console.log(`exit code ${report.status}: drift found — a scheduled CI job would fail here (see examples/ci).`);

step("terraform apply: the code wins again");
tf(["apply", "-auto-approve", "-input=false"], { quiet: true });
const clean = tf(["plan", "-detailed-exitcode", "-input=false"], { allowed: [0], quiet: true });
console.log(`terraform plan -detailed-exitcode → exit code ${clean.status}: no changes, the settings match the code.`);

console.log(`\n✔ demo finished in ${elapsed()}`);
console.log(`
What to try next:
  npm run demo -- --cdktf      the same settings from the CDKTF app in examples/cdktf
  README.md "Try the API locally": start the server, open the Settings console at http://127.0.0.1:8787/,
                               call the API with curl or the SDK (docs/sdk.md)
  README.md "Use the Terraform provider": apply examples/quickstart yourself, then edit main.tf
  examples/ci                  plan summaries on pull requests and a daily drift check in GitHub Actions`);
stop();
process.exit(0);
