/**
 * The concurrency budget: each environment's calls before and after the plan, and the total
 * against the plan limit. Reads `callplane_concurrency_split` changes (and environments that set
 * `max_concurrent_calls` themselves); environments created in the same plan have unknown ids, so
 * they are matched to the split's list by the configuration's references, in order.
 */
import { configAddress, referencedResources, type ConfiguredAttributes } from "../terraform/config.js";
import { asString } from "../terraform/json.js";
import { kindOf, type Change, type PlanJson } from "../terraform/plan-json.js";
import type { AttributeDiff } from "../terraform/values.js";
import type { Budget, BudgetRow } from "./model.js";
import type { Names } from "./names.js";

interface Allocation {
  environment_id?: unknown;
  max_concurrent_calls?: unknown;
}

const num = (v: unknown): number | null => (typeof v === "number" ? v : null);
const allocationsOf = (v: unknown): Allocation[] => {
  const list = (v as { allocations?: unknown } | null)?.allocations;
  return Array.isArray(list) ? (list as Allocation[]) : [];
};

export interface BudgetOptions {
  /** Count resources the plan leaves unchanged too (the policy checks the budget after the plan, changed or not). */
  includeUnchanged?: boolean;
}

export function buildBudget(plan: PlanJson, names: Names, configured: ConfiguredAttributes, options: BudgetOptions = {}): Budget | undefined {
  const changes = (plan.resource_changes ?? []).filter((rc) => rc.mode === "managed" && (options.includeUnchanged || kindOf(rc.change.actions) !== "none"));
  const splits = changes.filter((rc) => rc.type === "callplane_concurrency_split");
  const environmentChanges = changes.filter(
    (rc) => rc.type === "callplane_environment" && (configured.get(configAddress(rc.address))?.has("max_concurrent_calls") || kindOf(rc.change.actions) === "destroy"),
  );
  if (splits.length === 0 && environmentChanges.length === 0) return undefined;

  const rows = new Map<string, BudgetRow>();
  const row = (key: string, environment: string, environmentId: string | undefined, address: string): BudgetRow => {
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { environment, ...(environmentId ? { environmentId } : {}), address, before: null, after: null }));
    return r;
  };
  const nameOf = (id: string) => names.environmentById.get(id) ?? id;
  let planLimit = names.planLimit;
  let allocatedBefore: number | null = null;
  let listedBefore = 0;
  let exclusive = false;
  /** An existing environment the split starts listing, with calls the state does not tell. */
  let movedUnknown = false;

  for (const split of splits) {
    const before = split.change.before as Record<string, unknown> | null;
    const after = split.change.after as Record<string, unknown> | null;
    planLimit = num(after?.plan_limit) ?? num(before?.plan_limit) ?? planLimit;
    allocatedBefore = num(before?.allocated);
    exclusive = after?.exclusive === true;
    for (const a of allocationsOf(before)) {
      const id = asString(a.environment_id);
      if (!id) continue;
      const r = row(id, nameOf(id), id, split.address);
      r.before = num(a.max_concurrent_calls);
      listedBefore += r.before ?? 0;
    }
    const referenced = referencedResources(plan, split.address, "allocations", "callplane_environment");
    const listedAfter = new Set<BudgetRow>();
    allocationsOf(after).forEach((a, i) => {
      const id = asString(a.environment_id);
      // Without an id, an environment this plan creates: named by the configuration's reference.
      const address = !id && referenced.length === allocationsOf(after).length ? referenced[i] : undefined;
      const key = id ?? address ?? `new-${i}`;
      const label = id ? nameOf(id) : ((address && names.environmentByAddress.get(address)) ?? address ?? `new environment #${i + 1}`);
      const r = row(key, label, id, split.address);
      r.after = num(a.max_concurrent_calls); // null while Terraform knows it only after apply
      listedAfter.add(r);
      if (r.before === null && !id) r.before = 0;
      else if (r.before === null && id) {
        // An existing environment the split starts listing: its calls so far were among the
        // "other environments", so they move from that row to its own.
        r.before = names.environmentCallsById.get(id) ?? null;
        if (r.before === null) movedUnknown = true;
        else listedBefore += r.before;
      }
    });
    // Listed before, not after: the split stops managing it (or zeroes it when exclusive).
    for (const r of rows.values()) if (!listedAfter.has(r) && r.after === null && r.before !== null) r.after = exclusive ? 0 : r.before;
  }

  for (const env of environmentChanges) {
    const before = env.change.before as Record<string, unknown> | null;
    const after = env.change.after as Record<string, unknown> | null;
    const id = asString(before?.id);
    const key = id ?? env.address;
    const label = asString(after?.name) ?? asString(before?.name) ?? env.address;
    const existing = rows.get(key);
    const r = existing ?? row(key, label, id, env.address);
    const kind = kindOf(env.change.actions);
    if (!existing) {
      r.before = kind === "create" ? 0 : num(before?.max_concurrent_calls);
      listedBefore += r.before ?? 0;
    }
    if (kind === "destroy") {
      r.after = 0;
      r.note = "destroyed";
    } else if (!existing || r.after === null) {
      r.after = num(after?.max_concurrent_calls);
    }
    if (kind === "create") r.note = "new";
  }

  const list = [...rows.values()];
  const others = allocatedBefore !== null ? allocatedBefore - listedBefore : 0;
  if (others > 0) {
    list.push({ environment: "other environments (not managed here)", before: others, after: exclusive ? 0 : movedUnknown ? null : others });
  }
  const total = (pick: (r: BudgetRow) => number | null) => (list.some((r) => pick(r) === null) ? null : list.reduce((s, r) => s + (pick(r) ?? 0), 0));
  const totalBefore = total((r) => r.before);
  const totalAfter = total((r) => r.after);
  const left = (t: number | null) => (t === null || planLimit === null ? null : planLimit - t);
  return {
    planLimit,
    rows: list,
    totalBefore,
    totalAfter,
    leftBefore: left(totalBefore),
    leftAfter: left(totalAfter),
    overLimit: totalAfter !== null && planLimit !== null && totalAfter > planLimit,
  };
}

/** Each listed environment's calls, by id. */
const callsById = (v: unknown) => new Map(allocationsOf(v).flatMap((a) => (typeof a.environment_id === "string" ? [[a.environment_id, a.max_concurrent_calls] as const] : [])));

/** A split's allocations compared environment by environment, by name. */
export function allocationDiffs(change: Change, names: Names): AttributeDiff[] {
  const before = callsById(change.before);
  const after = callsById(change.after);
  const diffs: AttributeDiff[] = [];
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(id);
    const a = after.get(id);
    if (b === a) continue;
    const name = names.environmentById.get(id) ?? id;
    diffs.push({
      path: `allocations[${JSON.stringify(name)}]`,
      attribute: "allocations",
      key: name,
      before: before.has(id) ? { kind: "value", value: b } : { kind: "absent" },
      after: after.has(id) ? { kind: "value", value: a } : { kind: "absent" },
    });
  }
  return diffs;
}
