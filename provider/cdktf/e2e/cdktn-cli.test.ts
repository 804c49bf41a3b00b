/**
 * CDK Terrain: a cdktn copy of examples/cdktf (the app's imports of `cdktf` and
 * `@callplane/cdktf` swapped to `cdktn` and `@callplane/cdktn`, as a user moving over does), synthesized with the real `cdktn-cli` and
 * applied with `terraform`. cdktn-cli comes from the npm registry, cached between runs.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cdktnCli, cleanCopy, run, startCallplane, type Callplane, type Command } from "./harness.js";

const TOKEN = "cpt_cdktn_cli_e2e_token_0123456789ab";

/** The move from CDKTF to CDK Terrain, in a source file of an app: its framework imports. */
export function toCdktn(source: string): string {
  const moved = source.replace('from "cdktf";', 'from "cdktn";').replace('from "@callplane/cdktf";', 'from "@callplane/cdktn";');
  if (moved.includes('"cdktf"') || moved.includes('"@callplane/cdktf"')) throw new Error("an import of cdktf is left");
  return moved;
}

// One lifecycle of one stack: synth, then init and apply, in this order.
describe("cdktn-cli on a CDK Terrain copy of examples/cdktf", { shuffle: false }, () => {
  let root: string;
  let app: string;
  let cdktn: Command;
  let callplane: Callplane;
  const stackDir = () => join(app, "cdktf.out", "stacks", "settings");
  const terraform = (...args: string[]) => run("terraform", [...args, "-no-color"], stackDir(), callplane.env);

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "callplane-cdktn-cli-"));
    [cdktn, callplane] = await Promise.all([cdktnCli(), startCallplane(root, TOKEN)]);
    app = cleanCopy("cdktf", join(root, "app"));
    for (const file of ["main.ts", "settings.ts"]) writeFileSync(join(app, file), toCdktn(readFileSync(join(app, file), "utf8")));
  }, 240_000);

  afterAll(async () => {
    await callplane?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it("synthesizes the stack with cdktn-cli", async () => {
    const synth = await run(cdktn[0], [...cdktn.slice(1), "synth"], app, callplane.env);
    expect(synth.code, synth.output).toBe(0);
    const stack = JSON.parse(readFileSync(join(stackDir(), "cdk.tf.json"), "utf8"));
    expect(stack.terraform.required_providers.callplane).toEqual({ source: "callplane/callplane", version: "0.1.0" });
    expect(Object.keys(stack.resource.callplane_environment)).toHaveLength(3);
  }, 120_000);

  it("applies the synthesized stack with terraform, and plans no changes after", async () => {
    const init = await terraform("init", "-input=false");
    expect(init.code, init.output).toBe(0);
    const apply = await terraform("apply", "-auto-approve", "-input=false");
    expect(apply.code, apply.output).toBe(0);
    const envs = await callplane.sdk.environments.list({ includeHidden: true }).toArray();
    expect(Object.fromEntries(envs.map((e) => [e.name, e.maxConcurrentCalls]))).toMatchObject({ production: 20, staging: 10, sandbox: 10 });
    expect((await callplane.sdk.tenant.get()).timezone).toBe("Europe/Berlin");
    const plan = await terraform("plan", "-detailed-exitcode", "-input=false");
    expect(plan.code, plan.output).toBe(0);
  }, 180_000);
});
