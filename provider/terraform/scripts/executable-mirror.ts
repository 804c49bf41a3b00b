/**
 * This machine's single executable in a Terraform filesystem mirror, for the e2e tests, the
 * CDKTF tests, the demo and the benchmark: what users get is what is tested. The executable is
 * built once per change of what goes into it (the bundle, the runtime, the build script) and kept
 * in .cache/executables; `installExecutableMirror` then only links it into a mirror.
 *
 *   pnpm --filter @callplane/terraform-provider run install-executable-mirror
 *
 * Single executables are built on linux x64 (see node-runtimes.ts). Elsewhere this falls back to
 * the contributors' mirror, which runs the bundle with the system's Node.
 */
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleProvider, packageDir, packageVersion } from "./bundle.js";
import { ADDRESS, installMirror, writeCliConfig, type InstalledProvider } from "./install-mirror.js";
import { platformName, targetPlatform } from "./node-runtimes.js";
import { buildExecutable, executableName } from "./single-executable.js";
import { zipName } from "./release.js";
import { zipOneFile } from "./zip.js";

export const canBuildExecutables = () => process.platform === "linux" && process.arch === "x64";

/** The linux_amd64 executable, from the cache when its inputs have not changed. */
export async function cachedExecutable(): Promise<string> {
  const platform = targetPlatform("linux_amd64");
  const work = mkdtempSync(join(tmpdir(), "callplane-bundle-"));
  let key: string;
  try {
    const bundle = join(work, "provider.cjs");
    await bundleProvider({ entry: "single-executable-main.ts", outfile: bundle, format: "cjs", target: "node24" });
    key = createHash("sha256")
      .update(readFileSync(bundle))
      .update(JSON.stringify(platform))
      .update(readFileSync(join(packageDir, "scripts", "single-executable.ts")))
      .update(readFileSync(join(packageDir, "scripts", "elf-strip.ts")))
      .digest("hex")
      .slice(0, 16);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const cached = join(packageDir, ".cache", "executables", key);
  const executable = join(cached, executableName(platform));
  if (existsSync(executable)) return executable;
  // Built beside the cache entry and renamed into place, so a concurrent build never sees half a file.
  const staging = `${cached}.${process.pid}`;
  await buildExecutable(platform, staging);
  mkdirSync(resolve(cached, ".."), { recursive: true });
  if (!existsSync(cached)) renameSync(staging, cached);
  else rmSync(staging, { recursive: true, force: true });
  return executable;
}

/**
 * Installs the executable into `<outDir>/mirror` (unpacked layout) with a CLI config at
 * `<outDir>/terraformrc`; `prebuilt` installs that executable instead (the benchmark's A/B runs).
 */
export async function installExecutableMirror(outDir: string, prebuilt?: string): Promise<InstalledProvider> {
  if (!canBuildExecutables() && !prebuilt) return installMirror(outDir);
  const built = prebuilt ?? (await cachedExecutable());
  const mirrorDir = join(outDir, "mirror");
  const dir = join(mirrorDir, ADDRESS, packageVersion(), platformName(targetPlatform("linux_amd64")));
  rmSync(mirrorDir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const executable = join(dir, executableName({ os: "linux" }));
  try {
    linkSync(built, executable); // 130 MB: a hard link where the file system allows it
  } catch {
    copyFileSync(built, executable);
  }
  const cliConfigFile = join(outDir, "terraformrc");
  writeCliConfig(cliConfigFile, mirrorDir);
  return { mirrorDir, cliConfigFile, executable };
}

/**
 * Installs `executable` zipped into `<outDir>/mirror` in the packed layout, as a release zip sits
 * in a user's mirror: `terraform init` then unpacks it into the working directory, and Terraform
 * runs that copy, as it does for users. (The benchmark measures that copy: how a file's pages sit
 * in the page cache moves its peak RSS by 20-35 MB, see bench/README.md.)
 */
export async function installPackedExecutableMirror(outDir: string, executable: string): Promise<InstalledProvider> {
  const platform = targetPlatform("linux_amd64");
  const mirrorDir = join(outDir, "mirror");
  const dir = join(mirrorDir, ADDRESS);
  rmSync(mirrorDir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await zipOneFile(executable, executableName(platform), join(dir, zipName(platform)));
  const cliConfigFile = join(outDir, "terraformrc");
  writeCliConfig(cliConfigFile, mirrorDir);
  return { mirrorDir, cliConfigFile, executable };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const installed = await installExecutableMirror(join(packageDir, "dist"));
  console.log(`installed ${installed.executable}`);
  console.log(`export TF_CLI_CONFIG_FILE=${installed.cliConfigFile}`);
}
