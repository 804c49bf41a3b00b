/** Turns a Terraform JSON plan into a PlanSummary. */
import { configAddress, configuredAttributes, type ConfiguredAttributes } from "../terraform/config.js";
import { asObject, asString } from "../terraform/json.js";
import { kindOf, type PlanJson, type ResourceChange } from "../terraform/plan-json.js";
import { attributeDiffs } from "../terraform/values.js";
import { allocationDiffs, buildBudget } from "./budget.js";
import type { PlanSummary, ResourceSummary } from "./model.js";

import { collectNames, type Names } from "./names.js";
import { buildRoleChanges, type LiveTeam } from "./roles.js";

/** Maps compared key by key, per resource type. */
const PER_KEY: Record<string, string[]> = { callplane_role_assignments: ["assignments", "members"] };

/** Resource types whose changes the roles section already tells in full. */
const PEOPLE = new Set(["callplane_role_assignments", "callplane_role_assignment"]);

export function labelOf(rc: ResourceChange): string | undefined {
  const after = asObject(rc.change.after);
  const before = asObject(rc.change.before);
  const pick = (field: string) => asString(after[field]) ?? asString(before[field]);
  if (rc.type === "callplane_environment" || rc.type === "callplane_tenant_settings") return pick("name");
  if (rc.type === "callplane_user" || rc.type === "callplane_invitation" || rc.type === "callplane_role_assignment") return pick("email");
  return undefined;
}

export function summarizeResource(rc: ResourceChange, names: Names, configured: ConfiguredAttributes, options: { onlyConfigured?: boolean } = {}): ResourceSummary {
  const kind = kindOf(rc.change.actions);
  const set = configured.get(configAddress(rc.address));
  let diffs = attributeDiffs(rc.change, PER_KEY[rc.type] ?? []);
  if (rc.type === "callplane_concurrency_split") diffs = [...diffs.filter((d) => d.attribute !== "allocations"), ...allocationDiffs(rc.change, names)];
  const knownAfterApply: string[] = [];
  const shown = diffs.filter((d) => {
    // Without a configuration block (a hand-made plan) every attribute counts; a resource that
    // left the configuration sets nothing any more.
    const isConfigured = configured.size === 0 ? true : (set?.has(d.attribute) ?? false);
    if (options.onlyConfigured) return isConfigured;
    if (d.after.kind === "unknown" && !isConfigured) {
      knownAfterApply.push(d.path);
      return false;
    }
    return true;
  });
  const label = labelOf(rc);
  const replacedBecause = kind === "replace" ? [...new Set((rc.change.replace_paths ?? []).map((p) => String(p[0])))] : [];
  return {
    address: rc.address,
    type: rc.type,
    kind,
    ...(label ? { label } : {}),
    ...(replacedBecause.length ? { replacedBecause } : {}),
    diffs: shown,
    knownAfterApply,
  };
}

export interface SummaryOptions {
  /** People as the API has them now (needs a token); makes a new team resource's roles exact. */
  live?: LiveTeam | undefined;
}

export function summarizePlan(plan: PlanJson, options: SummaryOptions = {}): PlanSummary {
  const names = collectNames(plan);
  const configured = configuredAttributes(plan);
  const changes = (plan.resource_changes ?? []).filter((rc) => rc.mode === "managed" && kindOf(rc.change.actions) !== "none");
  const counts = { create: 0, update: 0, replace: 0, destroy: 0, forget: 0 };
  for (const rc of changes) counts[kindOf(rc.change.actions) as keyof typeof counts] += 1;

  const summaries = changes.map((rc) => summarizeResource(rc, names, configured));
  const destructive = summaries.filter((s) => s.kind === "destroy" || s.kind === "replace").sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "destroy" ? -1 : 1));
  const { roles, invitations } = buildRoleChanges(plan, options.live);

  // Only what the configuration sets counts as drift: a computed attribute catching up (an
  // environment's calls after the split set them, an invitation being accepted) is not a hand edit.
  const drift = (plan.resource_drift ?? [])
    .filter((rc) => rc.mode === "managed")
    .map((rc) => summarizeResource(rc, names, configured, { onlyConfigured: true }))
    .filter((s) => s.kind === "destroy" || s.diffs.length > 0);

  const budget = buildBudget(plan, names, configured);
  return {
    ...(plan.terraform_version ? { terraformVersion: plan.terraform_version } : {}),
    counts,
    destructive,
    ...(budget ? { budget } : {}),
    roles,
    invitations,
    tenant: summaries.filter((s) => s.type === "callplane_tenant_settings"),
    environments: summaries.filter((s) => s.type === "callplane_environment"),
    other: summaries.filter((s) => !["callplane_tenant_settings", "callplane_environment", "callplane_concurrency_split"].includes(s.type) && !PEOPLE.has(s.type)),
    refreshOnly: plan.resource_changes === undefined,
    drift,
    hasChanges: changes.length > 0 || drift.length > 0,
  };
}
