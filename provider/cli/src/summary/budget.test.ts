/** The concurrency budget of a plan summary: rows, totals, what is left, and the table a reviewer reads. */
import { describe, expect, it } from "vitest";
import type { PlanJson, ResourceChange, StateResource } from "../terraform/plan-json.js";
import { configuredAttributes } from "../terraform/config.js";
import { allocationDiffs, buildBudget } from "./budget.js";
import { summarizePlan } from "./build.js";
import { renderPlanMarkdown } from "./markdown.js";
import { collectNames } from "./names.js";
import { change, configuration, resource } from "./test-support.js";

/** A plan whose configuration sets `max_concurrent_calls` on the environments listed in `setsCalls`. */
function plan(changes: ResourceChange[], { prior = [], setsCalls = [] }: { prior?: StateResource[]; setsCalls?: string[] } = {}): PlanJson {
  return {
    format_version: "1.2",
    resource_changes: changes,
    prior_state: { values: { root_module: { resources: prior } } },
    configuration: configuration(changes, (rc) => ["name", ...(setsCalls.includes(rc.address) ? ["max_concurrent_calls"] : [])]),
  };
}
const budgetOf = (p: PlanJson, options = {}) => buildBudget(p, collectNames(p), configuredAttributes(p), options);
/** The budget table's lines, from its heading to the line after "Left". */
const table = (p: PlanJson) => {
  const lines = renderPlanMarkdown(summarizePlan(p)).split("\n");
  const start = lines.findIndex((l) => l.startsWith("### Concurrency budget"));
  return lines.slice(start, lines.findIndex((l, i) => i > start && l.startsWith("| Left")) + 1);
};
const tenant = (planLimit: number) => resource("callplane_tenant_settings.this", { name: "Acme", plan_limit: planLimit });

