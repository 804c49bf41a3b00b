/**
 * The budget chart parses with mermaid's own parser. Mermaid needs a DOM even to parse (DOMPurify
 * is set up when it loads), so happy-dom is registered as the global window first.
 */
import { GlobalRegistrator } from "@happy-dom/global-registrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderBudgetChart } from "./chart.js";
import type { Budget } from "./model.js";

let mermaid: typeof import("mermaid").default;
beforeAll(async () => {
  GlobalRegistrator.register();
  mermaid = (await import("mermaid")).default;
});
afterAll(() => GlobalRegistrator.unregister());

const budget: Budget = {
  planLimit: 40,
  rows: [
    { environment: "production", before: 20, after: 14 },
    { environment: 'odd "name"', before: 10, after: 16, note: "new" },
    { environment: "sandbox", before: 10, after: 0, note: "destroyed" },
  ],
  totalBefore: 40,
  totalAfter: 30,
  leftBefore: 0,
  leftAfter: 10,
  overLimit: false,
};

/** The text inside a Mermaid fence. */
const mermaidBody = (lines: string[]) => lines.slice(1, -1).join("\n");

describe("renderBudgetChart", () => {
  it("is a Mermaid xychart mermaid can parse, two bars per environment", async () => {
    const lines = renderBudgetChart(budget);
    expect(lines[0]).toBe("```mermaid");
    expect(lines.at(-1)).toBe("```");
    const body = mermaidBody(lines);
    await expect(mermaid.parse(body)).resolves.toMatchObject({ diagramType: "xychart" });
    expect(body).toContain('x-axis ["production before", "production after", "odd \'name\' before", "odd \'name\' after", "sandbox before", "sandbox after"]');
    expect(body).toContain("bar [20, 0, 10, 0, 10, 0]");
    expect(body).toContain("bar [0, 14, 0, 16, 0, 0]");
    expect(body).toContain("y-axis \"Concurrent calls\" 0 --> 40");
  });

  it("the parser would refuse a broken chart (so the check above can fail)", async () => {
    await expect(mermaid.parse(mermaidBody(renderBudgetChart(budget)).replace("bar [20", "bar [twenty"))).rejects.toThrow(/Parse error/);
  });

  it("leaves the chart out while a number is known only after apply, or when there is no row", () => {
    expect(renderBudgetChart({ ...budget, rows: [{ environment: "x", before: 1, after: null }] })).toEqual([]);
    expect(renderBudgetChart({ ...budget, rows: [{ environment: "x", before: null, after: 1 }] })).toEqual([]);
    expect(renderBudgetChart({ ...budget, rows: [...budget.rows, { environment: "x", before: null, after: 1 }] })).toEqual([]);
    expect(renderBudgetChart({ ...budget, rows: [] })).toEqual([]);
  });

  it("names the plan limit in the title when it is known, and scales to the largest bar without one", () => {
    expect(renderBudgetChart(budget)[2]).toBe('  title "Concurrent calls per environment, before and after (plan limit 40)"');
    const unlimited = renderBudgetChart({ ...budget, planLimit: null });
    expect(unlimited[2]).toBe('  title "Concurrent calls per environment, before and after"');
    expect(unlimited[4]).toBe('  y-axis "Concurrent calls" 0 --> 20');
    expect(renderBudgetChart({ ...budget, planLimit: null, rows: [{ environment: "idle", before: 0, after: 0 }] })[4]).toBe('  y-axis "Concurrent calls" 0 --> 1');
  });

  it("keeps labels inside Mermaid's quotes: no angle brackets, quotes or line breaks", () => {
    const lines = renderBudgetChart({ ...budget, rows: [{ environment: 'module.a["<b>"]\nx`y\\', before: 1, after: 2 }] });
    expect(lines[3]).toBe(`  x-axis ["module.a['b']'x'y' before", "module.a['b']'x'y' after"]`);
  });
});
