/**
 * The concurrency budget as a Mermaid `xychart-beta` (GitHub draws Mermaid blocks in comments):
 * two bars per environment, before and after the plan. Each is its own series, zero in the
 * other's places, so the two get different colours without overlapping.
 */
import type { Budget } from "./model.js";

/** Mermaid strings are double-quoted with no escape: keep names readable and safe. */
const label = (text: string) => `"${text.replace(/["\\`\n\r]/g, "'").replace(/[<>]/g, "")}"`;

export function renderBudgetChart(budget: Budget): string[] {
  const rows = budget.rows.filter((r) => r.before !== null && r.after !== null);
  if (rows.length === 0 || rows.length !== budget.rows.length) return [];
  const categories = rows.flatMap((r) => [label(`${r.environment} before`), label(`${r.environment} after`)]);
  const before = rows.flatMap((r) => [r.before!, 0]);
  const after = rows.flatMap((r) => [0, r.after!]);
  const top = Math.max(budget.planLimit ?? 0, ...before, ...after, 1);
  return [
    "```mermaid",
    "xychart-beta",
    `  title ${label(`Concurrent calls per environment, before and after${budget.planLimit !== null ? ` (plan limit ${budget.planLimit})` : ""}`)}`,
    `  x-axis [${categories.join(", ")}]`,
    `  y-axis "Concurrent calls" 0 --> ${top}`,
    `  bar [${before.join(", ")}]`,
    `  bar [${after.join(", ")}]`,
    "```",
  ];
}
