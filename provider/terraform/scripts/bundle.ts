/**
 * The provider in one JavaScript file, for the contributors' mirror (ESM, run by the system's
 * Node) and for the single executables (CommonJS, which is what a Node SEA runs).
 */
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** package.json's version: the one place it is set. */
export function packageVersion(): string {
  const { version } = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { version?: unknown };
  if (typeof version !== "string" || !/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) {
    throw new Error(`provider/terraform/package.json: version must be a semantic version (got ${JSON.stringify(version)})`);
  }
  return version;
}

export interface BundleOptions {
  /** Relative to src/: main.ts, single-executable-main.ts, or the benchmark's ../bench/floor-main.ts. */
  entry: "main.ts" | "single-executable-main.ts" | "../bench/floor-main.ts";
  outfile: string;
  format: "esm" | "cjs";
  /** esbuild's target, e.g. node20 for the system Node, node24 for the executables. */
  target: string;
}

export async function bundleProvider(options: BundleOptions): Promise<void> {
  await build({
    entryPoints: [join(packageDir, "src", options.entry)],
    outfile: options.outfile,
    bundle: true,
    platform: "node",
    format: options.format,
    target: options.target,
    minify: true,
    legalComments: "none",
    logLevel: "warning",
    define: { CALLPLANE_PROVIDER_VERSION: JSON.stringify(packageVersion()) },
    // src/version.ts reads package.json through import.meta.url only when run from source.
    logOverride: { "empty-import-meta": "silent" },
    // Some dependencies are CommonJS and call require(); give the ESM bundle one.
    ...(options.format === "esm"
      ? { banner: { js: "import { createRequire as __callplaneCreateRequire } from 'node:module'; const require = __callplaneCreateRequire(import.meta.url);" } }
      : {}),
  });
}
