import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePolicy } from "./policy.js";

const FULL = `
version: 1
rules:
  min_admins: 2
  max_admins: 6
  protected_environments: [production]
  allowed_email_domains: [acme.test]
  min_headroom_calls: 5
  max_environment_share: 0.6
  forbid_roles_via_terraform: [admin]
waivers:
  - rule: allowed_email_domains
    resource: callplane_user.contractor
    reason: Contractor until March, approved by Dana
`;

describe("parsePolicy", () => {
  it("reads every rule and waiver of the documented example", () => {
    const policy = parsePolicy(FULL, "callplane-policy.yaml");
    expect(policy.rules).toEqual({
      min_admins: 2,
      max_admins: 6,
      protected_environments: ["production"],
      allowed_email_domains: ["acme.test"],
      min_headroom_calls: 5,
      max_environment_share: 0.6,
      forbid_roles_via_terraform: ["admin"],
    });
    expect(policy.waivers).toEqual([{ rule: "allowed_email_domains", resource: "callplane_user.contractor", reason: "Contractor until March, approved by Dana" }]);
  });

  it.each([
    ["version: 2\nrules: {}", "version: must be 1"],
    ["rules: {}", "version: required"],
    ["version: 1\nrules:\n  min_admin: 2", "rules.min_admin: unknown key (did you mean min_admins?)"],
    ["version: 1\nrules:\n  min_admins: two", "rules.min_admins: must be integer"],
    ["version: 1\nrules:\n  min_admins: -1", "rules.min_admins: must be >= 0"],
    ["version: 1\nrules:\n  max_environment_share: 1.5", "rules.max_environment_share: must be <= 1"],
    ["version: 1\nrules:\n  max_environment_share: 0", "rules.max_environment_share: must be > 0"],
    ["version: 1\nrules:\n  allowed_email_domains: ['@acme.test']", "rules.allowed_email_domains[0]: must be a domain name such as acme.test"],
    ["version: 1\nrules:\n  forbid_roles_via_terraform: [owner]", "rules.forbid_roles_via_terraform[0]: must be one of admin, member, operator, viewer"],
    ["version: 1\nrules: {}\nwaivers:\n  - rule: min_admins\n    resource: x", "waivers[0].reason: required"],
    ["version: 1\nrules: {}\nwaivers:\n  - rule: min_admin\n    resource: x\n    reason: y", "waivers[0].rule: must be one of min_admins"],
    ["version: 1\nrules:\n  min_admins: 3\n  max_admins: 2", "rules.min_admins: 3 is more than rules.max_admins (2)"],
    ["version: 1\nrules: [", "not valid YAML (line"],
  ])("refuses %j naming the key", (text, message) => {
    expect(() => parsePolicy(text, "p.yaml")).toThrow(message);
  });
});

describe("the policy files in the docs and examples", () => {
  const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8");
  it("every complete policy file in docs/guides/policies.md and examples/ci passes the schema", () => {
    const blocks = [...read("docs/guides/policies.md").matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((b) => /^version: 1$/m.test(b));
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const block of blocks) expect(() => parsePolicy(block, "docs")).not.toThrow();
    expect(parsePolicy(read("examples/ci/callplane-policy.yaml")).rules.min_admins).toBe(2);
  });
});
