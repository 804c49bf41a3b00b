/** A policy report as a Markdown section (its own output, or appended to the plan summary). */
import type { PolicyReport, SourceLocation, Violation } from "./report.js";

const where = (l: SourceLocation | undefined) => {
  if (!l) return "";
  if (l.file) return ` (${l.file}${l.startLine ? `:${l.startLine}` : ""}${l.constructPath ? `, construct \`${l.constructPath}\`` : ""})`;
  return l.constructPath ? ` (construct \`${l.constructPath}\`)` : "";
};

const line = (v: Violation, icon: string) => `- ${icon} **${v.rule}**${v.resource ? ` — \`${v.resource}\`${where(v.location)}` : ""}: ${v.message}. ${v.waiver ? `_Waived:_ ${v.waiver.reason}` : `**Way out:** ${v.remedy}.`}`;

export function renderPolicyMarkdown(report: PolicyReport, options: { heading?: string } = {}): string {
  const heading = options.heading ?? "##";
  const out: string[] = [];
  const waivedNote = report.waived.length ? ` (${report.waived.length} waived)` : "";
  if (report.checked.length === 0) {
    out.push(`${heading} Callplane policy: no rules set`);
  } else if (report.passed) {
    out.push(`${heading} Callplane policy: ✅ passed${waivedNote}`, "", `Checked: ${report.checked.map((r) => `\`${r}\``).join(", ")}.`);
  } else {
    const n = report.violations.length;
    out.push(`${heading} Callplane policy: ❌ ${n} ${n === 1 ? "violation" : "violations"}${waivedNote}`, "", ...report.violations.map((v) => line(v, "❌")));
  }
  if (report.waived.length) out.push("", `${heading}# Waived`, "", ...report.waived.map((v) => line(v, "⚪")));
  if (report.notes.length) out.push("", ...report.notes.map((n) => `> ${n}`));
  return `${out.join("\n")}\n`;
}
