/**
 * Builds the provider into one file and installs it into a Terraform filesystem mirror, with a
 * CLI config that points Terraform at it (no registry needed):
 *
 *   pnpm --filter @callplane/terraform-provider run install-mirror
 *   export TF_CLI_CONFIG_FILE=$PWD/provider/terraform/dist/terraformrc
 *
 * Node on PATH is the only thing the installed provider needs.
 */
import { chmodSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleProvider, packageDir, packageVersion } from "./bundle.js";

export const ADDRESS = "registry.terraform.io/callplane/callplane";

export interface InstalledProvider {
  mirrorDir: string;
  cliConfigFile: string;
  executable: string;
}

const platform = () => `${process.platform}_${process.arch === "x64" ? "amd64" : process.arch}`;

export async function installMirror(outDir = join(packageDir, "dist")): Promise<InstalledProvider> {
  const mirrorDir = join(outDir, "mirror");
  const version = packageVersion();
  const packageDirInMirror = join(mirrorDir, ADDRESS, version, platform());
  rmSync(mirrorDir, { recursive: true, force: true });
  mkdirSync(packageDirInMirror, { recursive: true });

  await bundleProvider({ entry: "main.ts", outfile: join(packageDirInMirror, "provider.mjs"), format: "esm", target: "node20" });

  const executable = join(packageDirInMirror, `terraform-provider-callplane_v${version}`);
  // ${0%/*} rather than $(dirname "$0"): no extra process on each of Terraform's 3-5 launches.
  writeFileSync(executable, [
    "#!/bin/sh",
    'case "$0" in */*) dir="${0%/*}" ;; *) dir=. ;; esac',
    'exec node "$dir/provider.mjs" "$@"',
    "",
  ].join("\n"));
  chmodSync(executable, 0o755);

  const cliConfigFile = join(outDir, "terraformrc");
  writeCliConfig(cliConfigFile, mirrorDir);
  return { mirrorDir, cliConfigFile, executable };
}

/** A Terraform CLI config that installs callplane/callplane from `mirrorDir` (unpacked or packed layout). */
export function writeCliConfig(file: string, mirrorDir: string): void {
  writeFileSync(file, [
    "provider_installation {",
    "  filesystem_mirror {",
    `    path    = ${JSON.stringify(mirrorDir)}`,
    `    include = ["${ADDRESS}"]`,
    "  }",
    "  direct {",
    `    exclude = ["${ADDRESS}"]`,
    "  }",
    "}",
    "",
  ].join("\n"));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const installed = await installMirror();
  console.log(`installed ${installed.executable}`);
  console.log(`export TF_CLI_CONFIG_FILE=${installed.cliConfigFile}`);
}
