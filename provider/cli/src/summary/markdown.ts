/** A plan summary as Markdown for one pull-request comment. */
import { code, formatShown } from "../terraform/values.js";
import { renderBudgetChart } from "./chart.js";
import type { Budget, PlanSummary, ResourceSummary, RoleChange } from "./model.js";

const KIND_WORD = { create: "create", update: "update", replace: "replace", destroy: "destroy", forget: "forget", none: "no change" } as const;

/** GitHub refuses comments over 65,536 characters; leave room for a marker line. */
export const DEFAULT_MAX_CHARS = 60_000;

export interface MarkdownOptions {
  /** Longest output; past it, attribute tables give way to one line per resource. */
  maxChars?: number;
}

export function renderPlanMarkdown(summary: PlanSummary, options: MarkdownOptions = {}): string {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const full = render(summary, true);
  if (full.length <= maxChars) return full;
  // Too long for one comment: keep every section and every resource, drop the attribute tables.
  const brief = render(summary, false);
  if (brief.length <= maxChars) return brief;
  const note = "\n\n_… cut to fit one comment; `terraform show plan.out` has the whole plan._\n";
  return `${brief.slice(0, brief.lastIndexOf("\n", maxChars - note.length))}${note}`;
}

function render(summary: PlanSummary, withTables: boolean): string {
  if (!summary.hasChanges) return "No changes.\n";
  const renderResource = (s: ResourceSummary, drift = false) => resourceLines(s, drift, withTables);
  const out: string[] = [];
  const { counts } = summary;
  const parts = [
    counts.destroy && `**${counts.destroy} to destroy**`,
    counts.replace && `**${counts.replace} to replace**`,
    counts.create && `${counts.create} to create`,
    counts.update && `${counts.update} to update`,
    counts.forget && `${counts.forget} to forget`,
  ].filter(Boolean);
  out.push(`## Callplane plan: ${parts.length ? parts.join(", ") : "no changes to apply"}`);
  if (summary.drift.length) out.push("", `Terraform found **${summary.drift.length} ${summary.drift.length === 1 ? "resource" : "resources"} changed outside Terraform**; see the last section.`);

  if (summary.destructive.length) {
    out.push("", "### ⚠️ Destroyed or replaced", "");
    for (const s of summary.destructive) {
      const why = s.replacedBecause?.length ? ` — because ${s.replacedBecause.map((a) => `\`${a}\``).join(", ")} changed` : "";
      out.push(`- **${s.kind === "destroy" ? "DESTROY" : "REPLACE"}** \`${s.address}\`${s.label ? ` (${s.label})` : ""}${why}`);
    }
  }
  if (summary.budget) out.push("", ...renderBudget(summary.budget));
  if (summary.roles.length || summary.invitations.length) out.push("", ...renderPeople(summary));
  if (summary.tenant.length) out.push("", "### Tenant settings", ...summary.tenant.flatMap((s) => renderResource(s)));
  if (summary.environments.length) out.push("", "### Environments", ...summary.environments.flatMap((s) => renderResource(s)));
  if (summary.other.length) out.push("", "### Other changes", ...summary.other.flatMap((s) => renderResource(s)));
  if (summary.drift.length) {
    out.push("", "### Changed outside Terraform", "", summary.refreshOnly
      ? "Found while refreshing. Applying this refresh-only plan records these values in the state; a normal apply puts them back as configured."
      : "Found while refreshing; not part of this change. Applying this plan puts these back as configured.");
    out.push(...summary.drift.flatMap((s) => renderResource({ ...s, kind: s.kind === "destroy" ? "destroy" : "update" }, true)));
  }
  if (!withTables) out.push("", "_Attribute tables left out to fit one comment: `callplane plan-summary --format json` or `terraform show plan.out` has them._");
  return `${out.join("\n")}\n`;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : "";
}

const cell = (n: number | null) => (n === null ? "_(known after apply)_" : String(n));

