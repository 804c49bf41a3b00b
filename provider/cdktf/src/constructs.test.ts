import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { snippet } from "../e2e/snippet.js";
import { Aspects, TerraformStack, Testing } from "./cdk.js";
import {
  allocateCalls,
  CallplaneProvider,
  ConcurrencySplit,
  Environment,
  ProtectEnvironments,
  RequireMinimumAdmins,
  Team,
  TenantSettings,
  type Allocation,
} from "./index.js";

type Synth = { resource: Record<string, Record<string, Record<string, unknown>>>; provider: Record<string, unknown>; terraform: { required_providers: Record<string, unknown> } };

function stackWith(build: (stack: TerraformStack) => void): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "settings");
  new CallplaneProvider(stack, "callplane");
  build(stack);
  return stack;
}

// The constraint follows the provider's own package.json, which `pnpm changeset version` bumps.
const providerPackage = JSON.parse(readFileSync(new URL("../../terraform/package.json", import.meta.url), "utf8")) as { version: string };
const synth = (stack: TerraformStack): Synth => JSON.parse(Testing.synth(stack, true)) as Synth;
const resources = (out: Synth, type: string) => Object.values(out.resource[type] ?? {});
const failure = (build: (stack: TerraformStack) => void) => () => Testing.synth(stackWith(build), true);

describe("the issue's snippet", () => {
  const text = Testing.synth(snippet(Testing.app()), true);
  const out = JSON.parse(text) as Synth;

  it("configures the provider from the environment (no endpoint or token in the JSON)", () => {
    expect(out.provider).toEqual({ callplane: [{}] });
    expect(out.terraform.required_providers).toEqual({ callplane: { source: "callplane/callplane", version: providerPackage.version } });
  });

  it("declares the tenant settings", () => {
    expect(Testing.toHaveResourceWithProperties(text, "callplane_tenant_settings", {
      name: "Acme Voice", billing_email: "billing@acme.test", website: "https://acme.test", timezone: "Europe/Berlin",
    })).toBe(true);
  });

  it("declares three environments, protected, without max_concurrent_calls (the split manages it)", () => {
    const envs = resources(out, "callplane_environment");
    expect(envs).toEqual(expect.arrayContaining([
      { name: "production", hidden: false, deletion_protection: true },
      { name: "staging", hidden: false, deletion_protection: true },
      { name: "sandbox", hidden: true, deletion_protection: true },
    ]));
    expect(envs).toHaveLength(3);
  });

  it("splits 20/10/10 by environment id", () => {
    const [split] = resources(out, "callplane_concurrency_split");
    expect(split).toEqual({
      exclusive: false,
      allocations: [
        { environment_id: expect.stringMatching(/^\$\{callplane_environment\.production_environment_\w+\.id\}$/), max_concurrent_calls: 20 },
        { environment_id: expect.stringMatching(/^\$\{callplane_environment\.staging_environment_\w+\.id\}$/), max_concurrent_calls: 10 },
        { environment_id: expect.stringMatching(/^\$\{callplane_environment\.sandbox_environment_\w+\.id\}$/), max_concurrent_calls: 10 },
      ],
    });
  });

  it("maps the authoritative team to one callplane_role_assignments", () => {
    expect(resources(out, "callplane_role_assignments")).toEqual([{
      assignments: { "ops@acme.test": "admin", "lee@acme.test": "member", "sam@acme.test": "operator", "vic@acme.test": "viewer" },
    }]);
    expect(out.resource.callplane_role_assignment).toBeUndefined();
  });
});

