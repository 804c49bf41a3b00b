/**
 * Signing in with email and password in Chromium: sign-up, what each role sees, sign-out, a
 * session that ends when its user is deleted, and where the session is (not) kept.
 */
import { toOperatorSchedule } from "@callplane/sdk";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openTab, useConsole } from "./browser.js";

const t = useConsole({ allowSignup: true });
const PASSWORD = "a-long-initial-password";

const tabNames = (page: Page) => page.getByRole("navigation", { name: "Settings" }).getByRole("link").allTextContents();

describe("signing in to the console", () => {
  it("signs up: a new tenant, and the console as its admin", async () => {
    const page = await t.open();
    await page.getByRole("button", { name: "Create a tenant" }).click();
    await page.getByLabel("Tenant name").fill("Acme Voice");
    await page.getByLabel("Your name").fill("Olivia Stone");
    await page.getByLabel("Email").fill("olivia@acme.test");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create tenant" }).click();
    await page.getByText("Signed in as Olivia Stone (admin)").waitFor();
    await page.locator(".tenant-name", { hasText: "Acme Voice" }).waitFor();
    expect(await tabNames(page)).toEqual(["Environments", "Users", "Invitations", "Tenant", "Audit log"]);
    await page.getByRole("button", { name: "Create environment" }).waitFor();
    // The session token is in this tab's sessionStorage only: not localStorage, not the URL.
    const stored = await page.evaluate(() => ({ session: Object.values(sessionStorage), local: localStorage.length, url: location.href }));
    expect(stored.session).toHaveLength(1);
    expect(stored.session[0]).toMatch(/^cps_/);
    expect(stored.local).toBe(0);
    expect(stored.url).not.toContain(stored.session[0]);
    // A reload keeps the tab signed in.
    await page.reload();
    await page.getByText("Signed in as Olivia Stone (admin)").waitFor();
  });

  it("shows the API's reason for a bad sign-up on its field", async () => {
    const page = await t.open();
    await page.getByRole("button", { name: "Create a tenant" }).click();
    await page.getByLabel("Tenant name").fill("Ab");
    await page.getByLabel("Your name").fill("Short");
    await page.getByLabel("Email").fill("short@acme.test");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create tenant" }).click();
    await page.locator(".field-invalid", { hasText: "Tenant name" }).getByText("must be 3 to 100 characters").waitFor();
  });

  it("refuses a wrong password without saying whether the email exists", async () => {
    const page = await t.open();
    await page.getByLabel("Email").fill("nobody@acme.test");
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("alert").getByText("The email or password is wrong.").waitFor();
  });

  it("an admin creates a member with an initial password; the member signs in and sees no admin controls", async () => {
    const admin = await t.signIn();
    await openTab(admin, "Users");
    await admin.getByRole("button", { name: "Add user" }).click();
    const dialog = admin.getByRole("dialog", { name: "Add user" });
    await dialog.getByLabel("Name").fill("Lee Park");
    await dialog.getByLabel("Email").fill("lee@acme.test");
    await dialog.getByLabel("Initial password").fill(PASSWORD);
    await dialog.getByLabel("Role").selectOption("member");
    await dialog.getByRole("button", { name: "Add user" }).click();
    await admin.getByText("User Lee Park created.").waitFor();

    const member = await t.signInWithPassword("lee@acme.test", PASSWORD);
    await member.getByText("Signed in as Lee Park (member)").waitFor();
    expect(await tabNames(member)).toEqual(["Environments", "Tenant", "Audit log"]);
    await member.getByText(/Only admins may change settings/).first().waitFor();
    expect(await member.getByRole("button", { name: "Create environment" }).count()).toBe(0);
    await openTab(member, "Tenant");
    // The tenant form is read-only: disabled fields, no Save, no key rotation.
    expect(await member.getByLabel("Name", { exact: true }).isDisabled()).toBe(true);
    expect(await member.getByRole("button", { name: "Save tenant" }).isDisabled()).toBe(true);
    expect(await member.getByRole("button", { name: "Rotate" }).count()).toBe(0);
    // Typing the address of an admin tab leads nowhere.
    await member.goto(`${t.url}/#users`);
    await member.getByRole("heading", { level: 1, name: "Environments" }).waitFor();
  });

  it("shows an operator their own schedule", async () => {
    await t.sdk.users.create({
      name: "Sam Rivera", email: "sam@acme.test", role: "operator", password: PASSWORD,
      operatorSchedule: toOperatorSchedule([{ day: "monday", startHour: 8, endHour: 16 }, { day: "wednesday", startHour: 12, endHour: 20 }], "Europe/Berlin", { weekOf: new Date("2026-01-12T12:00:00Z") }),
    });
    const page = await t.signInWithPassword("sam@acme.test", PASSWORD);
    expect(await tabNames(page)).toEqual(["Environments", "My schedule", "Tenant", "Audit log"]);
    await openTab(page, "My schedule");
    await page.getByRole("heading", { name: "Your working hours (Europe/Berlin)" }).waitFor();
    await page.getByRole("row", { name: "Monday 08:00–16:00" }).waitFor();
    await page.getByRole("row", { name: "Wednesday 12:00–20:00" }).waitFor();
  });

  it("signs out: back to the sign-in page, and the token no longer works", async () => {
    await t.sdk.users.create({ name: "Vic Chen", email: "vic@acme.test", role: "viewer", password: PASSWORD });
    const page = await t.signInWithPassword("vic@acme.test", PASSWORD);
    const token = await page.evaluate(() => Object.values(sessionStorage)[0]!);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByLabel("Password").waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    const response = await fetch(`${t.url}/v1/tenant`, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(401);
    const [event] = await t.sdk.auditEvents.list({ resourceType: "session" }).toArray();
    expect(event).toMatchObject({ action: "session.signOut", source: "console", actor: { name: "Vic Chen" } });
  });

  it("returns a member whose account the admin deleted to the sign-in page at their next action", async () => {
    await t.sdk.users.create({ name: "Kim Doe", email: "kim@acme.test", role: "member", password: PASSWORD });
    const page = await t.signInWithPassword("kim@acme.test", PASSWORD);
    await openTab(page, "Tenant");
    // The admin removes Kim in their own console.
    const admin = await t.signIn();
    await openTab(admin, "Users");
    await admin.getByRole("button", { name: "Remove Kim Doe" }).click();
    await admin.getByRole("dialog", { name: "Remove Kim Doe?" }).getByRole("button", { name: "Remove Kim Doe" }).click();
    await admin.getByText("Removed Kim Doe.").waitFor();
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Audit log", exact: true }).click();
    await page.getByRole("alert").getByText(/Your session has ended/).waitFor();
    await page.getByLabel("Password").waitFor();
    expect(await page.getByRole("navigation", { name: "Settings" }).count()).toBe(0);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    // And the password no longer signs in.
    await page.getByLabel("Email").fill("kim@acme.test");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByRole("alert").getByText("The email or password is wrong.").waitFor();
  });

  it("accepts an invitation with a password, signed in at once", async () => {
    const invitation = await t.sdk.invitations.create({ email: "nia@acme.test", role: "viewer" });
    const page = await t.open();
    await page.getByRole("button", { name: "Accept an invitation" }).click();
    await page.getByLabel("Invitation secret").fill(invitation.secret);
    await page.getByLabel("Your name").fill("Nia Ford");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Accept and sign in" }).click();
    await page.getByText("Signed in as Nia Ford (viewer)").waitFor();
    const again = await t.signInWithPassword("nia@acme.test", PASSWORD);
    await again.getByText("Signed in as Nia Ford (viewer)").waitFor();
  });
});
