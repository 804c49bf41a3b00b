/** The Environments tab in Chromium: create, the over-limit error, hide, rotate, delete. */
import { describe, expect, it } from "vitest";
import { useConsole } from "./browser.js";

const t = useConsole();

describe("Environments in the console", () => {
  it("signs in with the prefilled bootstrap token and shows the environments with the plan bar", async () => {
    const page = await t.signIn();
    await page.getByText("Signed in as Local admin (admin)").waitFor();
    const row = page.getByRole("row", { name: /default/ });
    const environments = await t.sdk.environments.list({ includeHidden: true }).toArray();
    await row.getByText(environments[0]!.id).waitFor();
    await row.getByText(environments[0]!.apiKeyMasked).waitFor();
    await page.getByText("0 of 40 concurrent calls allocated · 40 available").waitFor();
    const meter = page.getByRole("meter", { name: /concurrent calls allocated/ });
    expect(await meter.evaluate((m: HTMLMeterElement) => [m.value, m.max])).toEqual([0, 40]);
  });

  it("refuses an unknown token with the API's reason, and keeps the token out of the page", async () => {
    const page = await t.open();
    const wrong = "cpt_not_a_real_token_0000000000000000";
    // This server runs without --allow-signup: no sign-up page is offered.
    await page.getByLabel("Password").waitFor();
    expect(await page.getByRole("button", { name: "Create a tenant" }).count()).toBe(0);
    await page.getByRole("button", { name: "Use an API token (local development)" }).click();
    await page.getByLabel("API token").fill(wrong);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("alert").getByText("Not signed in: The credential is unknown or has been revoked. Sign in again with a valid token.").waitFor();
    expect(await page.getByRole("navigation", { name: "Settings" }).count()).toBe(0);
    // The prefilled token was read from the page's settings and then removed from the DOM.
    expect(await page.locator("#callplane-config").count()).toBe(0);
  });

  it("creates an environment, shows its key once, and shows the API's over-limit message on the field", async () => {
    const page = await t.signIn();
    await page.getByRole("button", { name: "Create environment" }).click();
    const dialog = page.getByRole("dialog", { name: "Create environment" });
    await dialog.getByLabel("Environment name").fill("staging");
    await dialog.getByLabel("Max concurrent calls").fill("25");
    await dialog.getByRole("button", { name: "Create" }).click();

    const keyDialog = page.getByRole("dialog", { name: "Environment staging created" });
    const shownKey = await keyDialog.getByLabel("API key").inputValue();
    expect(shownKey).toMatch(/^cpk_[0-9a-f]{40}$/);
    await keyDialog.getByRole("button", { name: "Copy" }).waitFor();
    await keyDialog.getByRole("button", { name: "Done" }).click();
    await page.getByText("25 of 40 concurrent calls allocated · 15 available").waitFor();

    const staging = (await t.sdk.environments.list().toArray()).find((e) => e.name === "staging");
    expect(staging).toMatchObject({ maxConcurrentCalls: 25, hidden: false });
    // The key shown is the environment's key: the masked form matches.
    expect(staging!.apiKeyMasked).toBe(`cpk_…${shownKey.slice(-4)}`);

    // Over the plan limit: the API's own message, on the field, and nothing changes.
    await page.getByRole("button", { name: "Create environment" }).click();
    const second = page.getByRole("dialog", { name: "Create environment" });
    await second.getByLabel("Environment name").fill("production");
    await second.getByLabel("Max concurrent calls").fill("20");
    await second.getByRole("button", { name: "Create" }).click();
    const error = second.getByText("only 15 of the plan limit (40) is available");
    await error.waitFor();
    const calls = second.getByLabel("Max concurrent calls");
    expect(await calls.getAttribute("aria-invalid")).toBe("true");
    expect(await calls.getAttribute("aria-describedby")).toContain(await error.getAttribute("id"));
    expect((await t.sdk.environments.list().toArray()).map((e) => e.name)).not.toContain("production");
    await second.getByRole("button", { name: "Cancel" }).click();

    // The same on an edit.
    await page.getByRole("button", { name: "Edit staging" }).click();
    const edit = page.getByRole("dialog", { name: "Edit staging" });
    await edit.getByLabel("Max concurrent calls").fill("41");
    await edit.getByRole("button", { name: "Save" }).click();
    await edit.getByText("must be at most the plan limit (40)").waitFor();
    await edit.getByLabel("Max concurrent calls").fill("30");
    await edit.getByRole("button", { name: "Save" }).click();
    await edit.waitFor({ state: "detached" });
    await page.getByText("30 of 40 concurrent calls allocated · 10 available").waitFor();
    expect((await t.sdk.environments.get(staging!.id)).maxConcurrentCalls).toBe(30);

    // Recorded as made in the console, by the signed-in admin.
    const events = await t.sdk.auditEvents.list({ resourceType: "environment", resourceId: staging!.id }).toArray();
    expect(events.map((e) => [e.action, e.source, e.actor.name])).toEqual([
      ["environment.update", "console", "Local admin"],
      ["environment.create", "console", "Local admin"],
    ]);
    expect(events[0]).toMatchObject({ before: { maxConcurrentCalls: 25 }, after: { maxConcurrentCalls: 30 } });
  });

  it("hides an environment with the toggle and rotates its key", async () => {
    const sandbox = await t.sdk.environments.create({ name: "sandbox" });
    const page = await t.signIn();
    const toggle = page.getByRole("switch", { name: "Hidden: sandbox" });
    expect(await toggle.isChecked()).toBe(false);
    await toggle.click();
    await page.getByText("sandbox is now hidden from the environment switcher.").waitFor();
    expect((await t.sdk.environments.get(sandbox.id)).hidden).toBe(true);
    expect(await page.getByRole("switch", { name: "Hidden: sandbox" }).isChecked()).toBe(true);

    await page.getByRole("button", { name: "Rotate the API key of sandbox" }).click();
    await page.getByRole("dialog", { name: "Rotate the API key of “sandbox”?" }).getByRole("button", { name: "Rotate key" }).click();
    const shown = page.getByRole("dialog", { name: "New API key for sandbox" });
    const key = await shown.getByLabel("API key").inputValue();
    expect(key).not.toBe(sandbox.apiKey);
    expect((await t.sdk.environments.get(sandbox.id)).apiKeyMasked).toBe(`cpk_…${key.slice(-4)}`);
    await shown.getByRole("button", { name: "Done" }).click();
    // Shown once: the table has only the masked key.
    await page.getByRole("row", { name: /sandbox/ }).getByText(`cpk_…${key.slice(-4)}`).waitFor();
    expect(await page.content()).not.toContain(key);
  });

  it("deletes only after the environment's name is typed", async () => {
    const doomed = await t.sdk.environments.create({ name: "doomed", maxConcurrentCalls: 2 });
    const page = await t.signIn();
    await page.getByRole("button", { name: "Delete doomed" }).click();
    const confirm = page.getByRole("dialog", { name: "Delete environment “doomed”?" });
    await confirm.getByText("frees its 2 concurrent calls").waitFor();
    const button = confirm.getByRole("button", { name: "Delete doomed" });
    expect(await button.isDisabled()).toBe(true);
    await confirm.getByLabel("Type doomed to confirm").fill("doome");
    expect(await button.isDisabled()).toBe(true);
    await confirm.getByLabel("Type doomed to confirm").fill("doomed");
    await button.click();
    await page.getByText("Deleted doomed.").waitFor();
    expect((await t.sdk.environments.list({ includeHidden: true }).toArray()).map((e) => e.id)).not.toContain(doomed.id);
  });

  it("works from the keyboard, with visible focus, and dialogs that give focus back", async () => {
    const page = await t.signIn();
    const create = page.getByRole("button", { name: "Create environment" });
    await create.waitFor();
    const focusedIsCreate = () => create.evaluate((button) => button === document.activeElement);
    for (let presses = 0; presses < 20 && !(await focusedIsCreate()); presses++) await page.keyboard.press("Tab");
    expect(await focusedIsCreate()).toBe(true);
    expect(await create.evaluate((button) => getComputedStyle(button).outlineStyle)).toBe("solid");

    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Create environment" });
    await dialog.waitFor();
    expect(await dialog.getByLabel("Environment name").evaluate((input) => input === document.activeElement)).toBe(true);
    await page.keyboard.type("from-keyboard");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await focusedIsCreate()).toBe(true);
    expect((await t.sdk.environments.list().toArray()).map((e) => e.name)).not.toContain("from-keyboard");
  });
});
