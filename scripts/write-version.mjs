#!/usr/bin/env node
// Build step: writes a TypeScript module exporting package versions read from package.json
// files, so `pnpm changeset version` is the only place a version changes.
//   node ../scripts/write-version.mjs src/version.ts SDK_VERSION=package.json
// Each NAME=path pair becomes `export const NAME = "<version of that package.json>";`.
// The file is rewritten only when its content changes, so `tsc -b` stays incremental.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

const [outFile, ...pairs] = process.argv.slice(2);
if (!outFile || pairs.length === 0 || pairs.some((p) => !p.includes("="))) {
  console.error("usage: write-version.mjs <out.ts> NAME=path/to/package.json [NAME=…]");
  process.exit(2);
}
const lines = ["// Written by scripts/write-version.mjs from package.json at build time. Do not edit."];
for (const pair of pairs) {
  const [name, path] = pair.split("=");
  const { name: pkg, version } = JSON.parse(readFileSync(resolve(path), "utf8"));
  if (typeof version !== "string") throw new Error(`${path} has no version`);
  lines.push(`/** The version of ${pkg}, from its package.json. */`, `export const ${name} = ${JSON.stringify(version)};`);
}
const content = `${lines.join("\n")}\n`;
const target = resolve(outFile);
if (!existsSync(target) || readFileSync(target, "utf8") !== content) writeFileSync(target, content);
