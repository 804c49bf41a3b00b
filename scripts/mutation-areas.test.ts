/**
 * `pnpm mutate` is too slow for `npm test`; this checks cheaply that each area's Stryker config
 * loads, mutates exactly the folders whose score is reported, keeps its state out of git, and
 * runs test files that exist; and that the score per folder is counted as Stryker counts it.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { areas, scoreByFolder } from "./mutation-areas.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));

/** The files a vitest include pattern of ours matches: a plain path, or a folder followed by "/**" and "/*.test.ts". */
function matching(dir: string, pattern: string): string[] {
  const glob = pattern.match(/^(.*)\/\*\*\/\*(\.[\w.]+)$/);
  if (!glob) return existsSync(join(dir, pattern)) ? [pattern] : [];
  const [, base, suffix] = glob;
  if (!existsSync(join(dir, base!))) return [];
  return readdirSync(join(dir, base!), { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(suffix!));
}

describe.each(Object.entries(areas))("pnpm mutate %s", (_name, area) => {
  const dir = join(root, area.dir);

  it("mutates exactly the folders it reports, never the tests", async () => {
    const { default: config } = await import(join(dir, "stryker.config.mjs"));
    expect(config.mutate.filter((glob: string) => !glob.startsWith("!"))).toEqual(area.folders.map((folder) => `${folder}/**/*.ts`));
    expect(config.mutate).toContain("!src/**/*.test.ts");
    for (const folder of area.folders) expect(existsSync(join(dir, folder)), `${area.dir}/${folder}`).toBe(true);
  });

  it("is incremental, with its state and report in the git-ignored .stryker/", async () => {
    const { default: config } = await import(join(dir, "stryker.config.mjs"));
    expect(config).toMatchObject({ incremental: true, coverageAnalysis: "perTest", testRunner: "vitest" });
    for (const file of [config.incrementalFile, config.jsonReporter.fileName, config.htmlReporter.fileName]) expect(file).toMatch(/^\.stryker\//);
    expect(readFileSync(join(root, ".gitignore"), "utf8").split("\n")).toContain(".stryker/");
  });

  it("runs a vitest config whose every test file exists", async () => {
    const { default: config } = await import(join(dir, "stryker.config.mjs"));
    const { default: vitestConfig } = await import(join(dir, config.vitest.configFile));
    const include: string[] = vitestConfig.test.include;
    expect(include.length).toBeGreaterThan(0);
    for (const pattern of include) expect(matching(dir, pattern), `${area.dir}: ${pattern}`).not.toEqual([]);
  });
});

describe("score per folder", () => {
  const mutants = (...statuses: string[]) => ({ mutants: statuses.map((status) => ({ status })) });

  it("counts killed and timed-out mutants over all valid ones, per folder, leaving out errors and ignored mutants", () => {
    const report = {
      files: {
        "src/core/a.ts": mutants("Killed", "Killed", "Survived", "Timeout", "CompileError", "Ignored"),
        "src/core/deep/b.ts": mutants("NoCoverage", "Killed", "RuntimeError"),
        "src/core-extra/c.ts": mutants("Survived", "Survived"),
        "src/validation/d.ts": mutants("Killed"),
      },
    };
    const [core, extra, validation] = scoreByFolder(report, ["src/core", "src/core-extra", "src/validation"]);
    expect(core).toEqual({ folder: "src/core", killed: 3, timeout: 1, survived: 1, noCoverage: 1, errors: 2, score: (100 * 4) / 6 });
    expect(extra!.score).toBe(0);
    expect(validation!.score).toBe(100);
  });

  it("has no score for a folder without mutants", () => {
    expect(scoreByFolder({ files: {} }, ["src/none"])[0]!.score).toBeNull();
  });
});
