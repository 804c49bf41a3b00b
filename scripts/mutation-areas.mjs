// The areas `pnpm mutate` knows, and how a Stryker JSON report becomes a score per folder.

/** Area → package folder and the folders whose score is reported. */
export const areas = {
  sdk: { dir: "sdk", folders: ["src/core", "src/validation"] },
  provider: { dir: "provider/terraform", folders: ["src/framework", "src/values"] },
  cli: { dir: "provider/cli", folders: ["src/summary", "src/drift"] },
  server: { dir: "server", folders: ["src/domain", "src/auth"] },
};

/** Stryker's mutation score: detected (killed or timed out) over all valid mutants. */
export function scoreByFolder(report, folders) {
  return folders.map((folder) => {
    const counts = { killed: 0, survived: 0, noCoverage: 0, timeout: 0, errors: 0 };
    for (const [file, { mutants }] of Object.entries(report.files)) {
      if (!file.split("\\").join("/").startsWith(`${folder}/`)) continue;
      for (const { status } of mutants) {
        if (status === "Killed") counts.killed++;
        else if (status === "Timeout") counts.timeout++;
        else if (status === "Survived") counts.survived++;
        else if (status === "NoCoverage") counts.noCoverage++;
        else if (status !== "Ignored" && status !== "Pending") counts.errors++;
      }
    }
    const detected = counts.killed + counts.timeout;
    const valid = detected + counts.survived + counts.noCoverage;
    return { folder, ...counts, score: valid === 0 ? null : (100 * detected) / valid };
  });
}
