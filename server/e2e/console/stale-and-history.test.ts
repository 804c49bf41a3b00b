/**
 * Console features that act on what the server holds now: rotating the tenant API key, paging
 * back through the audit log, and the message a person gets when someone else changed an object
 * after the page read it (the save carried a stale ETag and the server answered 412).
 */
import { AuthenticationError, createCallplaneClient } from "@callplane/sdk";
import { describe, expect, it } from "vitest";
import { openTab, useConsole } from "./browser.js";

const PLATFORM_TOKEN = "cpp_console_e2e_platform_0123456789";
const STALE = "Someone changed this since you opened it. Close this form, look at the new values and try again.";
const t = useConsole({ platformToken: PLATFORM_TOKEN });

describe("the tenant API key in the console", () => {
  it("rotates: the new key is shown once and works, the old one stops, the page shows the new mask", async () => {
    const old = (await t.sdk.tenant.rotateApiKey()).apiKey;
    const page = await t.signIn();
    await openTab(page, "Tenant");
    await page.getByText(`cpk_…${old.slice(-4)}`).waitFor();
    await page.getByRole("button", { name: "Rotate", exact: true }).click();
    const confirm = page.getByRole("dialog", { name: "Rotate the tenant API key?" });
    await confirm.getByText("stops working at once").waitFor();
    await confirm.getByRole("button", { name: "Rotate key" }).click();
    const shown = page.getByRole("dialog", { name: "New tenant API key" });
    const key = await shown.getByLabel("Tenant API key").inputValue();
    expect(key).toMatch(/^cpk_/);
    expect(key).not.toBe(old);

    const client = (token: string) => createCallplaneClient({ endpoint: t.url, token, maxRetries: 0 });
    expect((await client(key).tenant.get()).name).toBe("Local tenant");
    await expect(client(old).tenant.get()).rejects.toBeInstanceOf(AuthenticationError);
    await shown.getByRole("button", { name: "Done" }).click();
    await page.getByText(`cpk_…${key.slice(-4)}`).waitFor();
    expect(await page.getByText(key).count()).toBe(0);
    const events = await t.sdk.auditEvents.list({ resourceType: "tenant" }).toArray();
    expect(events[0]).toMatchObject({ action: "tenant.rotateApiKey", source: "console" });
  });
});

describe("the audit log in the console", () => {
  it("shows the newest 25 events, and older ones page by page with “Load older events” until there are none", async () => {
    const [environment] = await t.sdk.environments.list().toArray();
    // The first start recorded a few events; 30 more changes make two pages.
    for (let i = 1; i <= 30; i++) await t.sdk.environments.update(environment!.id, { maxConcurrentCalls: i });
    const total = (await t.sdk.auditEvents.list().toArray()).length;
    expect(total).toBeGreaterThan(30);
    expect(total).toBeLessThanOrEqual(50);

    const page = await t.signIn();
    await openTab(page, "Audit log");
    const body = page.getByRole("table").locator("tbody tr");
    await body.first().getByText("environment.update").waitFor();
    expect(await body.count()).toBe(25);
    // The oldest event, the first start's tenant, is on the second page.
    expect(await page.getByRole("table").getByText("tenant.create").count()).toBe(0);

    await page.getByRole("button", { name: "Load older events" }).click();
    await page.getByRole("table").getByText("tenant.create").waitFor();
    // The events signing in added come after the count above, so count from the page's end.
    expect(await body.count()).toBeGreaterThanOrEqual(total);
    const actions = await page.getByRole("table").locator("tbody td code:not(.muted)").allTextContents();
    expect(actions.at(-1)).toBe("tenant.create");
    expect(actions.filter((a) => a === "environment.update")).toHaveLength(30);
    expect(await page.getByRole("button", { name: "Load older events" }).count()).toBe(0);
  });
});

describe("a save in the console after someone else changed the object", () => {
  it("on the tenant: tells the person someone changed it, and saves nothing", async () => {
    const page = await t.signIn();
    await openTab(page, "Tenant");
    await page.getByLabel("Name", { exact: true }).fill("Acme Voice");
    // Meanwhile, through the API:
    await t.sdk.tenant.update({ description: "changed by a pipeline" });
    await page.getByRole("button", { name: "Save tenant" }).click();
    await page.getByRole("alert").getByText(STALE).waitFor();
    expect(await t.sdk.tenant.get()).toMatchObject({ name: "Local tenant", description: "changed by a pipeline" });
  });

  it("on a user: tells the person someone changed them, and saves nothing", async () => {
    const user = await t.sdk.users.create({ name: "Lee Park", email: "lee@acme.test", role: "member" });
    const page = await t.signIn();
    await openTab(page, "Users");
    await page.getByRole("button", { name: "Edit Lee Park" }).click();
    const edit = page.getByRole("dialog", { name: "Edit Lee Park" });
    await edit.getByLabel("Name").fill("Lee Parker");
    await t.sdk.users.update(user.id, { role: "viewer" });
    await edit.getByRole("button", { name: "Save" }).click();
    await edit.getByRole("alert").getByText(STALE).waitFor();
    expect(await t.sdk.users.get(user.id)).toMatchObject({ name: "Lee Park", role: "viewer" });
  });
});
