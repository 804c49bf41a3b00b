/**
 * Installs the public packages the way an app developer would: `pnpm pack` each one, then plain
 * `npm install` of the tarballs into a fresh project outside the workspace (no links), and there
 * type-checks, requires, bundles and calls a server started from the installed tarball.
 *
 * Third-party dependencies come from the npm registry (or npm's cache). The one exception is
 * better-sqlite3's native binary: its install script downloads a prebuilt binary from GitHub or
 * compiles one for minutes; this machine cannot reach GitHub, so the test installs without
 * scripts and reuses the binary the workspace install built (the same package version).
 *
 * `@callplane/cdktn` goes into a second project, a CDK Terrain user's: `cdktn` 0.24 wants
 * `constructs` below 10.8 and `@callplane/cdktf` 10.8 or newer, and no app uses both.
 */
import { spawn, spawnSync, type SpawnSyncOptions } from "node:child_process";
import { copyFileSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const PUBLIC_PACKAGES = { "@callplane/sdk": "sdk", "@callplane/server": "server", "@callplane/policy": "provider/policy", "@callplane/cli": "provider/cli", "@callplane/cdktf": "provider/cdktf", "@callplane/cdktn": "provider/cdktn" };
/** What the CDK Terrain user's project installs; the main project installs the others. */
const CDKTN_PROJECT_PACKAGES = ["@callplane/sdk", "@callplane/policy", "@callplane/cdktn"];
const TOKEN = "cpt_install_test_token_123456";

function run(command: string, args: string[], options: SpawnSyncOptions = {}): string {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  return String(result.stdout);
}

const version = (dir: string) => (JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")) as { version: string }).version;

let project: string;
let cdktnProject: string;
let tarballs: Record<string, string>;
let server: { url: string; stop: () => void };

function inProject(command: string, args: string[], env: Record<string, string> = {}): string {
  return run(command, args, { cwd: project, env: { ...process.env, ...env } });
}

async function startInstalledServer(): Promise<{ url: string; stop: () => void }> {
  const bin = join(project, "node_modules/@callplane/server/bin/callplane-server.js");
  const child = spawn(process.execPath, [bin, "--port", "0", "--db", ":memory:", "--bootstrap-token", TOKEN, "--no-console"], { cwd: project, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const line = out.split("\n")[0]!;
      if (out.includes("\n")) resolve(line.match(/https?:\/\/\S+/)?.[0] ?? line.trim());
    });
    child.on("exit", (code) => reject(new Error(`the installed server exited (${code}): ${stderr}`)));
  });
  return { url, stop: () => child.kill() };
}

beforeAll(async () => {
  const packDir = mkdtempSync(join(tmpdir(), "callplane-tarballs-"));
  tarballs = {};
  for (const [name, dir] of Object.entries(PUBLIC_PACKAGES)) {
    run("pnpm", ["pack", "--pack-destination", packDir], { cwd: join(root, dir) });
    tarballs[name] = join(packDir, `${name.slice(1).replace("/", "-")}-${version(dir)}.tgz`);
    expect(existsSync(tarballs[name]!), `${name} packed`).toBe(true);
  }
  // Outside the repository, so nothing resolves through the workspace.
  project = mkdtempSync(join(tmpdir(), "callplane-user-app-"));
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "user-app", private: true, version: "1.0.0" }, null, 2));
  cpSync(fileURLToPath(new URL("app", import.meta.url)), project, { recursive: true });
  const { "@callplane/cdktn": _cdktn, ...mainTarballs } = tarballs;
  inProject("npm", ["install", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error",
    ...Object.values(mainTarballs), "typescript@~5.9.3", "esbuild@^0.28.2", "@types/node@^20.19.43"]);
  cdktnProject = mkdtempSync(join(tmpdir(), "callplane-cdktn-user-app-"));
  writeFileSync(join(cdktnProject, "package.json"), JSON.stringify({ name: "cdktn-user-app", private: true, version: "1.0.0" }, null, 2));
  copyFileSync(fileURLToPath(new URL("app/cdktn.mts", import.meta.url)), join(cdktnProject, "cdktn.mts"));
  run("npm", ["install", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error",
    ...CDKTN_PROJECT_PACKAGES.map((name) => tarballs[name]!), "typescript@~5.9.3", "@types/node@^20.19.43"], { cwd: cdktnProject });
  // better-sqlite3's binary, built by the workspace install for this Node (see the top comment).
  const workspaceSqlite = dirname(createRequire(join(root, "server/package.json")).resolve("better-sqlite3/package.json"));
  const installedSqlite = join(project, "node_modules/better-sqlite3");
  expect(JSON.parse(readFileSync(join(installedSqlite, "package.json"), "utf8")).version).toBe(JSON.parse(readFileSync(join(workspaceSqlite, "package.json"), "utf8")).version);
  mkdirSync(join(installedSqlite, "build/Release"), { recursive: true });
  copyFileSync(join(workspaceSqlite, "build/Release/better_sqlite3.node"), join(installedSqlite, "build/Release/better_sqlite3.node"));
  server = await startInstalledServer();
});

