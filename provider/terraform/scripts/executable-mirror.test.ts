/** The packed mirror the benchmark installs from: `terraform init` must unpack the executable from it, as from a release. */
import { spawnSync } from "node:child_process";
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { packageVersion } from "./bundle.js";
import { cachedExecutable, canBuildExecutables, installPackedExecutableMirror } from "./executable-mirror.js";

const root = mkdtempSync(join(tmpdir(), "callplane-packed-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("installPackedExecutableMirror", () => {
  it.runIf(canBuildExecutables())("holds only the release-named zip, and terraform init unpacks the executable from it into the working directory", async () => {
    const executable = await cachedExecutable();
    const installed = await installPackedExecutableMirror(join(root, "packed"), executable);
    const providerDir = join(installed.mirrorDir, "registry.terraform.io/callplane/callplane");
    expect(readdirSync(providerDir)).toEqual([`terraform-provider-callplane_${packageVersion()}_linux_amd64.zip`]);

    const work = join(root, "work");
    mkdirSync(work);
    writeFileSync(join(work, "main.tf"), `terraform {\n  required_providers {\n    callplane = { source = "callplane/callplane" }\n  }\n}\n`);
    const init = spawnSync("terraform", ["init", "-no-color", "-input=false"], { cwd: work, encoding: "utf8", env: { ...process.env, TF_CLI_CONFIG_FILE: installed.cliConfigFile, CHECKPOINT_DISABLE: "1" } });
    expect(init.status, init.stdout + init.stderr).toBe(0);
    const unpacked = join(work, ".terraform/providers/registry.terraform.io/callplane/callplane", packageVersion(), "linux_amd64", `terraform-provider-callplane_v${packageVersion()}`);
    // A file of its own (not a link into the mirror), byte for byte the executable.
    expect(lstatSync(unpacked).isFile()).toBe(true);
    expect(readFileSync(unpacked).equals(readFileSync(executable))).toBe(true);
  });
});
