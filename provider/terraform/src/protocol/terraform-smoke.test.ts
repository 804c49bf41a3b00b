// Real Terraform against the fake provider, installed from a filesystem
// mirror: proves the handshake, AutoMTLS and the RPC shapes are what
// Terraform expects, and that every plugin process ends on Shutdown.
import { execFile, spawn } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeProviderPath, tsxLoaderPath } from "./testing/plugin-harness.js";
import { requireTool } from "./testing/required-tool.js";

const run = promisify(execFile);

/** Running, not gone and not a zombie waiting to be reaped. */
function running(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(" ")[2] !== "Z";
  } catch {
    return false;
  }
}

/** The pids whose parent is `pid` (Linux). */
function childrenOf(pid: number): number[] {
  return readdirSync("/proc").filter((name) => /^\d+$/.test(name)).map(Number).filter((candidate) => {
    try {
      // The command may hold spaces and parentheses: the fields after its closing ")" are fixed.
      const stat = readFileSync(`/proc/${candidate}/stat`, "utf8");
      return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
    } catch {
      return false;
    }
  });
}
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

  it.runIf(process.platform === "linux")("a plugin whose Terraform is killed with SIGKILL mid-apply exits within 2 s", { timeout: 120_000 }, async () => {
    const hangDir = join(root, "hang");
    mkdirSync(hangDir);
    writeFileSync(join(hangDir, "main.tf"), configuration.replace('name = "hello"', 'name = "hang-on-apply"'));
    await run("terraform", ["init", "-input=false", "-no-color"], { cwd: hangDir, env });
    const terraformProcess = spawn("terraform", ["apply", "-auto-approve", "-input=false", "-no-color"], { cwd: hangDir, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    terraformProcess.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 60_000;
    while (!output.includes("Creating...") && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(output).toContain("Creating...");
    const plugins = childrenOf(terraformProcess.pid!);
    expect(plugins.length).toBeGreaterThan(0);

    terraformProcess.kill("SIGKILL");
    const killedAt = Date.now();
    try {
      while (plugins.some(running) && Date.now() - killedAt < 5000) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(plugins.filter(running)).toEqual([]);
      expect(Date.now() - killedAt).toBeLessThan(2000);
    } finally {
      for (const pid of plugins.filter(running)) process.kill(pid, "SIGKILL");
    }
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