afterAll(() => {
  server?.stop();
  if (project) rmSync(project, { recursive: true, force: true });
  if (cdktnProject) rmSync(cdktnProject, { recursive: true, force: true });
});

describe("installing the packed packages into a fresh project", () => {
  it("installs real copies, no workspace links, with workspace ranges turned into versions", () => {
    for (const name of Object.keys(PUBLIC_PACKAGES)) {
      const where = name === "@callplane/cdktn" ? cdktnProject : project;
      const installed = join(where, "node_modules", name);
      expect(lstatSync(installed).isSymbolicLink(), `${name} is a copy`).toBe(false);
      expect(realpathSync(installed).startsWith(realpathSync(where))).toBe(true);
      const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
      for (const range of Object.values(manifest.dependencies ?? {})) expect(range).not.toMatch(/^workspace:/);
    }
    const cdktf = JSON.parse(readFileSync(join(project, "node_modules/@callplane/cdktf/package.json"), "utf8")) as { dependencies: Record<string, string> };
    expect(cdktf.dependencies["@callplane/sdk"]).toBe(`^${version("sdk")}`);
    const cdktn = JSON.parse(readFileSync(join(cdktnProject, "node_modules/@callplane/cdktn/package.json"), "utf8")) as { dependencies: Record<string, string> };
    expect(cdktn.dependencies["@callplane/sdk"]).toBe(`^${version("sdk")}`);
  });

  it("ships what users run and nothing else (no tests, test support, e2e, scripts or build info)", () => {
    for (const name of Object.keys(PUBLIC_PACKAGES)) {
      const files = run("tar", ["tzf", tarballs[name]!]).split("\n").filter(Boolean);
      expect(files.filter((f) => /\.test\.|test-support|\/e2e\/|\/scripts\/|tsbuildinfo|\/src\//.test(f)), name).toEqual([]);
      expect(files, name).toContain("package/LICENSE");
      expect(files, name).toContain("package/README.md");
    }
  });

  it("type-checks ESM and CommonJS TypeScript with strict nodenext, and bundler resolution", () => {
    const tsc = join(project, "node_modules/typescript/bin/tsc");
    const strict = ["--strict", "--noEmit", "--target", "es2022", "--types", "node", "--skipLibCheck"];
    inProject(process.execPath, [tsc, ...strict, "--module", "nodenext", "--moduleResolution", "nodenext", "esm.mts", "cjs.cts", "cdktf.mts"]);
    inProject(process.execPath, [tsc, ...strict, "--module", "node16", "--moduleResolution", "node16", "esm.mts", "cdktf.mts"]);
    inProject(process.execPath, [tsc, ...strict, "--module", "esnext", "--moduleResolution", "bundler", "bundler.ts"]);
    // And a type error is caught (the check is real): a field the spec does not have.
    writeFileSync(join(project, "wrong.mts"), 'import { createCallplaneClient } from "@callplane/sdk";\ncreateCallplaneClient({ endpoint: "http://x" }).environments.create({ name: "a", colour: "red" });\n');
    expect(() => inProject(process.execPath, [tsc, ...strict, "--module", "nodenext", "wrong.mts"])).toThrow(/colour/);
  });

  it("lists, creates and gets typed validation errors from an ESM app against the installed server", () => {
    const tsc = join(project, "node_modules/typescript/bin/tsc");
    inProject(process.execPath, [tsc, "--strict", "--target", "es2022", "--types", "node", "--skipLibCheck", "--module", "nodenext", "--outDir", "out", "esm.mts"]);
    const result = JSON.parse(inProject(process.execPath, ["out/esm.mjs"], { CALLPLANE_ENDPOINT: server.url, CALLPLANE_TOKEN: TOKEN }));
    expect(result.sdkVersion).toBe(version("sdk"));
    expect(result.created).toEqual({ name: "from-tarball", etag: "string", apiKey: "string" });
    expect(result.after).toContain("from-tarball");
    expect(result.after).toHaveLength(result.before + 1);
    // Checked before sending: no status, every field named.
    expect(result.local).toEqual({ status: undefined, fieldErrors: expect.arrayContaining([{ path: "name", message: "must not be empty" }, { path: "maxConcurrentCalls", message: "must be a whole number" }]) });
    // The server's own answer, typed the same way.
    expect(result.server.status).toBe(422);
    expect(result.server.fieldErrors.map((e: { path: string }) => e.path)).toContain("name");
  });

  it("works from CommonJS through require() (Node ≥ 20.19)", () => {
    const tsc = join(project, "node_modules/typescript/bin/tsc");
    inProject(process.execPath, [tsc, "--strict", "--target", "es2022", "--types", "node", "--skipLibCheck", "--module", "nodenext", "--outDir", "out", "cjs.cts"]);
    const out = JSON.parse(inProject(process.execPath, ["out/cjs.cjs"], { CALLPLANE_ENDPOINT: server.url, CALLPLANE_TOKEN: TOKEN }));
    expect(out).toEqual({ tenant: expect.any(String), sdkVersion: version("sdk"), environmentConstruct: "function" });
  });

  it("bundles for the browser with esbuild, without Node built-ins, and the bundle runs", () => {
    const esbuild = join(project, "node_modules/esbuild/bin/esbuild");
    inProject(process.execPath, [esbuild, "browser.ts", "--bundle", "--platform=browser", "--format=esm", "--minify", "--target=es2022", "--outfile=out/browser.mjs"]);
    const bundle = readFileSync(join(project, "out/browser.mjs"), "utf8");
    expect(bundle).not.toMatch(/from\s*"node:|require\("node:/);
    const runner = `globalThis.CALLPLANE_ENDPOINT = ${JSON.stringify(server.url)}; globalThis.CALLPLANE_TOKEN = ${JSON.stringify(TOKEN)}; await import("./out/browser.mjs");`;
    const out = JSON.parse(inProject(process.execPath, ["--input-type=module", "-e", runner]));
    expect(out.environments).toContain("default"); // the server's first environment
  });

  it("synthesizes a CDKTF stack with the constructs from their tarball", () => {
    const tsc = join(project, "node_modules/typescript/bin/tsc");
    inProject(process.execPath, [tsc, "--strict", "--target", "es2022", "--types", "node", "--skipLibCheck", "--module", "nodenext", "--outDir", "out", "cdktf.mts"]);
    const outdir = join(project, "cdktf.out");
    const out = JSON.parse(inProject(process.execPath, ["out/cdktf.mjs"], { CDKTF_OUTDIR: outdir }));
    expect(out.providerVersion).toBe(version("provider/terraform"));
    const synth = JSON.parse(readFileSync(join(outdir, "stacks/settings/cdk.tf.json"), "utf8"));
    expect(synth.terraform.required_providers.callplane).toEqual({ source: "callplane/callplane", version: version("provider/terraform") });
    expect(Object.values(synth.resource.callplane_environment)).toEqual([expect.objectContaining({ name: "production", max_concurrent_calls: 5 })]);
  });

  it("synthesizes a CDK Terrain stack with the constructs from their tarball, in a cdktn user's project", () => {
    const tsc = join(cdktnProject, "node_modules/typescript/bin/tsc");
    const strict = ["--strict", "--target", "es2022", "--types", "node", "--skipLibCheck"];
    run(process.execPath, [tsc, ...strict, "--noEmit", "--module", "node16", "--moduleResolution", "node16", "cdktn.mts"], { cwd: cdktnProject });
    run(process.execPath, [tsc, ...strict, "--module", "nodenext", "--outDir", "out", "cdktn.mts"], { cwd: cdktnProject });
    const outdir = join(cdktnProject, "cdktf.out");
    const out = JSON.parse(run(process.execPath, ["out/cdktn.mjs"], { cwd: cdktnProject, env: { ...process.env, CDKTF_OUTDIR: outdir } }));
    expect(out).toEqual({ providerVersion: version("provider/terraform") });
    // The constructs use the app's own cdktn (a second copy would leave the resource out of the
    // synthesized JSON), and nothing pulls in cdktf.
    expect(existsSync(join(cdktnProject, "node_modules/cdktf"))).toBe(false);
    const synth = JSON.parse(readFileSync(join(outdir, "stacks/settings/cdk.tf.json"), "utf8"));
    expect(synth.terraform.required_providers.callplane).toEqual({ source: "callplane/callplane", version: version("provider/terraform") });
    expect(Object.values(synth.resource.callplane_environment)).toEqual([expect.objectContaining({ name: "production", max_concurrent_calls: 5 })]);
  });

  it("runs the installed callplane command", () => {
    const help = inProject(process.execPath, [join(project, "node_modules/@callplane/cli/bin/callplane.js"), "--help"]);
    expect(help).toContain("plan-summary");
    expect(readdirSync(join(project, "node_modules/.bin"))).toEqual(expect.arrayContaining(["callplane", "callplane-server"]));
  });
});
