import { createCallplaneClient } from "@callplane/sdk";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TOKEN, useTerraform, shortcuts } from "./terraform.js";

const ws = useTerraform();
const { apply, plan } = shortcuts(ws);

const BOOTSTRAP_ADMIN = "admin@callplane.local";

const FOUR = {
  "ops@acme.test": "admin",
  "lee@acme.test": "member",
  "sam@acme.test": "operator",
  "vic@acme.test": "viewer",
};

const team = (assignments: Record<string, string>) => `
resource "callplane_role_assignments" "team" {
  assignments = {
${Object.entries(assignments).map(([email, role]) => `    "${email}" = "${role}"`).join("\n")}
  }
}
`;

async function teamState(): Promise<{ assignments: Record<string, string>; members: Record<string, { role: string; status: string; user_id: string | null; invitation_id: string | null }> }> {
  const shown = await ws.terraform(["show", "-json"]);
  const resources = JSON.parse(shown.stdout).values?.root_module?.resources ?? [];
  return resources.find((r: { address: string }) => r.address === "callplane_role_assignments.team")?.values;
}

/** The output with line breaks and runs of spaces made single spaces: Terraform wraps long diagnostics. */
const flat = (output: string) => output.replace(/\s+/g, " ");

async function liveTeam(): Promise<Record<string, string>> {
  const users = await ws.sdk.users.list().toArray();
  const pending = await ws.sdk.invitations.list({ status: "pending" }).toArray();
  return Object.fromEntries([...users.map((u) => [u.email, `${u.role} (user)`]), ...pending.map((i) => [i.email, `${i.role} (invited)`])]);
}

async function accept(email: string, name: string) {
  const invitation = (await ws.sdk.invitations.list({ status: "pending" }).toArray()).find((i) => i.email === email);
  const { secret } = await ws.sdk.invitations.renew(invitation!.id);
  return ws.sdk.invitations.accept({ secret, name });
}

