/**
 * The concurrency budget: each environment's calls before and after the plan, and the total
 * against the plan limit. Reads `callplane_concurrency_split` changes (and environments that set
 * `max_concurrent_calls` themselves); environments created in the same plan have unknown ids, so
 * they are matched to the split's list by the configuration's references, in order.
 */
import { configuredAttributes, referencedResources, configAddress } from "../terraform/config.js";
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

export function buildBudget(plan: PlanJson, names: Names): Budget | undefined {
  const changes = (plan.resource_changes ?? []).filter((rc) => rc.mode === "managed" && kindOf(rc.change.actions) !== "none");
  const splits = changes.filter((rc) => rc.type === "callplane_concurrency_split");
  const configured = configuredAttributes(plan);
  const environmentChanges = changes.filter(
    (rc) => rc.type === "callplane_environment" && (configured.get(configAddress(rc.address))?.has("max_concurrent_calls") || kindOf(rc.change.actions) === "destroy"),
  );
  if (splits.length === 0 && environmentChanges.length === 0) return undefined;

  const rows = new Map<string, BudgetRow>();
  const row = (key: string, environment: string, environmentId?: string): BudgetRow => {
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { environment, ...(environmentId ? { environmentId } : {}), before: null, after: null }));
    return r;
  };
  const nameOf = (id: string) => names.environmentById.get(id) ?? id;
  let planLimit = names.planLimit;
  let allocatedBefore: number | null = null;
  let listedBefore = 0;
  let exclusive = false;

  for (const split of splits) {
    const before = split.change.before as Record<string, unknown> | null;
    const after = split.change.after as Record<string, unknown> | null;
    planLimit = num(after?.plan_limit) ?? num(before?.plan_limit) ?? planLimit;
    allocatedBefore = num(before?.allocated);
    exclusive = after?.exclusive === true;
    for (const a of allocationsOf(before)) {
      if (typeof a.environment_id !== "string") continue;
      const r = row(a.environment_id, nameOf(a.environment_id), a.environment_id);
      r.before = num(a.max_concurrent_calls);
      listedBefore += r.before ?? 0;
    }
    const referenced = referencedResources(plan, split.address, "allocations", "callplane_environment");
    allocationsOf(after).forEach((a, i) => {
      let key: string;
      let label: string;
      if (typeof a.environment_id === "string") {
        key = a.environment_id;
        label = nameOf(a.environment_id);
      } else {
        // Unknown id: an environment this plan creates.
        const address = referenced.length === allocationsOf(after).length ? referenced[i] : undefined;
        key = address ?? `new-${i}`;
        label = (address && names.environmentByAddress.get(address)) ?? address ?? `new environment #${i + 1}`;
      }
      const r = row(key, label, typeof a.environment_id === "string" ? a.environment_id : undefined);
      r.after = num(a.max_concurrent_calls);
      if (r.before === null && typeof a.environment_id !== "string") r.before = 0;
    });
    // Listed before, not after: the split stops managing it (or zeroes it when exclusive).
    for (const r of rows.values()) if (r.after === null && r.before !== null) r.after = exclusive ? 0 : r.before;
  }

  for (const env of environmentChanges) {
    const before = env.change.before as Record<string, unknown> | null;
    const after = env.change.after as Record<string, unknown> | null;
    const id = typeof before?.id === "string" ? before.id : undefined;
    const key = id ?? env.address;
    const label = (typeof after?.name === "string" ? after.name : undefined) ?? (typeof before?.name === "string" ? before.name : env.address);
    const existing = rows.get(key);
    const r = existing ?? row(key, label, id);
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
    list.push({ environment: "other environments (not managed here)", before: others, after: exclusive ? 0 : others });
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


/** A split's allocations compared environment by environment, by name. */
export function allocationDiffs(change: Change, names: Names): AttributeDiff[] {
  const before = new Map(allocationsOf(change.before).filter((a) => typeof a.environment_id === "string").map((a) => [a.environment_id as string, a.max_concurrent_calls]));
  const after = new Map(allocationsOf(change.after).filter((a) => typeof a.environment_id === "string").map((a) => [a.environment_id as string, a.max_concurrent_calls]));
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
