// The settings every area's Stryker config shares (see docs/testing.md, "Mutation testing").
// Each area runs from its package folder, with a vitest config that lists only the test files
// that exercise the mutated folders, so a mutant costs seconds rather than the whole suite.
/**
 * `ignoreStatic`: leave out mutants in code that runs only when a module loads (constants,
 * tables); each of them would rerun every test. Stryker reports them as ignored, outside the score.
 * @param {{ mutate: string[], vitestConfig: string, ignoreStatic?: boolean }} area
 */
export function strykerConfig({ mutate, vitestConfig, ignoreStatic = false }) {
  return {
    ignoreStatic,
    testRunner: "vitest",
    // Named by path: under pnpm the runner is not a sibling of @stryker-mutator/core, where
    // Stryker looks for plugins by default.
    plugins: [import.meta.resolve("@stryker-mutator/vitest-runner")],
    vitest: { configFile: vitestConfig, related: false },
    mutate,
    // The machine running this is shared: one test runner at a time unless told otherwise.
    concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 1),
    coverageAnalysis: "perTest",
    // Only mutants whose code or tests changed since the last run are tested again.
    incremental: true,
    incrementalFile: ".stryker/incremental.json",
    reporters: ["json", "html", "clear-text", "progress-append-only"],
    jsonReporter: { fileName: ".stryker/mutation.json" },
    htmlReporter: { fileName: ".stryker/mutation.html" },
    clearTextReporter: { allowEmojis: false, logTests: false, reportScoreTable: true, reportMutants: true },
    ignorePatterns: [".stryker", "coverage", ".callplane"],
    // In place: tests read files beside their package (../openapi/callplane.yaml, the built
    // workspace packages), which a sandbox copy one folder deeper would not find. Stryker puts
    // the code back when it ends or is interrupted; do not edit the package while it runs.
    inPlace: true,
    // Vitest does not type-check, so files need no `// @ts-nocheck`: only mutated files change.
    disableTypeChecks: false,
    tempDirName: ".stryker-tmp",
    timeoutMS: 10_000,
    thresholds: { high: 85, low: 70 },
  };
}
