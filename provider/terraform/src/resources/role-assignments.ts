/**
 * `callplane_role_assignments`: the whole team, authoritative. Everyone listed gets their role
 * (invited if they are not a user yet); every other user is deleted and every other pending
 * invitation revoked — except the user the provider acts as and the tenant's last admin.
 */
import { schemas, validate, type Role, type User } from "@callplane/sdk";
import type { Diagnostics } from "../framework/diagnostics.js";
import { valuesEqual } from "../framework/equality.js";
import type { Draft, Model, MaybeUnknown, Planned, ValueOf } from "../framework/model.js";
import { useStateForUnknown } from "../framework/plan-modifiers.js";
import { defineSchema } from "../framework/schema.js";
import { isKnown, isUnknown, isValueObject, t, UNKNOWN, type PathStep, type Value } from "../values/index.js";
import { setOwn } from "../values/types.js";
import { callplaneResource, toApi, type CallplaneContext } from "./callplane-api.js";
import { apiErrorAt, callerUserIds, emailKey, isLastAdminConflict, liveTeam, type LiveTeam } from "./role-assignment.js";

const TEAM_ID = "team";

const memberType = t.object({ role: t.string, status: t.string, user_id: t.string, invitation_id: t.string });

const schema = defineSchema({
  version: 0,
  description: [
    "The whole team of the tenant: every person and their role, **authoritatively**.",
    "",
    "~> **Do not mix** this resource with `callplane_role_assignment` or `callplane_user` in the same tenant, and use at most one `callplane_role_assignments` per tenant. It removes every user and pending invitation it does not list, so whatever those resources add would be removed on the next apply (and added back on the one after).",
    "",
    "- Listed emails that belong to a user get their role set; listed emails without a user are invited with their role (a pending invitation with another role is revoked and replaced).",
    "- Users and pending invitations that are not listed — for example someone added by hand in the console — show up in the plan as removals from `assignments`, and apply deletes those users and revokes those invitations.",
    "- A role changed by hand shows up as drift in `assignments`, and apply sets it back.",
    "- The user the provider acts as (the owner of its API token) is never removed: while it is not listed it is left out of `assignments` altogether, and removing it from the map only stops managing its role (a warning says so).",
    "- At least one admin must remain: `assignments` must list an admin, and while no listed admin has joined yet, the current last admin is kept (a warning says so) and is planned for removal again until one has.",
    "",
    "Destroying this resource only stops managing the team: nobody is removed and no invitation is revoked.",
  ].join("\n"),
  attributes: {
    id: { type: t.string, computed: true, description: "Always `team`. Import with `team`.", planModifiers: [useStateForUnknown()] },
    assignments: {
      type: t.map(t.string), required: true,
      description: "Every person in the tenant: a map from email address (matched without regard to case) to role — `admin`, `member`, `operator` or `viewer`. Must include at least one `admin`.",
    },
    members: {
      type: t.map(memberType),
      computed: true,
      description: "Everyone in the tenant as last read, by email, including anyone kept though not listed (such as the provider's own user): `role`, `status` (`active` for users, `invited` for pending invitations), `user_id` (null while invited) and `invitation_id` (null for users).",
    },
  },
});

const keyPath = (email: string): PathStep[] => [{ attribute: "assignments" }, { key: email }];

type TeamModel = Model<typeof schema>;
type Members = { [email: string]: ValueOf<typeof memberType, null> };
type PredictedMembers = { [email: string]: MaybeUnknown<typeof memberType, null> };

function assignmentsOf(value: Draft<typeof schema>["assignments"]): Map<string, { email: string; role: string }> {
  const byKey = new Map<string, { email: string; role: string }>();
  if (isValueObject(value)) {
    for (const [email, role] of Object.entries(value)) if (typeof role === "string") byKey.set(emailKey(email), { email, role });
  }
  return byKey;
}

/**
 * The state as the live team has it. Map keys keep the spelling the configuration used (`managed`)
 * for emails it lists. The provider's own user is in `assignments` only while it is managed.
 */
