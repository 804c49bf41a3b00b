import { describe, expect, it } from "vitest";
import { evaluatePolicy } from "./evaluate.js";
import { parsePolicy } from "./policy.js";
import type { PolicySubject, SubjectResource } from "./subject.js";

const user = (name: string, email: string, role: string, action: SubjectResource["action"] = "none"): SubjectResource => ({
  address: `callplane_user.${name}`,
  type: "callplane_user",
  action,
  before: action === "create" ? null : { email, role },
  after: action === "destroy" ? null : { email, role },
});
const policy = (rules: string, waivers = "") => parsePolicy(`version: 1\nrules:\n${rules}\n${waivers}`);
const subject = (resources: SubjectResource[], extra: Partial<PolicySubject> = {}): PolicySubject => ({ source: "plan", resources, ...extra });

describe("min_admins / max_admins", () => {
  it("counts live admins the plan keeps, and blames the resource that removes one", () => {
    const resources = [user("ops", "ops@acme.test", "admin", "destroy")];
    const live = { users: new Map([["ops@acme.test", "admin"], ["root@acme.test", "admin"]]), pending: new Map() };
    expect(evaluatePolicy(policy("  min_admins: 1"), subject(resources, { live })).passed).toBe(true);
    const report = evaluatePolicy(policy("  min_admins: 2"), subject(resources, { live }));
    expect(report.violations).toMatchObject([{ rule: "min_admins", resource: "callplane_user.ops", values: { admins_after: 1, minimum: 2, admins: ["root@acme.test"], removed: ["ops@acme.test"] } }]);
    // Without the live tenant, only what the plan declares counts, and the report says so.
    const offline = evaluatePolicy(policy("  min_admins: 1"), subject(resources));
    expect(offline.passed).toBe(false);
    expect(offline.notes.join()).toContain("counted from the plan alone");
  });

  it("an authoritative team replaces the live tenant; max_admins blames whoever gains admin", () => {
    const team: SubjectResource = { address: "callplane_role_assignments.team", type: "callplane_role_assignments", action: "update", before: { assignments: { "a@acme.test": "admin", "b@acme.test": "member" } }, after: { assignments: { "a@acme.test": "admin", "b@acme.test": "admin" } } };
    const live = { users: new Map([["x@acme.test", "admin"], ["a@acme.test", "admin"], ["b@acme.test", "member"]]), pending: new Map() };
    const report = evaluatePolicy(policy("  max_admins: 1"), subject([team], { live }));
    expect(report.violations).toMatchObject([{ rule: "max_admins", resource: team.address, values: { admins_after: 2, granted: ["b@acme.test"] } }]);
  });

  it("too many admins that only the live tenant has is still a violation, of the tenant as a whole", () => {
    const live = { users: new Map([["a@acme.test", "admin"], ["b@acme.test", "admin"]]), pending: new Map() };
    const report = evaluatePolicy(policy("  max_admins: 1"), subject([user("lee", "lee@acme.test", "member")], { live }));
    expect(report.violations).toEqual([expect.objectContaining({ rule: "max_admins", values: expect.objectContaining({ admins_after: 2 }) })]);
    expect(report.violations[0]!.resource).toBeUndefined();
  });

  it("is not checked when nothing manages people and the live tenant was not read", () => {
    const report = evaluatePolicy(policy("  min_admins: 2"), subject([]));
    expect(report.passed).toBe(true);
    expect(report.notes).toEqual(["min_admins not checked: the configuration manages no people and the live tenant was not read (set CALLPLANE_TOKEN)"]);
  });
});

