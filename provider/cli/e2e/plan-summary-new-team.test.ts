/** The first plan of a team resource: with a token, people who already hold roles are not news. */
import { describe, expect, it } from "vitest";
import { useTerraform } from "../../terraform/e2e/terraform.js";
import { callplane, planJson } from "./callplane.js";

const ws = useTerraform();

const TEAM = `
resource "callplane_role_assignments" "team" {
  assignments = {
    "admin@callplane.local" = "admin"
    "ops@acme.test"         = "admin"
    "lee@acme.test"         = "member"
  }
}
`;

describe("plan-summary of a new team resource", () => {
  it("with an API token: existing admins are not flagged, new people are invited, a matching invitation is adopted", async () => {
    await ws.sdk.invitations.create({ email: "lee@acme.test", role: "member" });
    ws.config(TEAM);
    const file = await planJson(ws, "team");

    const { stdout, code } = await callplane(ws, ["plan-summary", file]);
    expect(code).toBe(0);
    expect(stdout).not.toContain("admin@callplane.local");
    expect(stdout).toMatch(/\| ops@acme.test \| — \| admin \| ⚠️ \*\*becomes admin\*\*; invited, not yet accepted \|/);
    expect(stdout).toContain("- Invitations sent: ops@acme.test (admin)");
    expect(stdout).not.toMatch(/Invitations sent: .*lee@acme.test/);

    // From the plan alone nobody's current role is known: everyone listed as admin is flagged.
    const offline = await callplane(ws, ["plan-summary", file], { withToken: false });
    expect(offline.stdout).toMatch(/\| admin@callplane.local \| — \| admin \| ⚠️ \*\*becomes admin\*\* \|/);
    expect(offline.stdout).not.toContain("Invitations sent");
  });
});
