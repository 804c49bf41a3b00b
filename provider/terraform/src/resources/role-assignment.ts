/**
 * `callplane_role_assignment`: one person's role, by email (additive). Sets the role of the user
 * with that email, or invites the email with the role when there is no such user yet.
 *
 * Also home of what both role-assignment resources share: the live team (users and pending
 * invitations, listed once per refresh) and who the provider itself acts as.
 */
import { CallplaneError, ConflictError, maskSecret, NotFoundError, schemas, type Invitation, type User } from "@callplane/sdk";
import type { Diagnostics } from "../framework/diagnostics.js";
import type { Model, Planned } from "../framework/model.js";
import { requiresReplace, useStateForUnknown } from "../framework/plan-modifiers.js";
import { defineSchema, objectTypeOf } from "../framework/schema.js";
import { isKnown, t, UNKNOWN, type PathStep, type Unknown } from "../values/index.js";
import { addApiError, callplaneResource, matchesApiRule, toApi, type CallplaneContext } from "./callplane-api.js";

// ---------------------------------------------------------------------------------------------
// Shared by callplane_role_assignment and callplane_role_assignments

/** Everyone in the tenant right now: users, and invitations still waiting to be accepted. */
export interface LiveTeam {
  users: User[];
  pending: Invitation[];
  /** By lower-cased email: the server treats emails case-insensitively. */
  userByEmail: Map<string, User>;
  pendingByEmail: Map<string, Invitation>;
}

export const emailKey = (email: string): string => email.toLowerCase();

/**
 * Users and pending invitations, each in one list request per page, shared by every role
 * assignment a refresh reads (and forgotten after each write).
 */
export function liveTeam(ctx: CallplaneContext): Promise<LiveTeam> {
  return ctx.cached("role-assignment:team", async () => {
    const [users, pending] = await Promise.all([
      ctx.client.users.list({ limit: 100 }).toArray(),
      ctx.client.invitations.list({ status: "pending", limit: 100 }).toArray(),
    ]);
    return {
      users,
      pending,
      userByEmail: new Map(users.map((user) => [emailKey(user.email), user])),
      pendingByEmail: new Map(pending.map((invitation) => [emailKey(invitation.email), invitation])),
    };
  });
}

/**
 * The ids of the user(s) the provider acts as: the owner of the API token it was configured
 * with, found among the tenant's tokens by its masked value. Empty for a tenant API key, which
 * belongs to no user. Should two tokens share a mask, both owners count (never the wrong one left
 * unprotected).
 */
export function callerUserIds(ctx: CallplaneContext): Promise<Set<string>> {
  return ctx.cached("role-assignment:caller", async () => {
    const configured = ctx.providerConfig?.token;
    const token = typeof configured === "string" ? configured : process.env.CALLPLANE_TOKEN;
    if (!token || token.startsWith("cpk_")) return new Set<string>();
    const masked = maskSecret(token);
    const tokens = await ctx.client.apiTokens.list({ limit: 100 }).toArray();
    return new Set(tokens.flatMap((tok) => (tok.tokenMasked === masked && tok.owner.type === "user" && tok.owner.id ? [tok.owner.id] : [])));
  });
}

/** True when the API refused because at least one admin must remain. */
export function isLastAdminConflict(error: unknown): boolean {
  return error instanceof ConflictError && (error.type?.endsWith("/last-admin") ?? false);
}

/** An API failure as one diagnostic at `path` (the API's own field paths mean nothing there). */
export function apiErrorAt(diagnostics: Diagnostics, error: unknown, action: string, path: readonly PathStep[]): void {
  if (!(error instanceof CallplaneError)) {
    diagnostics.error(`Could not ${action}`, error instanceof Error ? error.message : String(error), path);
    return;
  }
  const detail = [
    error.detail,
    ...error.fieldErrors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)),
    error.requestId ? `Request id: ${error.requestId}` : undefined,
  ].filter(Boolean).join("\n");
  diagnostics.error(`Could not ${action}: ${error.title}`, detail || error.message, path);
}

const ROLE_DESCRIPTION = "`admin` (full configuration, manages users and the tenant), `member` (works with agents, no configuration), `operator` (answers live conversations) or `viewer` (read-only).";

// ---------------------------------------------------------------------------------------------
// callplane_role_assignment

