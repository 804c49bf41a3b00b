/**
 * `callplane policy` (and `plan-summary --policy`) on plans made by real Terraform with the real
 * provider and server: each rule passed on one plan and violated on another, waivers, the exit
 * codes, and Markdown, JSON and SARIF output (validated against the SARIF 2.1.0 schema, with
 * each result's file and lines checked against main.tf).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { quickstartResources, shortcuts, useTerraform } from "../../terraform/e2e/terraform.js";
import { callplane, planJson } from "./callplane.js";
import { sarifErrors } from "./sarif.js";

async function parseMermaid(text: string) {
  const { GlobalRegistrator } = await import("@happy-dom/global-registrator");
  GlobalRegistrator.register();
  try {
    const mermaid = (await import("mermaid")).default;
    return await mermaid.parse(text);
  } finally {
    await GlobalRegistrator.unregister();
  }
}

const here = dirname(fileURLToPath(import.meta.url));
const ws = useTerraform();
const { apply } = shortcuts(ws);

/**
 * The quick start after a risky change: production destroyed, staging raised to 25 of 40 calls
 * (5 left, `exclusive` so production's 20 are not counted), ops demoted to viewer (one admin left), sam made a member, a contractor added.
 */
const risky = () =>
  quickstartResources()
    .replace(/resource "callplane_environment" "production" \{\n[^}]*\}\n/, "")
    .replace(/\s*\{ environment_id = callplane_environment\.production\.id, max_concurrent_calls = 20 \},/, "")
    .replace(/(staging\.id, max_concurrent_calls = )10/, "$125")
    .replace(/(resource "callplane_concurrency_split" "this" \{\n)/, "$1  exclusive = true\n")
    .replace(/"ops@acme.test"\s*=\s*"admin"/, '"ops@acme.test" = "viewer"')
    .replace(/"sam@acme.test"\s*=\s*"operator"/, '"sam@acme.test" = "member"')
    .replace(/("vic@acme.test"\s*=\s*"viewer")/, '$1\n    "pat@contractor.test" = "member"');

let clean: string;
let riskyPlan: string;
let riskyHcl: string;

beforeAll(async () => {
  ws.config(quickstartResources());
  const applied = await apply();
  if (applied.code !== 0) throw new Error(applied.output);
  clean = await planJson(ws, "clean");
  ws.config(risky());
  riskyHcl = readFileSync(join(ws.dir, "main.tf"), "utf8");
  riskyPlan = await planJson(ws, "risky");
}, 180_000);

function policyFile(name: string, yaml: string): string {
  const file = join(ws.dir, `${name}.yaml`);
  writeFileSync(file, yaml);
  return file;
}
const run = (plan: string, policy: string, format = "markdown", withToken = true) => callplane(ws, ["policy", plan, "--policy", policy, "--format", format], { withToken });

/** For each rule: a setting that the quick start as applied breaks or keeps, and what the risky change does to it. */
const RULES = [
  { rule: "min_admins", setting: "min_admins: 2", clean: "pass", risky: "callplane_role_assignments.team", values: { admins_after: 1, removed: ["ops@acme.test"] } },
  { rule: "max_admins", setting: "max_admins: 1", clean: "callplane_role_assignments.team", risky: "pass" },
  { rule: "protected_environments", setting: "protected_environments: [production]", clean: "pass", risky: "callplane_environment.production", values: { environment: "production", action: "destroy" } },
  { rule: "allowed_email_domains", setting: "allowed_email_domains: [acme.test, callplane.local]", clean: "pass", risky: "callplane_role_assignments.team", values: { email: "pat@contractor.test" } },
  { rule: "min_headroom_calls", setting: "min_headroom_calls: 5", clean: "callplane_concurrency_split.this", risky: "pass", cleanValues: { plan_limit: 40, allocated_after: 40, headroom_after: 0 } },
  { rule: "max_environment_share", setting: "max_environment_share: 0.6", clean: "pass", risky: "callplane_concurrency_split.this", values: { environment: "staging", calls_after: 25, max_calls: 24 } },
  { rule: "forbid_roles_via_terraform", setting: "forbid_roles_via_terraform: [operator]", clean: "callplane_role_assignments.team", risky: "pass", cleanValues: { email: "sam@acme.test", role: "operator" } },
] as const;

describe("callplane policy: each rule", () => {
  it.each(RULES)("$rule passes where it holds and is violated where it does not", async (r) => {
    const policy = policyFile(r.rule, `version: 1\nrules:\n  ${r.setting}\n`);
    for (const [plan, expected, values] of [[clean, r.clean, "cleanValues" in r ? r.cleanValues : {}], [riskyPlan, r.risky, "values" in r ? r.values : {}]] as const) {
      const result = await run(plan, policy, "json");
      const report = JSON.parse(result.stdout);
      if (expected === "pass") {
        expect(result.code, result.stdout).toBe(0);
        expect(report).toMatchObject({ passed: true, violations: [], checked: [r.rule] });
      } else {
        expect(result.code, result.stdout).toBe(3);
        expect(report.violations).toEqual([expect.objectContaining({ rule: r.rule, resource: expected, values: expect.objectContaining(values) })]);
        expect(report.violations[0].remedy).toMatch(/\w/);
      }
    }
  });
});

const FULL = `version: 1
rules:
  min_admins: 2
  max_admins: 6
  protected_environments: [production]
  allowed_email_domains: [acme.test, callplane.local]
  min_headroom_calls: 0
  max_environment_share: 0.6
  forbid_roles_via_terraform: [admin]
`;
const WAIVERS = `waivers:
  - rule: forbid_roles_via_terraform
    resource: callplane_role_assignments.team
    reason: The founding admins are kept in code until SSO lands (SEC-12)
`;

describe("callplane policy: the whole file", () => {
  it("exit code 0 and a passing section when the plan keeps every rule (waivers shown)", async () => {
    const result = await run(clean, policyFile("full-waived", FULL + WAIVERS));
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain("## Callplane policy: ✅ passed (2 waived)");
    expect(result.stdout).toContain("### Waived");
    expect(result.stdout).toMatch(/- ⚪ \*\*forbid_roles_via_terraform\*\* — `callplane_role_assignments.team` \(main.tf:\d+\): admin@callplane.local is given the role admin.*_Waived:_ The founding admins are kept in code until SSO lands \(SEC-12\)/);
  });

  it("exit code 3 and every violation with its rule, resource, place, values and way out", async () => {
    const result = await run(riskyPlan, policyFile("full", FULL));
    expect(result.code).toBe(3);
    const md = result.stdout;
    expect(md).toMatch(/^## Callplane policy: ❌ 5 violations\n/);
    expect(md).toMatch(/- ❌ \*\*min_admins\*\* — `callplane_role_assignments.team` \(main.tf:\d+\): 1 admin after the plan, at least 2 required \(admin@callplane.local\); this change removes admin ops@acme.test\. \*\*Way out:\*\* keep ops@acme.test as admin/);
    expect(md).toContain("- ❌ **protected_environments** — `callplane_environment.production` (main.tf): protected environment \"production\" would be destroyed");
    expect(md).toContain("pat@contractor.test is not in an allowed email domain (acme.test, callplane.local)");
    expect(md).toContain('environment "staging" gets 25 of 40 concurrent calls (63%), more than the 60% allowed (24 calls). **Way out:** give "staging" at most 24 calls.');
    expect(md.match(/\*\*forbid_roles_via_terraform\*\*/g)).toHaveLength(1); // only admin@callplane.local is still admin
  });

  it("SARIF: valid 2.1.0, one result per finding at the resource's block in main.tf, waivers as accepted suppressions", async () => {
    const result = await run(riskyPlan, policyFile("full-waived", FULL + WAIVERS), "sarif");
    expect(result.code).toBe(3);
    const sarif = JSON.parse(result.stdout);
    expect(sarifErrors(sarif)).toEqual([]);
    expect(sarifErrors({ ...sarif, version: "2.0" })).not.toEqual([]); // the check can fail
    const lines = riskyHcl.split("\n");
    const blockOf = (type: string, name: string) => {
      const start = lines.indexOf(`resource "${type}" "${name}" {`) + 1;
      const end = lines.findIndex((l, i) => i >= start && l === "}") + 1;
      return { startLine: start, endLine: end };
    };
    const results = sarif.runs[0].results as { ruleId: string; locations: { physicalLocation?: { artifactLocation: { uri: string }; region?: { startLine: number; endLine: number } }; logicalLocations: { fullyQualifiedName: string }[] }[]; suppressions?: { status: string; justification: string }[] }[];
    const at = (ruleId: string) => results.filter((r) => r.ruleId === ruleId);
    expect(at("allowed_email_domains")[0]!.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: "main.tf", uriBaseId: "%SRCROOT%" }, region: blockOf("callplane_role_assignments", "team") });
    expect(at("max_environment_share")[0]!.locations[0]!.physicalLocation!.region).toEqual(blockOf("callplane_concurrency_split", "this"));
    expect(blockOf("callplane_concurrency_split", "this").startLine).toBeGreaterThan(1);
    // Production is gone from main.tf: the result names the file the resource was removed from, and the address.
    expect(at("protected_environments")[0]!.locations[0]).toEqual({ physicalLocation: { artifactLocation: { uri: "main.tf", uriBaseId: "%SRCROOT%" } }, logicalLocations: [{ fullyQualifiedName: "callplane_environment.production", kind: "resource" }] });
    expect(at("forbid_roles_via_terraform")[0]!.suppressions).toEqual([{ kind: "external", status: "accepted", justification: "The founding admins are kept in code until SSO lands (SEC-12)" }]);
    expect(results.filter((r) => !r.suppressions)).toHaveLength(4);
  });

  it("exit code 1 for a broken policy file (naming the key) or a missing plan", async () => {
    const broken = await run(clean, policyFile("broken", "version: 1\nrules:\n  min_admin: 2\n  max_environment_share: 2\n"));
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain("rules.min_admin: unknown key (did you mean min_admins?)");
    expect(broken.stderr).toContain("rules.max_environment_share: must be <= 1");
    const missing = await run(join(ws.dir, "nope.json"), policyFile("ok", FULL));
    expect(missing.code).toBe(1);
    const noPolicy = await callplane(ws, ["policy", clean]);
    expect(noPolicy.code).toBe(1);
    expect(noPolicy.stderr).toContain("callplane-policy.yaml: no such file");
  });

  it("examples/ci/callplane-policy.yaml: the quick start passes; the risky plan breaks the rules the CDKTF aspect names for the same change", async () => {
    const example = join(here, "../../../examples/ci/callplane-policy.yaml");
    expect((await run(clean, example)).code).toBe(0);
    const result = await run(riskyPlan, example, "json");
    expect(result.code).toBe(3);
    const rules = [...new Set(JSON.parse(result.stdout).violations.map((v: { rule: string }) => v.rule))].sort();
    // The same list provider/cdktf/src/policy-aspect.test.ts expects from synth.
    expect(rules).toEqual(["allowed_email_domains", "max_environment_share", "min_admins", "protected_environments"]);
  });

  it("plan-summary --policy appends the policy section, under the budget table and its chart", async () => {
    const result = await callplane(ws, ["plan-summary", riskyPlan, "--policy", policyFile("full", FULL)]);
    expect(result.code).toBe(0);
    const [summary, policy] = result.stdout.split("### Callplane policy");
    expect(summary).toContain("## Callplane plan: **1 to destroy**");
    expect(summary).toMatch(/\| staging \| 10 \| 25 \| \+15 \|\n[\s\S]*```mermaid\nxychart-beta\n/);
    expect(policy).toMatch(/^: ❌ 5 violations/);
    // The chart of the real output parses with mermaid (which needs a DOM: happy-dom, registered only for this check).
    const chart = /```mermaid\n([\s\S]*?)\n```/.exec(summary!)![1]!;
    expect(chart).toContain("bar [0, 0, 0, 25, 0, 10]");
    await expect(parseMermaid(chart)).resolves.toMatchObject({ diagramType: "xychart" });

    const json = JSON.parse((await callplane(ws, ["plan-summary", riskyPlan, "--policy", policyFile("full", FULL), "--format", "json"])).stdout);
    expect(json.budget.totalAfter).toBe(35);
    expect(json.policy).toMatchObject({ passed: false, checked: expect.arrayContaining(["min_admins"]) });
    expect(json.policy.violations).toHaveLength(5);
  });
});
