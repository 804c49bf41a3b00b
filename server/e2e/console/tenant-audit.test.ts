/** The Tenant tab (rules as you type and on save, read-only tenants) and the Audit log tab. */
import { createCallplaneClient } from "@callplane/sdk";
import { describe, expect, it } from "vitest";
import { openTab, useConsole } from "./browser.js";

const PLATFORM_TOKEN = "cpp_console_e2e_platform_0123456789";
const t = useConsole({ platformToken: PLATFORM_TOKEN });

describe("Tenant in the console", () => {
  it("checks phone, ZIP, website, billing email and timezone as you type, and saves only valid values", async () => {
    const page = await t.signIn();
    await openTab(page, "Tenant");
    const field = (label: string) => page.getByLabel(label, { exact: true });
    const cases: [string, string, string][] = [
      ["Phone", "12-34", "must be 7 to 15 digits with an optional leading +"],
      ["ZIP code", "12", "must be 3 to 10 characters"],
      ["Website", "acme.test", "must start with http:// or https://"],
      ["Billing email", "billing-at-acme", "must be an email address"],
      ["Timezone", "Mars/Olympus", "must be an IANA time zone such as Europe/Berlin"],
      ["Name", "Ac", "must be 3 to 100 characters"],
    ];
    for (const [label, bad, message] of cases) {
      await field(label).fill(bad);
      // As you type: the message appears without saving, tied to the field.
      const error = page.getByText(message, { exact: true });
      await error.waitFor();
      expect(await field(label).getAttribute("aria-invalid"), label).toBe("true");
      expect(await field(label).getAttribute("aria-describedby"), label).toContain(await error.getAttribute("id"));
    }
    await page.getByRole("button", { name: "Save tenant" }).click();
    await page.getByText("Some fields need fixing before the tenant can be saved.").waitFor();
    expect((await t.sdk.tenant.get()).name).toBe("Local tenant");

    const good: [string, string][] = [["Name", "Acme Voice"], ["Phone", "+4930123456"], ["ZIP code", "10115"], ["Website", "https://acme.test"], ["Billing email", "billing@acme.test"], ["Timezone", "Europe/Berlin"]];
    for (const [label, value] of good) await field(label).fill(value);
    expect(await page.locator(".field-error").count()).toBe(0);
    await page.getByRole("button", { name: "Save tenant" }).click();
    await page.getByText("Tenant saved.").waitFor();
    // The header follows the new name.
    await page.getByRole("banner").getByText("Acme Voice").waitFor();
    expect(await t.sdk.tenant.get()).toMatchObject({ name: "Acme Voice", phone: "+4930123456", zipCode: "10115", website: "https://acme.test", billingEmail: "billing@acme.test", timezone: "Europe/Berlin" });
  });

  it("disables the form of a read-only tenant, with the reason", async () => {
    const platform = createCallplaneClient({ endpoint: t.url, token: PLATFORM_TOKEN, maxRetries: 0 });
    const frozen = await platform.tenants.create({ name: "Frozen Corp", billingEmail: "billing@frozen.test", planLimit: 10, readOnly: true });
    const page = await t.signIn(frozen.apiKey);
    await page.getByText("This tenant is read-only: it cannot be edited from the console. Contact support to change it.").first().waitFor();
    await openTab(page, "Tenant");
    expect(await page.getByLabel("Name", { exact: true }).isDisabled()).toBe(true);
    expect(await page.getByLabel("Phone", { exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: "Save tenant" }).isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: "Rotate" }).count()).toBe(0);
  });
});

describe("Audit log in the console", () => {
  it("lists changes newest first with actor, source and before/after, filtered by resource", async () => {
    const page = await t.signIn();
    // A tenant change and an environment made in the console, then a change through the SDK.
    await openTab(page, "Tenant");
    await page.getByLabel("Name", { exact: true }).fill("Acme Voice");
    await page.getByRole("button", { name: "Save tenant" }).click();
    await page.getByText("Tenant saved.").waitFor();
    await openTab(page, "Environments");
    await page.getByRole("button", { name: "Create environment" }).click();
    const dialog = page.getByRole("dialog", { name: "Create environment" });
    await dialog.getByLabel("Environment name").fill("staging");
    await dialog.getByLabel("Max concurrent calls").fill("10");
    await dialog.getByRole("button", { name: "Create" }).click();
    await page.getByRole("dialog", { name: "Environment staging created" }).getByRole("button", { name: "Done" }).click();
    const staging = (await t.sdk.environments.list().toArray()).find((e) => e.name === "staging")!;
    await t.sdk.environments.update(staging.id, { maxConcurrentCalls: 12 });

    await openTab(page, "Audit log");
    const rows = page.getByRole("table").getByRole("row");
    const first = rows.nth(1);
    await first.getByText("environment.update").waitFor();
    await first.getByText("sdk", { exact: true }).waitFor();
    await first.getByText("maxConcurrentCalls").waitFor();
    expect(await first.locator("del").textContent()).toBe("10");
    expect(await first.locator("ins").textContent()).toBe("12");
    const second = rows.nth(2);
    await second.getByText("environment.create").waitFor();
    await second.getByText("console", { exact: true }).waitFor();
    await second.getByText("Local admin").waitFor();

    await page.getByLabel("Resource").selectOption("tenant");
    await first.getByText("tenant.update").waitFor();
    const actions = await page.getByRole("table").locator("tbody td code:not(.muted)").allTextContents();
    expect(new Set(actions)).toEqual(new Set(["tenant.update"]));
    // Every tenant change in this test was made in the console.
    const sources = await page.getByRole("table").locator(".source").allTextContents();
    expect(sources.length).toBeGreaterThan(0);
    expect(new Set(sources)).toEqual(new Set(["console"]));
  });
});
