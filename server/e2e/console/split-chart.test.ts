/** The Environments tab's split chart in Chromium: one bar per environment, scaled to the plan limit. */
import { describe, expect, it } from "vitest";
import { useConsole } from "./browser.js";

const t = useConsole();

/** Each bar's environment, calls and drawn width in pixels, as the page lays them out. */
async function bars(page: import("playwright-core").Page) {
  const chart = page.getByRole("img", { name: "Concurrent calls per environment, of the plan limit (40)" });
  await chart.waitFor();
  return chart.locator("g[data-environment]").evaluateAll((groups) =>
    groups.map((g) => {
      const [track, bar] = [...g.querySelectorAll("rect")];
      return { name: g.getAttribute("data-environment"), calls: Number(g.getAttribute("data-calls")), width: bar!.getBoundingClientRect().width, track: track!.getBoundingClientRect().width, title: g.querySelector("title")?.textContent };
    }),
  );
}

describe("the split chart on the Environments tab", () => {
  it("draws every environment (hidden ones too) and what is left, each bar its share of the plan limit", async () => {
    const def = (await t.sdk.environments.list().toArray())[0]!;
    await t.sdk.environments.update(def.id, { maxConcurrentCalls: 20 });
    await t.sdk.environments.create({ name: "staging", maxConcurrentCalls: 10 });
    await t.sdk.environments.create({ name: "sandbox", maxConcurrentCalls: 5, hidden: true });

    const page = await t.signIn();
    const drawn = await bars(page);
    expect(drawn.map((b) => [b.name, b.calls])).toEqual([["default", 20], ["staging", 10], ["sandbox", 5], ["available", 5]]);
    const track = drawn[0]!.track;
    expect(track).toBeGreaterThan(200);
    for (const b of drawn) expect(b.width).toBeCloseTo((track * b.calls) / 40, 0);
    expect(drawn[0]!.title).toBe("default: 20 of 40 concurrent calls (50%)");
    // The chart's description reads the same split out for screen readers.
    await page.getByText("default 20, staging 10, sandbox 5, available 5").waitFor({ state: "attached" });
    await page.screenshot({ path: `${process.env.SPLIT_CHART_SCREENSHOT ?? "/tmp/callplane-split-chart.png"}`, fullPage: true });
  });

  it("follows a change made elsewhere on the next load", async () => {
    const staging = await t.sdk.environments.create({ name: "staging", maxConcurrentCalls: 10 });
    const page = await t.signIn();
    expect((await bars(page)).find((b) => b.name === "staging")).toMatchObject({ calls: 10 });
    await t.sdk.environments.update(staging.id, { maxConcurrentCalls: 40 });
    const drawn = await bars(await t.signIn());
    expect(drawn.find((b) => b.name === "staging")).toMatchObject({ calls: 40 });
    expect(drawn.find((b) => b.name === "available")).toMatchObject({ calls: 0, width: 0 });
  });
});
