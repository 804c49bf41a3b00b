/**
 * End to end: synthesize the example app (`examples/cdktf/main.ts`, the snippet as users
 * write it), apply it with the real `terraform` binary through
 * the provider's filesystem mirror against a real (in-process) Callplane server, drift an
 * allocation through the SDK, and check that plan sees it and apply restores it.
 */
import { createCallplaneClient, type CallplaneClient } from "@callplane/sdk";
import { startServer, type RunningServer } from "@callplane/server";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installMirror } from "../../terraform/scripts/install-mirror.js";

const TOKEN = "cpt_cdktf_e2e_token_0123456789abcdef";

interface Result {
  code: number;
  output: string;
}

const EXAMPLES = fileURLToPath(new URL("../../../examples/", import.meta.url));
/** The built `callplane` command (provider/cli), run as CI runs it. */
const CLI = fileURLToPath(new URL("../../cli/bin/callplane.js", import.meta.url));

/** Asynchronous on purpose: the server runs in this process and must keep answering. */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, output }));
  });
}

// One stack's lifecycle, each step building on the last (synth, apply, policy on its plan, drift): never shuffled.
describe("the CDKTF example app, synthesized and applied with Terraform", { shuffle: false }, () => {
  let root: string;
  let stackDir: string;
  let server: RunningServer;
  let sdk: CallplaneClient;
  let env: NodeJS.ProcessEnv;
  const terraform = (...args: string[]) => run("terraform", [...args, "-no-color"], stackDir, env);

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "callplane-cdktf-"));
    // Run in the temporary directory: cdktf's default local backend keeps the state there.
    const synth = await run(join(EXAMPLES, "node_modules/.bin/tsx"), [join(EXAMPLES, "cdktf/main.ts")], root, {
      ...process.env,
      CDKTF_OUTDIR: join(root, "cdktf.out"),
    });
    expect(synth.code, synth.output).toBe(0);
    stackDir = join(root, "cdktf.out", "stacks", "settings");
    const installed = await installMirror(join(root, "provider"));
    server = await startServer({ db: ":memory:", port: 0, bootstrapToken: TOKEN });
    sdk = createCallplaneClient({ endpoint: server.url, token: TOKEN, source: "console" });
    // Without pnpm's NODE_PATH: the installed provider must need nothing but node.
    const { NODE_PATH: _nodePath, ...inherited } = process.env;
    env = {
      ...inherited,
      TF_CLI_CONFIG_FILE: installed.cliConfigFile,
      CHECKPOINT_DISABLE: "1",
      TF_IN_AUTOMATION: "1",
      CALLPLANE_ENDPOINT: server.url,
      CALLPLANE_TOKEN: TOKEN,
    };
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it("synthesizes the stack to cdk.tf.json", () => {
    expect(existsSync(join(stackDir, "cdk.tf.json"))).toBe(true);
  });

  it("inits and applies", async () => {
    const init = await terraform("init", "-input=false");
    expect(init.code, init.output).toBe(0);
    const apply = await terraform("apply", "-auto-approve", "-input=false");
    expect(apply.code, apply.output).toBe(0);

    const envs = await sdk.environments.list({ includeHidden: true }).toArray();
    const calls = Object.fromEntries(envs.map((e) => [e.name, e.maxConcurrentCalls]));
    expect(calls).toMatchObject({ production: 20, staging: 10, sandbox: 10 });
    expect(envs.find((e) => e.name === "sandbox")?.hidden).toBe(true);
    const tenant = await sdk.tenant.get();
    expect(tenant).toMatchObject({ name: "Acme Voice", billingEmail: "billing@acme.test", website: "https://acme.test", timezone: "Europe/Berlin" });

    const plan = await terraform("plan", "-detailed-exitcode", "-input=false");
    expect(plan.code, plan.output).toBe(0);
  }, 120_000);

  it("callplane policy on the stack's plan points each finding at its construct path in cdk.tf.json", async () => {
    writeFileSync(join(stackDir, "policy.yaml"), "version: 1\nrules:\n  allowed_email_domains: [example.org]\n  max_environment_share: 0.4\n");
    expect((await terraform("plan", "-input=false", "-out=plan.out")).code).toBe(0);
    const shown = await run("terraform", ["show", "-json", "plan.out"], stackDir, env);
    writeFileSync(join(stackDir, "plan.json"), shown.output);
    const result = await run(process.execPath, [CLI, "policy", "plan.json", "--policy", "policy.yaml", "--format", "sarif"], stackDir, env);
    expect(result.code, result.output).toBe(3);
    const results = JSON.parse(result.output).runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }; logicalLocations: { fullyQualifiedName: string }[] }[] }[];
    const lines = readFileSync(join(stackDir, "cdk.tf.json"), "utf8").split("\n");
    const team = results.find((r) => r.ruleId === "allowed_email_domains")!.locations[0]!;
    expect(team.logicalLocations[0]!.fullyQualifiedName).toBe("settings/team/assignments");
    expect(team.physicalLocation.artifactLocation.uri).toBe("cdk.tf.json");
    expect(lines[team.physicalLocation.region.startLine - 1]).toMatch(/^\s+"team_assignments_[0-9A-F]+": \{$/);
    const split = results.find((r) => r.ruleId === "max_environment_share")!.locations[0]!;
    expect(split.logicalLocations[0]!.fullyQualifiedName).toBe("settings/split/split");
  }, 60_000);

  it("sees an allocation changed through the SDK and restores it", async () => {
    const production = (await sdk.environments.list({ includeHidden: true }).toArray()).find((e) => e.name === "production")!;
    await sdk.concurrency.set({ allocations: [{ environmentId: production.id, maxConcurrentCalls: 15 }] });

    const drifted = await terraform("plan", "-detailed-exitcode", "-input=false");
    expect(drifted.code, drifted.output).toBe(2);
    expect(drifted.output).toContain("callplane_concurrency_split");

    const apply = await terraform("apply", "-auto-approve", "-input=false");
    expect(apply.code, apply.output).toBe(0);
    expect((await sdk.environments.get(production.id)).maxConcurrentCalls).toBe(20);

    const clean = await terraform("plan", "-detailed-exitcode", "-input=false");
    expect(clean.code, clean.output).toBe(0);
  }, 120_000);
});
