/** The plan summary as a reviewer reads it: every line, section by section. */
import { describe, expect, it } from "vitest";
import type { PlanJson, ResourceChange } from "../terraform/plan-json.js";
import { summarizePlan } from "./build.js";
import { renderPlanMarkdown } from "./markdown.js";
import { change, configuration } from "./test-support.js";

/** The configuration sets `name` on every resource, `email` and `role` on users, `assignments` on the team. */
const configured = (changes: ResourceChange[]) => configuration(changes, () => ["name", "email", "role", "assignments", "hidden"]);

describe("a plan of every kind of change", () => {
  const changes = [
    change("callplane_tenant_settings.this", ["update"], { id: "ten_1", name: "Acme" }, { id: "ten_1", name: "Acme Voice" }),
    change("callplane_environment.eu", ["create"], null, { name: "eu", hidden: false, description: null }, { after_unknown: { id: true, api_key: true } }),
    change("callplane_environment.old", ["delete"], { id: "env_1", name: "old", max_concurrent_calls: 5 }, null),
    change("callplane_user.sam", ["create", "delete"], { id: "usr_1", email: "sam@a.test", role: "viewer", name: "Sam" }, { email: "sam@b.test", role: "viewer", name: "Sam" }, { replace_paths: [["email"], ["email"]], after_unknown: { id: true } }),
    change("callplane_role_assignments.team", ["update"], { assignments: { "lee@acme.test": "member" } }, { assignments: { "lee@acme.test": "member", "kim@acme.test": "viewer" } }),
    change("callplane_invitation.legacy", ["forget"], { id: "inv_1", email: "legacy@acme.test", role: "viewer" }, null),
    change("callplane_environment.same", ["no-op"], { id: "env_2", name: "same" }, { id: "env_2", name: "same" }),
  ];
  const plan: PlanJson = {
    format_version: "1.2",
    terraform_version: "1.11.4",
    resource_changes: changes,
    resource_drift: [change("callplane_environment.same", ["update"], { id: "env_2", name: "same", hidden: false }, { id: "env_2", name: "same", hidden: true })],
    configuration: configured(changes),
  };

  it("heads with the counts, destructive ones first and bold, then each section in order", () => {
    expect(renderPlanMarkdown(summarizePlan(plan))).toBe(
      [
        "## Callplane plan: **1 to destroy**, **1 to replace**, 1 to create, 2 to update, 1 to forget",
        "",
        "Terraform found **1 resource changed outside Terraform**; see the last section.",
        "",
        "### ⚠️ Destroyed or replaced",
        "",
        "- **DESTROY** `callplane_environment.old` (old)",
        "- **REPLACE** `callplane_user.sam` (sam@b.test) — because `email` changed",
        "",
        "### Concurrency budget (plan limit unknown)",
        "",
        "| Environment | Before | After | Change |",
        "|---|--:|--:|--:|",
        "| old _(destroyed)_ | 5 | 0 | −5 |",
        "| **Total** | **5** | **0** | −5 |",
        "| Left | _(known after apply)_ | _(known after apply)_ | |",
        "",
        "```mermaid",
        "xychart-beta",
        '  title "Concurrent calls per environment, before and after"',
        '  x-axis ["old before", "old after"]',
        '  y-axis "Concurrent calls" 0 --> 5',
        "  bar [5, 0]",
        "  bar [0, 0]",
        "```",
        "",
        "### Roles and invitations",
        "",
        "| Who | Before | After | |",
        "|---|---|---|---|",
        "| sam@a.test | viewer | _(removed)_ |  |",
        "| sam@b.test | — | viewer |  |",
        "| kim@acme.test | — | viewer | invited, not yet accepted |",
        "",
        "- Invitations sent: kim@acme.test (viewer)",
        "",
        "### Tenant settings",
        "",
        "**`callplane_tenant_settings.this`** (Acme Voice) — update",
        "",
        "| Attribute | Before | After |",
        "|---|---|---|",
        "| name | `Acme` | `Acme Voice` |",
        "",
        "### Environments",
        "",
        "**`callplane_environment.eu`** (eu) — create",
        "",
        "| Attribute | Before | After |",
        "|---|---|---|",
        "| hidden | — | `false` |",
        "| name | — | `eu` |",
        "",
        "Known after apply: `api_key`, `id`.",
        "",
        "**`callplane_environment.old`** (old) — destroy",
        "",
        "### Other changes",
        "",
        "**`callplane_user.sam`** (sam@b.test) — replace",
        "",
        "| Attribute | Before | After |",
        "|---|---|---|",
        "| email | `sam@a.test` | `sam@b.test` |",
        "",
        "Known after apply: `id`.",
        "",
        "**`callplane_invitation.legacy`** (legacy@acme.test) — forget",
        "",
        "### Changed outside Terraform",
        "",
        "Found while refreshing; not part of this change. Applying this plan puts these back as configured.",
        "",
        "**`callplane_environment.same`** (same) — changed",
        "",
        "| Attribute | Before | After |",
        "|---|---|---|",
        "| hidden | `false` | `true` |",
        "",
      ].join("\n"),
    );
  });

  it("in JSON: the version, counts, and each resource once in its section", () => {
    const summary = summarizePlan(plan);
    expect(summary).toMatchObject({ terraformVersion: "1.11.4", counts: { create: 1, update: 2, replace: 1, destroy: 1, forget: 1 }, refreshOnly: false, hasChanges: true });
    expect(summary.destructive.map((s) => s.address)).toEqual(["callplane_environment.old", "callplane_user.sam"]);
    expect(summary.destructive[1]!.replacedBecause).toEqual(["email"]);
    expect(summary.tenant.map((s) => s.address)).toEqual(["callplane_tenant_settings.this"]);
    expect(summary.environments.map((s) => s.address)).toEqual(["callplane_environment.eu", "callplane_environment.old"]);
    expect(summary.other.map((s) => s.address)).toEqual(["callplane_user.sam", "callplane_invitation.legacy"]);
    expect(summary.drift.map((s) => [s.address, s.kind])).toEqual([["callplane_environment.same", "update"]]);
    expect(summarizePlan({ ...plan, terraform_version: undefined })).not.toHaveProperty("terraformVersion");
  });

  it("brief, when too long: one line per resource with the attributes it changes", () => {
    const full = renderPlanMarkdown(summarizePlan(plan));
    const out = renderPlanMarkdown(summarizePlan(plan), { maxChars: full.length - 1 });
    expect(renderPlanMarkdown(summarizePlan(plan), { maxChars: full.length })).toBe(full);
    expect(out).toContain("### Environments\n- `callplane_environment.eu` (eu) — create: hidden, name\n- `callplane_environment.old` (old) — destroy\n");
    expect(out).toContain("### Changed outside Terraform\n\nFound while refreshing; not part of this change. Applying this plan puts these back as configured.\n- `callplane_environment.same` (same) — changed: hidden\n");
    expect(out).toContain("\n\n_Attribute tables left out to fit one comment: `callplane plan-summary --format json` or `terraform show plan.out` has them._\n");
    expect(out.length).toBeLessThan(full.length);
    expect(out).not.toContain("_… cut to fit one comment");
    // Exactly as long as the limit still fits; one less is cut, at the end of a line.
    expect(renderPlanMarkdown(summarizePlan(plan), { maxChars: out.length })).toBe(out);
    const cut = renderPlanMarkdown(summarizePlan(plan), { maxChars: out.length - 1 });
    const kept = cut.slice(0, cut.indexOf("\n\n_… cut to fit one comment"));
    expect(out.startsWith(`${kept}\n`)).toBe(true);
  });
});

