import { spawnSync } from "node:child_process";

/**
 * Fails the test file that needs a tool the machine lacks, saying what to install: a suite
 * that skips itself would report green while proving nothing.
 */
export function requireTool(command: string, versionArgs: string[], howToInstall: string): void {
  const probe = spawnSync(command, versionArgs, { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    const reason = probe.error ? probe.error.message : `exit ${probe.status}: ${probe.stderr.trim()}`;
    throw new Error(`These tests need \`${command}\`, which did not run (${reason}). ${howToInstall}`);
  }
}
