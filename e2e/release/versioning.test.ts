/**
 * Versions come from one place: on a copy of the repository, `pnpm changeset version` bumps the
 * packages, and after a build every package reports its new version (SDK_VERSION, the CLI's
 * User-Agent, the server, the CDKTF constructs' provider constraint) with the version-sensitive
 * tests green; then `pnpm release --dry-run` versions nothing more, builds and would publish
 * exactly the public packages, with workspace ranges turned into the new versions.
 */
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
let copy: string;

function run(command: string, args: string[], options: SpawnSyncOptions = {}): string {
  const result = spawnSync(command, args, { cwd: copy, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, ...options, env: { ...process.env, CI: "1", ...options.env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  return `${result.stdout}${result.stderr}`;
}
const manifest = (dir: string) => JSON.parse(readFileSync(join(copy, dir, "package.json"), "utf8")) as { version: string; dependencies?: Record<string, string> };
const before = (dir: string) => (JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")) as { version: string }).version;

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), "callplane-versioning-"));
  // The repository as committed plus any new files, without node_modules or build output.
  const files = spawnSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], { cwd: root, encoding: "utf8" }).stdout.split("\0").filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(root, file))) continue;
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(root, file), join(copy, file));
  }
  run("pnpm", ["install", "--frozen-lockfile", "--offline", "--reporter=silent"]);
  run("git", ["init", "-q", "-b", "main"]);
  run("git", ["add", "-A"]);
  run("git", ["-c", "user.name=test", "-c", "user.email=test@example.test", "commit", "-qm", "copy"]);
});

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

// Steps of one release, in the order a release runs them: never shuffled.
describe("pnpm changeset version on a copy of the repository", { shuffle: false }, () => {
  it("bumps the packages with pending changesets and writes their changelogs", () => {
    expect(readdirSync(join(copy, ".changeset")).filter((f) => f.endsWith(".md") && f !== "README.md").length).toBeGreaterThan(0);
    run("pnpm", ["changeset", "version"]);
    expect(readdirSync(join(copy, ".changeset")).filter((f) => f.endsWith(".md") && f !== "README.md")).toEqual([]);
    for (const dir of ["sdk", "server", "provider/cli", "provider/cdktf", "provider/cdktn"]) {
      expect(manifest(dir).version, dir).not.toBe(before(dir));
      expect(readFileSync(join(copy, dir, "CHANGELOG.md"), "utf8")).toContain(`## ${manifest(dir).version}`);
    }
    // Dependents keep the workspace protocol; pnpm pack turns it into the new version.
    expect(manifest("provider/cdktf").dependencies?.["@callplane/sdk"]).toBe("workspace:^");
  });

  it("builds every package with its new version, and the version-sensitive tests pass", async () => {
    run("pnpm", ["-r", "run", "build"]);
    const sdk = await import(join(copy, "sdk/dist/version.js"));
    expect(sdk.SDK_VERSION).toBe(manifest("sdk").version);
    const server = await import(join(copy, "server/dist/version.js"));
    expect(server.SERVER_VERSION).toBe(manifest("server").version);
    const cli = await import(join(copy, "provider/cli/dist/version.js"));
    expect(cli.CLI_VERSION).toBe(manifest("provider/cli").version);
    const cdktf = await import(join(copy, "provider/cdktf/dist/version.js"));
    expect(cdktf).toMatchObject({ CDKTF_VERSION: manifest("provider/cdktf").version, PROVIDER_VERSION: manifest("provider/terraform").version });
    const cdktn = await import(join(copy, "provider/cdktn/dist/version.js"));
    expect(cdktn).toMatchObject({ CDKTF_VERSION: manifest("provider/cdktn").version, PROVIDER_VERSION: manifest("provider/terraform").version });
    run("pnpm", ["exec", "vitest", "run", "src/client.test.ts", "scripts/generated.test.ts"], { cwd: join(copy, "sdk") });
    run("pnpm", ["exec", "vitest", "run", "src/constructs.test.ts", "scripts/generate-bindings.test.ts"], { cwd: join(copy, "provider/cdktf") });
  });

  it("pnpm release --dry-run would publish exactly the public packages, at their new versions", () => {
    const out = run("pnpm", ["release", "--dry-run", "--no-git-checks"]);
    const publicPackages = { "@callplane/sdk": "sdk", "@callplane/server": "server", "@callplane/policy": "provider/policy", "@callplane/cli": "provider/cli", "@callplane/cdktf": "provider/cdktf", "@callplane/cdktn": "provider/cdktn" };
    for (const [name, dir] of Object.entries(publicPackages)) {
      expect(out).toContain(`\n+ ${name}@${manifest(dir).version}\n`);
    }
    const published = out.split("\n").filter((line) => line.startsWith("+ @callplane/"));
    expect(published).toHaveLength(Object.keys(publicPackages).length);
  });
});