describe("destroyed or replaced", () => {
  it("destroys first, then replacements, each in the plan's order", () => {
    const env = (name: string, actions: ResourceChange["change"]["actions"]) => change(`callplane_environment.${name}`, actions, { id: `env_${name}`, name }, actions.includes("create") ? { name } : null, { after_unknown: actions.includes("create") ? { id: true } : {} });
    const r2 = env("r2", ["create", "delete"]);
    r2.change.replace_paths = [["name"], ["hidden"]];
    const summary = summarizePlan({ format_version: "1.2", resource_changes: [env("r1", ["delete", "create"]), env("d1", ["delete"]), r2, env("d2", ["delete"]), env("d3", ["delete"])] });
    expect(summary.destructive.map((s) => s.label)).toEqual(["d1", "d2", "d3", "r1", "r2"]);
    const out = renderPlanMarkdown(summary);
    // What forces a replacement is said only when the plan says it.
    expect(out).toContain("- **REPLACE** `callplane_environment.r1` (r1)\n- **REPLACE** `callplane_environment.r2` (r2) — because `name`, `hidden` changed\n");
    expect(out).not.toContain("outside Terraform");
  });
});

describe("a resource without a human name", () => {
  it("is shown by its address alone: destroyed, in its section, and in the brief form", () => {
    const split = change("callplane_concurrency_split.calls", ["delete"], { allocations: [] }, null);
    // Long values: the tables are what makes the summary too long.
    const token = change("callplane_api_token.ci", ["update"], { id: "tok_1", description: "ci ".repeat(200) }, { id: "tok_1", description: "ci-2 ".repeat(200) });
    const summary = summarizePlan({ format_version: "1.2", resource_changes: [split, token] });
    const full = renderPlanMarkdown(summary);
    expect(full).toContain("- **DESTROY** `callplane_concurrency_split.calls`\n");
    expect(full).toContain("### Other changes\n\n**`callplane_api_token.ci`** — update\n");
    expect(renderPlanMarkdown(summary, { maxChars: full.length - 1 })).toContain("### Other changes\n- `callplane_api_token.ci` — update: description\n");
  });
});