function teamState(team: LiveTeam, managed: Map<string, { email: string }>, callers: Set<string>): TeamModel {
  const assignments: { [email: string]: string } = {};
  const members: Members = {};
  const spelled = (email: string) => managed.get(emailKey(email))?.email ?? email;
  for (const user of team.users) {
    const email = spelled(user.email);
    setOwn(members, email, { role: user.role, status: "active", user_id: user.id, invitation_id: null });
    if (!callers.has(user.id) || managed.has(emailKey(user.email))) setOwn(assignments, email, user.role);
  }
  for (const invitation of team.pending) {
    if (team.userByEmail.has(emailKey(invitation.email))) continue;
    const email = spelled(invitation.email);
    setOwn(members, email, { role: invitation.role, status: "invited", user_id: null, invitation_id: invitation.id });
    setOwn(assignments, email, invitation.role);
  }
  return { id: TEAM_ID, assignments, members };
}

/** What apply will do, in order, worked out from the live team and the desired map. */
interface TeamChanges {
  /** Listed users whose role changes: promotions to admin first, then the rest, the provider's own user last. */
  roleChanges: Array<{ email: string; user: User; role: Role }>;
  /** Listed emails without a user: invite, replacing a pending invitation with another role. */
  invites: Array<{ email: string; role: Role; replaces: string | null }>;
  /** Pending invitations not listed. */
  revokes: Array<{ email: string; invitationId: string }>;
  /** Users not listed, deleted. */
  deletions: Array<{ email: string; user: User }>;
  /** Users not listed and kept, with why. */
  kept: Array<{ email: string; reason: string }>;
  /** The provider's own user is being demoted. */
  demotesCaller: { email: string; role: Role } | null;
}

function planTeamChanges(team: LiveTeam, desired: Map<string, { email: string; role: string }>, callers: Set<string>): TeamChanges {
  const changes: TeamChanges = { roleChanges: [], invites: [], revokes: [], deletions: [], kept: [], demotesCaller: null };
  for (const [key, { email, role }] of desired) {
    const user = team.userByEmail.get(key);
    if (user) {
      if (user.role !== role) changes.roleChanges.push({ email, user, role: toApi(schemas.Role, role, `assignments["${email}"]`) });
      continue;
    }
    const invitation = team.pendingByEmail.get(key);
    if (!invitation || invitation.role !== role) changes.invites.push({ email, role: toApi(schemas.Role, role, `assignments["${email}"]`), replaces: invitation?.id ?? null });
  }
  const rank = (c: { user: User; role: Role }) => (c.role === "admin" ? 0 : callers.has(c.user.id) ? 2 : 1);
  changes.roleChanges.sort((a, b) => rank(a) - rank(b));
  const demoted = changes.roleChanges.find((c) => callers.has(c.user.id) && c.user.role === "admin" && c.role !== "admin");
  if (demoted) changes.demotesCaller = { email: demoted.email, role: demoted.role };

  for (const invitation of team.pending) {
    const key = emailKey(invitation.email);
    if (!desired.has(key) && !team.userByEmail.has(key)) changes.revokes.push({ email: invitation.email, invitationId: invitation.id });
  }
  // Admins left once apply is done: listed users who will be admin, plus unlisted admins that are kept.
  let admins = team.users.filter((u) => desired.get(emailKey(u.email))?.role === "admin").length;
  const unlisted = team.users.filter((u) => !desired.has(emailKey(u.email)));
  for (const user of unlisted) {
    if (callers.has(user.id)) {
      changes.kept.push({ email: user.email, reason: "it owns the API token this provider uses, and Terraform never removes the user it acts as. List it in `assignments` to manage its role, or leave it out to keep it as it is." });
      if (user.role === "admin") admins += 1;
    }
  }
  for (const user of unlisted) {
    if (callers.has(user.id)) continue;
    if (user.role === "admin" && admins === 0) {
      changes.kept.push({ email: user.email, reason: "it is the tenant's last admin and at least one admin must remain: no admin listed in `assignments` has joined yet. It will be removed by an apply after one of them has accepted the invitation." });
      admins += 1;
      continue;
    }
    changes.deletions.push({ email: user.email, user });
  }
  return changes;
}

/** The members apply will leave, as far as they are known before: new invitations' ids are not. */
function predictMembers(team: LiveTeam, desired: Map<string, { email: string; role: string }>, changes: TeamChanges): PredictedMembers {
  const members: PredictedMembers = {};
  for (const [key, { email, role }] of desired) {
    const user = team.userByEmail.get(key);
    if (user) {
      setOwn(members, email, { role, status: "active", user_id: user.id, invitation_id: null });
      continue;
    }
    const invitation = team.pendingByEmail.get(key);
    setOwn(members, email, { role, status: "invited", user_id: null, invitation_id: invitation && invitation.role === role ? invitation.id : UNKNOWN });
  }
  for (const { email } of changes.kept) {
    const user = team.userByEmail.get(emailKey(email));
    if (user) setOwn(members, user.email, { role: user.role, status: "active", user_id: user.id, invitation_id: null });
  }
  return members;
}