describe("the budget of environments that set their own calls", () => {
  const grow = change("callplane_environment.eu", ["update"], { id: "env_eu", name: "eu", max_concurrent_calls: 5 }, { id: "env_eu", name: "eu", max_concurrent_calls: 8 });
  const add = change("callplane_environment.us", ["create"], null, { name: "us", max_concurrent_calls: 3 });
  const drop = change("callplane_environment.old", ["delete"], { id: "env_old", name: "old", max_concurrent_calls: 4 }, null);

  it("counts each environment before and after, new ones from 0, destroyed ones to 0, against the tenant's limit", () => {
    const p = plan([grow, add, drop], { prior: [tenant(20)], setsCalls: ["callplane_environment.eu", "callplane_environment.us"] });
    expect(budgetOf(p)).toEqual({
      planLimit: 20,
      rows: [
        { environment: "eu", environmentId: "env_eu", address: "callplane_environment.eu", before: 5, after: 8 },
        { environment: "us", address: "callplane_environment.us", before: 0, after: 3, note: "new" },
        { environment: "old", environmentId: "env_old", address: "callplane_environment.old", before: 4, after: 0, note: "destroyed" },
      ],
      totalBefore: 9,
      totalAfter: 11,
      leftBefore: 11,
      leftAfter: 9,
      overLimit: false,
    });
    expect(table(p)).toEqual([
      "### Concurrency budget (plan limit 20)",
      "",
      "| Environment | Before | After | Change |",
      "|---|--:|--:|--:|",
      "| eu | 5 | 8 | +3 |",
      "| us _(new)_ | 0 | 3 | +3 |",
      "| old _(destroyed)_ | 4 | 0 | −4 |",
      "| **Total** | **9 of 20** | **11 of 20** | +2 |",
      "| Left | 11 | 9 | |",
    ]);
  });

  it("leaves environments out whose configuration does not set their calls, unless destroyed, and other resources always", () => {
    expect(budgetOf(plan([grow]))).toBeUndefined();
    const user = change("callplane_user.sam", ["delete"], { id: "usr_1", name: "Sam", max_concurrent_calls: 3 }, null);
    expect(budgetOf(plan([grow, drop, user]))?.rows.map((r) => r.environment)).toEqual(["old"]);
  });

  it("a number known before but not after (or the other way round) leaves the change cell empty", () => {
    const p = plan([change("callplane_environment.eu", ["update"], { id: "env_eu", name: "eu", max_concurrent_calls: null }, { id: "env_eu", name: "eu", max_concurrent_calls: 8 })], {
      prior: [tenant(20)],
      setsCalls: ["callplane_environment.eu"],
    });
    expect(table(p).slice(4)).toEqual([
      "| eu | _(known after apply)_ | 8 |  |",
      "| **Total** | **_(known after apply)_ of 20** | **8 of 20** |  |",
      "| Left | _(known after apply)_ | 12 | |",
    ]);
  });

  it("without a known plan limit: no 'of', nothing left to show, never over", () => {
    const p = plan([grow], { setsCalls: ["callplane_environment.eu"] });
    expect(budgetOf(p)).toMatchObject({ planLimit: null, totalBefore: 5, totalAfter: 8, leftBefore: null, leftAfter: null, overLimit: false });
    expect(table(p)).toEqual([
      "### Concurrency budget (plan limit unknown)",
      "",
      "| Environment | Before | After | Change |",
      "|---|--:|--:|--:|",
      "| eu | 5 | 8 | +3 |",
      "| **Total** | **5** | **8** | +3 |",
      "| Left | _(known after apply)_ | _(known after apply)_ | |",
    ]);
  });

  it("a number known only after apply leaves the totals unknown, and no change shown", () => {
    const unknown = change("callplane_environment.eu", ["update"], { id: "env_eu", name: "eu", max_concurrent_calls: 5 }, { id: "env_eu", name: "eu" });
    unknown.change.after_unknown = { max_concurrent_calls: true };
    const p = plan([unknown, add], { prior: [tenant(20)], setsCalls: ["callplane_environment.eu", "callplane_environment.us"] });
    expect(budgetOf(p)).toMatchObject({ totalBefore: 5, totalAfter: null, leftBefore: 15, leftAfter: null, overLimit: false });
    expect(table(p).slice(4)).toEqual([
      "| eu | 5 | _(known after apply)_ |  |",
      "| us _(new)_ | 0 | 3 | +3 |",
      "| **Total** | **5 of 20** | **_(known after apply)_ of 20** |  |",
      "| Left | 15 | _(known after apply)_ | |",
    ]);
    // No chart while a number is unknown, and no empty line left for it.
    expect(renderPlanMarkdown(summarizePlan(p))).toContain("| Left | 15 | _(known after apply)_ | |\n\n### Environments\n");
  });

  it("an unchanged environment counts only when asked (the policy checks the budget after the plan)", () => {
    const same = change("callplane_environment.eu", ["no-op"], { id: "env_eu", name: "eu", max_concurrent_calls: 5 }, { id: "env_eu", name: "eu", max_concurrent_calls: 5 });
    const p = plan([same], { setsCalls: ["callplane_environment.eu"] });
    expect(budgetOf(p)).toBeUndefined();
    expect(budgetOf(p, { includeUnchanged: true })?.rows).toEqual([{ environment: "eu", environmentId: "env_eu", address: "callplane_environment.eu", before: 5, after: 5 }]);
  });

  it("names an environment by its address when the plan has no name", () => {
    const p = plan([change("callplane_environment.x", ["update"], { id: "env_x", max_concurrent_calls: 1 }, { id: "env_x", max_concurrent_calls: 2 })], { setsCalls: ["callplane_environment.x"] });
    expect(budgetOf(p)?.rows[0]).toMatchObject({ environment: "callplane_environment.x", before: 1, after: 2 });
    const renamed = plan([change("callplane_environment.x", ["update"], { id: "env_x", name: "old", max_concurrent_calls: 1 }, { id: "env_x", max_concurrent_calls: 2 })], { setsCalls: ["callplane_environment.x"] });
    expect(budgetOf(renamed)?.rows[0]!.environment).toBe("old");
  });
});

