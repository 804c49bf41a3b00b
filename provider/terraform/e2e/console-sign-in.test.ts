/**
 * A person Terraform created: `callplane_user` with a write-only initial password, then that
 * person signs in to the Settings console (real Chromium) with their email and password and
 * sees what their role allows. The password reaches the server and nowhere else.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useChromium } from "../../../server/e2e/console/browser.js";
import { shortcuts, useTerraform } from "./terraform.js";

const ws = useTerraform();
const { apply } = shortcuts(ws);
const PASSWORD = "terraform-made-me-a-member-42";

const chromium = useChromium();

describe("a user created by Terraform with initial_password_wo", () => {
  it("signs in to the console with that password and sees a member's console", async () => {
    ws.config(`
resource "callplane_user" "nia" {
  name                        = "Nia Okafor"
  email                       = "nia@acme.test"
  role                        = "member"
  initial_password_wo         = "${PASSWORD}"
  initial_password_wo_version = 1
}
`);
    const applied = await apply();
    expect(applied.code, applied.output).toBe(0);
    expect(readFileSync(join(ws.dir, "terraform.tfstate"), "utf8")).not.toContain(PASSWORD);

    const context = await chromium.browser.newContext();
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(`${ws.server.url}/`);
      await page.getByLabel("Email").fill("nia@acme.test");
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.getByText("Signed in as Nia Okafor (member)").waitFor();
      // A member manages no users: the Users tab is not offered.
      const navigation = page.getByRole("navigation", { name: "Settings" });
      expect(await navigation.getByRole("link", { name: "Users", exact: true }).count()).toBe(0);
      expect(await page.content()).not.toContain(PASSWORD);
    } finally {
      await context.close();
    }
    const [signIn] = await ws.sdk.auditEvents.list({ resourceType: "session" }).toArray();
    expect(signIn).toMatchObject({ action: "session.signIn", source: "console", actor: { name: "Nia Okafor" } });
  }, 120_000);
});
