/** The Users tab in Chromium: the last-admin refusal, changing roles, search, adding users, viewers. */
import { fromOperatorSchedule, type OperatorSchedule } from "@callplane/sdk";
import { describe, expect, it } from "vitest";
import { insertApiToken } from "../../src/domain/api-tokens.js";
import { openTab, useConsole } from "./browser.js";

const t = useConsole();

/** An API token owned by a user of the bootstrap tenant, made straight in the store. */
async function tokenFor(userId: string, name: string, scope: "read" | "write" = "write"): Promise<string> {
  const tenantId = t.server.bootstrap!.tenantId;
  return insertApiToken(t.server.store, { tenantId, ownerUserId: userId, owner: { type: "user", id: userId, name }, name: `${name}-console`, scope, expiresAt: null }, new Date().toISOString()).token;
}

describe("Users in the console", () => {
  it("refuses to demote or remove the last admin, and says why", async () => {
    const page = await t.signIn();
    await openTab(page, "Users");
    const role = page.getByRole("combobox", { name: "Role of Local admin" });
    await role.selectOption("viewer");
    await page.getByText("Could not change the role of Local admin: Local admin is the tenant's only admin; make someone else admin before you demote.").waitFor();
    // The select shows the role the user really has.
    await expect.poll(() => role.inputValue(), { timeout: 10_000 }).toBe("admin");

    await page.getByRole("button", { name: "Remove Local admin" }).click();
    const confirm = page.getByRole("dialog", { name: "Remove Local admin?" });
    await confirm.getByRole("button", { name: "Remove Local admin" }).click();
    await confirm.getByRole("alert").getByText("Local admin is the tenant's only admin; make someone else admin before you delete.").waitFor();
    await confirm.getByRole("button", { name: "Cancel" }).click();

    const users = await t.sdk.users.list().toArray();
    expect(users.map((u) => [u.name, u.role])).toEqual([["Local admin", "admin"]]);
  });

  it("changes a role, recorded in the audit log as made in the console", async () => {
    const lee = await t.sdk.users.create({ name: "Lee Park", email: "lee@acme.test", role: "member" });
    const page = await t.signIn();
    await openTab(page, "Users");
    await page.getByRole("combobox", { name: "Role of Lee Park" }).selectOption("admin");
    await page.getByText("Lee Park is now an admin.").waitFor();
    expect((await t.sdk.users.get(lee.id)).role).toBe("admin");
    const [event] = await t.sdk.auditEvents.list({ resourceType: "user", resourceId: lee.id }).toArray();
    expect(event).toMatchObject({ action: "user.update", source: "console", actor: { name: "Local admin" }, before: { role: "member" }, after: { role: "admin" } });
  });

  it("searches by name or email", async () => {
    await t.sdk.users.create({ name: "Lee Park", email: "lee@acme.test", role: "member" });
    await t.sdk.users.create({ name: "Sam Operator", email: "sam@acme.test", role: "operator" });
    const page = await t.signIn();
    await openTab(page, "Users");
    const rows = page.getByRole("table").getByRole("row");
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(4); // header + three users
    await page.getByLabel("Search users by name or email").fill("acme.test");
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(3);
    await page.getByLabel("Search users by name or email").fill("sam");
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
    await page.getByRole("row", { name: /Sam Operator/ }).waitFor();
    await page.getByLabel("Search users by name or email").fill("nobody-here");
    await page.getByText("No user matches “nobody-here”.").waitFor();
  });

  it("adds an operator with an initial password and a schedule entered in local time", async () => {
    const page = await t.signIn();
    await openTab(page, "Users");
    await page.getByRole("button", { name: "Add user" }).click();
    const dialog = page.getByRole("dialog", { name: "Add user" });
    await dialog.getByLabel("Name").fill("Olivia Stone");
    await dialog.getByLabel("Email").fill("olivia@acme.test");
    await dialog.getByLabel("Initial password").fill("short");
    await dialog.getByLabel("Role").selectOption("operator");
    await dialog.getByLabel("Time zone").fill("Europe/Berlin");
    await dialog.getByRole("button", { name: "Add a range on Monday" }).click();
    await dialog.getByLabel("Monday range 1 start hour").fill("9");
    await dialog.getByLabel("Monday range 1 end hour").fill("17");
    await dialog.getByRole("button", { name: "Add user" }).click();
    await dialog.getByText("must be 8 to 128 characters").waitFor();
    await dialog.getByLabel("Initial password").fill("correct horse battery");
    await dialog.getByRole("button", { name: "Add user" }).click();
    await page.getByText("User Olivia Stone created.").waitFor();
    await page.getByRole("row", { name: /Olivia Stone/ }).waitFor();

    const olivia = (await t.sdk.users.list({ q: "olivia" }).toArray())[0]!;
    expect(olivia).toMatchObject({ email: "olivia@acme.test", role: "operator" });
    const schedule = olivia.operatorSchedule as OperatorSchedule;
    expect(schedule.timezone).toBe("Europe/Berlin");
    // Stored in UTC (Berlin is UTC+1 or UTC+2), shown back as entered.
    expect([7, 8]).toContain(schedule.ranges[0]!.startHour);
    expect(fromOperatorSchedule(schedule)).toEqual([{ day: "monday", startHour: 9, endHour: 17 }]);

    // The edit dialog shows it back in local time; email cannot be changed.
    await page.getByRole("button", { name: "Edit Olivia Stone" }).click();
    const edit = page.getByRole("dialog", { name: "Edit Olivia Stone" });
    expect(await edit.getByLabel("Monday range 1 start hour").inputValue()).toBe("9");
    expect(await edit.getByLabel("Monday range 1 end hour").inputValue()).toBe("17");
    expect(await edit.getByLabel("Email").isDisabled()).toBe(true);
    await edit.getByLabel("Monday range 1 end hour").fill("18");
    await edit.getByRole("button", { name: "Save" }).click();
    await page.getByText("User Olivia Stone updated.").waitFor();
    expect(fromOperatorSchedule((await t.sdk.users.get(olivia.id)).operatorSchedule as OperatorSchedule)).toEqual([{ day: "monday", startHour: 9, endHour: 18 }]);
  });

  it("shows a viewer read-only pages, with the reason", async () => {
    const vic = await t.sdk.users.create({ name: "Vic Viewer", email: "vic@acme.test", role: "viewer" });
    const page = await t.signIn(await tokenFor(vic.id, "Vic Viewer"));
    await page.getByText("Signed in as Vic Viewer (viewer)").waitFor();
    await page.getByText("You are signed in as a viewer. Only admins may change settings; ask an admin to change your role or to make the change for you.").waitFor();
    await page.getByRole("row", { name: /default/ }).waitFor();
    expect(await page.getByRole("button", { name: "Create environment" }).count()).toBe(0);
    expect(await page.getByRole("switch", { name: "Hidden: default" }).isDisabled()).toBe(true);

    // Users and Invitations are for admins: a viewer is not offered them.
    const tabs = await page.getByRole("navigation", { name: "Settings" }).getByRole("link").allTextContents();
    expect(tabs).toEqual(["Environments", "Tenant", "Audit log"]);

    await openTab(page, "Tenant");
    expect(await page.getByLabel("Name", { exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: "Save tenant" }).isDisabled()).toBe(true);
  });
});
