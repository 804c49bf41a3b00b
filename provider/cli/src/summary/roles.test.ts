/** Roles and invitations in a plan summary, for each resource that manages people. */
import { describe, expect, it } from "vitest";
import type { PlanJson, ResourceChange } from "../terraform/plan-json.js";
import { summarizePlan } from "./build.js";
import { renderPlanMarkdown } from "./markdown.js";
import type { LiveTeam } from "./roles.js";
import { change } from "./test-support.js";

const summarize = (changes: ResourceChange[], live?: LiveTeam) => summarizePlan({ format_version: "1.2", resource_changes: changes } satisfies PlanJson, { live });
const people = (changes: ResourceChange[], live?: LiveTeam) => {
  const { roles, invitations } = summarize(changes, live);
  return { roles, invitations };
};
const section = (changes: ResourceChange[], live?: LiveTeam) => {
  const markdown = renderPlanMarkdown(summarize(changes, live));
  const start = markdown.indexOf("### Roles and invitations");
  const end = markdown.indexOf("\n### ", start + 1);
  return markdown.slice(start, end === -1 ? undefined : end + 1);
};
const live = (users: Record<string, string>, pending: Record<string, string> = {}): LiveTeam => ({ users: new Map(Object.entries(users)), pending: new Map(Object.entries(pending)) });

describe("one role assignment (callplane_role_assignment)", () => {
  const address = "callplane_role_assignment.ops";

  it("inviting someone as admin: a new admin, not yet accepted, and an invitation sent", () => {
    const rc = change(address, ["create"], null, { email: "ops@acme.test", role: "admin", status: "invited" });
    expect(people([rc])).toEqual({
      roles: [{ email: "ops@acme.test", before: null, after: "admin", status: "invited", flags: ["privilege-escalation"], address }],
      invitations: [{ email: "ops@acme.test", role: "admin", action: "sent", address }],
    });
    expect(section([rc])).toBe(
      [
        "### Roles and invitations",
        "",
        "| Who | Before | After | |",
        "|---|---|---|---|",
        "| ops@acme.test | — | admin | ⚠️ **becomes admin**; invited, not yet accepted |",
        "",
        "- Invitations sent: ops@acme.test (admin)",
        "",
      ].join("\n"),
    );
  });

  it("inviting someone who has a pending invitation with that role adopts it: no invitation sent", () => {
    const rc = change(address, ["create"], null, { email: "ops@acme.test", role: "member", status: "invited", invitation_id: "inv_1", user_id: null });
    expect(people([rc])).toEqual({ roles: [{ email: "ops@acme.test", before: null, after: "member", status: "invited", flags: [], address }], invitations: [] });
  });

  it("giving an existing user a role sends no invitation", () => {
    expect(people([change(address, ["create"], null, { email: "ops@acme.test", role: "viewer", status: "active" })])).toEqual({
      roles: [{ email: "ops@acme.test", before: null, after: "viewer", flags: [], address }],
      invitations: [],
    });
  });

  it("changing the role of someone invited keeps them marked as invited", () => {
    const rc = change(address, ["update"], { email: "ops@acme.test", role: "viewer", status: "invited" }, { email: "ops@acme.test", role: "admin", status: "invited" });
    expect(people([rc])).toEqual({ roles: [{ email: "ops@acme.test", before: "viewer", after: "admin", status: "invited", flags: ["privilege-escalation"], address }], invitations: [] });
  });

  it("destroying it removes the person only when remove_user_on_destroy is set, and withdraws an open invitation", () => {
    const kept = change(address, ["delete"], { email: "ops@acme.test", role: "admin", status: "active", remove_user_on_destroy: false }, null);
    expect(people([kept])).toEqual({ roles: [], invitations: [] });
    const removed = change(address, ["delete"], { email: "ops@acme.test", role: "admin", status: "active", remove_user_on_destroy: true }, null);
    expect(people([removed])).toEqual({ roles: [{ email: "ops@acme.test", before: "admin", after: null, flags: ["admin-removed"], address }], invitations: [] });
    const invited = change(address, ["delete"], { email: "ops@acme.test", role: "member", status: "invited", remove_user_on_destroy: true }, null);
    expect(people([invited])).toEqual({
      roles: [{ email: "ops@acme.test", before: "member", after: null, status: "invited", flags: [], address }],
      invitations: [{ email: "ops@acme.test", action: "revoked", address }],
    });
    expect(section([invited])).toContain("| ops@acme.test | member | _(removed)_ | invited, not yet accepted |\n\n- Invitations revoked: ops@acme.test\n");
  });

  it("names the person by the old email when the new one is unknown, else by the address", () => {
    expect(people([change(address, ["update"], { email: "ops@acme.test", role: "viewer" }, { role: "member" })]).roles[0]!.email).toBe("ops@acme.test");
    expect(people([change(address, ["update"], { role: "viewer" }, { role: "member" })]).roles[0]!.email).toBe(address);
  });
});

