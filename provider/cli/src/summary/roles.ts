/**
 * Who gets which role, and which invitations go out, come back or are withdrawn — from every
 * resource that manages people. Anyone becoming `admin` is a privilege escalation; an admin
 * losing the role (demoted or removed) is flagged too.
 */
import { asObject, asString, type JsonObject } from "../terraform/json.js";
import { kindOf, type PlanJson, type ResourceChange } from "../terraform/plan-json.js";
import type { InvitationChange, RoleChange, RoleFlag } from "./model.js";

type Values = JsonObject | null;

/** A role or email; null means "none" here (no role before, removed after). */
const str = (v: unknown): string | null => asString(v) ?? null;

function flagsFor(before: string | null, after: string | null): RoleFlag[] {
  const flags: RoleFlag[] = [];
  if (after === "admin" && before !== "admin") flags.push("privilege-escalation");
  if (before === "admin" && after !== "admin") flags.push("admin-removed");
  return flags;
}

/** The tenant's people as the API has them now, by lower-case email: role of each user and pending invitation. */
export interface LiveTeam {
  users: Map<string, string>;
  pending: Map<string, string>;
}

/**
 * `live`, when given, fills in what the plan cannot know: a resource that adopts people on
 * creation (the team) has no "before", so without it everyone listed looks new.
 */
export function buildRoleChanges(plan: PlanJson, live?: LiveTeam): { roles: RoleChange[]; invitations: InvitationChange[] } {
  const roles: RoleChange[] = [];
  const invitations: InvitationChange[] = [];
  const role = (address: string, email: string, before: string | null, after: string | null, status?: string) => {
    const current = before === null ? live?.users.get(email.toLowerCase()) : undefined;
    if (current !== undefined) {
      before = current;
      status = undefined;
    }
    if (before === after) return;
    roles.push({ email, before, after, ...(status ? { status } : {}), flags: flagsFor(before, after), address });
  };

  for (const rc of plan.resource_changes ?? []) {
    if (rc.mode !== "managed") continue;
    const kind = kindOf(rc.change.actions);
    if (kind === "none" || kind === "forget") continue;
    const before = rc.change.before as Values;
    const after = rc.change.after as Values;
    switch (rc.type) {
      case "callplane_role_assignments":
        team(rc, before, after);
        break;
      case "callplane_role_assignment": {
        const email = str(after?.email) ?? str(before?.email) ?? rc.address;
        // Destroying the assignment leaves the person in the tenant unless it says otherwise.
        if (kind === "destroy" && before?.remove_user_on_destroy !== true) break;
        const wasInvited = before?.status === "invited";
        // A new assignment's status is planned: `invited` when no user has the email.
        const invited = kind === "create" ? after?.status === "invited" : wasInvited;
        // A create has no before and a destroy no after: their roles read as none.
        role(rc.address, email, str(before?.role), str(after?.role), invited ? "invited" : undefined);
        // A pending invitation with the same role is adopted (its id is known in the plan); otherwise one is sent.
        if (kind === "create" && invited && str(after?.invitation_id) === null) invitations.push({ email, ...(str(after?.role) ? { role: str(after?.role)! } : {}), action: "sent", address: rc.address });
        if (kind === "destroy" && wasInvited) invitations.push({ email, action: "revoked", address: rc.address });
        break;
      }
      case "callplane_user": {
        const email = str(after?.email) ?? str(before?.email) ?? rc.address;
        if (kind === "replace") {
          role(rc.address, str(before?.email) ?? email, str(before?.role), null);
          role(rc.address, email, null, str(after?.role));
        } else {
          role(rc.address, email, str(before?.role), str(after?.role));
        }
        break;
      }
      case "callplane_invitation": {
        const email = str(after?.email) ?? str(before?.email) ?? rc.address;
        if (kind === "destroy" || kind === "replace") invitations.push({ email: str(before?.email) ?? email, ...(str(before?.role) ? { role: str(before?.role)! } : {}), action: "revoked", address: rc.address });
        if (kind === "create" || kind === "replace") {
          invitations.push({ email, ...(str(after?.role) ? { role: str(after?.role)! } : {}), action: "sent", address: rc.address });
          if (str(after?.role) === "admin") role(rc.address, email, null, "admin", "invited");
        }
        if (kind === "update" && before?.status === "expired") invitations.push({ email, ...(str(after?.role) ? { role: str(after?.role)! } : {}), action: "renewed", address: rc.address });
        break;
      }
    }
  }

  function team(rc: ResourceChange, before: Values, after: Values) {
    const was = asObject(before?.assignments);
    const will = asObject(after?.assignments);
    const members = asObject(before?.members);
    // On creation nobody's status is known yet: existing users are adopted, others invited.
    const creating = before === null;
    for (const email of new Set([...Object.keys(was), ...Object.keys(will)])) {
      const b = str(was[email]);
      const a = str(will[email]);
      if (b === a) continue;
      const member = asObject(members[email]);
      const invited = member.status === "invited";
      const isUser = live?.users.has(email.toLowerCase()) ?? false;
      const knownNew = b === null && a !== null && (!creating || (live !== undefined && !isUser));
      role(rc.address, email, b, a, invited || knownNew ? "invited" : undefined);
      if (knownNew && live?.pending.get(email.toLowerCase()) === a) continue; // apply adopts a matching pending invitation
      if (knownNew && !member.user_id) invitations.push({ email, role: a, action: "sent", address: rc.address });
      if (b !== null && a === null && invited) invitations.push({ email, role: b, action: "revoked", address: rc.address });
      if (b !== null && a !== null && invited) {
        invitations.push({ email, role: b, action: "revoked", address: rc.address });
        invitations.push({ email, role: a, action: "sent", address: rc.address });
      }
    }
  }

  return { roles, invitations };
}
