/**
 * The concurrency split as a chart: one bar per environment (hidden ones too) on a track as long
 * as the plan limit, and what is left. Plain SVG, drawn from the same numbers as the table; the
 * plan summary draws the same split (before and after a change) as a Mermaid chart.
 */
import type { Concurrency } from "@callplane/sdk";

const ROW = 28;
const LABEL = 150;
const TRACK = 400;

export function SplitChart({ split }: { split: Concurrency }) {
  const limit = Math.max(split.planLimit, 1);
  const rows = [
    ...split.allocations.map((a) => ({ key: a.environmentId, name: a.environmentName, calls: a.maxConcurrentCalls, free: false })),
    { key: "available", name: "available", calls: Math.max(split.available, 0), free: true },
  ];
  const width = (calls: number) => Math.min(calls / limit, 1) * TRACK;
  const summary = rows.map((r) => `${r.name} ${r.calls}`).join(", ");
  return (
    <figure class="split-chart">
      <figcaption id="split-chart-title">Concurrent calls per environment, of the plan limit ({split.planLimit})</figcaption>
      <svg viewBox={`0 0 ${LABEL + TRACK + 60} ${rows.length * ROW}`} role="img" aria-labelledby="split-chart-title" aria-describedby="split-chart-desc">
        <desc id="split-chart-desc">{summary}</desc>
        {rows.map((r, i) => (
          <g key={r.key} class={r.free ? "free" : "allocated"} data-environment={r.name} data-calls={r.calls} transform={`translate(0 ${i * ROW})`}>
            <title>{`${r.name}: ${r.calls} of ${split.planLimit} concurrent calls (${Math.round((r.calls / limit) * 100)}%)`}</title>
            <text x={LABEL - 8} y={ROW / 2} text-anchor="end" dominant-baseline="middle" class="label">{r.name}</text>
            <rect x={LABEL} y={5} width={TRACK} height={ROW - 10} rx={3} class="track" />
            <rect x={LABEL} y={5} width={width(r.calls)} height={ROW - 10} rx={3} class="bar" />
            <text x={LABEL + width(r.calls) + 6} y={ROW / 2} dominant-baseline="middle" class="value">{r.calls}</text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
