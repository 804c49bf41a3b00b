/**
 * Builds the provider as a Node single executable application (SEA) for one platform: the
 * platform's Node runtime from the npm registry with the provider's bundle injected by postject.
 * It needs no Node on the machine that runs it.
 *
 *   pnpm --filter @callplane/terraform-provider run build-executable [linux_amd64 ...]
 *
 * linux_amd64 starts from a V8 startup snapshot of the evaluated bundle (see bench/README.md for
 * what that gives); the other platforms' blobs are made on this linux-x64 machine, and a
 * snapshot or code cache only loads on the platform that made it, so they start from source.
 */
import { spawn, type SpawnOptions } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleProvider, packageDir, packageVersion, type BundleOptions } from "./bundle.js";
import { stripElf } from "./elf-strip.js";
import { blobMakerRuntime, platformName, TARGET_PLATFORMS, targetPlatform, targetRuntime, type TargetPlatform } from "./node-runtimes.js";

/** Node's documented fuse: the runtime looks for the blob only when this string is flipped. */
const SEA_FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";

/** postject's command line, run in its own process: it prints LIEF's warnings about Node's notes. */
const postjectCli = join(dirname(createRequire(import.meta.url).resolve("postject")), "cli.js");

/** The file name Terraform expects inside a release zip. */
export const executableName = (platform: Pick<TargetPlatform, "os">, version = packageVersion()) =>
  `terraform-provider-callplane_v${version}${platform.os === "windows" ? ".exe" : ""}`;

export interface SeaOptions {
  /** The entry module (the benchmark builds its floor executable from its own). */
  entry?: BundleOptions["entry"];
  /** Overrides the platform's default (for the benchmark's comparisons). */
  useSnapshot?: boolean;
  useCodeCache?: boolean;
}

/** Writes the executable for `platform` into `outDir` and returns its path. */
export async function buildExecutable(platform: TargetPlatform, outDir: string, options: SeaOptions = {}): Promise<string> {
  const work = mkdtempSync(join(tmpdir(), `callplane-sea-${platformName(platform)}-`));
  try {
    const bundle = join(work, "provider.cjs");
    await bundleProvider({ entry: options.entry ?? "single-executable-main.ts", outfile: bundle, format: "cjs", target: "node24" });
    const blob = join(work, "provider.blob");
    const useSnapshot = options.useSnapshot ?? platform.startupSnapshot;
    writeFileSync(join(work, "sea-config.json"), JSON.stringify({
      main: bundle,
      output: blob,
      disableExperimentalSEAWarning: true, // the warning would land in Terraform's log on every launch
      useSnapshot,
      // Node ignores the code cache when there is a snapshot.
      useCodeCache: !useSnapshot && (options.useCodeCache ?? platform.startupSnapshot),
    }));
    const made = await run(blobMakerRuntime(platform), ["--experimental-sea-config", "sea-config.json"], { cwd: work, env: { ...process.env, NODE_OPTIONS: "" } });
    if (made.code !== 0) throw new Error(`making the SEA blob for ${platformName(platform)} failed:\n${made.output}`);

    mkdirSync(outDir, { recursive: true });
    const executable = join(outDir, executableName(platform));
    rmSync(executable, { force: true });
    // Linux runtimes lose their symbol tables (~18 MB): Terraform hashes every byte before each command.
    if (platform.os === "linux") writeFileSync(executable, stripElf(readFileSync(targetRuntime(platform))));
    else copyFileSync(targetRuntime(platform), executable);
    chmodSync(executable, 0o755);
    const injected = await run(process.execPath, [
      postjectCli, executable, "NODE_SEA_BLOB", blob, "--sentinel-fuse", SEA_FUSE,
      ...(platform.os === "darwin" ? ["--macho-segment-name", "NODE_SEA"] : []),
    ]);
    if (injected.code !== 0) throw new Error(`postject failed for ${platformName(platform)}:\n${injected.output}`);
    return executable;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A child process's exit code and output; asynchronous, so several platforms can build at once. */
function run(command: string, args: string[], options: SpawnOptions = {}): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, output }));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const names = process.argv.slice(2);
  const platforms = names.length > 0 ? names.map(targetPlatform) : TARGET_PLATFORMS;
  for (const platform of platforms) {
    const executable = await buildExecutable(platform, join(packageDir, "dist", "executables", platformName(platform)));
    console.log(`built ${executable}`);
  }
}
