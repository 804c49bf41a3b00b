/**
 * A Terraform plan as a policy subject: every Callplane resource with its values before and after
 * (unknown values left out), the concurrency budget after the plan, and the live tenant.
 */
import type { BudgetFacts, LiveTenant, PolicySubject, ResourceAction, SubjectResource, Values } from "@callplane/policy";
import { buildBudget } from "../summary/budget.js";
import { collectNames } from "../summary/names.js";
import { configuredAttributes } from "../terraform/config.js";
import { isPlainObject } from "../terraform/json.js";
import { kindOf, type Marks, type PlanJson } from "../terraform/plan-json.js";

/** The value without the parts Terraform marks as unknown. */
function withoutUnknowns(value: unknown, unknown: Marks | undefined): unknown {
  if (unknown === true) return undefined;
  if (!unknown || typeof unknown !== "object") return value;
  if (Array.isArray(value)) return value.map((v, i) => withoutUnknowns(v, (unknown as Marks[])[i]));
  if (!isPlainObject(value)) return value;
  const marks = unknown as Record<string, Marks>;
  return Object.fromEntries(Object.entries(value).flatMap(([k, v]) => (marks[k] === true ? [] : [[k, withoutUnknowns(v, marks[k])]])));
}

const ACTIONS: Record<ReturnType<typeof kindOf>, ResourceAction> = { create: "create", update: "update", replace: "replace", destroy: "destroy", forget: "none", none: "none" };

export function planResources(plan: PlanJson): SubjectResource[] {
  return (plan.resource_changes ?? [])
    .filter((rc) => rc.mode === "managed" && rc.type.startsWith("callplane_"))
    .map((rc) => {
      const action = ACTIONS[kindOf(rc.change.actions)];
      const before = isPlainObject(rc.change.before) ? rc.change.before : null;
      const after = isPlainObject(rc.change.after) ? (withoutUnknowns(rc.change.after, rc.change.after_unknown) as Values) : null;
      const replacedBecause = action === "replace" ? [...new Set((rc.change.replace_paths ?? []).map((p) => String(p[0])))] : [];
      return { address: rc.address, type: rc.type, action, before, after, ...(replacedBecause.length ? { replacedBecause } : {}) };
    });
}

export function planBudget(plan: PlanJson, livePlanLimit?: number): BudgetFacts | undefined {
  const budget = buildBudget(plan, collectNames(plan), configuredAttributes(plan), { includeUnchanged: true });
  if (!budget) return undefined;
  const split = (plan.resource_changes ?? []).find((rc) => rc.type === "callplane_concurrency_split" && rc.change.after);
  return {
    planLimit: budget.planLimit ?? livePlanLimit ?? null,
    ...(split ? { address: split.address } : {}),
    // The row of environments no resource manages is a sum, not an environment: it counts in the
    // total but not against the per-environment share.
    environments: budget.rows.filter((r) => r.address).map((r) => ({ name: r.environment, address: r.address!, before: r.before, after: r.after })),
    allocatedAfter: budget.totalAfter,
  };
}

export interface LiveFacts {
  team?: LiveTenant;
  planLimit?: number;
}

export function planSubject(plan: PlanJson, live: LiveFacts = {}): PolicySubject {
  const budget = planBudget(plan, live.planLimit);
  return { source: "plan", resources: planResources(plan), ...(live.team ? { live: live.team } : {}), ...(budget ? { budget } : {}) };
}
