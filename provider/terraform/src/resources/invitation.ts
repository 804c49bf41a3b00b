/**
 * `callplane_invitation`: an invitation to join the tenant by email with a role.
 *
 * Its life outside Terraform decides how it plans: an expired one is renewed (with
 * `auto_renew`), an accepted one stays in state as `accepted` without a diff, and one revoked by
 * hand reads as gone, so Terraform invites again.
 */
import { NotFoundError, schemas, validate, type Invitation, type InvitationWithSecret, type Role } from "@callplane/sdk";
import { addApiError, type Diagnostics } from "../framework/diagnostics.js";
import { requiresReplace, useStateForUnknown } from "../framework/plan-modifiers.js";
import type { ProviderContext, ResourceDefinition, State } from "../framework/resource.js";
import { objectTypeOf, type SchemaDefinition } from "../framework/schema.js";
import { matchesApiRule, type AttributeValidator } from "../framework/validators.js";
import { isUnknown, t, UNKNOWN, type Value } from "../values/index.js";

/** The API's rule for `expiresInDays` (a whole number of days, 1 to 90). */
const validDays: AttributeValidator = (value) => {
  if (value === null) return [];
  const result = validate(schemas.InvitationRenew, { expiresInDays: Number(value) });
  return result.ok ? [] : result.fieldErrors.map((e) => e.message);
};

const schema: SchemaDefinition = {
  version: 0,
  description: [
    "An invitation to join the tenant: the invitee accepts it with its `secret` and becomes a user with `role`.",
    "",
    "- An invitation that **expires** is renewed on the next apply while `auto_renew` is true (new expiry, new secret).",
    "- An **accepted** invitation stays in the state with `status = \"accepted\"` and plans no changes; destroying it only forgets it (the user it created stays).",
    "- An invitation **revoked** by hand is gone for Terraform: the next plan creates a new one.",
    "- Destroying a pending or expired invitation revokes it.",
  ].join("\n"),
  attributes: {
    id: { type: t.string, computed: true, description: "The invitation's id. Import an existing invitation with this id.", planModifiers: [useStateForUnknown()] },
    email: {
      type: t.string, required: true, validators: [matchesApiRule(schemas.Email)], planModifiers: [requiresReplace()],
      description: "Who is invited. Changing it revokes this invitation and creates a new one. An email that already belongs to a user, or has a pending invitation, cannot be invited.",
    },
    role: {
      type: t.string, required: true, validators: [matchesApiRule(schemas.Role)], planModifiers: [requiresReplace()],
      description: "The role the invitee gets on accepting: `admin`, `member`, `operator` or `viewer`. Changing it revokes this invitation and creates a new one.",
    },
    expires_in_days: {
      type: t.number, optional: true, validators: [validDays],
      description: "Days (1 to 90) the invitation stays valid, counted from its creation or renewal. The server's default (7 days) when left out. Changing it does not move the current `expires_at`; it applies from the next renewal.",
    },
    auto_renew: {
      type: t.bool, optional: true, default: true,
      description: "While true, an invitation that has expired is renewed on the next apply: the plan shows `status` going from `expired` to `pending`, and the apply sets a new `expires_at` and a new `secret`. Defaults to true.",
    },
    status: { type: t.string, computed: true, description: "`pending`, `accepted` or `expired` (an invitation revoked by hand is removed from the state)." },
    expires_at: { type: t.string, computed: true, description: "When the invitation expires (RFC 3339)." },
    invited_by: { type: t.string, computed: true, description: "The name of who created the invitation, as the audit log shows it.", planModifiers: [useStateForUnknown()] },
    created_at: { type: t.string, computed: true, description: "When the invitation was created (RFC 3339).", planModifiers: [useStateForUnknown()] },
    secret: {
      type: t.string, computed: true, sensitive: true,
      description: "What the invitee sends to accept the invitation; treat it as a password. Known after creation and after each renewal (a renewal replaces it); null for an imported invitation.",
    },
  },
};
const type = objectTypeOf(schema);