describe("a user (callplane_user)", () => {
  const address = "callplane_user.sam";

  it("a new user, a role change and a removal", () => {
    expect(
      people([
        change(address, ["create"], null, { email: "sam@acme.test", role: "member" }),
        change("callplane_user.lee", ["update"], { email: "lee@acme.test", role: "admin" }, { email: "lee@acme.test", role: "operator" }),
        change("callplane_user.kim", ["delete"], { email: "kim@acme.test", role: "viewer" }, null),
      ]).roles,
    ).toEqual([
      { email: "sam@acme.test", before: null, after: "member", flags: [], address },
      { email: "lee@acme.test", before: "admin", after: "operator", flags: ["admin-removed"], address: "callplane_user.lee" },
      { email: "kim@acme.test", before: "viewer", after: null, flags: [], address: "callplane_user.kim" },
    ]);
  });

  it("a replacement with a new email: the old address loses the role, the new one gets it", () => {
    const rc = change(address, ["delete", "create"], { email: "sam@old.test", role: "admin" }, { email: "sam@new.test", role: "admin" });
    expect(people([rc]).roles).toEqual([
      { email: "sam@old.test", before: "admin", after: null, flags: ["admin-removed"], address },
      { email: "sam@new.test", before: null, after: "admin", flags: ["privilege-escalation"], address },
    ]);
    expect(section([rc])).toContain("| sam@old.test | admin | _(removed)_ | ⚠️ **admin removed** |\n| sam@new.test | — | admin | ⚠️ **becomes admin** |");
  });

  it("an update that leaves the role alone is no role change", () => {
    expect(people([change(address, ["update"], { email: "sam@acme.test", role: "member", name: "Sam" }, { email: "sam@acme.test", role: "member", name: "Samuel" })]).roles).toEqual([]);
  });
});

describe("an invitation (callplane_invitation)", () => {
  const address = "callplane_invitation.vic";

  it("sent, withdrawn, replaced, renewed when expired, and an admin invitation flagged", () => {
    const { roles, invitations } = people([
      change("callplane_invitation.new", ["create"], null, { email: "new@acme.test", role: "viewer" }),
      change("callplane_invitation.gone", ["delete"], { email: "gone@acme.test", role: "member" }, null),
      change(address, ["create", "delete"], { email: "vic@old.test", role: "viewer" }, { email: "vic@new.test", role: "member" }),
      change("callplane_invitation.old", ["update"], { email: "old@acme.test", role: "operator", status: "expired" }, { email: "old@acme.test", role: "operator", status: "pending" }),
      change("callplane_invitation.fresh", ["update"], { email: "fresh@acme.test", role: "operator", status: "pending" }, { email: "fresh@acme.test", role: "viewer", status: "pending" }),
      change("callplane_invitation.boss", ["create"], null, { email: "boss@acme.test", role: "admin" }),
    ]);
    expect(invitations).toEqual([
      { email: "new@acme.test", role: "viewer", action: "sent", address: "callplane_invitation.new" },
      { email: "gone@acme.test", role: "member", action: "revoked", address: "callplane_invitation.gone" },
      { email: "vic@old.test", role: "viewer", action: "revoked", address },
      { email: "vic@new.test", role: "member", action: "sent", address },
      { email: "old@acme.test", role: "operator", action: "renewed", address: "callplane_invitation.old" },
      { email: "boss@acme.test", role: "admin", action: "sent", address: "callplane_invitation.boss" },
    ]);
    expect(roles).toEqual([{ email: "boss@acme.test", before: null, after: "admin", status: "invited", flags: ["privilege-escalation"], address: "callplane_invitation.boss" }]);
  });

  it("an expired invitation destroyed is revoked, not renewed", () => {
    expect(people([change("callplane_invitation.old", ["delete"], { email: "old@acme.test", role: "viewer", status: "expired" }, null)]).invitations).toEqual([
      { email: "old@acme.test", role: "viewer", action: "revoked", address: "callplane_invitation.old" },
    ]);
  });

  it("lists sent, renewed and revoked invitations in that order, with the role when known", () => {
    const out = section([
      change("callplane_invitation.a", ["delete"], { email: "a@acme.test" }, null),
      change("callplane_invitation.b", ["update"], { email: "b@acme.test", status: "expired" }, { email: "b@acme.test", status: "pending" }),
      change("callplane_invitation.c", ["create"], null, { email: "c@acme.test", role: "viewer" }),
      change("callplane_invitation.d", ["create"], null, { email: "d@acme.test" }),
    ]);
    expect(out).toBe(["### Roles and invitations", "", "- Invitations sent: c@acme.test (viewer), d@acme.test", "- Invitations renewed: b@acme.test", "- Invitations revoked: a@acme.test", "", ""].join("\n"));
  });

  it("falls back to the old email, then the address, when the plan does not know one", () => {
    const { invitations } = people([
      change("callplane_invitation.x", ["update"], { email: "x@acme.test", status: "expired" }, { status: "pending" }),
      change("callplane_invitation.y", ["create"], null, {}),
    ]);
    expect(invitations.map((i) => i.email)).toEqual(["x@acme.test", "callplane_invitation.y"]);
  });
});