describe("the budget of a concurrency split", () => {
  const prior = [resource("callplane_environment.a", { id: "env_a", name: "prod" }), resource("callplane_environment.b", { id: "env_b", name: "staging" })];
  const split = (before: unknown, after: unknown) => change("callplane_concurrency_split.calls", ["update"], before, after);
  const alloc = (id: string, calls: number) => ({ environment_id: id, max_concurrent_calls: calls });

  it("an environment the split stops listing keeps its calls, or drops to 0 when the split is exclusive", () => {
    const before = { plan_limit: 40, allocated: 30, allocations: [alloc("env_a", 20), alloc("env_b", 10)] };
    const kept = budgetOf(plan([split(before, { plan_limit: 40, allocations: [alloc("env_a", 25)] })], { prior }));
    expect(kept?.rows).toEqual([
      { environment: "prod", environmentId: "env_a", address: "callplane_concurrency_split.calls", before: 20, after: 25 },
      { environment: "staging", environmentId: "env_b", address: "callplane_concurrency_split.calls", before: 10, after: 10 },
    ]);
    expect(kept).toMatchObject({ planLimit: 40, totalBefore: 30, totalAfter: 35, leftAfter: 5 });
    // No change: an empty cell, not "+0".
    expect(table(plan([split(before, { plan_limit: 40, allocations: [alloc("env_a", 25)] })], { prior }))).toContain("| staging | 10 | 10 |  |");
    const exclusive = budgetOf(plan([split(before, { plan_limit: 40, exclusive: true, allocations: [alloc("env_a", 25)] })], { prior }));
    expect(exclusive?.rows[1]).toMatchObject({ environment: "staging", before: 10, after: 0 });
    expect(exclusive).toMatchObject({ totalAfter: 25, leftAfter: 15 });
  });

  it("an allocation whose new number is known only after apply shows as unknown, not as its old number", () => {
    const before = { plan_limit: 40, allocated: 30, allocations: [alloc("env_a", 20), alloc("env_b", 10)] };
    // `max_concurrent_calls` left out of `after`: Terraform marks it in after_unknown.
    const after = { plan_limit: 40, allocations: [{ environment_id: "env_a" }, alloc("env_b", 10)] };
    const budget = budgetOf(plan([split(before, after)], { prior }));
    expect(budget?.rows[0]).toMatchObject({ environment: "prod", before: 20, after: null });
    expect(budget?.totalAfter).toBeNull();
    expect(table(plan([split(before, after)], { prior })).join("\n")).toContain("| prod | 20 | _(known after apply)_ |");
  });

  it("an existing environment the split starts listing moves its calls out of the other environments' row", () => {
    const before = { plan_limit: 40, allocated: 30, allocations: [alloc("env_a", 20)] };
    const after = { plan_limit: 40, allocations: [alloc("env_a", 20), alloc("env_b", 12)] };
    // The state knows staging's 10 calls: they leave "other environments" for staging's own row.
    const known = budgetOf(plan([split(before, after)], { prior: [prior[0]!, resource("callplane_environment.b", { id: "env_b", name: "staging", max_concurrent_calls: 10 })] }));
    expect(known?.rows).toEqual([
      { environment: "prod", environmentId: "env_a", address: "callplane_concurrency_split.calls", before: 20, after: 20 },
      { environment: "staging", environmentId: "env_b", address: "callplane_concurrency_split.calls", before: 10, after: 12 },
    ]);
    expect(known).toMatchObject({ totalBefore: 30, totalAfter: 32, leftAfter: 8 });
    // Without it, neither staging's own "before" nor what is left in the others is known: not counted twice.
    const unknown = budgetOf(plan([split(before, after)], { prior }));
    expect(unknown?.rows.slice(1)).toEqual([
      { environment: "staging", environmentId: "env_b", address: "callplane_concurrency_split.calls", before: null, after: 12 },
      { environment: "other environments (not managed here)", before: 10, after: null },
    ]);
    expect(unknown).toMatchObject({ totalBefore: null, totalAfter: null, leftAfter: null });
  });

  it("environments it does not list are one row, which an exclusive split sets to 0", () => {
    const before = { plan_limit: 40, allocated: 36, allocations: [alloc("env_a", 20)] };
    const shared = budgetOf(plan([split(before, { plan_limit: 40, allocations: [alloc("env_a", 10)] })], { prior }));
    expect(shared?.rows.at(-1)).toEqual({ environment: "other environments (not managed here)", before: 16, after: 16 });
    expect(shared).toMatchObject({ totalBefore: 36, totalAfter: 26 });
    const exclusive = budgetOf(plan([split(before, { plan_limit: 40, exclusive: true, allocations: [alloc("env_a", 10)] })], { prior }));
    expect(exclusive?.rows.at(-1)).toEqual({ environment: "other environments (not managed here)", before: 16, after: 0 });
    // Nothing unlisted: no such row.
    const all = budgetOf(plan([split({ ...before, allocated: 20 }, { plan_limit: 40, allocations: [alloc("env_a", 10)] })], { prior }));
    expect(all?.rows.map((r) => r.environment)).toEqual(["prod"]);
  });

  it("an environment that sets its own calls is not among the others", () => {
    const p = plan(
      [
        split({ plan_limit: 40, allocated: 30, allocations: [alloc("env_a", 20)] }, { plan_limit: 40, allocations: [alloc("env_a", 20)] }),
        change("callplane_environment.b", ["update"], { id: "env_b", name: "staging", max_concurrent_calls: 10 }, { id: "env_b", name: "staging", max_concurrent_calls: 12 }),
      ],
      { prior, setsCalls: ["callplane_environment.b"] },
    );
    expect(budgetOf(p)?.rows.map((r) => [r.environment, r.before, r.after])).toEqual([
      ["prod", 20, 20],
      ["staging", 10, 12],
    ]);
  });

  it("the limit comes from the split after, then before, then the tenant; ids without a name show as ids", () => {
    expect(budgetOf(plan([split({ plan_limit: 30, allocations: [alloc("env_z", 1)] }, { plan_limit: 50, allocations: [alloc("env_z", 2)] })]))).toMatchObject({ planLimit: 50, rows: [{ environment: "env_z" }] });
    expect(budgetOf(plan([split({ plan_limit: 30, allocations: [alloc("env_z", 1)] }, { allocations: [alloc("env_z", 2)] })]))?.planLimit).toBe(30);
    expect(budgetOf(plan([split({ allocations: [alloc("env_z", 1)] }, { allocations: [alloc("env_z", 2)] })], { prior: [tenant(12)] }))?.planLimit).toBe(12);
  });

  it("new environments without ids are named by the configuration's references when they match the list, else numbered", () => {
    const after = { allocations: [alloc("env_a", 10), { max_concurrent_calls: 5 }, { max_concurrent_calls: 7 }] };
    const p = plan([split({ allocations: [alloc("env_a", 20)] }, after)], { prior });
    expect(budgetOf(p)?.rows.map((r) => [r.environment, r.before, r.after])).toEqual([
      ["prod", 20, 10],
      ["new environment #2", 0, 5],
      ["new environment #3", 0, 7],
    ]);
  });

  it("numbers new environments when the references do not line up with the list", () => {
    const after = { allocations: [{ max_concurrent_calls: 5 }, alloc("env_a", 10), { max_concurrent_calls: 7 }] };
    const p: PlanJson = {
      ...plan([split({ allocations: [alloc("env_a", 20)] }, after)], { prior }),
      planned_values: { root_module: { resources: [resource("callplane_environment.eu", { name: "eu" })] } },
    };
    p.configuration!.root_module!.resources![0]!.expressions = { allocations: { references: ["callplane_environment.eu.id", "callplane_environment.eu"] } };
    expect(budgetOf(p)?.rows.map((r) => r.environment)).toEqual(["prod", "new environment #1", "new environment #3"]);
    // Lined up, the reference names it.
    p.configuration!.root_module!.resources![0]!.expressions = { allocations: { references: ["callplane_environment.eu.id", "callplane_environment.eu", "callplane_environment.a.id", "callplane_environment.x.id"] } };
    expect(budgetOf(p)?.rows.map((r) => r.environment)).toEqual(["prod", "eu", "callplane_environment.x"]);
  });

  it("an environment both in the split and changed itself is one row, with the split's numbers", () => {
    const p = plan(
      [
        split({ plan_limit: 40, allocations: [alloc("env_a", 20)] }, { plan_limit: 40, allocations: [alloc("env_a", 30)] }),
        change("callplane_environment.a", ["update"], { id: "env_a", name: "prod", max_concurrent_calls: 20 }, { id: "env_a", name: "prod", max_concurrent_calls: 99 }),
      ],
      { prior, setsCalls: ["callplane_environment.a"] },
    );
    expect(budgetOf(p)?.rows).toEqual([{ environment: "prod", environmentId: "env_a", address: "callplane_concurrency_split.calls", before: 20, after: 30 }]);
  });

  it("over the limit exactly when the total after exceeds it", () => {
    const at = budgetOf(plan([split({ plan_limit: 40, allocations: [alloc("env_a", 20)] }, { plan_limit: 40, allocations: [alloc("env_a", 40)] })], { prior }));
    expect(at).toMatchObject({ totalAfter: 40, leftAfter: 0, overLimit: false });
    const overPlan = plan([split({ plan_limit: 40, allocations: [alloc("env_a", 20)] }, { plan_limit: 40, allocations: [alloc("env_a", 41)] })], { prior });
    expect(budgetOf(overPlan)).toMatchObject({ totalAfter: 41, leftAfter: -1, overLimit: true });
    expect(renderPlanMarkdown(summarizePlan(overPlan))).toContain("| Left | 20 | -1 | |\n\n⚠️ **Over the plan limit:** 41 calls allocated of 40. The API will refuse this apply.\n");
  });
});

