import { describe, expect, it } from "vitest";
import { useTerraform, shortcuts } from "./terraform.js";

const ws = useTerraform();
const { stateOf, apply, plan } = shortcuts(ws);

const PASSWORD = "correct-horse-battery-staple";
const BOOTSTRAP_ADMIN = "admin@callplane.local";

interface Team {
  adminName?: string;
  adminRole?: string;
  memberEmail?: string;
  extra?: string;
}

const team = ({ adminName = "Ada Admin", adminRole = "admin", memberEmail = "max@acme.test", extra = "" }: Team = {}) => `
resource "callplane_user" "admin" {
  name             = "${adminName}"
  email            = "ada@acme.test"
  role             = "${adminRole}"
  initial_password = "${PASSWORD}"
}
resource "callplane_user" "member" {
  name  = "Max Member"
  email = "${memberEmail}"
  role  = "member"
}
resource "callplane_user" "operator" {
  name  = "Olga Operator"
  email = "olga@acme.test"
  role  = "operator"
  operator_schedule = {
    timezone = "Europe/Berlin"
    ranges = [
      { day = "monday", start_hour = 8, end_hour = 16.5 },
      { day = "friday", start_hour = 22, end_hour = 24 },
      { day = "saturday", start_hour = 0, end_hour = 2.25 },
    ]
  }
}
resource "callplane_user" "viewer" {
  name  = "Vera Viewer"
  email = "vera@acme.test"
  role  = "viewer"
}
${extra}`;

/** Terraform wraps diagnostics at 78 columns. */
const flat = (text: string) => text.replace(/\s+/g, " ");

async function liveByEmail(email: string) {
  return (await ws.sdk.users.list({ q: email }).toArray()).find((u) => u.email === email);
}

