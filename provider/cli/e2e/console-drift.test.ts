/**
 * A hand edit in the Settings console (real Chromium) reaches the drift report attributed to the
 * console: the person, the time and the source, from the audit log.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../../server/e2e/console/browser.js";
import { quickstartResources, shortcuts, useTerraform } from "../../terraform/e2e/terraform.js";
import { callplane } from "./callplane.js";

const ws = useTerraform();
const { apply } = shortcuts(ws);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  ws.config(quickstartResources());
  const applied = await apply();
  if (applied.code !== 0) throw new Error(applied.output);
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

describe("callplane drift after a console edit", () => {
  it("names the console as the source of the change", async () => {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${ws.server.url}/`);
    await page.getByRole("button", { name: "Use an API token (local development)" }).click();
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("button", { name: "Edit production" }).click();
    const dialog = page.getByRole("dialog", { name: "Edit production" });
    await dialog.getByLabel("Max concurrent calls").fill("12");
    await dialog.getByRole("button", { name: "Save" }).click();
    await page.getByText("32 of 40 concurrent calls allocated · 8 available").waitFor();

    const result = await callplane(ws, ["drift", ws.dir]);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/\| allocations\["production"\] \| `20` \| `12` \| Local admin via \*\*console\*\*, /);
  }, 60_000);
});