describe("the team (callplane_role_assignments)", () => {
  const address = "callplane_role_assignments.team";
  const member = (role: string, status: "active" | "invited", userId: string | null) => ({ role, status, user_id: userId, invitation_id: status === "invited" ? "inv_1" : null });

  it("created from the plan alone: everyone listed looks new, without invitations (the plan cannot know who exists)", () => {
    const rc = change(address, ["create"], null, { assignments: { "admin@acme.test": "admin", "lee@acme.test": "member" } });
    expect(people([rc])).toEqual({
      roles: [
        { email: "admin@acme.test", before: null, after: "admin", flags: ["privilege-escalation"], address },
        { email: "lee@acme.test", before: null, after: "member", flags: [], address },
      ],
      invitations: [],
    });
  });

  it("created with the live team: current roles kept quiet, changes shown from them, new people invited, matching invitations adopted", () => {
    const rc = change(address, ["create"], null, {
      assignments: { "Admin@Acme.test": "admin", "lee@acme.test": "operator", "ops@acme.test": "admin", "vic@acme.test": "viewer", "kim@acme.test": "member" },
    });
    const team = live({ "admin@acme.test": "admin", "lee@acme.test": "member" }, { "vic@acme.test": "viewer", "kim@acme.test": "viewer" });
    expect(people([rc], team)).toEqual({
      roles: [
        { email: "lee@acme.test", before: "member", after: "operator", flags: [], address },
        { email: "ops@acme.test", before: null, after: "admin", status: "invited", flags: ["privilege-escalation"], address },
        { email: "vic@acme.test", before: null, after: "viewer", status: "invited", flags: [], address },
        { email: "kim@acme.test", before: null, after: "member", status: "invited", flags: [], address },
      ],
      // Vic's pending invitation already has the role: the team adopts it. Kim's has another role: a new one is sent.
      invitations: [
        { email: "ops@acme.test", role: "admin", action: "sent", address },
        { email: "kim@acme.test", role: "member", action: "sent", address },
      ],
    });
  });

  it("updated with the live team: someone added who already has a pending invitation with that role is adopted, not sent again", () => {
    // A plan made with -refresh=false: the state does not list the invitation someone sent by hand.
    const before = { assignments: { "lee@acme.test": "member" }, members: { "lee@acme.test": member("member", "active", "usr_1") } };
    const after = { assignments: { "lee@acme.test": "member", "vic@acme.test": "viewer", "kim@acme.test": "member" }, members: before.members };
    const team = live({ "lee@acme.test": "member" }, { "vic@acme.test": "viewer", "kim@acme.test": "viewer" });
    expect(people([change(address, ["update"], before, after)], team).invitations).toEqual([{ email: "kim@acme.test", role: "member", action: "sent", address }]);
  });

  it("updated: someone added is invited, an invited person removed or given another role gets their invitation withdrawn (and sent again)", () => {
    const before = {
      assignments: { "lee@acme.test": "member", "vic@acme.test": "viewer", "sam@acme.test": "member", "kim@acme.test": "viewer" },
      members: { "lee@acme.test": member("member", "active", "usr_1"), "vic@acme.test": member("viewer", "invited", null), "sam@acme.test": member("member", "invited", null), "kim@acme.test": member("viewer", "active", "usr_2") },
    };
    const after = { assignments: { "lee@acme.test": "admin", "sam@acme.test": "operator", "kim@acme.test": "viewer", "new@acme.test": "member" }, members: before.members };
    const rc = change(address, ["update"], before, after);
    expect(people([rc])).toEqual({
      roles: [
        { email: "lee@acme.test", before: "member", after: "admin", flags: ["privilege-escalation"], address },
        { email: "vic@acme.test", before: "viewer", after: null, status: "invited", flags: [], address },
        { email: "sam@acme.test", before: "member", after: "operator", status: "invited", flags: [], address },
        { email: "new@acme.test", before: null, after: "member", status: "invited", flags: [], address },
      ],
      invitations: [
        { email: "vic@acme.test", role: "viewer", action: "revoked", address },
        { email: "sam@acme.test", role: "member", action: "revoked", address },
        { email: "sam@acme.test", role: "operator", action: "sent", address },
        { email: "new@acme.test", role: "member", action: "sent", address },
      ],
    });
    expect(section([rc])).toContain("- Invitations sent: sam@acme.test (operator), new@acme.test (member)\n- Invitations revoked: vic@acme.test (viewer), sam@acme.test (member)\n");
  });

  it("an invited person whose role stays is left alone, and a roles table without invitations ends with it", () => {
    const members = { "vic@acme.test": member("viewer", "invited", null), "lee@acme.test": member("member", "active", "usr_1") };
    const rc = change(address, ["update"], { assignments: { "vic@acme.test": "viewer", "lee@acme.test": "member" }, members }, { assignments: { "vic@acme.test": "viewer", "lee@acme.test": "operator" }, members });
    expect(people([rc])).toEqual({ roles: [{ email: "lee@acme.test", before: "member", after: "operator", flags: [], address }], invitations: [] });
    expect(section([rc])).toBe("### Roles and invitations\n\n| Who | Before | After | |\n|---|---|---|---|\n| lee@acme.test | member | operator |  |\n");
  });

  it("someone added who is already a user (known to the team) gets no invitation", () => {
    const before = { assignments: {}, members: { "lee@acme.test": member("member", "active", "usr_1") } };
    const rc = change(address, ["update"], before, { assignments: { "lee@acme.test": "member" }, members: before.members });
    expect(people([rc])).toEqual({ roles: [{ email: "lee@acme.test", before: null, after: "member", status: "invited", flags: [], address }], invitations: [] });
  });

  it("with the live team, an update still takes the plan's before", () => {
    const rc = change(address, ["update"], { assignments: { "lee@acme.test": "member" } }, { assignments: { "lee@acme.test": "admin" } });
    expect(people([rc], live({ "lee@acme.test": "viewer" })).roles).toEqual([{ email: "lee@acme.test", before: "member", after: "admin", flags: ["privilege-escalation"], address }]);
  });

  it("a destroyed team removes everyone from Terraform's hands", () => {
    const rc = change(address, ["delete"], { assignments: { "ops@acme.test": "admin" }, members: { "ops@acme.test": member("admin", "active", "usr_1") } }, null);
    expect(people([rc]).roles).toEqual([{ email: "ops@acme.test", before: "admin", after: null, flags: ["admin-removed"], address }]);
  });
});

describe("what the roles section leaves out", () => {
  it("no-ops, forgotten resources and data sources", () => {
    const rc = change("callplane_user.sam", ["no-op"], { email: "sam@acme.test", role: "admin" }, { email: "sam@acme.test", role: "admin" });
    expect(people([rc, change("callplane_user.lee", ["forget"], { email: "lee@acme.test", role: "admin" }, null), { ...change("callplane_user.kim", ["read"], null, { email: "kim@acme.test", role: "admin" }), mode: "data" }])).toEqual({
      roles: [],
      invitations: [],
    });
  });

  it("says when an admin is demoted rather than removed", () => {
    expect(section([change("callplane_user.sam", ["update"], { email: "sam@acme.test", role: "admin" }, { email: "sam@acme.test", role: "viewer" })])).toContain("| sam@acme.test | admin | viewer | ⚠️ **admin demoted** |");
  });
});