function toState(invitation: Invitation, kept: { secret: Value; expires_in_days: Value; auto_renew: Value }): State {
  return {
    id: invitation.id, email: invitation.email, role: invitation.role, status: invitation.status, expires_at: invitation.expiresAt,
    invited_by: invitation.invitedBy.name, created_at: invitation.createdAt, ...kept,
  };
}

const withSecret = (invitation: InvitationWithSecret, planned: State) =>
  toState(invitation, { secret: invitation.secret, expires_in_days: planned.expires_in_days ?? null, auto_renew: planned.auto_renew ?? true });

/** Every invitation in one or a few list requests, shared by all the reads of a refresh. */
function liveInvitations(ctx: ProviderContext): Promise<Map<string, Invitation>> {
  return ctx.cached("invitations:by-id", async () => {
    const all = await ctx.client.invitations.list({ limit: 100 }).toArray();
    return new Map(all.map((invitation) => [invitation.id, invitation]));
  });
}

function days(planned: State): { expiresInDays?: number } {
  const value = planned.expires_in_days ?? null;
  return typeof value === "number" || typeof value === "bigint" ? { expiresInDays: Number(value) } : {};
}

/** An expired invitation is renewed when auto_renew is on. */
const renews = (planned: State, prior: State) => prior.status === "expired" && planned.auto_renew === true;

export const invitationResource: ResourceDefinition = {
  typeName: "callplane_invitation",
  schema,

  async modifyPlan(planned, prior) {
    if (!prior) return;
    if (prior.status === "expired" && (planned.auto_renew === true || isUnknown(planned.auto_renew ?? null))) {
      // A renewal: pending again, with a new expiry and a new secret.
      const certain = planned.auto_renew === true;
      planned.status = certain ? "pending" : UNKNOWN;
      planned.expires_at = UNKNOWN;
      planned.secret = UNKNOWN;
      return;
    }
    // Nothing else changes the invitation in Callplane: keep what it is.
    planned.status = prior.status ?? null;
    planned.expires_at = prior.expires_at ?? null;
    planned.secret = prior.secret ?? null;
  },

  async create(planned, ctx, diagnostics) {
    try {
      const invitation = await ctx.client.invitations.create({ email: planned.email as string, role: planned.role as Role, ...days(planned) });
      return withSecret(invitation, planned);
    } catch (error) {
      addApiError(diagnostics, error, "create the invitation", type);
      return null;
    }
  },

  async read(state, ctx) {
    const invitation = (await liveInvitations(ctx)).get(state.id as string);
    if (!invitation || invitation.status === "revoked") return null;
    return toState(invitation, { secret: state.secret ?? null, expires_in_days: state.expires_in_days ?? null, auto_renew: state.auto_renew ?? true });
  },

  async update(planned, prior, ctx, diagnostics) {
    if (renews(planned, prior)) {
      try {
        return withSecret(await ctx.client.invitations.renew(prior.id as string, days(planned)), planned);
      } catch (error) {
        addApiError(diagnostics, error, "renew the invitation", type);
        return null;
      }
    }
    // expires_in_days and auto_renew are only recorded; they act at the next renewal.
    return { ...planned, status: prior.status ?? null, expires_at: prior.expires_at ?? null, secret: prior.secret ?? null };
  },

  async delete(state, ctx, diagnostics) {
    const id = state.id as string;
    try {
      const live = await ctx.client.invitations.get(id);
      // An accepted invitation is history (its user stays); a revoked one is already gone.
      if (live.status === "accepted" || live.status === "revoked") return;
      await ctx.client.invitations.revoke(id);
    } catch (error) {
      if (error instanceof NotFoundError) return;
      addApiError(diagnostics, error, "revoke the invitation", type);
    }
  },

  async importState(id, ctx, diagnostics: Diagnostics) {
    try {
      const invitation = await ctx.client.invitations.get(id);
      if (invitation.status === "revoked") {
        diagnostics.error("Cannot import a revoked invitation", `Invitation "${id}" was revoked; it can no longer be accepted or managed. Declare a new callplane_invitation instead.`);
        return null;
      }
      return toState(invitation, { secret: null, expires_in_days: null, auto_renew: true });
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      addApiError(diagnostics, error, "import the invitation", type);
      return null;
    }
  },
};