/** Whether what is live now still leads where the plan said: an unknown in the plan allows anything. */
function agrees(planned: Value, now: Value): boolean {
  if (isUnknown(planned)) return true;
  if (isUnknown(now)) return false;
  if (isValueObject(planned) && isValueObject(now)) {
    const keys = Object.keys(planned);
    return keys.length === Object.keys(now).length && keys.every((k) => Object.hasOwn(now, k) && agrees(planned[k]!, now[k]!));
  }
  return planned === now;
}

function warnAbout(changes: TeamChanges, diagnostics: Diagnostics, tense: "will be" | "was"): void {
  for (const { email, reason } of changes.kept) {
    diagnostics.warning(`${email} ${tense} kept, though not in assignments`, `${email} ${tense === "will be" ? "will not be" : "was not"} removed: ${reason}`, [{ attribute: "assignments" }]);
  }
  if (changes.demotesCaller && tense === "will be") {
    const { email, role } = changes.demotesCaller;
    diagnostics.warning(
      "This demotes the user the provider acts as",
      `${email} owns the API token this provider uses. Apply changes its role to ${role} last; after that its token can no longer change settings, so later applies with it will fail with a permission error.`,
      keyPath(email),
    );
  }
}

/** The live team and the provider's own user(s), or null with a diagnostic when the API fails. */
async function loadTeam(ctx: CallplaneContext, diagnostics: Diagnostics): Promise<{ team: LiveTeam; callers: Set<string> } | null> {
  try {
    const [team, callers] = await Promise.all([liveTeam(ctx), callerUserIds(ctx)]);
    return { team, callers };
  } catch (error) {
    apiErrorAt(diagnostics, error, "read the tenant's users and invitations", [{ attribute: "assignments" }]);
    return null;
  }
}

async function applyTeam(planned: Planned<typeof schema>, ctx: CallplaneContext, diagnostics: Diagnostics): Promise<TeamModel | null> {
  const desired = assignmentsOf(planned.assignments);
  const live = await loadTeam(ctx, diagnostics);
  if (!live) return null;
  const { team, callers } = live;
  const changes = planTeamChanges(team, desired, callers);
  if (!agrees(planned.members, predictMembers(team, desired, changes))) {
    diagnostics.error(
      "The team changed since the plan was made",
      "Someone added, removed or changed a user or an invitation after the plan was made (for example, an invitation was accepted), so applying it would not end as planned. Nothing was changed; run terraform apply again.",
      [{ attribute: "assignments" }],
    );
    return null;
  }
  const attempt = async (action: string, path: PathStep[], work: () => Promise<unknown>, onLastAdmin?: () => void) => {
    try {
      await work();
    } catch (error) {
      if (onLastAdmin && isLastAdminConflict(error)) onLastAdmin();
      else apiErrorAt(diagnostics, error, action, path);
    }
  };

  const [promotions, others] = [changes.roleChanges.filter((c) => c.role === "admin"), changes.roleChanges.filter((c) => c.role !== "admin")];
  for (const { email, user, role } of promotions) {
    await attempt(`make ${email} admin`, keyPath(email), () => ctx.client.users.update(user.id, { role }));
  }
  for (const { email, role, replaces } of changes.invites) {
    await attempt(`invite ${email}`, keyPath(email), async () => {
      if (replaces) await ctx.client.invitations.revoke(replaces);
      await ctx.client.invitations.create({ email, role });
    });
  }
  const removals = async () => {
    for (const { email, invitationId } of changes.revokes) {
      await attempt(`revoke the invitation of ${email}`, [{ attribute: "assignments" }], () => ctx.client.invitations.revoke(invitationId));
    }
    for (const { email, user } of changes.deletions) {
      await attempt(`remove ${email}`, [{ attribute: "assignments" }], () => ctx.client.users.delete(user.id), () => {
        changes.kept.push({ email, reason: "it is the tenant's last admin and at least one admin must remain." });
      });
    }
  };
  // The provider's own user changes role last: after a demotion its token can no longer write.
  const [callerChanges, otherChanges] = [others.filter((c) => callers.has(c.user.id)), others.filter((c) => !callers.has(c.user.id))];
  const setRoles = async (list: typeof others) => {
    for (const { email, user, role } of list) {
      await attempt(`set the role of ${email}`, keyPath(email), () => ctx.client.users.update(user.id, { role }), () => {
        diagnostics.error(
          "At least one admin must remain",
          `${email} is the tenant's only admin, so its role cannot become ${role} yet: no other admin listed in assignments has joined. Apply again once one of them has accepted the invitation.`,
          keyPath(email),
        );
      });
    }
  };
  await setRoles(otherChanges);
  await removals();
  await setRoles(callerChanges);
  warnAbout({ ...changes, demotesCaller: null }, diagnostics, "was");

  ctx.invalidate();
  try {
    const after = teamState(await liveTeam(ctx), desired, callers);
    // On success the map is what was planned (kept users are drift, shown by the next plan); on failure, what is live.
    return diagnostics.hasErrors ? after : { ...after, assignments: planned.assignments };
  } catch (error) {
    apiErrorAt(diagnostics, error, "read the team after the changes", [{ attribute: "assignments" }]);
    return null;
  }
}