/** Text in a table cell: a pipe would end the cell. */
const cellText = (text: string) => text.replace(/\|/g, "\\|");

function renderBudget(budget: Budget): string[] {
  const limit = budget.planLimit ?? "unknown";
  const lines = [`### Concurrency budget (plan limit ${limit})`, "", "| Environment | Before | After | Change |", "|---|--:|--:|--:|"];
  for (const row of budget.rows) {
    const delta = row.before !== null && row.after !== null ? signed(row.after - row.before) : "";
    lines.push(`| ${cellText(row.environment)}${row.note ? ` _(${row.note})_` : ""} | ${cell(row.before)} | ${cell(row.after)} | ${delta} |`);
  }
  const of = (n: number | null) => (budget.planLimit === null ? cell(n) : `${cell(n)} of ${budget.planLimit}`);
  lines.push(`| **Total** | **${of(budget.totalBefore)}** | **${of(budget.totalAfter)}** | ${budget.totalBefore !== null && budget.totalAfter !== null ? signed(budget.totalAfter - budget.totalBefore) : ""} |`);
  lines.push(`| Left | ${cell(budget.leftBefore)} | ${cell(budget.leftAfter)} | |`);
  if (budget.overLimit) lines.push("", `⚠️ **Over the plan limit:** ${budget.totalAfter} calls allocated of ${budget.planLimit}. The API will refuse this apply.`);
  const chart = renderBudgetChart(budget);
  if (chart.length) lines.push("", ...chart);
  return lines;
}

function roleNote(change: RoleChange): string {
  const notes: string[] = [];
  if (change.flags.includes("privilege-escalation")) notes.push("⚠️ **becomes admin**");
  if (change.flags.includes("admin-removed")) notes.push(change.after === null ? "⚠️ **admin removed**" : "⚠️ **admin demoted**");
  if (change.status === "invited") notes.push("invited, not yet accepted");
  return notes.join("; ");
}

function renderPeople(summary: PlanSummary): string[] {
  const lines = ["### Roles and invitations"];
  if (summary.roles.length) {
    lines.push("", "| Who | Before | After | |", "|---|---|---|---|");
    for (const r of summary.roles) lines.push(`| ${cellText(r.email)} | ${r.before ?? "—"} | ${r.after ?? "_(removed)_"} | ${roleNote(r)} |`);
  }
  const byAction = (action: string) => summary.invitations.filter((i) => i.action === action).map((i) => `${i.email}${i.role ? ` (${i.role})` : ""}`);
  const invitationLines = [["Invitations sent", byAction("sent")], ["Invitations renewed", byAction("renewed")], ["Invitations revoked", byAction("revoked")]] as const;
  const listed = invitationLines.filter(([, who]) => who.length);
  if (listed.length) lines.push("", ...listed.map(([title, who]) => `- ${title}: ${who.join(", ")}`));
  return lines;
}

function resourceLines(s: ResourceSummary, drift: boolean, withTables: boolean): string[] {
  const verb = drift ? (s.kind === "destroy" ? "deleted outside Terraform" : "changed") : KIND_WORD[s.kind];
  const lines = ["", `**\`${s.address}\`**${s.label ? ` (${s.label})` : ""} — ${verb}`];
  if (!withTables) return [`- \`${s.address}\`${s.label ? ` (${s.label})` : ""} — ${verb}${s.diffs.length ? `: ${s.diffs.map((d) => d.path).join(", ")}` : ""}`];
  if (s.diffs.length) {
    lines.push("", "| Attribute | Before | After |", "|---|---|---|");
    for (const d of s.diffs) lines.push(`| ${d.key !== undefined ? `${d.attribute}[${code(d.key)}]` : d.attribute} | ${formatShown(d.before)} | ${formatShown(d.after)} |`);
  }
  if (s.knownAfterApply.length) lines.push("", `Known after apply: ${s.knownAfterApply.map((a) => `\`${a}\``).join(", ")}.`);
  return lines;
}
