#!/usr/bin/env node
// `npm test`: everything, on a fresh machine that has only Node 20 and npm.
// Installs pnpm 10 when missing, installs dependencies, builds, lints the spec, checks types,
// generated files and docs, and runs every test. Stops at the first failing step.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

function run(title, command, args, { capture = false } = {}) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: capture ? ["ignore", "pipe", "inherit"] : "inherit", encoding: "utf8" });
  if (capture) process.stdout.write(result.stdout ?? "");
  if (result.status !== 0) {
    console.error(`✖ ${title} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
  return result.stdout ?? "";
}

function hasPnpm() {
  return spawnSync("pnpm", ["--version"], { stdio: "ignore" }).status === 0;
}

if (!hasPnpm()) run("install pnpm 10", "npm", ["install", "--global", "pnpm@10"]);

// The console's browser tests drive Debian's Chromium through playwright-core (never a
// downloaded browser): install the package when it is missing.
function findChromium() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  const found = spawnSync("sh", ["-c", "command -v chromium"], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : undefined;
}
if (!findChromium()) {
  const [apt, ...prefix] = process.getuid?.() === 0 ? ["apt-get"] : ["sudo", "apt-get"];
  run("update Debian's package lists", apt, [...prefix, "update"]);
  run("install Debian's chromium (for the console's browser tests)", apt, [...prefix, "install", "-y", "--no-install-recommends", "chromium"]);
}
const chromium = findChromium();
if (!chromium) {
  console.error("✖ Chromium is still missing: install Debian's chromium package, or set CHROMIUM_PATH.");
  process.exit(1);
}
process.env.CHROMIUM_PATH = chromium;

// The provider's release tests check signatures, zips and executable formats with Debian's
// gnupg, unzip and file. (The Node runtimes the release is built on come from the npm registry.)
const missingTools = [["gpg", "gnupg"], ["unzip", "unzip"], ["file", "file"]]
  .filter(([command]) => spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status !== 0)
  .map(([, debianPackage]) => debianPackage);
if (missingTools.length > 0) {
  const [apt, ...prefix] = process.getuid?.() === 0 ? ["apt-get"] : ["sudo", "apt-get"];
  run("update Debian's package lists", apt, [...prefix, "update"]);
  run(`install Debian's ${missingTools.join(", ")} (for the provider's release tests)`, apt, [...prefix, "install", "-y", "--no-install-recommends", ...missingTools]);
}
run("install dependencies", "pnpm", ["install", "--frozen-lockfile"]);
run("build", "pnpm", ["-r", "run", "build"]);

const lint = run("lint the spec (redocly, recommended rules)", "pnpm", ["exec", "redocly", "lint", "openapi/callplane.yaml"], { capture: true });
if (/You have \d+ warnings?/.test(lint)) {
  console.error("✖ the spec has lint warnings; it must lint clean");
  process.exit(1);
}

run("type-check tests, scripts and benchmarks", "pnpm", ["-r", "run", "typecheck"]);
run("lint the public packages as published (publint, attw)", "pnpm", ["-r", "--workspace-concurrency=1", "run", "lint:package"]);

// Every package with a vitest config, one after another (the machine has 2 cores).
const packages = [".", "provider"]
  .filter((parent) => existsSync(join(root, parent)))
  .flatMap((parent) => readdirSync(join(root, parent), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(parent, d.name)))
  .filter((dir) => !dir.includes("node_modules") && existsSync(join(root, dir, "vitest.config.ts")));
// Every run shuffles the order of files and tests with a seed it prints, so a test that leans on
// another's leftovers fails here, and a failure replays with CALLPLANE_TEST_SEED=<seed>.
const seed = process.env.CALLPLANE_TEST_SEED ?? String(Math.floor(Math.random() * 1_000_000));
console.log(`\n▶ test order shuffled with seed ${seed} (replay: CALLPLANE_TEST_SEED=${seed} npm test)`);
const reportDir = mkdtempSync(join(tmpdir(), "callplane-test-"));
let passed = 0;
let failed = 0;
const failedPackages = [];
for (const dir of packages) {
  console.log(`\n▶ tests: ${dir}`);
  const report = join(reportDir, `${dir.replace(/\W+/g, "_")}.json`);
  const result = spawnSync("pnpm", ["exec", "vitest", "run", "--sequence.shuffle", `--sequence.seed=${seed}`, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], { cwd: join(root, dir), stdio: "inherit" });
  if (existsSync(report)) {
    const summary = JSON.parse(readFileSync(report, "utf8"));
    passed += summary.numPassedTests;
    failed += summary.numFailedTests;
  }
  if (result.status !== 0) failedPackages.push(dir);
}
rmSync(reportDir, { recursive: true, force: true });
if (failedPackages.length) {
  console.error(`✖ tests failed in ${failedPackages.join(", ")} (order seed ${seed}: CALLPLANE_TEST_SEED=${seed} npm test replays it)`);
  console.log(`${passed} passed, ${Math.max(failed, 1)} failed`);
  process.exit(1);
}

run("build the SDK reference (TypeDoc)", "pnpm", ["run", "docs"]);
run("run the offline SDK example", "pnpm", ["--filter", "@callplane/examples", "run", "offline"]);
const synthDir = mkdtempSync(join(tmpdir(), "callplane-cdktf-"));
process.env.CDKTF_OUTDIR = synthDir;
run("synthesize the CDKTF example", "pnpm", ["--filter", "@callplane/examples", "run", "cdktf:synth"]);
if (!existsSync(join(synthDir, "stacks/settings/cdk.tf.json"))) {
  console.error("✖ the CDKTF example did not synthesize its stack");
  process.exit(1);
}
rmSync(synthDir, { recursive: true, force: true });

console.log(`\n${passed} passed, ${failed} failed`);
