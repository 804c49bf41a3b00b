// Real Terraform against the fake provider, installed from a filesystem
// mirror: proves the handshake, AutoMTLS and the RPC shapes are what
// Terraform expects, and that every plugin process ends on Shutdown.
import { execFile } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeProviderPath, tsxLoaderPath } from "./testing/plugin-harness.js";
import { requireTool } from "./testing/required-tool.js";

const run = promisify(execFile);
const providerAddress = "registry.terraform.io/callplane/callplane";
const version = "0.0.1";
const platform = `${process.platform}_${process.arch === "x64" ? "amd64" : process.arch}`;

const configuration = `
terraform {
  required_providers {
    callplane = { source = "callplane/callplane", version = "${version}" }
  }
}

provider "callplane" {
  endpoint = "http://localhost:1"
}

resource "callplane_smoke" "example" {
  name = "hello"
}

output "id" {
  value = callplane_smoke.example.id
}
`;

requireTool("terraform", ["version"], "Install Terraform 1.5 or newer and put it on PATH (https://developer.hashicorp.com/terraform/install).");

describe("terraform with the fake provider", () => {
  let root: string;
  let workDir: string;
  let pluginTmp: string;
  let env: NodeJS.ProcessEnv;

  const terraform = (...args: string[]) => run("terraform", [...args, "-no-color"], { cwd: workDir, env });

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "callplane-smoke-"));
    const mirror = join(root, "mirror");
    const packageDir = join(mirror, providerAddress, version, platform);
    mkdirSync(packageDir, { recursive: true });
    const executable = join(packageDir, `terraform-provider-callplane_v${version}`);
    writeFileSync(
      executable,
      `#!/bin/sh\nexec "${process.execPath}" --import "${tsxLoaderPath}" "${fakeProviderPath}" "$@"\n`,
    );
    chmodSync(executable, 0o755);

    const cliConfig = join(root, "terraformrc");
    writeFileSync(
      cliConfig,
      `provider_installation {
  filesystem_mirror {
    path    = "${mirror}"
    include = ["${providerAddress}"]
  }
  direct {
    exclude = ["${providerAddress}"]
  }
}
`,
    );

    workDir = join(root, "work");
    mkdirSync(workDir);
    writeFileSync(join(workDir, "main.tf"), configuration);
    // Our own TMPDIR for the plugins, to see that they leave no socket directory behind.
    pluginTmp = join(root, "tmp");
    mkdirSync(pluginTmp);

    env = { ...process.env };
    for (const key of Object.keys(env)) if (key.startsWith("TF_")) delete env[key];
    Object.assign(env, {
      TF_CLI_CONFIG_FILE: cliConfig,
      CHECKPOINT_DISABLE: "1",
      TF_IN_AUTOMATION: "1",
      TF_INPUT: "0",
      TF_LOG: "debug",
      TF_LOG_PATH: join(root, "terraform.log"),
      TMPDIR: pluginTmp,
    });
  });

  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it("installs, validates, plans, applies, sees no drift and destroys", { timeout: 120_000 }, async () => {
    await terraform("init", "-input=false");
    expect((await terraform("validate")).stdout).toContain("The configuration is valid");

    const plan = await terraform("plan", "-input=false", "-out=tfplan");
    expect(plan.stdout).toContain("callplane_smoke.example will be created");
    expect(plan.stdout).toContain("(known after apply)");

    await terraform("apply", "-input=false", "tfplan");
    expect((await terraform("output", "-raw", "id")).stdout).toBe("smoke-hello");

    // Exit code 0 with -detailed-exitcode: state matches configuration.
    const noDrift = await terraform("plan", "-input=false", "-detailed-exitcode");
    expect(noDrift.stdout).toContain("No changes.");

    const destroy = await terraform("destroy", "-auto-approve", "-input=false");
    expect(destroy.stdout).toContain("1 destroyed");

    const log = readFileSync(join(root, "terraform.log"), "utf8");
    expect(log).toContain("plugin process exited");
    expect(log).not.toContain("failed to exit gracefully");
    expect(readdirSync(pluginTmp).filter((name) => name.startsWith("callplane-plugin-"))).toEqual([]);
  });
});
