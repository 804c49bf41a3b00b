/** The Invitations tab in Chromium: invite, renew an expired invitation, revoke. */
import { describe, expect, it } from "vitest";
import { openTab, useConsole } from "./browser.js";

const t = useConsole();

describe("Invitations in the console", () => {
  it("invites by email with a role, showing the acceptance secret once", async () => {
    const page = await t.signIn();
    await openTab(page, "Invitations");
    await page.getByLabel("Invite by email").fill("not-an-email");
    await page.getByRole("button", { name: "Invite" }).click();
    await page.getByText("must be an email address").waitFor();
    await page.getByLabel("Invite by email").fill("kim@acme.test");
    await page.getByRole("form", { name: "Invite a user" }).getByLabel("Role").selectOption("operator");
    await page.getByRole("button", { name: "Invite" }).click();
    const shown = page.getByRole("dialog", { name: "Invitation sent to kim@acme.test" });
    const secret = await shown.getByLabel("Acceptance secret").inputValue();
    expect(secret).toMatch(/^cpi_/);
    await shown.getByRole("button", { name: "Done" }).click();
    const row = page.getByRole("row", { name: /kim@acme\.test/ });
    await row.getByText("Pending").waitFor();
    await row.getByText("Local admin").waitFor();

    // The secret shown is the invitation's: accepting with it creates the user with the role.
    const user = await t.sdk.invitations.accept({ secret, name: "Kim" });
    expect(user).toMatchObject({ email: "kim@acme.test", role: "operator" });

    // Inviting the same address again: the API's reason, on the field.
    await page.getByLabel("Invite by email").fill("kim@acme.test");
    await page.getByRole("button", { name: "Invite" }).click();
    await page.getByText("already belongs to a user").waitFor();
  });

  it("renews an expired invitation and revokes another", async () => {
    const expired = await t.sdk.invitations.create({ email: "lee@acme.test", role: "member" });
    const other = await t.sdk.invitations.create({ email: "vic@acme.test", role: "viewer" });
    // Let it lapse: expiry is read from expiresAt.
    t.server.store.updateInvitation(t.server.bootstrap!.tenantId, expired.id, { expiresAt: new Date(Date.now() - 60_000).toISOString() });
    expect((await t.sdk.invitations.get(expired.id)).status).toBe("expired");

    const page = await t.signIn();
    await openTab(page, "Invitations");
    const row = page.getByRole("row", { name: /lee@acme\.test/ });
    await row.getByText("Expired").waitFor();
    await row.getByRole("button", { name: "Renew the invitation for lee@acme.test" }).click();
    const shown = page.getByRole("dialog", { name: "Invitation for lee@acme.test renewed" });
    await shown.getByRole("button", { name: "Done" }).click();
    await row.getByText("Pending").waitFor();
    const renewed = await t.sdk.invitations.get(expired.id);
    expect(renewed.status).toBe("pending");
    expect(Date.parse(renewed.expiresAt)).toBeGreaterThan(Date.now() + 6 * 24 * 3600_000);
    const [event] = await t.sdk.auditEvents.list({ resourceType: "invitation", resourceId: expired.id }).toArray();
    expect(event).toMatchObject({ action: "invitation.renew", source: "console", before: { status: "expired" }, after: { status: "pending" } });

    await page.getByRole("button", { name: "Revoke the invitation for vic@acme.test" }).click();
    await page.getByRole("dialog", { name: "Revoke the invitation for vic@acme.test?" }).getByRole("button", { name: "Revoke" }).click();
    await page.getByText("Revoked the invitation for vic@acme.test.").waitFor();
    // Revoked ones leave the default view, and show under "Revoked".
    await expect.poll(() => page.getByRole("row", { name: /vic@acme\.test/ }).count(), { timeout: 10_000 }).toBe(0);
    await page.getByLabel("Show").selectOption("revoked");
    await page.getByRole("row", { name: /vic@acme\.test/ }).getByText("Revoked").waitFor();
    expect((await t.sdk.invitations.get(other.id)).status).toBe("revoked");
  });
});
