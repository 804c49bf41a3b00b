/**
 * The release as users get it: `pnpm run release` with a throwaway GPG key, then checks on what it
 * wrote (files, signature, zips, executable formats), and the linux_amd64 zip installed from a
 * packed filesystem mirror and from ~/.terraform.d/plugins, run by `terraform` with a PATH that
 * holds nothing from Node, applying examples/quickstart against a real server.
 */
import { startServer, type RunningServer } from "@callplane/server";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageDir, packageVersion } from "../scripts/bundle.js";
import { writeCliConfig } from "../scripts/install-mirror.js";
import { platformName, TARGET_PLATFORMS } from "../scripts/node-runtimes.js";
import { MANIFEST, releasePrefix, sha256, zipName } from "../scripts/release.js";
import { executableName } from "../scripts/single-executable.js";
import { requireTool } from "../src/protocol/testing/required-tool.js";
import { repoRoot } from "../scripts/docs.js";
import { run, terraformOnlyPath, TOKEN } from "./terraform.js";

const version = packageVersion();
const prefix = releasePrefix(version);
const ADDRESS_DIR = join("registry.terraform.io", "callplane", "callplane");
const expectedFormat: Record<string, RegExp> = {
  // Stripped: Terraform hashes every byte of the package before each command (scripts/elf-strip.ts).
  linux_amd64: /ELF 64-bit LSB .*x86-64.*, stripped/,
  linux_arm64: /ELF 64-bit LSB .*ARM aarch64.*, stripped/,
  darwin_amd64: /Mach-O 64-bit x86_64 executable/,
  windows_amd64: /PE32\+ executable \(console\) x86-64/,
};

let root: string;
let releaseDir: string;
let releaseOutput: string;
let gnupgHome: string;
let server: RunningServer;
let nodeFreePath: string;
/** A keyring holding only the release's public key, as a user's would. */
let verifierHome: string;

function gpg(home: string, args: string[]) {
  return spawnSync("gpg", ["--homedir", home, "--batch", ...args], { encoding: "utf8" });
}

/** SHA256SUMS as file name → hash. */
function sums(): Map<string, string> {
  const lines = readFileSync(join(releaseDir, `${prefix}_SHA256SUMS`), "utf8").trim().split("\n");
  return new Map(lines.map((line) => {
    const [hash, name] = line.split(/\s+/);
    return [name!, hash!];
  }));
}

/** The `zh:` hashes a lock file records for callplane/callplane. */
function lockedZipHashes(dir: string): string[] {
  const lock = readFileSync(join(dir, ".terraform.lock.hcl"), "utf8");
  return [...lock.matchAll(/"zh:([0-9a-f]{64})"/g)].map((m) => m[1]!).sort();
}

beforeAll(async () => {
  for (const [tool, versionArgs, debianPackage] of [["gpg", ["--version"], "gnupg"], ["unzip", ["-v"], "unzip"], ["file", ["--version"], "file"]] as const) {
    requireTool(tool, [...versionArgs], `Install Debian's ${debianPackage} (\`npm test\` does: apt-get install ${debianPackage}).`);
  }
  root = mkdtempSync(join(tmpdir(), "callplane-release-test-"));
  releaseDir = join(root, "release");
  gnupgHome = join(root, "gnupg");
  mkdirSync(gnupgHome, { mode: 0o700 });
  const made = gpg(gnupgHome, ["--passphrase", "", "--quick-gen-key", "Callplane release test <release-test@callplane.test>", "default", "sign", "1d"]);
  expect(made.status, made.stderr).toBe(0);
  const fingerprint = /^fpr:+([0-9A-F]{40}):/m.exec(gpg(gnupgHome, ["--list-secret-keys", "--with-colons"]).stdout)?.[1];
  expect(fingerprint).toBeDefined();

  const released = await run("pnpm", ["run", "release", "--out", releaseDir], packageDir, {
    ...process.env,
    GNUPGHOME: gnupgHome,
    CALLPLANE_RELEASE_GPG_KEY: fingerprint!,
  });
  releaseOutput = released.output;
  expect(released.code, released.output).toBe(0);
  verifierHome = join(root, "verifier-gnupg");
  mkdirSync(verifierHome, { mode: 0o700 });
  const publicKey = join(root, "public.asc");
  writeFileSync(publicKey, gpg(gnupgHome, ["--armor", "--export"]).stdout);
  expect(gpg(verifierHome, ["--import", publicKey]).status).toBe(0);
  server = await startServer({ db: ":memory:", port: 0, bootstrapToken: TOKEN });
  nodeFreePath = terraformOnlyPath(root);
}, 600_000);

