/** The GitHub Actions example in examples/ci: tokens go where the README says, commands exist. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { HELP } from "./cli.js";

const ci = fileURLToPath(new URL("../../../examples/ci/", import.meta.url));
const workflow = parse(readFileSync(join(ci, ".github/workflows/callplane.yml"), "utf8"));
const action = parse(readFileSync(join(ci, ".github/actions/setup-callplane/action.yml"), "utf8"));

interface Job {
  if: string;
  env?: Record<string, string>;
  permissions?: Record<string, string>;
  steps: { run?: string; uses?: string }[];
}
const jobs = workflow.jobs as Record<string, Job>;
const runs = (job: Job) => job.steps.map((s) => s.run ?? "").join("\n");

describe("examples/ci workflow", () => {
  it("plans pull requests with the read-only token and may comment", () => {
    expect(workflow.on.pull_request).toBeDefined();
    expect(jobs.plan!.if).toContain("pull_request");
    expect(jobs.plan!.env!.CALLPLANE_TOKEN).toBe("${{ secrets.CALLPLANE_READ_TOKEN }}");
    expect(jobs.plan!.permissions!["pull-requests"]).toBe("write");
    expect(runs(jobs.plan!)).toMatch(/terraform show -json plan.out > plan.json/);
    expect(runs(jobs.plan!)).toMatch(/callplane plan-summary plan.json/);
  });

  it("checks the policy in the plan job after the comment, fails on violations, and uploads the SARIF even then", () => {
    const plan = jobs.plan!;
    expect(plan.permissions!["security-events"]).toBe("write");
    const steps = plan.steps as { run?: string; uses?: string; if?: string; with?: Record<string, string> }[];
    const comment = steps.findIndex((s) => s.uses?.startsWith("actions/github-script"));
    const check = steps.findIndex((s) => /callplane policy plan.json --policy callplane-policy.yaml --format sarif > policy.sarif/.test(s.run ?? ""));
    const upload = steps.findIndex((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"));
    expect(comment).toBeGreaterThan(0);
    expect(check).toBeGreaterThan(comment);
    expect(upload).toBeGreaterThan(check);
    expect(steps[check]!.run).toMatch(/exit \$code/);
    expect(steps[upload]!.if).toContain("!cancelled()");
    expect(steps[upload]!.with).toMatchObject({ sarif_file: "callplane/policy.sarif" });
    expect(runs(plan)).toMatch(/callplane plan-summary plan.json --policy callplane-policy.yaml/);
  });

  it("checks drift on a schedule with the read-only token, failing on exit code 2", () => {
    expect(workflow.on.schedule[0].cron).toMatch(/^\S+ \S+ \* \* \*$/);
    expect(jobs.drift!.env!.CALLPLANE_TOKEN).toBe("${{ secrets.CALLPLANE_READ_TOKEN }}");
    expect(runs(jobs.drift!)).toMatch(/callplane drift \./);
    expect(runs(jobs.drift!)).toMatch(/exit \$code/);
  });

  it("uses the write token only to apply on pushes to main", () => {
    expect(workflow.on.push.branches).toEqual(["main"]);
    expect(jobs.apply!.if).toContain("push");
    expect(jobs.apply!.env!.CALLPLANE_TOKEN).toBe("${{ secrets.CALLPLANE_WRITE_TOKEN }}");
    for (const [name, job] of Object.entries(jobs)) {
      if (name !== "apply") expect(JSON.stringify(job)).not.toContain("CALLPLANE_WRITE_TOKEN");
    }
  });

  it("only runs callplane commands the CLI has", () => {
    const commands = Object.values(jobs).flatMap((job) => [...runs(job).matchAll(/\bcallplane (\S+)/g)].map((m) => m[1]!));
    expect(commands.length).toBeGreaterThan(1);
    for (const command of commands) expect(HELP).toContain(`  ${command} `);
  });

  it("keeps Terraform's stdout plain for show -json (no setup-terraform wrapper)", () => {
    const setup = action.runs.steps.find((s: { uses?: string }) => s.uses?.startsWith("hashicorp/setup-terraform"));
    expect(setup.with.terraform_wrapper).toBe(false);
    expect(JSON.stringify(action)).toContain("TF_CLI_CONFIG_FILE");
  });
});