describe("ConcurrencySplit shares", () => {
  const env = (n: number) => ({ environment: {} as Environment, share: n });

  it("turns thirds of 40 into 14/13/13 by the largest-remainder method", () => {
    expect(allocateCalls(40, [env(1 / 3), env(1 / 3), env(1 / 3)])).toEqual([14, 13, 13]);
  });

  it("never adds up to more than planLimit", () => {
    for (const [limit, shares] of [[7, [0.5, 0.5]], [10, [0.33, 0.33, 0.34]], [3, [0.25, 0.25, 0.25, 0.25]], [100, [1 / 7, 2 / 7, 4 / 7]]] as const) {
      const calls = allocateCalls(limit, shares.map(env));
      expect(calls.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(limit);
      calls.forEach((c, i) => expect(Math.abs(c - shares[i]! * limit)).toBeLessThan(1));
    }
  });

  it("mixes calls and shares in the synthesized split", () => {
    const out = synth(stackWith((stack) => {
      const a = new Environment(stack, "a", { name: "a" });
      const b = new Environment(stack, "b", { name: "b" });
      const c = new Environment(stack, "c", { name: "c" });
      const allocations: Allocation[] = [{ environment: a, share: 1 / 3 }, { environment: b, share: 1 / 3 }, { environment: c, share: 1 / 3 }];
      new ConcurrencySplit(stack, "split", { planLimit: 40, allocations });
    }));
    const [split] = resources(out, "callplane_concurrency_split");
    expect((split!.allocations as { max_concurrent_calls: number }[]).map((x) => x.max_concurrent_calls)).toEqual([14, 13, 13]);
  });
});

describe("Team", () => {
  it("maps an additive team to one callplane_role_assignment per member", () => {
    const out = synth(stackWith((stack) => new Team(stack, "team", { members: { "ops@acme.test": "admin", "lee@acme.test": "member" } })));
    const assignments = resources(out, "callplane_role_assignment");
    expect(assignments).toHaveLength(2);
    expect(assignments).toEqual(expect.arrayContaining([
      { email: "ops@acme.test", role: "admin" },
      { email: "lee@acme.test", role: "member" },
    ]));
    expect(out.resource.callplane_role_assignments).toBeUndefined();
  });

  it("maps an authoritative team to callplane_role_assignments", () => {
    const out = synth(stackWith((stack) => new Team(stack, "team", { members: { "ops@acme.test": "admin" }, authoritative: true })));
    expect(resources(out, "callplane_role_assignments")).toEqual([{ assignments: { "ops@acme.test": "admin" } }]);
    expect(out.resource.callplane_role_assignment).toBeUndefined();
  });
});

describe("validation at synth", () => {
  const envs = (stack: TerraformStack) => ["a", "b"].map((n) => new Environment(stack, n, { name: n }));

  it("fails when the split adds up to more than planLimit", () => {
    expect(failure((stack) => {
      const [a, b] = envs(stack);
      new ConcurrencySplit(stack, "split", { planLimit: 40, allocations: [{ environment: a!, calls: 30 }, { environment: b!, calls: 20 }] });
    })).toThrow('settings/split: rule "split-within-plan-limit" failed: allocations add up to more than planLimit 40 (got 50)');
  });

  it("fails when one allocation exceeds planLimit", () => {
    expect(failure((stack) => {
      const [a] = envs(stack);
      new ConcurrencySplit(stack, "split", { planLimit: 40, allocations: [{ environment: a!, calls: 41 }] });
    })).toThrow('settings/split: rule "allocation-within-plan-limit" failed: allocations[0].calls must be at most planLimit 40 (got 41)');
  });

  it("fails when an environment appears twice", () => {
    expect(failure((stack) => {
      const [a] = envs(stack);
      new ConcurrencySplit(stack, "split", { planLimit: 40, allocations: [{ environment: a!, calls: 10 }, { environment: a!, calls: 5 }] });
    })).toThrow('settings/split: rule "unique-environments" failed: allocations[1].environment is already allocated in allocations[0] (got "settings/a")');
  });

  it("fails when an environment in a split sets maxConcurrentCalls", () => {
    expect(failure((stack) => {
      const a = new Environment(stack, "a", { name: "a", maxConcurrentCalls: 5 });
      new ConcurrencySplit(stack, "split", { planLimit: 40, allocations: [{ environment: a, calls: 10 }] });
    })).toThrow('settings/a: rule "split-manages-max-concurrent-calls" failed: maxConcurrentCalls must be unset: the concurrency split settings/split manages it (got 5)');
  });

  it("fails when a team has no admin", () => {
    expect(failure((stack) => new Team(stack, "team", { members: { "lee@acme.test": "member" } })))
      .toThrow('settings/team: rule "team-has-admin" failed: members must include at least one admin (got {"lee@acme.test":"member"})');
  });

  it("fails when a member's email is invalid", () => {
    expect(failure((stack) => new Team(stack, "team", { members: { "ops@acme.test": "admin", "not-an-email": "member" } })))
      .toThrow('settings/team: rule "email-format" failed: members["not-an-email"] must be an email address (got "not-an-email")');
  });

  it("fails when a tenant field breaks a rule (SDK rules)", () => {
    const run = failure((stack) => new TenantSettings(stack, "tenant", {
      name: "AB", billingEmail: "billing", website: "acme.test", timezone: "Mars/Olympus", zipCode: "1", phone: "call me",
    }));
    expect(run).toThrow('settings/tenant: rule "name-format" failed: name must be 3 to 100 characters (got "AB")');
    expect(run).toThrow('settings/tenant: rule "billingEmail-format" failed: billingEmail');
    expect(run).toThrow('settings/tenant: rule "website-format" failed: website must start with http:// or https:// (got "acme.test")');
    expect(run).toThrow('settings/tenant: rule "timezone-format" failed: timezone must be an IANA time zone such as Europe/Berlin (got "Mars/Olympus")');
    expect(run).toThrow('settings/tenant: rule "zipCode-format" failed: zipCode must be 3 to 10 characters (got "1")');
    expect(run).toThrow('settings/tenant: rule "phone-format" failed: phone must be 7 to 15 digits with an optional leading + (got "call me")');
  });

  it("skips unresolved tokens", () => {
    const out = synth(stackWith((stack) => {
      const tenant = new TenantSettings(stack, "tenant", { name: "Acme Voice", billingEmail: "billing@acme.test" });
      const a = new Environment(stack, "a", { name: "a" });
      new ConcurrencySplit(stack, "split", { planLimit: tenant.planLimit, allocations: [{ environment: a, calls: 10 }] });
      new TenantSettings(stack, "copy", { name: tenant.resource.name as unknown as string, billingEmail: tenant.resource.billingEmail as unknown as string });
    }));
    expect(resources(out, "callplane_concurrency_split")).toHaveLength(1);
  });
});

describe("aspects", () => {
  it("ProtectEnvironments turns deletion protection on for every environment", () => {
    const stack = stackWith((s) => {
      new Environment(s, "a", { name: "a", deletionProtection: false });
      new Environment(s, "b", { name: "b", deletionProtection: false });
    });
    Aspects.of(stack).add(new ProtectEnvironments());
    expect(resources(synth(stack), "callplane_environment").map((e) => e.deletion_protection)).toEqual([true, true]);
  });

  it("RequireMinimumAdmins(2) fails a stack whose teams have one admin", () => {
    const stack = stackWith((s) => new Team(s, "team", { members: { "ops@acme.test": "admin", "lee@acme.test": "member" } }));
    Aspects.of(stack).add(new RequireMinimumAdmins(2));
    expect(() => synth(stack)).toThrow('settings: rule "minimum-admins" failed: the stack\'s teams have 1 admin(s), at least 2 required (got ["ops@acme.test"])');
  });

  it("RequireMinimumAdmins(2) passes with two admins across teams", () => {
    const stack = stackWith((s) => {
      new Team(s, "ops", { members: { "ops@acme.test": "admin" } });
      new Team(s, "dev", { members: { "dev@acme.test": "admin" } });
    });
    Aspects.of(stack).add(new RequireMinimumAdmins(2));
    expect(resources(synth(stack), "callplane_role_assignment")).toHaveLength(2);
  });
});