describe("a split's allocations as attribute rows", () => {
  it("one row per environment whose calls changed, named when known, absent when added or dropped", () => {
    const names = collectNames({ format_version: "1.2", prior_state: { values: { root_module: { resources: [resource("callplane_environment.a", { id: "env_a", name: "prod" })] } } } });
    const diffs = allocationDiffs(
      {
        actions: ["update"],
        before: { allocations: [{ environment_id: "env_a", max_concurrent_calls: 20 }, { environment_id: "env_b", max_concurrent_calls: 5 }, { environment_id: "env_c", max_concurrent_calls: 1 }] },
        after: { allocations: [{ environment_id: "env_a", max_concurrent_calls: 10 }, { environment_id: "env_c", max_concurrent_calls: 1 }, { environment_id: "env_d", max_concurrent_calls: 2 }, { max_concurrent_calls: 3 }] },
      },
      names,
    );
    expect(diffs).toEqual([
      { path: 'allocations["prod"]', attribute: "allocations", key: "prod", before: { kind: "value", value: 20 }, after: { kind: "value", value: 10 } },
      { path: 'allocations["env_b"]', attribute: "allocations", key: "env_b", before: { kind: "value", value: 5 }, after: { kind: "absent" } },
      { path: 'allocations["env_d"]', attribute: "allocations", key: "env_d", before: { kind: "absent" }, after: { kind: "value", value: 2 } },
    ]);
  });
});
