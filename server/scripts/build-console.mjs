#!/usr/bin/env node
// Bundles the Settings console (server/console) with esbuild into dist/console: the page, one
// script and one stylesheet, named by content hash so the server can let browsers cache them
// for good. `index.html` names the hashed files; the server serves it with `no-store`.
import { build } from "esbuild";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const source = join(root, "console");
const out = join(root, "dist", "console");

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const result = await build({
  entryPoints: { app: join(source, "src", "main.tsx"), styles: join(source, "styles.css") },
  outdir: out,
  entryNames: "[name]-[hash]",
  bundle: true,
  format: "esm",
  platform: "browser",
  target: ["chrome115", "firefox115", "safari16"],
  jsx: "automatic",
  jsxImportSource: "preact",
  minify: true,
  legalComments: "none",
  metafile: true,
  logLevel: "warning",
  tsconfig: join(source, "tsconfig.json"),
  absWorkingDir: root,
});

const outputs = Object.entries(result.metafile.outputs);
const nameOf = (entry) => {
  const found = outputs.find(([, output]) => output.entryPoint?.endsWith(entry));
  if (!found) throw new Error(`build-console: no output for ${entry}`);
  return basename(found[0]);
};
const script = nameOf("src/main.tsx");
const stylesheet = nameOf("styles.css");
const html = readFileSync(join(source, "index.html"), "utf8")
  .replace("%SCRIPT%", `/${script}`)
  .replace("%STYLESHEET%", `/${stylesheet}`);
if (html.includes("%SCRIPT%") || html.includes("%STYLESHEET%")) throw new Error("build-console: index.html placeholders were not replaced");
writeFileSync(join(out, "index.html"), html);

const size = (name) => `${(result.metafile.outputs[`dist/console/${name}`]?.bytes ?? 0) / 1024 | 0} KiB`;
console.log(`console: dist/console/${script} (${size(script)}), ${stylesheet} (${size(stylesheet)})`);
