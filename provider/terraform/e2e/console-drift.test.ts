/**
 * The whole loop with a person in it: Terraform applies the quick start, someone changes a
 * setting by hand in the Settings console (real Chromium), and `terraform plan
 * -detailed-exitcode` reports it as drift while the audit log says it came from the console.
 */
import { describe, expect, it } from "vitest";
import { useChromium } from "../../../server/e2e/console/browser.js";
import { quickstartResources, shortcuts, useTerraform } from "./terraform.js";

const ws = useTerraform();
const { apply, plan } = shortcuts(ws);

const chromium = useChromium();

describe("a change made in the console", () => {
  it("shows up as drift in terraform plan, attributed to the console in the audit log", async () => {
    ws.config(quickstartResources());
    const applied = await apply();
    expect(applied.code, applied.output).toBe(0);
    const clean = await plan();
    expect(clean.code, clean.output).toBe(0);

    // By hand, in the console: staging from 10 to 5 concurrent calls.
    const context = await chromium.browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${ws.server.url}/`);
    // The test server listens on loopback with a chosen bootstrap token: the token form is prefilled.
    await page.getByRole("button", { name: "Use an API token (local development)" }).click();
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByText("40 of 40 concurrent calls allocated · 0 available").waitFor();
    await page.getByRole("button", { name: "Edit staging" }).click();
    const dialog = page.getByRole("dialog", { name: "Edit staging" });
    await dialog.getByLabel("Max concurrent calls").fill("5");
    await dialog.getByRole("button", { name: "Save" }).click();
    await page.getByText("35 of 40 concurrent calls allocated · 5 available").waitFor();
    await context.close();

    const staging = (await ws.sdk.environments.list({ includeHidden: true }).toArray()).find((e) => e.name === "staging")!;
    expect(staging.maxConcurrentCalls).toBe(5);
    const [event] = await ws.sdk.auditEvents.list({ resourceType: "environment", resourceId: staging.id }).toArray();
    expect(event).toMatchObject({ action: "environment.update", source: "console", actor: { name: "Local admin" }, before: { maxConcurrentCalls: 10 }, after: { maxConcurrentCalls: 5 } });

    const drifted = await plan();
    expect(drifted.code, drifted.output).toBe(2);
    expect(drifted.output).toContain("callplane_concurrency_split.this");
    // Terraform names the allocation the console changed, and that it puts it back.
    expect(drifted.output).toMatch(/max_concurrent_calls\s+=\s+5\s+->\s+10/);
    expect(drifted.output).toContain("Plan: 0 to add, 1 to change, 0 to destroy.");
  }, 120_000);
});
