/** The command line: arguments, input, exit codes and messages (drift runs are in e2e/). */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./cli.js";

async function cli(args: string[], stdin = "") {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, cwd: "/", readStdin: () => stdin });
  return { code, stdout, stderr };
}

const update = JSON.stringify({
  format_version: "1.2",
  resource_changes: [{ address: "callplane_environment.a", mode: "managed", type: "callplane_environment", name: "a", change: { actions: ["update"], before: { name: "a", hidden: false }, after: { name: "a", hidden: true } } }],
});

describe("callplane", () => {
  it("prints help with --help and exits 0; without a command it exits 1", async () => {
    expect(await cli(["--help"])).toMatchObject({ code: 0, stdout: expect.stringContaining("plan-summary <plan.json>") });
    expect(await cli([])).toMatchObject({ code: 1, stderr: expect.stringContaining("Usage: callplane") });
  });

  it("reads the plan from standard input with -", async () => {
    const result = await cli(["plan-summary", "-"], update);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\| hidden \| `false` \| `true` \|/);
  });

  it("writes JSON with --format json", async () => {
    const result = await cli(["plan-summary", "--format", "json", "-"], update);
    expect(JSON.parse(result.stdout)).toMatchObject({ counts: { update: 1 }, environments: [{ address: "callplane_environment.a", diffs: [{ path: "hidden" }] }] });
  });

  it.each([
    [["plan-summary"], "plan-summary takes one file"],
    [["plan-summary", "--format", "html", "x"], '--format: "html" is not markdown or json'],
    [["plan-summary", "--colour", "x"], "Unknown option '--colour'"],
    [["destroy-everything"], 'unknown command "destroy-everything"'],
    [["plan-summary", "--max-chars", "ten", "x"], '--max-chars: "ten" must be a whole number of at least 1000'],
    [["plan-summary", "/no/such/plan.json"], "no such file or directory"],
    [["plan-summary", "--format", "sarif", "x"], '--format: "sarif" is not markdown or json'],
    [["policy", "--format", "html", "x"], '--format: "html" is not markdown, json or sarif'],
    [["policy"], "policy takes one file"],
    [["policy", "-", "--policy", "/no/such/policy.yaml"], "cannot read the policy file /no/such/policy.yaml: no such file"],
  ])("%j exits 1 with a clear message", async (args, message) => {
    const result = await cli(args);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe("");
  });

  it("policy reads the plan from standard input: exit 0 when the rules hold, 3 when one is broken", async () => {
    const dir = mkdtempSync(join(tmpdir(), "callplane-cli-policy-"));
    const policy = (rule: string) => {
      const file = join(dir, "p.yaml");
      writeFileSync(file, `version: 1\nrules:\n  ${rule}\n`);
      return file;
    };
    const team = JSON.stringify({
      format_version: "1.2",
      resource_changes: [{ address: "callplane_role_assignments.team", mode: "managed", type: "callplane_role_assignments", name: "team", change: { actions: ["create"], before: null, after: { assignments: { "a@acme.test": "admin", "b@acme.test": "admin" } } } }],
    });
    expect(await cli(["policy", "-", "--policy", policy("max_admins: 2")], team)).toMatchObject({ code: 0, stdout: expect.stringContaining("## Callplane policy: ✅ passed") });
    const broken = await cli(["policy", "-", "--policy", policy("max_admins: 1"), "--format", "json"], team);
    expect(broken.code).toBe(3);
    expect(JSON.parse(broken.stdout).violations).toMatchObject([{ rule: "max_admins", resource: "callplane_role_assignments.team" }]);
  });

  it("plan-summary --policy keeps summary and policy section together within --max-chars", async () => {
    const dir = mkdtempSync(join(tmpdir(), "callplane-cli-policy-"));
    const file = join(dir, "p.yaml");
    writeFileSync(file, "version: 1\nrules:\n  protected_environments: [env-0]\n");
    const changes = Array.from({ length: 60 }, (_, i) => ({ address: `callplane_environment.e${i}`, mode: "managed", type: "callplane_environment", name: `e${i}`, change: { actions: ["update"], before: { name: `env-${i}`, hidden: false }, after: { name: `env-${i}`, hidden: true } } }));
    const big = JSON.stringify({ format_version: "1.2", resource_changes: changes });
    const result = await cli(["plan-summary", "-", "--policy", file, "--max-chars", "2000"], big);
    expect(result.code).toBe(0);
    expect(result.stdout.length).toBeLessThanOrEqual(2000);
    expect(result.stdout).toContain("### Callplane policy: ✅ passed");
  });

  it("drift exits 2 on drift read from a saved plan, 0 without", async () => {
    const drifted = JSON.stringify({ format_version: "1.2", resource_drift: JSON.parse(update).resource_changes, configuration: { root_module: { resources: [{ address: "callplane_environment.a", mode: "managed", type: "callplane_environment", name: "a", expressions: { hidden: {} } }] } } });
    const stdinDrift = await cli(["drift", "--plan-json", "-"], drifted);
    expect(stdinDrift.code).toBe(2);
    expect(stdinDrift.stdout).toMatch(/\| hidden \| `false` \| `true` \| — \|/);
    expect((await cli(["drift", "--plan-json", "-"], JSON.stringify({ format_version: "1.2" }))).code).toBe(0);
  });
});
