/**
 * Composition with another provider (examples/cdktf/composition.ts): the environments and their
 * split from Callplane, then a smoke check on Terraform's built-in `terraform_data`, ordered by
 * `dependsOn` across providers. The `terraform_data` stack is applied against a real server;
 * the `null_resource` variant (@cdktf/provider-null) is synthesized only, because this machine
 * has no registry or mirror to install hashicorp/null from.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLES, run, startCallplane, type Callplane } from "./harness.js";

const TOKEN = "cpt_cdktf_composition_token_0123456789";

type Stack = {
  terraform: { required_providers: Record<string, { source: string }> };
  resource: Record<string, Record<string, { depends_on?: string[]; provisioner?: unknown[] }>>;
};

describe("Callplane constructs composed with terraform_data and null_resource", () => {
  let root: string;
  let callplane: Callplane;
  const stack = (name: string) => JSON.parse(readFileSync(join(root, "cdktf.out", "stacks", name, "cdk.tf.json"), "utf8")) as Stack;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "callplane-composition-"));
    callplane = await startCallplane(root, TOKEN);
    const synth = await run(join(EXAMPLES, "node_modules/.bin/tsx"), [join(EXAMPLES, "cdktf/composition.ts")], root, {
      ...callplane.env,
      CDKTF_OUTDIR: join(root, "cdktf.out"),
    });
    expect(synth.code, synth.output).toBe(0);
  }, 120_000);

  afterAll(async () => {
    await callplane?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it("applies: the smoke check runs after the split has set the allocations, and passes", async () => {
    const dir = join(root, "cdktf.out", "stacks", "settings-smoke-checked");
    const terraform = (...args: string[]) => run("terraform", [...args, "-no-color"], dir, callplane.env);
    const init = await terraform("init", "-input=false");
    expect(init.code, init.output).toBe(0);
    const apply = await terraform("apply", "-auto-approve", "-input=false");
    expect(apply.code, apply.output).toBe(0);

    const log = apply.output;
    const splitDone = log.search(/callplane_concurrency_split\.\S+: Creation complete/);
    const checkStarts = log.indexOf("terraform_data.smoke_check: Creating...");
    expect(splitDone, log).toBeGreaterThan(-1);
    expect(checkStarts, log).toBeGreaterThan(splitDone);
    for (const match of log.matchAll(/callplane_environment\.\S+: Creation complete/g)) expect(match.index).toBeLessThan(checkStarts);
    expect(log).toContain("smoke check passed: production=20, staging=10, sandbox=10");
  }, 180_000);

  it("synthesizes the null_resource variant with the null provider and the same cross-provider dependency", () => {
    const out = stack("settings-smoke-checked-null");
    expect(out.terraform.required_providers.null?.source).toMatch(/^(hashicorp\/)?null$/); // Terraform reads "null" as hashicorp/null
    expect(out.terraform.required_providers.callplane?.source).toBe("callplane/callplane");
    const check = out.resource.null_resource?.smoke_check;
    expect(check?.depends_on).toEqual([expect.stringMatching(/^callplane_concurrency_split\./)]);
    expect(check?.provisioner).toHaveLength(1);
  });

  it("declares the terraform_data check without any provider to install for it", () => {
    const out = stack("settings-smoke-checked");
    expect(Object.keys(out.terraform.required_providers)).toEqual(["callplane"]);
    expect(out.resource.terraform_data?.smoke_check?.depends_on).toEqual([expect.stringMatching(/^callplane_concurrency_split\./)]);
  });
});
