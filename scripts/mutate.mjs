#!/usr/bin/env node
// `pnpm mutate [area…]`: mutation testing with StrykerJS over the code that carries the rules.
// Areas: sdk, provider, cli, server (all of them, in that order, when none is named); a folder
// after them narrows the run (`pnpm mutate provider src/values`). Each area
// runs from its package with the Stryker config there; the score per folder is printed at the end.
// Stryker 10's command line (and its package entry, which loads the command line) refuses Node 20
// by its engines field, though its engine runs on Node 20: this script loads the Stryker class
// from its own module and hands it the config file the command line would have read.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { areas, scoreByFolder } from "./mutation-areas.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));

function printScores(rows) {
  console.log("\nMutation score per folder (killed + timeout over valid mutants; target ≥ 85%)");
  console.log("folder".padEnd(62), "score".padStart(7), "killed".padStart(7), "timeout".padStart(8), "survived".padStart(9), "no cov".padStart(7));
  for (const r of rows) {
    const score = r.score === null ? "n/a" : `${r.score.toFixed(2)}%`;
    console.log(r.folder.padEnd(62), score.padStart(7), String(r.killed).padStart(7), String(r.timeout).padStart(8), String(r.survived).padStart(9), String(r.noCoverage).padStart(7));
  }
}

async function runArea(name) {
  const area = areas[name];
  const cwd = join(root, area.dir);
  const configFile = join(cwd, "stryker.config.mjs");
  const { Stryker } = await import(new URL("dist/src/stryker.js", import.meta.resolve("@stryker-mutator/core/package.json")).href);
  console.log(`\n▶ mutation testing: ${name} (${area.folders.map((f) => `${area.dir}/${f}`).join(", ")})`);
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    const overrides = { ...cliOverrides };
    if (only.length > 0) {
      // A folder run keeps the config's exclusions (tests, test helpers such as values/test-support.ts).
      const { default: config } = await import(pathToFileURL(configFile).href);
      const exclusions = config.mutate.filter((glob) => glob.startsWith("!"));
      overrides.mutate = [...only.map((folder) => `${folder.replace(/\/+$/, "")}/**/*.ts`), ...exclusions];
    }
    await new Stryker({ configFile, ...overrides }).runMutationTest();
  } finally {
    process.chdir(previous);
  }
  console.log(`report: ${relative(root, join(cwd, ".stryker/mutation.html"))}`);
}

/** The last results of an area: the full report, or what an interrupted run saved so far. */
function lastScores(name) {
  const area = areas[name];
  const cwd = join(root, area.dir);
  const report = join(cwd, ".stryker/mutation.json");
  const incremental = join(cwd, ".stryker/incremental.json");
  // A finished run writes both within moments; an interrupted one only the incremental file.
  const interrupted = existsSync(incremental) && (!existsSync(report) || statSync(incremental).mtimeMs - statSync(report).mtimeMs > 60_000);
  const file = interrupted ? incremental : report;
  if (!existsSync(file)) return [];
  const partial = interrupted ? " (partial: an interrupted run)" : "";
  const folders = only.length > 0 ? area.folders.filter((folder) => only.some((o) => o.replace(/\/+$/, "") === folder)) : area.folders;
  return scoreByFolder(JSON.parse(readFileSync(file, "utf8")), folders).map((r) => ({ ...r, folder: `${area.dir}/${r.folder}${partial}` }));
}

const args = process.argv.slice(2);
// `--force` retests every mutant (incremental mode otherwise reuses earlier results);
// `--scores` only prints the scores of the last runs.
// Area names and folders are arguments; with a folder, only that folder's mutants are tested.
const cliOverrides = args.includes("--force") ? { force: true } : {};
const scoresOnly = args.includes("--scores");
// A folder after the areas (`pnpm mutate provider src/values`) narrows the run to that folder.
const names = args.filter((a) => !a.startsWith("--") && !a.includes("/"));
const only = args.filter((a) => !a.startsWith("--") && a.includes("/"));
const unknown = names.filter((n) => !(n in areas));
if (unknown.length > 0) {
  console.error(`unknown area ${unknown.join(", ")}; areas: ${Object.keys(areas).join(", ")}`);
  process.exit(2);
}
const selected = names.length > 0 ? names : Object.keys(areas);
if (!scoresOnly) for (const name of selected) await runArea(name);
printScores(selected.flatMap(lastScores));