afterAll(async () => {
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe("pnpm run release", () => {
  it("writes one zip per built platform, SHA256SUMS, its signature and the manifest, and nothing else", () => {
    expect(readdirSync(releaseDir).sort()).toEqual([
      ...TARGET_PLATFORMS.map((platform) => zipName(platform, version)),
      `${prefix}_SHA256SUMS`,
      `${prefix}_SHA256SUMS.sig`,
      `${prefix}_manifest.json`,
    ].sort());
  });

  it("prints each zip's size", () => {
    for (const platform of TARGET_PLATFORMS) expect(releaseOutput).toMatch(new RegExp(`${zipName(platform, version).replaceAll(".", "\\.")}\\s+\\d+\\.\\d MB`));
  });

  it("writes the manifest Terraform's registry reads the protocol version from", () => {
    expect(JSON.parse(readFileSync(join(releaseDir, `${prefix}_manifest.json`), "utf8"))).toEqual(MANIFEST);
    expect(MANIFEST).toEqual({ version: 1, metadata: { protocol_versions: ["6.0"] } });
  });

  it("lists every zip and the manifest in SHA256SUMS with their SHA-256", () => {
    const listed = sums();
    expect([...listed.keys()].sort()).toEqual(readdirSync(releaseDir).filter((name) => !name.includes("SHA256SUMS")).sort());
    for (const [name, hash] of listed) expect(hash, name).toBe(sha256(join(releaseDir, name)));
  });

  it("signs SHA256SUMS so that gpg --verify passes with the public key alone, and fails for altered sums", () => {
    const verifier = verifierHome;
    const signature = join(releaseDir, `${prefix}_SHA256SUMS.sig`);
    const verified = gpg(verifier, ["--verify", signature, join(releaseDir, `${prefix}_SHA256SUMS`)]);
    expect(verified.status, verified.stderr).toBe(0);
    expect(verified.stderr).toContain("Good signature");

    const altered = join(root, "altered_SHA256SUMS");
    writeFileSync(altered, readFileSync(join(releaseDir, `${prefix}_SHA256SUMS`), "utf8").replace(/^./, (c) => (c === "0" ? "1" : "0")));
    expect(gpg(verifier, ["--verify", signature, altered]).status).not.toBe(0);
  });

  it.each(TARGET_PLATFORMS.map((platform) => [platformName(platform), platform] as const))("zips exactly one %s executable of the right format", (name, platform) => {
    const zip = join(releaseDir, zipName(platform, version));
    const listed = spawnSync("unzip", ["-Z1", zip], { encoding: "utf8" });
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout.trim().split("\n")).toEqual([executableName(platform, version)]);
    const unpacked = join(root, "unpacked", name);
    mkdirSync(unpacked, { recursive: true });
    expect(spawnSync("unzip", ["-q", "-o", zip, "-d", unpacked]).status).toBe(0);
    const described = spawnSync("file", ["-b", join(unpacked, executableName(platform, version))], { encoding: "utf8" });
    expect(described.stdout).toMatch(expectedFormat[name]!);
    rmSync(unpacked, { recursive: true, force: true });
  });
});

describe("installing a release with scripts/install-release.sh", () => {
  const linuxZip = () => zipName({ os: "linux", arch: "amd64" }, version);
  const terraformEnv = (extra: Record<string, string>) => ({
    PATH: nodeFreePath, // terraform and nothing else: the provider must need no Node
    HOME: join(root, "home"),
    CHECKPOINT_DISABLE: "1",
    TF_IN_AUTOMATION: "1",
    CALLPLANE_ENDPOINT: server.url,
    CALLPLANE_TOKEN: TOKEN,
    ...extra,
  });
  /** A working directory with examples/quickstart and the lock entry install-release.sh printed. */
  const quickstart = (name: string, lockEntry: string) => {
    const dir = join(root, name);
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(repoRoot, "examples/quickstart/main.tf"), join(dir, "main.tf"));
    writeFileSync(join(dir, ".terraform.lock.hcl"), lockEntry);
    return dir;
  };
  /** Runs the install script as a user would, with only the system's tools (no Node needed). */
  const installRelease = (mirror: string, from = releaseDir) => {
    const installed = spawnSync("sh", [join(packageDir, "scripts", "install-release.sh"), from, mirror], {
      encoding: "utf8",
      env: { PATH: "/usr/local/bin:/usr/bin:/bin", GNUPGHOME: verifierHome },
    });
    expect(installed.status, installed.stderr).toBe(0);
    return installed.stdout;
  };
  const zipHashesInSums = () => [...sums()].filter(([name]) => name.endsWith(".zip")).map(([, hash]) => hash).sort();

  it("refuses a release whose signature does not verify", () => {
    const forged = join(root, "forged-release");
    mkdirSync(forged);
    for (const name of readdirSync(releaseDir)) copyFileSync(join(releaseDir, name), join(forged, name));
    writeFileSync(join(forged, `${prefix}_SHA256SUMS`), readFileSync(join(releaseDir, `${prefix}_SHA256SUMS`), "utf8").replace(/^./, (c) => (c === "0" ? "1" : "0")));
    const refused = spawnSync("sh", [join(packageDir, "scripts", "install-release.sh"), forged, join(root, "forged-mirror")], {
      encoding: "utf8",
      env: { PATH: "/usr/local/bin:/usr/bin:/bin", GNUPGHOME: verifierHome },
    });
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain("not a good signature");
    expect(readdirSync(root)).not.toContain("forged-mirror");
  });

  it("into a packed filesystem mirror: init checks the zip against the signed sums, then apply and a clean plan, with no Node on PATH", async () => {
    const mirror = join(root, "packed-mirror");
    const lockEntry = installRelease(mirror);
    expect(readdirSync(join(mirror, ADDRESS_DIR)).sort()).toEqual(TARGET_PLATFORMS.map((platform) => zipName(platform, version)).sort());
    const cliConfig = join(root, "packed.tfrc");
    writeCliConfig(cliConfig, mirror);
    const dir = quickstart("packed", lockEntry);
    const env = terraformEnv({ TF_CLI_CONFIG_FILE: cliConfig });
    const terraform = (...args: string[]) => run("terraform", [...args, "-no-color", "-input=false"], dir, env);

    const init = await terraform("init");
    expect(init.code, init.output).toBe(0);
    expect(lockedZipHashes(dir)).toEqual(zipHashesInSums());
    expect(lockedZipHashes(dir)).toContain(sums().get(linuxZip()));

    const apply = await terraform("apply", "-auto-approve");
    expect(apply.code, apply.output).toBe(0);
    expect(apply.output).toMatch(/Apply complete! Resources: \d+ added/);
    const plan = await terraform("plan", "-detailed-exitcode");
    expect(plan.code, plan.output).toBe(0);
  }, 180_000);

  it("terraform init rejects a zip that does not match the signed sums", async () => {
    const mirror = join(root, "tampered-mirror");
    const lockEntry = installRelease(mirror);
    const zip = join(mirror, ADDRESS_DIR, linuxZip());
    const bytes = readFileSync(zip);
    bytes.writeUInt8(bytes.readUInt8(1000) ^ 0xff, 1000); // one byte of the compressed executable
    writeFileSync(zip, bytes);
    const cliConfig = join(root, "tampered.tfrc");
    writeCliConfig(cliConfig, mirror);
    const dir = quickstart("tampered", lockEntry);
    const init = await run("terraform", ["init", "-no-color", "-input=false"], dir, terraformEnv({ TF_CLI_CONFIG_FILE: cliConfig }));
    expect(init.code).not.toBe(0);
    expect(init.output).toMatch(/checksums? previously recorded in the dependency lock file/);
  }, 120_000);

  it("into ~/.terraform.d/plugins, with no CLI config", async () => {
    const home = join(root, "home-plugins");
    const lockEntry = installRelease(join(home, ".terraform.d", "plugins"));
    const dir = quickstart("home-plugins-work", lockEntry);
    const init = await run("terraform", ["init", "-no-color", "-input=false"], dir, terraformEnv({ HOME: home }));
    expect(init.code, init.output).toBe(0);
    expect(init.output).toContain(`Installed callplane/callplane v${version}`);
    expect(lockedZipHashes(dir)).toEqual(zipHashesInSums());
    const validate = await run("terraform", ["validate", "-no-color"], dir, terraformEnv({ HOME: home }));
    expect(validate.code, validate.output).toBe(0);
  }, 120_000);

  it("terraform providers lock -fs-mirror works for every built platform", async () => {
    const mirror = join(root, "lock-mirror");
    const dir = quickstart("lock-all", installRelease(mirror));
    const locked = await run("terraform", [
      "providers", "lock", "-no-color", `-fs-mirror=${mirror}`,
      ...TARGET_PLATFORMS.map((platform) => `-platform=${platformName(platform)}`),
    ], dir, terraformEnv({}));
    expect(locked.code, locked.output).toBe(0);
    const lock = readFileSync(join(dir, ".terraform.lock.hcl"), "utf8");
    expect(lock.match(/"h1:[^"]+"/g)).toHaveLength(TARGET_PLATFORMS.length);
    expect(lockedZipHashes(dir)).toEqual(zipHashesInSums());
  }, 180_000);
});