async function readTeam(state: TeamModel, ctx: CallplaneContext, diagnostics: Diagnostics): Promise<TeamModel | null> {
  try {
    const [team, callers] = await Promise.all([liveTeam(ctx), callerUserIds(ctx)]);
    return teamState(team, assignmentsOf(state.assignments), callers);
  } catch (error) {
    apiErrorAt(diagnostics, error, "read the team", [{ attribute: "assignments" }]);
    return state;
  }
}

export const roleAssignmentsResource = callplaneResource({
  typeName: "callplane_role_assignments",
  schema,

  validateConfig(config, diagnostics) {
    const assignments = config.assignments;
    if (isUnknown(assignments)) return;
    const seen = new Map<string, string>();
    let admin = false;
    let allKnown = true;
    for (const [email, role] of Object.entries(assignments)) {
      const emailCheck = validate(schemas.Email, email);
      if (!emailCheck.ok) {
        diagnostics.error("Invalid email in assignments", `"${email}": ${emailCheck.fieldErrors.map((e) => e.message).join("; ")}`, keyPath(email));
      }
      const other = seen.get(emailKey(email));
      if (other !== undefined) {
        diagnostics.error("Duplicate email in assignments", `"${email}" and "${other}" are the same person: emails are matched without regard to case. List each person once.`, keyPath(email));
      }
      seen.set(emailKey(email), email);
      if (isUnknown(role)) {
        allKnown = false;
        continue;
      }
      const roleCheck = validate(schemas.Role, role);
      if (!roleCheck.ok) {
        diagnostics.error("Invalid role in assignments", `"${email}": ${roleCheck.fieldErrors.map((e) => e.message).join("; ")} (got ${JSON.stringify(role)})`, keyPath(email));
      }
      if (role === "admin") admin = true;
    }
    if (allKnown && !admin) {
      diagnostics.error(
        "No admin in assignments",
        "At least one admin must remain in the tenant: give at least one person in assignments the role \"admin\".",
        [{ attribute: "assignments" }],
      );
    }
  },

  async modifyPlan(planned, prior, ctx, diagnostics) {
    planned.id = TEAM_ID;
    if (!isKnown(planned.assignments)) return;
    if (prior && valuesEqual(prior.assignments, planned.assignments)) return;
    const live = await loadTeam(ctx, diagnostics);
    if (!live) return;
    const { team, callers } = live;
    const desired = assignmentsOf(planned.assignments);
    const changes = planTeamChanges(team, desired, callers);
    planned.members = predictMembers(team, desired, changes);
    warnAbout(changes, diagnostics, "will be");
  },

  create: applyTeam,

  read: readTeam,

  async update(planned, _prior, ctx, diagnostics) {
    return applyTeam(planned, ctx, diagnostics);
  },

  async delete() {
    // Destroying stops managing the team; it removes nobody.
  },

  async importState(id, ctx, diagnostics) {
    if (id !== TEAM_ID) {
      diagnostics.error("Invalid import id", `Import callplane_role_assignments with the id "${TEAM_ID}" (there is one team per tenant).`);
      return null;
    }
    return readTeam({ id: TEAM_ID, assignments: {}, members: null }, ctx, diagnostics);
  },
});
