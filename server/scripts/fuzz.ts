/**
 * `pnpm fuzz`: the spec-driven fuzzer for longer than `npm test` runs it. Prints cases per
 * second and what it covered (operations × answers), and exits 1 on the first finding.
 *   pnpm fuzz [--seed <n>] [--cases <per operation>]
 */
import { parseArgs } from "node:util";
import { describe, runFuzz, type FuzzReport } from "../e2e/fuzz/engine.js";

const { values } = parseArgs({ args: process.argv.slice(2).filter((a) => a !== "--"), options: { seed: { type: "string" }, cases: { type: "string" } } });
const seed = values.seed === undefined ? Date.now() % 1_000_000_000 : Number(values.seed);
const casesPerOperation = values.cases === undefined ? 1000 : Number(values.cases);
if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(casesPerOperation) || casesPerOperation < 1) {
  console.error("usage: pnpm fuzz [--seed <integer>] [--cases <cases per operation, ≥ 1>]");
  process.exit(2);
}

let last = performance.now();
console.log(`fuzzing every operation of openapi/callplane.yaml: seed ${seed}, ${casesPerOperation} cases per operation`);
const report = await runFuzz({
  seed,
  casesPerOperation,
  onOperation: (operationId, cases) => {
    const now = performance.now();
    process.stdout.write(`  ${operationId.padEnd(26)} ${String(cases).padStart(5)} cases ${((now - last) / 1000).toFixed(1).padStart(6)} s\n`);
    last = now;
  },
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
printReport(report, seed);
process.exit(report.failures.length ? 1 : 0);

function printReport(result: FuzzReport, usedSeed: number): void {
  const seconds = result.elapsedMs / 1000;
  console.log(`\n${result.cases} cases in ${seconds.toFixed(1)} s: ${(result.cases / seconds).toFixed(0)} cases per second`);
  const statuses = [...new Set([...result.coverage.values()].flatMap((m) => [...m.keys()]))].sort((a, b) => a - b);
  console.log(`\ncoverage: operations × answers (cases per status)\n`);
  console.log(`${"operation".padEnd(26)} ${statuses.map((s) => String(s).padStart(5)).join(" ")}`);
  let cells = 0;
  for (const operation of result.operations) {
    const byStatus = result.coverage.get(operation) ?? new Map<number, number>();
    cells += byStatus.size;
    console.log(`${operation.padEnd(26)} ${statuses.map((s) => String(byStatus.get(s) ?? "·").padStart(5)).join(" ")}`);
  }
  const classes = new Set([...result.coverage.values()].flatMap((m) => [...m.keys()].map((s) => `${Math.floor(s / 100)}xx`)));
  console.log(`\n${result.operations.length} operations, ${cells} operation × status pairs seen, outcome classes: ${[...classes].sort().join(", ")}`);
  if (result.failures.length) {
    console.log(`\n${result.failures.length} finding(s); replay with --seed ${usedSeed}:`);
    for (const failure of result.failures) {
      console.log(`- ${failure.operationId}: ${failure.problem}`);
      if (failure.request) console.log(`${describe(failure.request).replace(/^/gm, "    ")}\n    → ${failure.status} ${failure.body.slice(0, 400)}`);
    }
  } else {
    console.log("\nno findings");
  }
}
