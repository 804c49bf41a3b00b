/**
 * The policy file as a CDKTF aspect: synth fails with the same rule names `callplane policy`
 * reports for the equivalent plan (see provider/cli/e2e/policy.test.ts, which runs the same file).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Aspects, TerraformStack, Testing } from "./cdk.js";
import { CallplaneProvider, ConcurrencySplit, Environment, PolicyAspect, Team, type Role } from "./index.js";

const EXAMPLE_POLICY = new URL("../../../examples/ci/callplane-policy.yaml", import.meta.url);

function stack(build: (s: TerraformStack) => void, aspect: PolicyAspect): TerraformStack {
  const s = new TerraformStack(Testing.app(), "settings");
  new CallplaneProvider(s, "callplane");
  build(s);
  Aspects.of(s).add(aspect);
  return s;
}

/** The quick start as CDKTF, with the settings given. */
function quickstart(s: TerraformStack, options: { members: Record<string, Role>; productionProtected?: boolean; shares?: [number, number, number]; authoritative?: boolean }) {
  const production = new Environment(s, "production", { name: "production", deletionProtection: options.productionProtected ?? true });
  const staging = new Environment(s, "staging", { name: "staging" });
  const sandbox = new Environment(s, "sandbox", { name: "sandbox", hidden: true, deletionProtection: false });
  const [p, st, sb] = options.shares ?? [0.5, 0.25, 0.25];
  new ConcurrencySplit(s, "split", { planLimit: 40, allocations: [{ environment: production, share: p }, { environment: staging, share: st }, { environment: sandbox, share: sb }] });
  new Team(s, "team", { members: options.members, authoritative: options.authoritative ?? true });
}

const TEAM: Record<string, Role> = { "admin@callplane.local": "admin", "ops@acme.test": "admin", "lee@acme.test": "member", "sam@acme.test": "operator", "vic@acme.test": "viewer" };
const synthError = (s: TerraformStack): string => {
  try {
    Testing.synth(s, true);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return "";
};
const ruleNames = (message: string) => [...new Set([...message.matchAll(/policy rule "(\w+)" failed/g)].map((m) => m[1]))].sort();

describe("PolicyAspect with examples/ci/callplane-policy.yaml", () => {
  const aspect = PolicyAspect.fromFile(EXAMPLE_POLICY.pathname);

  it("lets the quick start through", () => {
    expect(synthError(stack((s) => quickstart(s, { members: TEAM }), aspect))).toBe("");
  });

  it("fails synth on the risky change with the rule names the CLI reports for its plan", () => {
    const risky = { ...TEAM, "ops@acme.test": "viewer", "sam@acme.test": "member", "pat@contractor.test": "member" } as Record<string, Role>;
    const message = synthError(stack((s) => quickstart(s, { members: risky, productionProtected: false, shares: [0, 0.625, 0.25] }), aspect));
    expect(ruleNames(message)).toEqual(["allowed_email_domains", "max_environment_share", "min_admins", "protected_environments"]);
    expect(message).toContain('settings/team/assignments: policy rule "allowed_email_domains" failed: pat@contractor.test is not in an allowed email domain (acme.test, callplane.local). Way out:');
    expect(message).toContain('settings/production/environment: policy rule "protected_environments" failed: protected environment "production" has deletion_protection = false');
    expect(message).toContain('policy rule "max_environment_share" failed: environment "staging" gets 25 of 40 concurrent calls (63%), more than the 50% allowed (20 calls)');
    expect(message).toContain('policy rule "min_admins" failed: 1 admin after the plan, at least 2 required (admin@callplane.local)');
  });
});

describe("PolicyAspect: every rule at synth", () => {
  const all = PolicyAspect.fromYaml(`version: 1
rules:
  max_admins: 1
  min_headroom_calls: 5
  forbid_roles_via_terraform: [operator]
waivers:
  - rule: forbid_roles_via_terraform
    resource: settings/team/sam@acme.test
    reason: Sam covers the night shift until the scheduler lands
`);

  it("counts additive teams member by member, and a waiver on a construct path lets one through", () => {
    const message = synthError(stack((s) => quickstart(s, { members: { ...TEAM, "kim@acme.test": "operator" }, authoritative: false }), all));
    expect(ruleNames(message)).toEqual(["forbid_roles_via_terraform", "max_admins", "min_headroom_calls"]);
    expect(message).toContain('settings/team/kim@acme.test: policy rule "forbid_roles_via_terraform" failed: kim@acme.test is given the role operator');
    expect(message).not.toContain("settings/team/sam@acme.test: policy rule");
    expect(message).toContain('policy rule "min_headroom_calls" failed: 0 of the plan limit\'s 40 concurrent calls left unallocated after the plan, at least 5 required (40 allocated)');
  });

  it("passes once the stack keeps the rules, reporting the waiver", () => {
    const s = stack((st) => quickstart(st, { members: { "ops@acme.test": "admin", "sam@acme.test": "operator" }, shares: [0.5, 0.25, 0.125], authoritative: false }), all);
    expect(synthError(s)).toBe("");
    expect(s.node.metadata.map((m) => String(m.data))).toContain('policy rule "forbid_roles_via_terraform" waived for settings/team/sam@acme.test: sam@acme.test is given the role operator, which this policy keeps out of Terraform (Sam covers the night shift until the scheduler lands)');
    expect(all.evaluate(s).waived).toEqual([expect.objectContaining({ rule: "forbid_roles_via_terraform", resource: "settings/team/sam@acme.test", waiver: { reason: "Sam covers the night shift until the scheduler lands" } })]);
  });

  it("a broken policy file is refused before synth, naming the key", () => {
    expect(() => PolicyAspect.fromYaml("version: 1\nrules:\n  protected_environment: [production]\n", "p.yaml")).toThrow("rules.protected_environment: unknown key (did you mean protected_environments?)");
  });
});
