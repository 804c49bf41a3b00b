/** Plan summaries of small hand-written plans, for the cases a real plan makes hard to reach. */
import { describe, expect, it } from "vitest";
import type { PlanJson, ResourceChange } from "../terraform/plan-json.js";
import { summarizePlan } from "./build.js";
import { renderPlanMarkdown } from "./markdown.js";
import { change as plannedChange } from "./test-support.js";

/** A change as `terraform show -json` writes it, with its empty unknown and sensitive maps. */
const change = (address: string, actions: ResourceChange["change"]["actions"], before: unknown, after: unknown, extra: Partial<ResourceChange["change"]> = {}): ResourceChange =>
  plannedChange(address, actions, before, after, { after_unknown: {}, before_sensitive: {}, after_sensitive: {}, ...extra });

const plan = (changes: ResourceChange[], extra: Partial<PlanJson> = {}): PlanJson => ({ format_version: "1.2", resource_changes: changes, ...extra });
const md = (p: PlanJson) => renderPlanMarkdown(summarizePlan(p));

describe("plan summary", () => {
  it("lists destroys first, then replacements, each marked, with what forces the replacement", () => {
    const out = md(plan([
      change("callplane_user.sam", ["delete", "create"], { email: "sam@a.test", role: "member", name: "Sam" }, { email: "sam@b.test", role: "member", name: "Sam" }, { replace_paths: [["email"]] }),
      change("callplane_environment.old", ["delete"], { id: "env_1", name: "old", max_concurrent_calls: 5 }, null),
      change("callplane_environment.new", ["create"], null, { name: "new", hidden: false }),
    ]));
    expect(out).toContain("## Callplane plan: **1 to destroy**, **1 to replace**, 1 to create");
    const destroy = out.indexOf("**DESTROY** `callplane_environment.old` (old)");
    const replace = out.indexOf("**REPLACE** `callplane_user.sam` (sam@b.test) — because `email` changed");
    expect(destroy).toBeGreaterThan(0);
    expect(replace).toBeGreaterThan(destroy);
    // A destroyed environment gives its calls back.
    expect(out).toMatch(/\| old _\(destroyed\)_ \| 5 \| 0 \| −5 \|/);
  });

  it("warns when the new allocations exceed the plan limit", () => {
    const split = change(
      "callplane_concurrency_split.calls",
      ["update"],
      { plan_limit: 40, allocated: 40, allocations: [{ environment_id: "env_a", max_concurrent_calls: 30 }, { environment_id: "env_b", max_concurrent_calls: 10 }] },
      { plan_limit: 40, allocations: [{ environment_id: "env_a", max_concurrent_calls: 35 }, { environment_id: "env_b", max_concurrent_calls: 10 }] },
      { after_unknown: { allocated: true } },
    );
    const summary = summarizePlan(plan([split]));
    expect(summary.budget).toMatchObject({ totalBefore: 40, totalAfter: 45, leftAfter: -5, overLimit: true });
    expect(renderPlanMarkdown(summary)).toContain("⚠️ **Over the plan limit:** 45 calls allocated of 40.");
  });

  it("counts environments the split does not list, and names environments created in the same plan", () => {
    const split = change(
      "callplane_concurrency_split.calls",
      ["update"],
      { plan_limit: 40, allocated: 25, allocations: [{ environment_id: "env_a", max_concurrent_calls: 20 }] },
      { plan_limit: 40, allocations: [{ environment_id: "env_a", max_concurrent_calls: 10 }, { max_concurrent_calls: 10 }] },
      { after_unknown: { allocations: [{}, { environment_id: true }] } },
    );
    const p = plan([split, change("callplane_environment.eu", ["create"], null, { name: "eu" })], {
      planned_values: { root_module: { resources: [{ address: "callplane_environment.eu", mode: "managed", type: "callplane_environment", name: "eu", values: { name: "eu" } }] } },
      prior_state: { values: { root_module: { resources: [{ address: "callplane_environment.a", mode: "managed", type: "callplane_environment", name: "a", values: { id: "env_a", name: "prod" } }] } } },
      configuration: { root_module: { resources: [{ address: "callplane_concurrency_split.calls", mode: "managed", type: "callplane_concurrency_split", name: "calls", expressions: { allocations: { references: ["callplane_environment.a.id", "callplane_environment.a", "callplane_environment.eu.id", "callplane_environment.eu"] } } }] } },
    });
    const out = md(p);
    expect(out).toMatch(/\| prod \| 20 \| 10 \| −10 \|/);
    expect(out).toMatch(/\| eu \| 0 \| 10 \| \+10 \|/);
    expect(out).toMatch(/\| other environments \(not managed here\) \| 5 \| 5 \|/);
    expect(out).toContain("| **Total** | **25 of 40** | **25 of 40** |");
  });

  it("masks values marked sensitive and attributes named like secrets, whatever the marks say", () => {
    const out = md(plan([
      change("callplane_user.lee", ["create"], null, { name: "Lee", email: "lee@a.test", role: "member", initial_password: "s3cret-passw0rd" }, { after_sensitive: {} }),
      change("callplane_invitation.kim", ["update"], { email: "kim@a.test", role: "viewer", status: "expired", secret: "inv-secret-1" }, { email: "kim@a.test", role: "viewer", status: "pending", secret: "inv-secret-2" }, { before_sensitive: { secret: true }, after_sensitive: { secret: true } }),
    ]));
    expect(out).not.toContain("s3cret-passw0rd");
    expect(out).not.toContain("inv-secret");
    expect(out).toMatch(/\| initial_password \| — \| _\(sensitive\)_ \|/);
    expect(out).toContain("- Invitations renewed: kim@a.test (viewer)");
  });

  it("flags a new admin user, a removed admin, and revoked invitations", () => {
    const summary = summarizePlan(plan([
      change("callplane_user.new", ["create"], null, { email: "new@a.test", role: "admin", name: "New" }),
      change("callplane_user.old", ["delete"], { email: "old@a.test", role: "admin", name: "Old" }, null),
      change("callplane_invitation.gone", ["delete"], { email: "gone@a.test", role: "member", status: "pending" }, null),
    ]));
    expect(summary.roles).toEqual([
      expect.objectContaining({ email: "new@a.test", before: null, after: "admin", flags: ["privilege-escalation"] }),
      expect.objectContaining({ email: "old@a.test", before: "admin", after: null, flags: ["admin-removed"] }),
    ]);
    expect(summary.invitations).toEqual([expect.objectContaining({ email: "gone@a.test", action: "revoked" })]);
    expect(renderPlanMarkdown(summary)).toMatch(/\| old@a.test \| admin \| _\(removed\)_ \| ⚠️ \*\*admin removed\*\* \|/);
  });

  it("says 'No changes.' and nothing else for a plan of no-ops and reads", () => {
    const out = md(plan([
      change("callplane_environment.a", ["no-op"], { name: "a" }, { name: "a" }),
      { ...change("data.callplane_users.all", ["read"], null, {}), mode: "data" },
    ]));
    expect(out).toBe("No changes.\n");
  });

  it("escapes table cells so a value cannot break the Markdown", () => {
    const out = md(plan([change("callplane_tenant_settings.this", ["update"], { name: "A" }, { name: "A | B `c`" })]));
    expect(out).toContain("| name | `A` | `` A \\| B `c` `` |");
  });
});

describe("a plan too long for one comment", () => {
  const many = plan(Array.from({ length: 600 }, (_, i) => change(`callplane_environment.e${i}`, ["create"], null, { name: `environment-${i}`, hidden: false, deletion_protection: true })));

  it("keeps every resource but drops attribute tables, and says so", () => {
    const out = md(many);
    expect(out.length).toBeLessThanOrEqual(60_000);
    expect(out).toContain("## Callplane plan: 600 to create");
    expect(out).toContain("- `callplane_environment.e599` (environment-599) — create: deletion_protection, hidden, name");
    expect(out).not.toContain("| Attribute | Before | After |");
    expect(out).toContain("Attribute tables left out to fit one comment");
  });

  it("cuts at a line end with a note when even that is too long", () => {
    const out = renderPlanMarkdown(summarizePlan(many), { maxChars: 5_000 });
    expect(out.length).toBeLessThanOrEqual(5_000);
    expect(out).toMatch(/\n\n_… cut to fit one comment; `terraform show plan.out` has the whole plan._\n$/);
  });
});