describe("protected_environments", () => {
  const env = (action: SubjectResource["action"], after: Record<string, unknown> | null = { name: "production" }): SubjectResource => ({ address: "callplane_environment.production", type: "callplane_environment", action, before: { name: "production" }, after, ...(action === "replace" ? { replacedBecause: ["name"] } : {}) });
  it.each([
    ["destroy", null, /would be destroyed/],
    ["replace", { name: "production" }, /would be replaced because name changed/],
    ["update", { name: "production", deletion_protection: false }, /deletion_protection = false/],
  ] as const)("%s is a violation", (action, after, message) => {
    const report = evaluatePolicy(policy("  protected_environments: [production]"), subject([env(action, after)]));
    expect(report.violations[0]?.message).toMatch(message);
  });
  it("other environments may go", () => {
    const other = { ...env("destroy", null), before: { name: "sandbox" } };
    expect(evaluatePolicy(policy("  protected_environments: [production]"), subject([other])).passed).toBe(true);
  });
});

describe("allowed_email_domains, forbid_roles_via_terraform and waivers", () => {
  it("checks every email a resource grants, and a waiver covers one resource with its reason", () => {
    const team: SubjectResource = { address: "callplane_role_assignments.team", type: "callplane_role_assignments", action: "create", before: null, after: { assignments: { "a@acme.test": "admin", "c@gmail.test": "viewer" } } };
    const resources = [team, user("contractor", "pat@contract.test", "member", "create")];
    const rules = "  allowed_email_domains: [acme.test]\n  forbid_roles_via_terraform: [admin]";
    const report = evaluatePolicy(policy(rules, "waivers:\n  - { rule: allowed_email_domains, resource: callplane_user.contractor, reason: until March }"), subject(resources));
    expect(report.violations.map((v) => [v.rule, v.resource, v.values.email])).toEqual([
      ["allowed_email_domains", team.address, "c@gmail.test"],
      ["forbid_roles_via_terraform", team.address, "a@acme.test"],
    ]);
    expect(report.waived).toMatchObject([{ rule: "allowed_email_domains", resource: "callplane_user.contractor", waiver: { reason: "until March" } }]);
  });

  it("notes a waiver that matches nothing", () => {
    const report = evaluatePolicy(policy("  min_headroom_calls: 0", "waivers:\n  - { rule: min_headroom_calls, resource: x.y, reason: r }"), subject([]));
    expect(report.notes).toContain("waiver of min_headroom_calls for x.y matched no violation; remove it once it is no longer needed");
  });

  it("a construct-path waiver covers the constructs below it", () => {
    const r = { ...user("x", "p@other.test", "member", "create"), address: "settings/contractors/p" };
    const report = evaluatePolicy(policy("  allowed_email_domains: [acme.test]", "waivers:\n  - { rule: allowed_email_domains, resource: settings/contractors, reason: r }"), { source: "configuration", resources: [r] });
    expect(report.passed).toBe(true);
    expect(report.waived).toHaveLength(1);
  });
});

describe("min_headroom_calls and max_environment_share", () => {
  const budget = { planLimit: 40, address: "callplane_concurrency_split.this", allocatedAfter: 38, environments: [{ name: "production", before: 20, after: 28 }, { name: "staging", before: 10, after: 10 }] };
  it("headroom is the plan limit minus what is allocated after the plan", () => {
    const report = evaluatePolicy(policy("  min_headroom_calls: 5"), subject([], { budget }));
    expect(report.violations).toMatchObject([{ rule: "min_headroom_calls", resource: budget.address, values: { plan_limit: 40, allocated_after: 38, headroom_after: 2, minimum: 5 } }]);
    expect(evaluatePolicy(policy("  min_headroom_calls: 2"), subject([], { budget })).passed).toBe(true);
  });
  it("no environment above the share", () => {
    const report = evaluatePolicy(policy("  max_environment_share: 0.6"), subject([], { budget }));
    expect(report.violations).toMatchObject([{ rule: "max_environment_share", resource: budget.address, values: { environment: "production", calls_after: 28, max_calls: 24 } }]);
    expect(evaluatePolicy(policy("  max_environment_share: 0.7"), subject([], { budget })).passed).toBe(true);
  });
  it("says when it cannot check", () => {
    expect(evaluatePolicy(policy("  min_headroom_calls: 5"), subject([])).notes).toEqual(["min_headroom_calls not checked: this change sets no concurrent calls"]);
  });
});