describe("drift in a plan summary", () => {
  const drifted = [
    change("callplane_environment.a", ["update"], { id: "env_1", name: "a", hidden: false }, { id: "env_1", name: "a", hidden: true }),
    change("callplane_environment.b", ["delete"], { id: "env_2", name: "b" }, null),
    change("callplane_environment.c", ["update"], { id: "env_3", name: "c", created_at: "x" }, { id: "env_3", name: "c", created_at: "y" }),
    { ...change("data.callplane_environment.d", ["update"], { id: "env_4", name: "d" }, { id: "env_4", name: "d2" }), mode: "data" as const },
    change("callplane_role_assignment.kim", ["update"], { email: "kim@acme.test", role: "viewer" }, { email: "kim@acme.test", role: "member" }),
  ];
  // A resource that left the configuration sets nothing: its drift is not reported.
  const gone = change("callplane_environment.gone", ["update"], { id: "env_5", name: "gone", hidden: false }, { id: "env_5", name: "gone", hidden: true });
  const refreshOnly: PlanJson = { format_version: "1.2", resource_drift: [...drifted, gone], configuration: configured(drifted) };

  it("of a refresh-only plan: no changes to apply, the drift with what applying it means, computed attributes left out", () => {
    const summary = summarizePlan(refreshOnly);
    expect(summary).toMatchObject({ refreshOnly: true, hasChanges: true });
    expect(renderPlanMarkdown(summary)).toBe(
      [
        "## Callplane plan: no changes to apply",
        "",
        "Terraform found **3 resources changed outside Terraform**; see the last section.",
        "",
        "### Changed outside Terraform",
        "",
        "Found while refreshing. Applying this refresh-only plan records these values in the state; a normal apply puts them back as configured.",
        "",
        "**`callplane_environment.a`** (a) — changed",
        "",
        "| Attribute | Before | After |",
        "|---|---|---|",
        "| hidden | `false` | `true` |",
        "",
        "**`callplane_environment.b`** (b) — deleted outside Terraform",
        "",
        "**`callplane_role_assignment.kim`** (kim@acme.test) — changed",
        "",
        "| Attribute | Before | After |",
        "|---|---|---|",
        "| role | `viewer` | `member` |",
        "",
      ].join("\n"),
    );
  });

  it("only computed attributes caught up: no changes", () => {
    const summary = summarizePlan({ ...refreshOnly, resource_drift: [drifted[2]!] });
    expect(summary).toMatchObject({ drift: [], hasChanges: false });
    expect(renderPlanMarkdown(summary)).toBe("No changes.\n");
  });
});

describe("attributes in the tables", () => {
  it("the team's changes are told as roles only, a pipe in an email escaped, and a value marked unknown is known after apply", () => {
    const rc = change("callplane_role_assignments.team", ["update"], { assignments: { "a|b@acme.test": "member" } }, { assignments: { "a|b@acme.test": "admin" } });
    const out = renderPlanMarkdown(summarizePlan({ format_version: "1.2", resource_changes: [rc] }));
    expect(out).not.toContain("**`callplane_role_assignments.team`**");
    expect(out).toContain("\n| a\\|b@acme.test | member | admin | ⚠️ **becomes admin** |\n");
    const env = change("callplane_environment.a", ["update"], { id: "env_1", name: "a", hidden: false }, { id: "env_1", name: "a" }, { after_unknown: { hidden: true } });
    const withUnknown = renderPlanMarkdown(summarizePlan({ format_version: "1.2", resource_changes: [env], configuration: configured([env]) }));
    expect(withUnknown).toContain("| hidden | `false` | _(known after apply)_ |");
    expect(withUnknown).not.toContain("Known after apply:");
    // An attribute the configuration does not set, with a known new value: in the table.
    const known = change("callplane_environment.a", ["update"], { id: "env_1", name: "a", description: "x" }, { id: "env_1", name: "b", description: null });
    expect(renderPlanMarkdown(summarizePlan({ format_version: "1.2", resource_changes: [known], configuration: configured([known]) }))).toContain("| description | `x` | `null` |\n| name | `a` | `b` |\n");
  });

  it("a split's allocations are rows by environment name, quoted as code", () => {
    const split = change(
      "callplane_concurrency_split.calls",
      ["update"],
      { allocations: [{ environment_id: "env_a", max_concurrent_calls: 1 }], exclusive: false },
      { allocations: [{ environment_id: "env_a", max_concurrent_calls: 2 }], exclusive: true },
    );
    const plan: PlanJson = {
      format_version: "1.2",
      resource_drift: [split],
      prior_state: { values: { root_module: { resources: [{ address: "callplane_environment.a", mode: "managed", type: "callplane_environment", name: "a", values: { id: "env_a", name: "prod" } }] } } },
    };
    expect(renderPlanMarkdown(summarizePlan(plan))).toContain("| Attribute | Before | After |\n|---|---|---|\n| exclusive | `false` | `true` |\n| allocations[`prod`] | `1` | `2` |\n");
  });
});
