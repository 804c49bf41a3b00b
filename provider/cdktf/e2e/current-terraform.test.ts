/**
 * End to end, the constructs for current Terraform: the example's platform stack
 * (`examples/cdktf/platform.ts`: a `Tenant` made through an aliased provider holding the
 * platform token, an `ApiToken`, and a `Team` member created as a user with a write-only initial
 * password from a `SecretVariable`) synthesized, applied with the real `terraform` and the
 * provider's single executable from its filesystem mirror, against a real (in-process) Callplane
 * server. The password and the platform token reach the server and nothing else: not
 * cdk.tf.json, the saved plan, the state, or any output.
 */
import { createCallplaneClient, type CallplaneClient } from "@callplane/sdk";
import { startServer, verifyPassword, type RunningServer } from "@callplane/server";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installExecutableMirror } from "../../terraform/scripts/executable-mirror.js";
import { EXAMPLES, run, type Result } from "./harness.js";

const TOKEN = "cpt_cdktf_current_e2e_token_0123456789";
const PLATFORM_TOKEN = "cpp_cdktf_current_e2e_platform_0123456789";
const PASSWORD = "kims-first-password-never-stored-5521";

// One stack's lifecycle, each step building on the last (synth, plan, apply, plan again, destroy): never shuffled.
describe("ApiToken, Tenant and a write-only team password, applied with Terraform", { shuffle: false }, () => {
  let root: string;
  let stackDir: string;
  let statePath: string;
  let server: RunningServer;
  let sdk: CallplaneClient;
  let env: NodeJS.ProcessEnv;
  const outputs: Record<string, string> = {};
  const terraform = (...args: string[]): Promise<Result> => run("terraform", [...args, "-no-color"], stackDir, env);
  const platformClient = () => createCallplaneClient({ endpoint: server.url, token: PLATFORM_TOKEN, source: "console" });

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "callplane-cdktf-current-"));
    // Run in the temporary directory: cdktf's default local backend keeps the state there.
    const synth = await run(join(EXAMPLES, "node_modules/.bin/tsx"), [join(EXAMPLES, "cdktf/platform.ts")], root, { ...process.env, CDKTF_OUTDIR: join(root, "cdktf.out") });
    expect(synth.code, synth.output).toBe(0);
    stackDir = join(root, "cdktf.out", "stacks", "platform");
    statePath = join(root, "terraform.platform.tfstate");
    const installed = await installExecutableMirror(join(root, "provider"));
    server = await startServer({ db: ":memory:", port: 0, bootstrapToken: TOKEN, platformToken: PLATFORM_TOKEN });
    sdk = createCallplaneClient({ endpoint: server.url, token: TOKEN, source: "console" });
    const { NODE_PATH: _nodePath, ...inherited } = process.env;
    env = {
      ...inherited,
      TF_CLI_CONFIG_FILE: installed.cliConfigFile,
      CHECKPOINT_DISABLE: "1",
      TF_IN_AUTOMATION: "1",
      CALLPLANE_ENDPOINT: server.url,
      CALLPLANE_TOKEN: TOKEN,
      // How the secrets reach Terraform: environment variables, never the synthesized JSON.
      TF_VAR_platform_token: PLATFORM_TOKEN,
      TF_VAR_kim_password: PASSWORD,
      TF_VAR_deletion_protection: "false", // so that the last step can destroy the tenant
    };
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it("synthesizes references to the secret variables, never the secrets", () => {
    const json = readFileSync(join(stackDir, "cdk.tf.json"), "utf8");
    expect(json).not.toContain(PASSWORD);
    expect(json).not.toContain(PLATFORM_TOKEN);
    const out = JSON.parse(json) as { variable: Record<string, unknown>; resource: Record<string, Record<string, Record<string, unknown>>> };
    expect(out.variable.kim_password).toMatchObject({ sensitive: true, ephemeral: true });
    const [kim] = Object.values(out.resource.callplane_user!);
    expect(kim).toMatchObject({ initial_password_wo: "${var.kim_password}", initial_password_wo_version: 1 });
  });

  it("plans to a saved plan that holds neither secret", async () => {
    expect((await terraform("init", "-input=false")).code).toBe(0);
    const planned = await terraform("plan", "-input=false", "-out=plan.out");
    expect(planned.code, planned.output).toBe(0);
    expect(planned.output).toContain("Plan: 4 to add");
    expect(planned.output).toMatch(/initial_password_wo\s+= \(write-only attribute\)/);
    const shown = await run("terraform", ["show", "-json", "plan.out"], stackDir, env);
    // Every file in the plan archive, decompressed.
    const archive = spawnSync("unzip", ["-p", join(stackDir, "plan.out")], { encoding: "latin1", maxBuffer: 64 * 1024 * 1024 });
    expect(archive.status).toBe(0);
    expect(archive.stdout).toContain("callplane_user");
    for (const [where, text] of [["plan output", planned.output], ["terraform show -json plan.out", shown.output], ["plan.out", archive.stdout]] as const) {
      expect(text.includes(PASSWORD), `${where} contains the password`).toBe(false);
      expect(text.includes(PLATFORM_TOKEN), `${where} contains the platform token`).toBe(false);
    }
  }, 120_000);

  it("applies the saved plan: the tenant, a working API token, and Kim, whose stored password is the one given", async () => {
    const applied = await terraform("apply", "-input=false", "plan.out");
    expect(applied.code, applied.output).toBe(0);
    expect(applied.output).toContain("Apply complete! Resources: 4 added");
    const shownOutputs = await run("terraform", ["output", "-json"], stackDir, env);
    for (const [name, { value }] of Object.entries(JSON.parse(shownOutputs.output) as Record<string, { value: string }>)) outputs[name] = value;

    expect(await platformClient().tenants.get(outputs.tenant_id!)).toMatchObject({ name: "Globex Calling", planLimit: 60, timezone: "America/New_York", readOnly: false });

    const state = readFileSync(statePath, "utf8");
    const resources = (JSON.parse(state) as { resources: { type: string; instances: { attributes: Record<string, unknown> }[] }[] }).resources;
    const attributes = (type: string) => resources.find((r) => r.type === type)!.instances[0]!.attributes;
    const token = attributes("callplane_api_token").token as string;
    expect(token).toMatch(/^cpt_/);
    expect(outputs.dashboard_token_masked).not.toBe(token);
    expect((await createCallplaneClient({ endpoint: server.url, token, source: "sdk", maxRetries: 0 }).tenant.get()).id).toMatch(/^ten_/);

    const kim = attributes("callplane_user");
    expect(kim).toMatchObject({ email: "kim@acme.test", role: "operator", initial_password_wo: null, initial_password_wo_version: 1 });
    const tenant = await sdk.tenant.get();
    expect(verifyPassword(PASSWORD, (await server.store.userPasswordHash(tenant.id, kim.id as string))!)).toBe(true);

    const shown = await run("terraform", ["show", "-json"], stackDir, env);
    for (const [where, text] of [["state", state], ["apply output", applied.output], ["terraform show -json", shown.output]] as const) {
      expect(text.includes(PASSWORD), `${where} contains the password`).toBe(false);
      expect(text.includes(PLATFORM_TOKEN), `${where} contains the platform token`).toBe(false);
    }
  }, 120_000);

  it("then plans no changes", async () => {
    const again = await terraform("plan", "-detailed-exitcode", "-input=false");
    expect(again.code, again.output).toBe(0);
  }, 120_000);

  it("destroys it all: the tenant deleted, the token revoked, Kim removed", async () => {
    const destroyed = await terraform("destroy", "-auto-approve", "-input=false");
    expect(destroyed.code, destroyed.output).toBe(0);
    expect(destroyed.output).toContain("Resources: 4 destroyed");
    await expect(platformClient().tenants.get(outputs.tenant_id!)).rejects.toMatchObject({ status: 404 });
    const users = await sdk.users.list().toArray();
    expect(users.map((u) => u.email)).not.toContain("kim@acme.test");
  }, 120_000);
});