// A lifecycle on one workspace, step by step like terraform-plugin-testing's TestSteps: each
// test starts from the state the one before left, so the order is part of the test.
describe("callplane_user with real Terraform", { shuffle: false }, () => {
  it("creates an admin, a member, an operator with a schedule and a viewer, then plans no changes", async () => {
    ws.config(team());
    const applied = await apply();
    expect(applied.code, applied.output).toBe(0);
    expect(applied.output).toContain("Apply complete! Resources: 4 added");
    expect(applied.output).not.toContain(PASSWORD);

    const live = await ws.sdk.users.list().toArray();
    expect(live.map((u) => [u.email, u.role])).toEqual(expect.arrayContaining([
      ["ada@acme.test", "admin"], ["max@acme.test", "member"], ["olga@acme.test", "operator"], ["vera@acme.test", "viewer"],
    ]));
    const olga = live.find((u) => u.email === "olga@acme.test")!;
    expect(olga.operatorSchedule).toEqual({
      timezone: "Europe/Berlin",
      ranges: [
        { day: "monday", startHour: 8, endHour: 16.5 },
        { day: "friday", startHour: 22, endHour: 24 },
        { day: "saturday", startHour: 0, endHour: 2.25 },
      ],
    });
    expect(live.find((u) => u.email === "max@acme.test")!.operatorSchedule).toBeNull();

    const admin = await stateOf("callplane_user.admin");
    expect(admin.id).toBe(live.find((u) => u.email === "ada@acme.test")!.id);
    expect(admin.created_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(admin.initial_password).toBe(PASSWORD);

    const again = await plan();
    expect(again.code, again.output).toBe(0);
    expect(again.output).not.toContain("inconsistent");
  });

  it("keeps the initial password out of plans and output", async () => {
    const shown = await ws.terraform(["show"]);
    expect(shown.code).toBe(0);
    expect(shown.output).toMatch(/initial_password\s+= \(sensitive value\)/);
    expect(shown.output).not.toContain(PASSWORD);
  });

  it("renames a user in place", async () => {
    const before = await stateOf("callplane_user.admin");
    ws.config(team({ adminName: "Ada Lovelace" }));
    const planned = await plan();
    expect(planned.code).toBe(2);
    expect(planned.output).toContain("callplane_user.admin will be updated in-place");
    expect(planned.output).toMatch(/name\s+= "Ada Admin" -> "Ada Lovelace"/);
    const applied = await apply();
    expect(applied.code, applied.output).toBe(0);
    expect(applied.output).toContain("0 added, 1 changed, 0 destroyed");
    expect((await ws.sdk.users.get(before.id as string)).name).toBe("Ada Lovelace");
    expect((await stateOf("callplane_user.admin")).id).toBe(before.id);
    expect((await plan()).code).toBe(0);
  });

  it("replaces a user whose email changes, and says so in the plan", async () => {
    const before = await stateOf("callplane_user.member");
    ws.config(team({ adminName: "Ada Lovelace", memberEmail: "maxine@acme.test" }));
    const planned = await plan();
    expect(planned.code).toBe(2);
    expect(planned.output).toContain("callplane_user.member must be replaced");
    expect(planned.output).toMatch(/email\s+= "max@acme.test" -> "maxine@acme.test" # forces replacement/);
    const applied = await apply();
    expect(applied.code, applied.output).toBe(0);
    expect(applied.output).toContain("1 added, 0 changed, 1 destroyed");
    const after = await stateOf("callplane_user.member");
    expect(after.id).not.toBe(before.id);
    expect(await liveByEmail("max@acme.test")).toBeUndefined();
    expect((await liveByEmail("maxine@acme.test"))?.id).toBe(after.id);
    expect((await plan()).code).toBe(0);
  });

  it("shows a role changed by hand as drift (exit 2), and apply restores it", async () => {
    const id = (await stateOf("callplane_user.viewer")).id as string;
    await ws.sdk.users.update(id, { role: "member" });
    const planned = await plan();
    expect(planned.code, planned.output).toBe(2);
    expect(planned.output).toMatch(/role\s+= "member" -> "viewer"/);
    const applied = await apply();
    expect(applied.code, applied.output).toBe(0);
    expect((await ws.sdk.users.get(id)).role).toBe("viewer");
    expect((await plan()).code).toBe(0);
  });

  it("shows a schedule changed by hand as drift, and apply restores it", async () => {
    const id = (await stateOf("callplane_user.operator")).id as string;
    await ws.sdk.users.update(id, { operatorSchedule: { timezone: "Europe/Berlin", ranges: [{ day: "monday", startHour: 9, endHour: 17 }] } });
    const planned = await plan();
    expect(planned.code, planned.output).toBe(2);
    expect(planned.output).toContain("callplane_user.operator will be updated in-place");
    expect((await apply()).code).toBe(0);
    expect((await ws.sdk.users.get(id)).operatorSchedule?.ranges).toHaveLength(3);
    expect((await plan()).code).toBe(0);
  });

  it("records a new initial_password in state without changing the user", async () => {
    const id = (await stateOf("callplane_user.admin")).id as string;
    const before = await ws.sdk.users.get(id);
    ws.config(team({ adminName: "Ada Lovelace", memberEmail: "maxine@acme.test" }).replace(PASSWORD, "a-brand-new-passphrase"));
    const planned = await plan();
    expect(planned.code).toBe(2);
    expect(planned.output).toMatch(/~ initial_password = \(sensitive value\)/);
    expect(planned.output).not.toContain("a-brand-new-passphrase");
    const applied = await apply();
    expect(applied.code, applied.output).toBe(0);
    expect(applied.output).toContain("0 added, 1 changed, 0 destroyed");
    expect((await ws.sdk.users.get(id)).modifiedAt).toBe(before.modifiedAt);
    expect((await stateOf("callplane_user.admin")).initial_password).toBe("a-brand-new-passphrase");
    expect((await plan()).code).toBe(0);
    ws.config(team({ adminName: "Ada Lovelace", memberEmail: "maxine@acme.test" }));
    expect((await apply()).code).toBe(0);
  });

  it("makes a user an operator with a schedule, and back, dropping the schedule", async () => {
    const id = (await stateOf("callplane_user.viewer")).id as string;
    const asViewer = team({ adminName: "Ada Lovelace", memberEmail: "maxine@acme.test" });
    const asOperator = asViewer.replace('  role  = "viewer"\n}', `  role  = "operator"
  operator_schedule = {
    timezone = "Asia/Kolkata"
    ranges   = [{ day = "sunday", start_hour = 3.5, end_hour = 11.75 }]
  }
}`);
    expect(asOperator).not.toBe(asViewer);
    ws.config(asOperator);
    expect((await apply()).code).toBe(0);
    expect(await ws.sdk.users.get(id)).toMatchObject({
      role: "operator", operatorSchedule: { timezone: "Asia/Kolkata", ranges: [{ day: "sunday", startHour: 3.5, endHour: 11.75 }] },
    });
    expect((await plan()).code).toBe(0);
    ws.config(asViewer);
    const applied = await apply();
    expect(applied.code, applied.output).toBe(0);
    expect(await ws.sdk.users.get(id)).toMatchObject({ role: "viewer", operatorSchedule: null });
    expect((await plan()).code).toBe(0);
  });

  it("refuses an operator schedule on a user who is not an operator, at plan time, on the attribute", async () => {
    ws.config(team({ adminName: "Ada Lovelace", memberEmail: "maxine@acme.test", extra: `
resource "callplane_user" "scheduled_viewer" {
  name  = "Sid Viewer"
  email = "sid@acme.test"
  role  = "viewer"
  operator_schedule = {
    timezone = "UTC"
    ranges   = [{ day = "monday", start_hour = 9, end_hour = 17 }]
  }
}
` }));
    const planned = await ws.terraform(["plan", "-input=false"]);
    expect(planned.code).toBe(1);
    expect(planned.output).toContain("operator_schedule is only for operators");
    expect(flat(planned.output)).toContain(`this user's role is "viewer". Remove operator_schedule or set role = "operator".`);
    // Terraform quotes the attribute's line when the diagnostic is on it.
    expect(planned.output).toMatch(/on main\.tf line \d+, in resource "callplane_user" "scheduled_viewer":\n\s+\d+:\s+operator_schedule = \{/);
    expect(await liveByEmail("sid@acme.test")).toBeUndefined();
  });

  it("checks schedule hours (0–24, quarter hours, start before end) and the time zone before anything is changed", async () => {
    ws.config(team({ adminName: "Ada Lovelace", memberEmail: "maxine@acme.test", extra: `
resource "callplane_user" "bad" {
  name  = "Bea Bad"
  email = "not-an-email"
  role  = "owner"
  initial_password = "short"
}
resource "callplane_user" "bad_schedule" {
  name  = "Bo Operator"
  email = "bo@acme.test"
  role  = "operator"
  operator_schedule = {
    timezone = "Mars/Olympus"
    ranges = [
      { day = "monday", start_hour = 9, end_hour = 8 },
      { day = "tuesday", start_hour = 9.1, end_hour = 25 },
    ]
  }
}
` }));
    const planned = await ws.terraform(["plan", "-input=false"]);
    expect(planned.code).toBe(1);
    expect(planned.output).toContain("email: must be an email address");
    expect(planned.output).toContain("role: must be one of admin, member, operator, viewer");
    expect(planned.output).toContain("initial_password: must be 8 to 128 characters");
    expect(planned.output).toContain("operator_schedule: timezone: must be an IANA time zone");
    expect(planned.output).toContain("operator_schedule: ranges[0].end_hour: must be after start_hour");
    expect(planned.output).toContain("operator_schedule: ranges[1].start_hour: must be a multiple of 0.25");
    expect(planned.output).toContain("operator_schedule: ranges[1].end_hour: must be between 0 and 24");
    expect(await liveByEmail("bo@acme.test")).toBeUndefined();
  });

  it("lists users through the callplane_users data source, with q and role filters", async () => {
    ws.config(team({ adminName: "Ada Lovelace", memberEmail: "maxine@acme.test", extra: `
data "callplane_users" "all" {}
data "callplane_users" "admins" {
  role = "admin"
}
data "callplane_users" "searched" {
  q = "OLGA"
}
output "all" { value = [for u in data.callplane_users.all.users : u.email] }
output "admins" { value = [for u in data.callplane_users.admins.users : u.email] }
output "searched" { value = data.callplane_users.searched.users }
` }));
    const applied = await apply();
    expect(applied.code, applied.output).toBe(0);
    const outputs = JSON.parse((await ws.terraform(["output", "-json"])).stdout);
    expect([...outputs.all.value].sort()).toEqual([BOOTSTRAP_ADMIN, "ada@acme.test", "maxine@acme.test", "olga@acme.test", "vera@acme.test"].sort());
    expect([...outputs.admins.value].sort()).toEqual([BOOTSTRAP_ADMIN, "ada@acme.test"].sort());
    const olga = await stateOf("callplane_user.operator");
    expect(outputs.searched.value).toEqual([{ id: olga.id, name: "Olga Operator", email: "olga@acme.test", role: "operator", created_at: olga.created_at }]);
  });

  it("refuses an invalid role filter on the data source", async () => {
    ws.config(team({ adminName: "Ada Lovelace", memberEmail: "maxine@acme.test", extra: `
data "callplane_users" "bad" {
  role = "owner"
}
` }));
    const planned = await ws.terraform(["plan", "-input=false"]);
    expect(planned.code).toBe(1);
    expect(planned.output).toContain("role: must be one of admin, member, operator, viewer");
  });

  it("imports an existing user by id, schedule included, and plans no changes", async () => {
    const made = await ws.sdk.users.create({
      name: "Ivy Imported", email: "ivy@acme.test", role: "operator",
      operatorSchedule: { timezone: "America/New_York", ranges: [{ day: "wednesday", startHour: 13, endHour: 21 }] },
    });
    ws.config(team({ adminName: "Ada Lovelace", memberEmail: "maxine@acme.test", extra: `
import {
  to = callplane_user.imported
  id = "${made.id}"
}
resource "callplane_user" "imported" {
  name  = "Ivy Imported"
  email = "ivy@acme.test"
  role  = "operator"
  operator_schedule = {
    timezone = "America/New_York"
    ranges   = [{ day = "wednesday", start_hour = 13, end_hour = 21 }]
  }
}
` }));
    const planned = await plan();
    expect(planned.output).toContain("1 to import, 0 to add, 0 to change, 0 to destroy");
    expect((await apply()).code).toBe(0);
    const state = await stateOf("callplane_user.imported");
    expect(state.id).toBe(made.id);
    expect(state.initial_password).toBeNull();
    expect((await plan()).code).toBe(0);
  });

  it("demotes an admin when another admin remains", async () => {
    ws.config(team({ adminName: "Ada Lovelace", memberEmail: "maxine@acme.test", adminRole: "member" }));
    const applied = await apply();
    expect(applied.code, applied.output).toBe(0);
    expect((await liveByEmail("ada@acme.test"))?.role).toBe("member");
    expect((await ws.sdk.users.list({ role: "admin" }).toArray()).map((u) => u.email)).toEqual([BOOTSTRAP_ADMIN]);
  });

  // The bootstrap admin is now the tenant's only admin (and owns the token these tests use).
  const owner = (role: string) => `
import {
  to = callplane_user.owner
  id = "${ownerId}"
}
resource "callplane_user" "owner" {
  name  = "Local admin"
  email = "${BOOTSTRAP_ADMIN}"
  role  = "${role}"
}
`;
  let ownerId = "";

  it("refuses to demote the last admin, with a clear diagnostic on role", async () => {
    ownerId = (await liveByEmail(BOOTSTRAP_ADMIN))!.id;
    ws.config(team({ adminName: "Ada Lovelace", memberEmail: "maxine@acme.test", adminRole: "member", extra: owner("admin") }));
    expect((await apply()).code).toBe(0);
    expect((await plan()).code).toBe(0);

    ws.config(team({ adminName: "Ada Lovelace", memberEmail: "maxine@acme.test", adminRole: "member", extra: owner("viewer") }));
    const applied = await apply();
    expect(applied.code).toBe(1);
    expect(applied.output).toContain("Error: Cannot demote the last admin");
    expect(flat(applied.output)).toContain(`Local admin is the tenant's only admin; make someone else admin before you demote.`);
    expect(flat(applied.output)).toContain('give another user role = "admin" and apply that first');
    expect(applied.output).toMatch(/with callplane_user\.owner,\n\s+on main\.tf line \d+, in resource "callplane_user" "owner":\n\s+\d+:\s+role\s+= "viewer"/);
    expect(applied.output).not.toContain("inconsistent result");
    expect((await ws.sdk.users.get(ownerId)).role).toBe("admin");
  });

  it("refuses to delete the last admin, with a diagnostic on the resource", async () => {
    ws.config(team({ adminName: "Ada Lovelace", memberEmail: "maxine@acme.test", adminRole: "member" }));
    const applied = await apply();
    expect(applied.code).toBe(1);
    expect(applied.output).toMatch(/callplane_user\.owner: Destroying\.\.\. \[id=usr_\w+\]\s+Error: Cannot delete the last admin/);
    expect(flat(applied.output)).toContain(`Local admin is the tenant's only admin; make someone else admin before you delete.`);
    expect(flat(applied.output)).toContain("use `terraform state rm` or a `removed` block");
    expect((await ws.sdk.users.get(ownerId)).role).toBe("admin");
    // Still managed: it was not deleted.
    expect((await ws.terraform(["state", "list"])).stdout).toContain("callplane_user.owner");
  });

  it("destroys what it manages", async () => {
    expect((await ws.terraform(["state", "rm", "callplane_user.owner"])).code).toBe(0);
    const destroyed = await ws.terraform(["destroy", "-auto-approve", "-input=false"]);
    expect(destroyed.code, destroyed.output).toBe(0);
    expect((await ws.sdk.users.list().toArray()).map((u) => u.email)).toEqual([BOOTSTRAP_ADMIN]);
  });
});