const schema = defineSchema({
  version: 0,
  description: [
    "One person's role in the tenant, by email. **Additive**: it manages this one person and leaves everyone else alone.",
    "",
    "If a user with the email exists, the user's role is set. Otherwise the email is invited with the role, and `status` is `invited` until the invitation is accepted; after that, `status` reads `active` and nothing else changes. A pending invitation to the email with the same role is adopted rather than sent again; one with another role is revoked and replaced (invitations cannot be edited). An invitation that expires or is revoked is planned to be sent again.",
    "",
    "A role changed by hand in the console shows up as drift on `role`, and apply sets it back. At least one admin must remain: demoting the tenant's only admin is refused with a diagnostic on `role` (make someone else admin first).",
    "",
    "Destroying it revokes a pending invitation. For someone who has joined, it only stops managing their role unless `remove_user_on_destroy` is true; even then the user the provider acts as (the owner of its API token) and the tenant's last admin are never deleted, and a warning says so.",
    "",
    "Do not manage the same person with both this resource and `callplane_user`, and do not use it in a tenant whose team is managed by `callplane_role_assignments`, which removes everyone it does not list.",
  ].join("\n"),
  attributes: {
    id: { type: t.string, computed: true, description: "The email, as configured. Import with the email too.", planModifiers: [useStateForUnknown()] },
    email: {
      type: t.string, required: true, planModifiers: [requiresReplace()], validators: [matchesApiRule(schemas.Email)],
      description: "The person's email address (matched without regard to case). Changing it assigns the role to someone else: the old assignment is destroyed and a new one created.",
    },
    role: { type: t.string, required: true, validators: [matchesApiRule(schemas.Role)], description: `The role: ${ROLE_DESCRIPTION}` },
    remove_user_on_destroy: {
      type: t.bool, optional: true, default: false,
      description: "When true, destroying this resource deletes the user (they lose access to the tenant). When false (the default), destroying only stops Terraform managing the role. A pending invitation is revoked either way. The provider's own user and the tenant's last admin are never deleted.",
    },
    status: { type: t.string, computed: true, description: "`active` once a user with the email exists; `invited` while the invitation waits to be accepted." },
    user_id: { type: t.string, computed: true, description: "The user's id; null while invited." },
    invitation_id: { type: t.string, computed: true, description: "The pending invitation's id; null once the person is a user." },
  },
});
const type = objectTypeOf(schema);
const ROLE_PATH = [{ attribute: "role" }] as const;

interface Outcome {
  status: "active" | "invited";
  user_id: string | null;
  invitation_id: string | null;
}

type AssignmentModel = Model<typeof schema>;
type Base = Pick<AssignmentModel, "email" | "remove_user_on_destroy">;

function toState(base: Base, role: string, outcome: Outcome): AssignmentModel {
  return {
    id: base.email, email: base.email, role, remove_user_on_destroy: base.remove_user_on_destroy,
    status: outcome.status, user_id: outcome.user_id, invitation_id: outcome.invitation_id,
  };
}

/** The live assignment for the email: the user's role, else the pending invitation's; null if neither. */
function liveState(state: Base, team: LiveTeam): AssignmentModel | null {
  const key = emailKey(state.email);
  const user = team.userByEmail.get(key);
  if (user) return toState(state, user.role, { status: "active", user_id: user.id, invitation_id: null });
  const invitation = team.pendingByEmail.get(key);
  if (invitation) return toState(state, invitation.role, { status: "invited", user_id: null, invitation_id: invitation.id });
  return null;
}

/** What applying the role to the email does against the live team, as far as it is known before. */
function expectedOutcome(email: string, role: string, team: LiveTeam): { status: string; user_id: string | null; invitation_id: string | null | Unknown } {
  const key = emailKey(email);
  const user = team.userByEmail.get(key);
  if (user) return { status: "active", user_id: user.id, invitation_id: null };
  const invitation = team.pendingByEmail.get(key);
  return { status: "invited", user_id: null, invitation_id: invitation && invitation.role === role ? invitation.id : UNKNOWN };
}

const onlyAdmin = (user: User, team: LiveTeam): boolean => user.role === "admin" && team.users.filter((u) => u.role === "admin").length <= 1;

/** Makes the live team match `planned`: sets the user's role, or invites (adopting or replacing a pending invitation). */
async function assign(planned: Planned<typeof schema>, ctx: CallplaneContext, diagnostics: Diagnostics): Promise<AssignmentModel | null> {
  const email = planned.email;
  const role = toApi(schemas.Role, planned.role, "role");
  let team: LiveTeam;
  try {
    team = await liveTeam(ctx);
  } catch (error) {
    addApiError(diagnostics, error, "read the tenant's users and invitations", type);
    return null;
  }
  // The plan promised an outcome (say, "active" for an existing user); if the team changed since, say so instead of breaking it.
  const expected = expectedOutcome(email, role, team);
  for (const name of ["status", "user_id", "invitation_id"] as const) {
    const promised = planned[name];
    if (isKnown(promised) && isKnown(expected[name]) && promised !== expected[name]) {
      diagnostics.error(
        "The team changed since the plan was made",
        `${email} is now ${expected.status === "active" ? "a user" : "not a user"} of the tenant (someone changed it meanwhile), so this assignment would not end as planned. Nothing was changed; run terraform apply again.`,
        [{ attribute: "email" }],
      );
      return null;
    }
  }
  const key = emailKey(email);
  const user = team.userByEmail.get(key);
  try {
    if (user) {
      const updated = user.role === role ? user : await ctx.client.users.update(user.id, { role });
      return toState(planned, updated.role, { status: "active", user_id: updated.id, invitation_id: null });
    }
    let invitation = team.pendingByEmail.get(key);
    if (invitation && invitation.role !== role) {
      // Invitations cannot be edited: replace it with one for the new role.
      await ctx.client.invitations.revoke(invitation.id);
      invitation = undefined;
    }
    if (!invitation) invitation = await ctx.client.invitations.create({ email, role });
    return toState(planned, invitation.role, { status: "invited", user_id: null, invitation_id: invitation.id });
  } catch (error) {
    if (user && isLastAdminConflict(error)) {
      diagnostics.error(
        "At least one admin must remain",
        `${email} is the tenant's only admin, so its role cannot become ${role}. Make someone else admin first (apply that), then change this role.`,
        ROLE_PATH,
      );
    } else {
      addApiError(diagnostics, error, user ? `set the role of ${email}` : `invite ${email}`, type, { email: "email", role: "role" });
    }
    return null;
  } finally {
    ctx.invalidate();
  }
}

