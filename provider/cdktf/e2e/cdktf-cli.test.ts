/**
 * The cdktf CLI on examples/cdktf, as a user runs it, from a clean copy: `cdktf synth`,
 * `cdktf deploy --auto-approve` on the first try (no lock file yet), `cdktf diff` with no
 * changes, then `cdktf destroy`. cdktf-cli comes from the npm registry, cached between runs.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cdktfCli, cleanCopy, run, startCallplane, type Callplane, type Command } from "./harness.js";

const TOKEN = "cpt_cdktf_cli_e2e_token_0123456789ab";

// One lifecycle of one stack: synth, deploy, diff, destroy are steps in this order.
describe("the cdktf CLI on examples/cdktf", { shuffle: false }, () => {
  let root: string;
  let app: string;
  let cdktf: Command;
  let callplane: Callplane;
  const cli = (...args: string[]) => run(cdktf[0], [...cdktf.slice(1), ...args], app, callplane.env);
  const environmentNames = async () =>
    (await callplane.sdk.environments.list({ includeHidden: true }).toArray()).map((e) => e.name).sort();

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "callplane-cdktf-cli-"));
    [cdktf, callplane] = await Promise.all([cdktfCli(), startCallplane(root, TOKEN)]);
    app = cleanCopy("cdktf", join(root, "app"));
  }, 240_000);

  afterAll(async () => {
    await callplane?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it("synthesizes the stack, with its providers locked from the mirror", async () => {
    const synth = await cli("synth");
    expect(synth.code, synth.output).toBe(0);
    const stack = join(app, "cdktf.out", "stacks", "settings");
    expect(JSON.parse(readFileSync(join(stack, "cdk.tf.json"), "utf8")).terraform.required_providers.callplane.source).toBe("callplane/callplane");
    expect(readFileSync(join(stack, ".terraform.lock.hcl"), "utf8")).toContain('provider "registry.terraform.io/callplane/callplane"');
  }, 120_000);

  it("deploys on the first run", async () => {
    const deploy = await cli("deploy", "--auto-approve");
    expect(deploy.code, deploy.output).toBe(0);
    expect(deploy.output).not.toContain("Could not retrieve providers for locking");
    expect(await environmentNames()).toEqual(["default", "production", "sandbox", "staging"]);
    expect((await callplane.sdk.tenant.get()).name).toBe("Acme Voice");
  }, 180_000);

  it("shows no changes in cdktf diff", async () => {
    const diff = await cli("diff");
    expect(diff.code, diff.output).toBe(0);
    expect(diff.output).toContain("No changes.");
  }, 120_000);

  it("destroys, once deletion protection is turned off with a variable", async () => {
    const unprotect = await cli("deploy", "--auto-approve", "--var", "deletion_protection=false");
    expect(unprotect.code, unprotect.output).toBe(0);
    const destroy = await cli("destroy", "--auto-approve");
    expect(destroy.code, destroy.output).toBe(0);
    expect(await environmentNames()).toEqual(["default"]);
  }, 240_000);
});
