/**
 * Builds the provider into one file and installs it into a Terraform filesystem mirror, with a
 * CLI config that points Terraform at it (no registry needed):
 *
 *   pnpm --filter @callplane/terraform-provider run install-mirror
 *   export TF_CLI_CONFIG_FILE=$PWD/provider/terraform/dist/terraformrc
 *
 * Node on PATH is the only thing the installed provider needs.
 */
import { build } from "esbuild";
import { chmodSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PROVIDER_VERSION } from "../src/provider.js";

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const ADDRESS = "registry.terraform.io/callplane/callplane";

export interface InstalledProvider {
  mirrorDir: string;
  cliConfigFile: string;
  executable: string;
}

const platform = () => `${process.platform}_${process.arch === "x64" ? "amd64" : process.arch}`;

export async function installMirror(outDir = join(packageDir, "dist")): Promise<InstalledProvider> {
  const mirrorDir = join(outDir, "mirror");
  const packageDirInMirror = join(mirrorDir, ADDRESS, PROVIDER_VERSION, platform());
  rmSync(mirrorDir, { recursive: true, force: true });
  mkdirSync(packageDirInMirror, { recursive: true });

  await build({
    entryPoints: [join(packageDir, "src", "main.ts")],
    outfile: join(packageDirInMirror, "provider.mjs"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    minify: true,
    legalComments: "none",
    logLevel: "warning",
    // Some dependencies are CommonJS and call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __callplaneCreateRequire } from 'node:module'; const require = __callplaneCreateRequire(import.meta.url);" },
  });

  const executable = join(packageDirInMirror, `terraform-provider-callplane_v${PROVIDER_VERSION}`);
  // ${0%/*} rather than $(dirname "$0"): no extra process on each of Terraform's 3-5 launches.
  writeFileSync(executable, [
    "#!/bin/sh",
    'case "$0" in */*) dir="${0%/*}" ;; *) dir=. ;; esac',
    'exec node "$dir/provider.mjs" "$@"',
    "",
  ].join("\n"));
  chmodSync(executable, 0o755);

  const cliConfigFile = join(outDir, "terraformrc");
  writeFileSync(cliConfigFile, [
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
  return { mirrorDir, cliConfigFile, executable };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const installed = await installMirror();
  console.log(`installed ${installed.executable}`);
  console.log(`export TF_CLI_CONFIG_FILE=${installed.cliConfigFile}`);
}