export const roleAssignmentResource = callplaneResource({
  typeName: "callplane_role_assignment",
  schema,

  async modifyPlan(planned, prior, ctx, diagnostics) {
    const email = planned.email;
    const role = planned.role;
    if (typeof email !== "string") return;
    planned.id = email;
    if (typeof role !== "string") return;
    if (prior && prior.role === role) {
      // Only remove_user_on_destroy changed: nothing live changes.
      planned.status = prior.status;
      planned.user_id = prior.user_id;
      planned.invitation_id = prior.invitation_id;
      return;
    }
    let team: LiveTeam;
    try {
      team = await liveTeam(ctx);
    } catch (error) {
      addApiError(diagnostics, error, "read the tenant's users and invitations", type);
      return;
    }
    const user = team.userByEmail.get(emailKey(email));
    if (prior) {
      // A role change: a user keeps its id; an invitation is replaced (and might be accepted before apply).
      const active = prior.status === "active" && user !== undefined;
      planned.status = active ? "active" : UNKNOWN;
      planned.user_id = active ? prior.user_id : UNKNOWN;
      planned.invitation_id = active ? null : UNKNOWN;
    } else {
      Object.assign(planned, expectedOutcome(email, role, team));
    }
    if (user && role !== "admin" && user.role === "admin") {
      if (onlyAdmin(user, team)) {
        diagnostics.warning(
          "This would demote the tenant's only admin",
          `${email} is the tenant's only admin, and at least one admin must remain, so apply will refuse to make it ${role} unless someone else has become admin by then. Give another person the admin role first.`,
          ROLE_PATH,
        );
      }
      // Only a warning hangs on it: if the tokens cannot be listed, plan on without it.
      const callers = await callerUserIds(ctx).catch(() => new Set<string>());
      if (callers.has(user.id)) {
        diagnostics.warning(
          "This demotes the user the provider acts as",
          `${email} owns the API token this provider uses. As ${role}, its token can no longer change settings, so later applies with it will fail with a permission error.`,
          ROLE_PATH,
        );
      }
    }
  },

  create: assign,

  async read(state, ctx, diagnostics) {
    try {
      return liveState(state, await liveTeam(ctx));
    } catch (error) {
      addApiError(diagnostics, error, "read the tenant's users and invitations", type);
      return state;
    }
  },

  async update(planned, _prior, ctx, diagnostics) {
    return assign(planned, ctx, diagnostics);
  },

  async delete(state, ctx, diagnostics) {
    const email = state.email;
    try {
      const team = await liveTeam(ctx);
      const key = emailKey(email);
      const user = team.userByEmail.get(key);
      const invitation = team.pendingByEmail.get(key);
      if (invitation) await ctx.client.invitations.revoke(invitation.id);
      if (!user || !state.remove_user_on_destroy) return;
      if ((await callerUserIds(ctx)).has(user.id)) {
        diagnostics.warning(
          "Kept the provider's own user",
          `${email} owns the API token this provider uses, so Terraform did not delete it (remove_user_on_destroy is ignored for it). It is no longer managed by this resource.`,
        );
        return;
      }
      if (onlyAdmin(user, team)) {
        diagnostics.warning("Kept the tenant's last admin", `${email} is the tenant's only admin and at least one admin must remain, so Terraform did not delete it. It is no longer managed by this resource.`);
        return;
      }
      await ctx.client.users.delete(user.id);
    } catch (error) {
      if (error instanceof NotFoundError) return;
      if (isLastAdminConflict(error)) {
        diagnostics.warning("Kept the tenant's last admin", `${email} is the tenant's only admin and at least one admin must remain, so Terraform did not delete it. It is no longer managed by this resource.`);
        return;
      }
      addApiError(diagnostics, error, `remove ${email}`, type);
    } finally {
      ctx.invalidate();
    }
  },

  async importState(id, ctx, diagnostics) {
    const invalid = matchesApiRule(schemas.Email)(id);
    if (invalid.length) {
      diagnostics.error("Invalid import id", `Import a callplane_role_assignment by the person's email address: ${invalid.join("; ")}.`);
      return null;
    }
    try {
      return liveState({ email: id, remove_user_on_destroy: false }, await liveTeam(ctx));
    } catch (error) {
      addApiError(diagnostics, error, "import the role assignment", type);
      return null;
    }
  },
});
