/** The SDK as an app would ship it: bundled by esbuild, minified, then gzipped. */
import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

export interface BundleSize {
  minifiedBytes: number;
  gzippedBytes: number;
  /** Imports of Node built-ins that ended up in the bundle (there should be none). */
  nodeImports: string[];
}

/** Bundles `code` (an entry importing the SDK) for the browser. */
export async function measureBundle(code = 'export * from "./src/index.ts";'): Promise<BundleSize> {
  const nodeImports: string[] = [];
  const result = await build({
    stdin: { contents: code, resolveDir: fileURLToPath(new URL("..", import.meta.url)), loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
    plugins: [{
      name: "refuse-node-builtins",
      setup(b) {
        b.onResolve({ filter: /^node:|^(fs|path|http|https|crypto|stream|url|zlib|os|util|buffer|events)$/ }, (args) => {
          nodeImports.push(`${args.path} (from ${args.importer})`);
          return { path: args.path, external: true };
        });
      },
    }],
  });
  const output = result.outputFiles[0]!.contents;
  return { minifiedBytes: output.byteLength, gzippedBytes: gzipSync(output, { level: 9 }).byteLength, nodeImports };
}
