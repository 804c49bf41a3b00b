/** A drift report as Markdown: for an issue, a chat message or a CI log. */
import { formatShown } from "../terraform/values.js";
import type { ChangedBy, DriftReport } from "./model.js";

export function renderDriftMarkdown(report: DriftReport): string {
  const by = (c: ChangedBy | undefined) =>
    c ? `${c.actor} via **${c.source}**, ${c.at.replace("T", " ").replace(/\.\d+Z$|Z$/, " UTC")}` : report.attributed ? "_not in the audit log_" : "—";
  const out: string[] = [];
  if (!report.hasDrift) {
    out.push("## Callplane drift: none", "", "Every setting Terraform manages matches the live tenant.");
  } else {
    const n = report.drifted.length;
    out.push(`## Callplane drift: ${n} ${n === 1 ? "resource" : "resources"} changed outside Terraform`);
    for (const r of report.drifted) {
      // Without the audit log there is no one to name: "deleted outside Terraform", full stop.
      const deleted = `deleted outside Terraform${r.changedBy || report.attributed ? `, by ${by(r.changedBy)}` : ""}`;
      out.push("", `**\`${r.address}\`**${r.label ? ` (${r.label})` : ""} — ${r.change === "deleted" ? deleted : "changed"}`);
      if (r.attributes.length) {
        out.push("", "| Attribute | In Terraform's state | Live | Changed by |", "|---|---|---|---|");
        for (const a of r.attributes) out.push(`| ${a.path.replace(/\|/g, "\\|")} | ${formatShown(a.before)} | ${formatShown(a.after)} | ${by(a.changedBy)} |`);
      }
    }
    out.push("", "Run `terraform apply` to put these back as configured, or change the configuration to keep them.");
  }
  if (report.unmanaged.length) {
    out.push("", "### Not managed by Terraform", "", "In the tenant, but no resource in this state manages them:", "", "| Kind | Name | Id | |", "|---|---|---|---|");
    for (const u of report.unmanaged) out.push(`| ${u.kind} | ${u.name} | \`${u.id}\` | ${u.detail} |`);
  }
  if (report.notes.length) out.push("", ...report.notes.map((note) => `> ${note}`));
  return `${out.join("\n")}\n`;
}
