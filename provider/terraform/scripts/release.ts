/**
 * The release, in the Terraform registry's format, from one command:
 *
 *   CALLPLANE_RELEASE_GPG_KEY=<key id or fingerprint> pnpm --filter @callplane/terraform-provider run release [--out DIR]
 *
 * writes into DIR (default dist/release):
 *  - terraform-provider-callplane_<version>_<os>_<arch>.zip for every built platform, each
 *    holding only terraform-provider-callplane_v<version> (.exe on Windows);
 *  - terraform-provider-callplane_<version>_manifest.json;
 *  - terraform-provider-callplane_<version>_SHA256SUMS, and its detached binary GPG signature
 *    ..._SHA256SUMS.sig, made by `gpg` with the secret key named by CALLPLANE_RELEASE_GPG_KEY
 *    (from the keyring in GNUPGHOME; a passphrase, if the key has one, in
 *    CALLPLANE_RELEASE_GPG_PASSPHRASE). `--unsigned` skips the signature, for trying it out.
 * The version is package.json's.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { packageDir, packageVersion } from "./bundle.js";
import { platformName, TARGET_PLATFORMS, type TargetPlatform } from "./node-runtimes.js";
import { buildExecutable, executableName } from "./single-executable.js";
import { zipOneFile } from "./zip.js";

export const releasePrefix = (version = packageVersion()) => `terraform-provider-callplane_${version}`;
export const zipName = (platform: Pick<TargetPlatform, "os" | "arch">, version = packageVersion()) => `${releasePrefix(version)}_${platformName(platform)}.zip`;

/** Terraform's registry reads the plugin protocol versions from this file. */
export const MANIFEST = { version: 1, metadata: { protocol_versions: ["6.0"] } };

export interface ReleaseOptions {
  outDir: string;
  /** A secret key in the GnuPG keyring; without it the release is not signed. */
  gpgKey?: string;
  gpgPassphrase?: string;
  log?: (line: string) => void;
}

export interface Release {
  version: string;
  zips: string[];
  sums: string;
  signature?: string;
  manifest: string;
}

export async function buildRelease(options: ReleaseOptions): Promise<Release> {
  const log = options.log ?? (() => {});
  const version = packageVersion();
  const prefix = releasePrefix(version);
  rmSync(options.outDir, { recursive: true, force: true });
  mkdirSync(options.outDir, { recursive: true });

  const zips: string[] = [];
  const work = mkdtempSync(join(tmpdir(), "callplane-release-"));
  try {
    // Two at a time: each step is one process (blob maker, postject) or zlib's thread pool.
    const queue = [...TARGET_PLATFORMS];
    const worker = async () => {
      for (let platform = queue.shift(); platform; platform = queue.shift()) {
        const executable = await buildExecutable(platform, join(work, platformName(platform)));
        const zip = join(options.outDir, zipName(platform, version));
        await zipOneFile(executable, executableName(platform, version), zip);
        log(`${basename(zip)}  ${megabytes(statSync(zip).size)} (executable ${megabytes(statSync(executable).size)}${platform.startupSnapshot ? ", with a startup snapshot" : ""})`);
        rmSync(executable);
      }
    };
    await Promise.all([worker(), worker()]);
    zips.push(...TARGET_PLATFORMS.map((platform) => join(options.outDir, zipName(platform, version))));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const manifest = join(options.outDir, `${prefix}_manifest.json`);
  writeFileSync(manifest, JSON.stringify(MANIFEST));
  const sums = join(options.outDir, `${prefix}_SHA256SUMS`);
  writeFileSync(sums, [...zips, manifest].map((file) => `${sha256(file)}  ${basename(file)}\n`).sort((a, b) => a.slice(66).localeCompare(b.slice(66))).join(""));

  let signature: string | undefined;
  if (options.gpgKey) {
    signature = `${sums}.sig`;
    const signed = spawnSync("gpg", [
      "--batch", "--yes", "--local-user", options.gpgKey,
      ...(options.gpgPassphrase !== undefined ? ["--pinentry-mode", "loopback", "--passphrase-fd", "0"] : []),
      "--output", signature, "--detach-sign", sums,
    ], { encoding: "utf8", input: options.gpgPassphrase ?? "" });
    if (signed.status !== 0) throw new Error(`gpg could not sign ${basename(sums)} with key ${options.gpgKey}:\n${signed.stderr}`);
  }
  return { version, zips, sums, manifest, ...(signature ? { signature } : {}) };
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { out: { type: "string" }, unsigned: { type: "boolean" } } });
  const gpgKey = process.env.CALLPLANE_RELEASE_GPG_KEY;
  if (!gpgKey && !values.unsigned) {
    console.error("CALLPLANE_RELEASE_GPG_KEY is not set: name the secret key (id or fingerprint) that signs SHA256SUMS, or pass --unsigned to try the build without a signature.");
    process.exit(1);
  }
  const started = performance.now();
  const release = await buildRelease({
    outDir: resolve(values.out ?? join(packageDir, "dist", "release")),
    ...(gpgKey && !values.unsigned ? { gpgKey } : {}),
    ...(process.env.CALLPLANE_RELEASE_GPG_PASSPHRASE !== undefined ? { gpgPassphrase: process.env.CALLPLANE_RELEASE_GPG_PASSPHRASE } : {}),
    log: console.log,
  });
  console.log(`${basename(release.sums)}${release.signature ? ` and ${basename(release.signature)}` : " (not signed)"}, ${basename(release.manifest)}`);
  console.log(`release ${release.version} in ${resolve(release.sums, "..")}, built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