// A lifecycle on one workspace, step by step like terraform-plugin-testing's TestSteps: each
// test starts from the state the one before left, so the order is part of the test.
describe("callplane_role_assignments with real Terraform", { shuffle: false }, () => {
  it("refuses, at plan time, a map without an admin or with an invalid email or role, naming the key", async () => {
    ws.config(team({ "lee@acme.test": "member", "not-an-email": "viewer", "sam@acme.test": "owner" }));
    const planned = await ws.terraform(["plan", "-input=false"]);
    expect(planned.code).toBe(1);
    expect(planned.output).toContain("No admin in assignments");
    expect(planned.output).toContain("Invalid email in assignments");
    expect(planned.output).toMatch(/"not-an-email": must be an email address/);
    // The diagnostics point at the map element itself (a path step on the key), not the whole map.
    expect(planned.output).toMatch(/Invalid email in assignments\s+with callplane_role_assignments\.team,\s+on main\.tf line \d+, in resource "callplane_role_assignments" "team":\s+\d+:\s+"not-an-email" = "viewer"\n\n/);
    expect(planned.output).toMatch(/Invalid role in assignments\s+with callplane_role_assignments\.team,\s+on main\.tf line \d+, in resource "callplane_role_assignments" "team":\s+\d+:\s+"sam@acme.test" = "owner"\n\n/);
    expect(planned.output).toContain("Invalid role in assignments");
    expect(planned.output).toMatch(/"sam@acme.test": must be one of admin, member, operator, viewer/);
    expect(await ws.sdk.invitations.list().toArray()).toEqual([]);
  });

  it("sets the team: roles for users, invitations for the rest, keeping the unlisted caller with a warning", async () => {
    const lee = await ws.sdk.users.create({ name: "Lee", email: "lee@acme.test", role: "viewer" });
    ws.config(team(FOUR));
    const applied = await apply();
    expect(applied.code, applied.output).toBe(0);
    expect(applied.output).toContain(`${BOOTSTRAP_ADMIN} will be kept, though not in assignments`);
    expect(flat(applied.output)).toContain("it owns the API token this provider uses, and Terraform never removes the user it acts as");
    expect(await liveTeam()).toEqual({
      [BOOTSTRAP_ADMIN]: "admin (user)",
      "lee@acme.test": "member (user)",
      "ops@acme.test": "admin (invited)",
      "sam@acme.test": "operator (invited)",
      "vic@acme.test": "viewer (invited)",
    });
    const state = await teamState();
    expect(state.assignments).toEqual(FOUR);
    expect(state.members[BOOTSTRAP_ADMIN]).toMatchObject({ role: "admin", status: "active" });
    expect(state.members["lee@acme.test"]).toEqual({ role: "member", status: "active", user_id: lee.id, invitation_id: null });
    expect(state.members["ops@acme.test"]).toMatchObject({ role: "admin", status: "invited", user_id: null, invitation_id: expect.stringMatching(/^inv_/) });
    const again = await plan();
    expect(again.code, again.output).toBe(0);
    expect(again.output).not.toContain("inconsistent");
  });

  it("reads accepted invitations as active members, with no change to plan", async () => {
    const ops = await accept("ops@acme.test", "Ops");
    expect((await plan()).code).toBe(0);
    expect((await ws.terraform(["apply", "-refresh-only", "-auto-approve", "-input=false"])).code).toBe(0);
    expect((await teamState()).members["ops@acme.test"]).toEqual({ role: "admin", status: "active", user_id: ops.id, invitation_id: null });
  });

  it("shows people added and roles changed by hand as drift (exit 2), and apply removes and restores them", async () => {
    const hand = await ws.sdk.users.create({ name: "Hand", email: "hand@acme.test", role: "viewer" });
    const invited = await ws.sdk.invitations.create({ email: "guest@acme.test", role: "member" });
    const lee = (await ws.sdk.users.list({ q: "lee@acme.test" }).toArray())[0]!;
    await ws.sdk.users.update(lee.id, { role: "operator" });

    const planned = await plan();
    expect(planned.code, planned.output).toBe(2);
    expect(planned.output).toMatch(/- "hand@acme.test"\s+= "viewer" -> null/);
    expect(planned.output).toMatch(/- "guest@acme.test"\s+= "member" -> null/);
    expect(planned.output).toMatch(/~ "lee@acme.test"\s+= "operator" -> "member"/);
    expect(planned.output).not.toMatch(/- "admin@callplane.local"/);

    const applied = await apply();
    expect(applied.code, applied.output).toBe(0);
    expect((await ws.sdk.users.list({ q: "hand@acme.test" }).toArray())).toEqual([]);
    expect((await ws.sdk.invitations.get(invited.id)).status).toBe("revoked");
    expect((await ws.sdk.users.get(lee.id)).role).toBe("member");
    expect(hand.id).toMatch(/^usr_/);
    expect((await plan()).code).toBe(0);
  });

  it("never removes the provider's own user: dropped from the map, it is kept with a warning and left out afterwards", async () => {
    ws.config(team({ ...FOUR, [BOOTSTRAP_ADMIN]: "admin" }));
    const listed = await apply();
    expect(listed.code, listed.output).toBe(0);
    expect((await teamState()).assignments[BOOTSTRAP_ADMIN]).toBe("admin");

    ws.config(team(FOUR));
    const planned = await ws.terraform(["plan", "-input=false"]);
    expect(planned.output).toMatch(/- "admin@callplane.local"\s+= "admin" -> null/);
    expect(planned.output).toContain(`${BOOTSTRAP_ADMIN} will be kept, though not in assignments`);
    const applied = await apply();
    expect(applied.code, applied.output).toBe(0);
    expect(applied.output).toContain(`${BOOTSTRAP_ADMIN} was kept, though not in assignments`);
    expect((await ws.sdk.users.list({ q: BOOTSTRAP_ADMIN }).toArray())[0]?.role).toBe("admin");
    const after = await plan();
    expect(after.code, after.output).toBe(0);
    expect((await teamState()).members[BOOTSTRAP_ADMIN]).toMatchObject({ role: "admin", status: "active" });
  });

  it("knows its own user from a token set in the provider block, too", async () => {
    // override.tf merges into the provider block; the environment's token would be a tenant key belonging to no user.
    const override = join(ws.dir, "override.tf");
    writeFileSync(override, `provider "callplane" {\n  token = "${TOKEN}"\n}\n`);
    try {
      const planned = await ws.terraform(["plan", "-detailed-exitcode", "-input=false"], { CALLPLANE_TOKEN: "cpk_not_the_token_in_use_0000" });
      expect(planned.code, planned.output).toBe(0);
      expect(planned.output).not.toContain(TOKEN);
    } finally {
      rmSync(override);
    }
  });

  it("imports the team by the id \"team\"", async () => {
    expect((await ws.terraform(["state", "rm", "callplane_role_assignments.team"])).code).toBe(0);
    ws.config(team(FOUR) + `
import {
  to = callplane_role_assignments.team
  id = "team"
}
`);
    const planned = await ws.terraform(["plan", "-input=false"]);
    expect(planned.output).toContain("1 to import, 0 to add, 0 to change, 0 to destroy");
    expect((await apply()).code).toBe(0);
    expect((await plan()).code).toBe(0);
  });

  it("keeps the last admin while no listed admin has joined, and removes it once one has", async () => {
    // With the tenant API key the provider acts as no user, so the bootstrap admin is an ordinary member of the team.
    const { apiKey } = await ws.sdk.tenant.rotateApiKey();
    const asKey = { CALLPLANE_TOKEN: apiKey };
    const keyClient = createCallplaneClient({ endpoint: ws.server.url, token: apiKey });
    const { ["ops@acme.test"]: _ops, ...rest } = FOUR;
    ws.config(team({ ...rest, "new-admin@acme.test": "admin" }));

    const planned = await ws.terraform(["plan", "-input=false"], asKey);
    expect(planned.output).toMatch(/- "admin@callplane.local"\s+= "admin" -> null/);
    expect(planned.output).toMatch(/- "ops@acme.test"\s+= "admin" -> null/);
    expect(planned.output).toContain(`${BOOTSTRAP_ADMIN} will be kept, though not in assignments`);
    expect(flat(planned.output)).toContain("it is the tenant's last admin and at least one admin must remain");
    const first = await ws.terraform(["apply", "-auto-approve", "-input=false"], asKey);
    expect(first.code, first.output).toBe(0);
    expect(first.output).toContain(`${BOOTSTRAP_ADMIN} was kept, though not in assignments`);
    const live = await keyClient.users.list().toArray();
    expect(live.map((u) => u.email).sort()).toEqual([BOOTSTRAP_ADMIN, "lee@acme.test"]);
    // Still to be removed: the next plan says so again.
    expect((await ws.terraform(["plan", "-detailed-exitcode", "-input=false"], asKey)).code).toBe(2);

    const invitation = (await keyClient.invitations.list({ status: "pending" }).toArray()).find((i) => i.email === "new-admin@acme.test");
    const { secret } = await keyClient.invitations.renew(invitation!.id);
    await keyClient.invitations.accept({ secret, name: "New admin" });
    const second = await ws.terraform(["apply", "-auto-approve", "-input=false"], asKey);
    expect(second.code, second.output).toBe(0);
    expect(second.output).not.toContain("was kept");
    expect((await keyClient.users.list().toArray()).map((u) => [u.email, u.role]).sort()).toEqual([["lee@acme.test", "member"], ["new-admin@acme.test", "admin"]]);
    expect((await ws.terraform(["plan", "-detailed-exitcode", "-input=false"], asKey)).code).toBe(0);

    const before = await keyClient.users.list().toArray();
    const destroyed = await ws.terraform(["destroy", "-auto-approve", "-input=false"], asKey);
    expect(destroyed.code, destroyed.output).toBe(0);
    expect(await keyClient.users.list().toArray()).toEqual(before);
    expect((await keyClient.invitations.list({ status: "pending" }).toArray()).map((i) => i.email).sort()).toEqual(["sam@acme.test", "vic@acme.test"]);
  });
});
