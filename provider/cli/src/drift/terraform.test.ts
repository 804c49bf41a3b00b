/**
 * Running Terraform for a drift check, and reading what it printed. What Terraform prints for a
 * real provider and server is recorded in `fixtures/` by `scripts/record-fixtures.ts`; the runs
 * here use the real `terraform` on configurations that need no provider (a fraction of a second).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failureOf, isJsonLog, planFromJsonLog, refreshOnlyArgs, refreshOnlyPlan, showJsonArgs, TerraformError, type TerraformRun } from "./terraform.js";

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", name), "utf8");
const recordedRun = (name: string) => JSON.parse(fixture(name)) as TerraformRun;

describe("refreshOnlyPlan with the real terraform", () => {
  const saved = { TMPDIR: process.env.TMPDIR, TF_CLI_CONFIG_FILE: process.env.TF_CLI_CONFIG_FILE };
  let root: string;
  let temp: string;
  const workspace = (name: string, hcl?: string) => {
    const dir = join(root, name);
    mkdirSync(dir);
    if (hcl !== undefined) writeFileSync(join(dir, "main.tf"), hcl);
    return dir;
  };
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "callplane-drift-test-"));
    // The plan file goes to the temporary folder: one of our own, to see it cleaned up.
    temp = join(root, "tmp");
    mkdirSync(temp);
    process.env.TMPDIR = temp;
    // An empty CLI configuration: no warning about a missing one in Terraform's output.
    writeFileSync(join(root, "terraformrc"), "");
    process.env.TF_CLI_CONFIG_FILE = join(root, "terraformrc");
    process.env.CHECKPOINT_DISABLE = "1";
  });
  afterAll(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    rmSync(root, { recursive: true, force: true });
  });

  it("returns Terraform's JSON of the refresh-only plan, and leaves no plan file behind", async () => {
    const plan = await refreshOnlyPlan(workspace("ok", 'output "calls" {\n  value = 40\n}\n'));
    expect(plan.format_version).toMatch(/^1\./);
    expect(plan.terraform_version).toMatch(/^\d+\.\d+\.\d+/);
    // Nothing to refresh: no drift, and a report of none.
    expect(plan.resource_drift).toBeUndefined();
    expect(readdirSync(temp)).toEqual([]);
  });

  it("fails with Terraform's own error, uncoloured, naming the directory, and cleans up", async () => {
    const dir = workspace("empty");
    const error = await refreshOnlyPlan(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TerraformError);
    expect((error as Error).name).toBe("TerraformError");
    expect((error as Error).message).toMatch(new RegExp(`^terraform plan -refresh-only failed in ${dir}:\\nError: No configuration files\\n`));
    expect(readdirSync(temp)).toEqual([]);
  });

  it("never waits for input: a variable without a value is an error, in plain text", async () => {
    const dir = workspace("variable", 'variable "limit" {}\noutput "limit" {\n  value = var.limit\n}\n');
    const error = (await refreshOnlyPlan(dir).catch((e: unknown) => e)) as Error;
    expect(error.message).toContain("Error: No value for required variable");
    expect(error.message).not.toContain("Enter a value");
    expect(error.message).not.toContain("\u001b[");
  });

  it("says which program it could not start", async () => {
    const missing = join(root, "no-such-terraform");
    await expect(refreshOnlyPlan(workspace("missing", ""), missing)).rejects.toThrow(new TerraformError(`could not run ${missing}: spawn ${missing} ENOENT`));
    expect(readdirSync(temp)).toEqual([]);
  });
});

describe("Terraform's failures as errors (recorded from real runs)", () => {
  it("takes Terraform's error output over its progress lines", () => {
    // A refresh-only plan the API refused: progress on stdout, the errors on stderr.
    const refused = recordedRun("refused-plan.json");
    const error = failureOf("terraform plan -refresh-only failed in /work", refused)!;
    expect(error).toBeInstanceOf(TerraformError);
    expect(error.message).toMatch(/^terraform plan -refresh-only failed in \/work:\nError: Could not read the tenant settings: Authentication required\n/);
    expect(error.message).not.toContain("Refreshing state");
    expect(error.message.endsWith(refused.stderr.trim())).toBe(true);
  });

  it("takes standard output when Terraform wrote nothing to standard error", () => {
    // With -json, Terraform writes even its errors to standard output.
    const error = failureOf("terraform plan failed", { code: 1, stdout: fixture("refused.jsonl"), stderr: "" })!;
    expect(error.message).toMatch(/^terraform plan failed:\n\{"@level":"info"/);
    expect(error.message).toContain('"severity":"error"');
    expect(error.message.endsWith("\n")).toBe(false);
  });

  it("is nothing for a step that exited 0, and an error for any other exit code", () => {
    const missing = recordedRun("show-missing-file.json");
    expect(failureOf("terraform show -json failed", { ...missing, code: 0 })).toBeUndefined();
    expect(failureOf("terraform show -json failed", missing)?.message).toMatch(/^terraform show -json failed:\nError: Failed to read the given file as a state or plan file\n/);
    expect(failureOf("terraform show -json failed", { ...missing, code: 2 })).toBeInstanceOf(TerraformError);
  });

  it("runs the plan and show the recordings were made with", () => {
    expect(refreshOnlyArgs("/tmp/x/drift.tfplan")).toEqual(["plan", "-refresh-only", "-input=false", "-lock=false", "-no-color", "-out=/tmp/x/drift.tfplan"]);
    expect(showJsonArgs("/tmp/x/drift.tfplan")).toEqual(["show", "-json", "-no-color", "/tmp/x/drift.tfplan"]);
  });
});

describe("a saved -json log (recorded from real runs)", () => {
  it("is told apart from a plan's JSON by its first line", () => {
    expect(isJsonLog(fixture("refresh-only.jsonl"))).toBe(true);
    expect(isJsonLog(`\n  ${fixture("refused.jsonl")}`)).toBe(true);
    expect(isJsonLog(fixture("refresh-only-plan.json"))).toBe(false);
    expect(isJsonLog(JSON.stringify(JSON.parse(fixture("refresh-only-plan.json")), null, 2))).toBe(false);
    expect(isJsonLog("")).toBe(false);
    // Both marks of a log line are needed: a level and a message type, as strings.
    const [first] = fixture("refresh-only.jsonl").split("\n");
    const line = JSON.parse(first!) as Record<string, unknown>;
    expect(isJsonLog(JSON.stringify({ ...line, type: undefined }))).toBe(false);
    expect(isJsonLog(JSON.stringify({ ...line, "@level": undefined }))).toBe(false);
    expect(isJsonLog(JSON.stringify({ ...line, "@level": 1 }))).toBe(false);
    expect(isJsonLog(JSON.stringify({ ...line, type: 1 }))).toBe(false);
  });

  it("becomes a plan of the drifted resources, updated or deleted, without values", () => {
    const plan = planFromJsonLog(fixture("refresh-only.jsonl"));
    expect(plan.format_version).toBe("1.2");
    expect(plan.resource_changes).toBeUndefined();
    // In the order Terraform refreshed them, which varies from run to run.
    const byAddress = new Map(plan.resource_drift!.map((rc) => [rc.address, rc]));
    expect([...byAddress.keys()].sort()).toEqual([
      "callplane_concurrency_split.this",
      "callplane_environment.production",
      "callplane_environment.sandbox",
      "callplane_environment.scratch",
      "callplane_environment.staging",
      "callplane_role_assignments.team",
      "callplane_tenant_settings.this",
    ]);
    expect(byAddress.get("callplane_environment.scratch")).toEqual({ address: "callplane_environment.scratch", mode: "managed", type: "callplane_environment", name: "scratch", change: { actions: ["delete"], before: null, after: null } });
    expect(byAddress.get("callplane_tenant_settings.this")).toEqual({ address: "callplane_tenant_settings.this", mode: "managed", type: "callplane_tenant_settings", name: "this", change: { actions: ["update"], before: null, after: null } });
  });

  it("reads a log saved with Windows line ends (and an empty last line) the same", () => {
    const log = fixture("refresh-only.jsonl");
    expect(planFromJsonLog(`${log.replace(/\n/g, "\r\n")}\r\n`)).toEqual(planFromJsonLog(log));
  });

  it("of a normal plan's log, takes the drift and leaves the planned changes out", () => {
    const log = fixture("plan-with-drift.jsonl");
    const messages = log.split("\n").filter(Boolean).map((l) => JSON.parse(l) as { type: string; change?: { resource: { addr: string } } });
    expect(messages.filter((m) => m.type === "planned_change").length).toBeGreaterThan(0);
    const drifted = messages.filter((m) => m.type === "resource_drift").map((m) => m.change!.resource.addr);
    expect(planFromJsonLog(log).resource_drift!.map((rc) => rc.address)).toEqual(drifted);
  });

  it("leaves out drift lines without an address, and names a missing type or name as empty", () => {
    const lines = fixture("refresh-only.jsonl").split("\n").filter((l) => l.includes('"resource_drift"'));
    const message = JSON.parse(lines[0]!);
    const without = (field: string) => JSON.stringify({ ...message, change: { ...message.change, resource: { ...message.change.resource, [field]: undefined } } });
    expect(planFromJsonLog([without("addr"), JSON.stringify({ ...message, change: undefined })].join("\n")).resource_drift).toEqual([]);
    const { addr, resource_type: type, resource_name: name } = message.change.resource;
    expect(planFromJsonLog([without("resource_type"), without("resource_name")].join("\n")).resource_drift).toMatchObject([
      { address: addr, type: "", name },
      { address: addr, type, name: "" },
    ]);
  });

  it("fails with Terraform's first error when the saved plan failed", () => {
    const log = fixture("refused.jsonl");
    const first = log.split("\n").map((l) => (l ? JSON.parse(l) : {})).find((m) => m.type === "diagnostic" && m.diagnostic.severity === "error");
    expect(() => planFromJsonLog(log)).toThrow(new TerraformError(`the saved plan failed: ${first.diagnostic.summary}`));
    // Warnings are not failures.
    const warning = JSON.stringify({ ...first, diagnostic: { ...first.diagnostic, severity: "warning" } });
    expect(planFromJsonLog(`${warning}\n${fixture("refresh-only.jsonl")}`).resource_drift).toHaveLength(7);
  });

  it("names the line that is not JSON, counting from 1", () => {
    const log = fixture("refresh-only.jsonl").split("\n");
    // Terraform's human-readable output pasted into the log.
    const text = [...log.slice(0, 2), recordedRun("refused-plan.json").stdout.split("\n")[0], ...log.slice(2)].join("\n");
    expect(() => planFromJsonLog(text)).toThrow(new TerraformError("line 3 of the saved log is not JSON"));
  });
});
