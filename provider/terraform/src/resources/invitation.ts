/**
 * `callplane_invitation`: an invitation to join the tenant by email with a role.
 *
 * Its life outside Terraform decides how it plans: an expired one is renewed (with
 * `auto_renew`), an accepted one stays in state as `accepted` without a diff, and one revoked by
 * hand reads as gone, so Terraform invites again.
 */
import { ConflictError, NotFoundError, schemas, validate, type Invitation, type InvitationWithSecret } from "@callplane/sdk";
import type { Model, Planned } from "../framework/model.js";
import { requiresReplace, useStateForUnknown } from "../framework/plan-modifiers.js";
import { defineSchema, objectTypeOf } from "../framework/schema.js";
import type { AttributeValidator } from "../framework/validators.js";
import { isUnknown, t, UNKNOWN } from "../values/index.js";
import { addApiError, callplaneResource, idOf, matchesApiRule, toApi, type CallplaneContext } from "./callplane-api.js";
import { createOnce, notAdoptedDetail } from "./create-once.js";

/** The API's rule for `expiresInDays` (a whole number of days, 1 to 90). */
const validDays: AttributeValidator = (value) => {
  if (value === null) return [];
  const result = validate(schemas.InvitationRenew, { expiresInDays: Number(value) });
  return result.ok ? [] : result.fieldErrors.map((e) => e.message);
};

const schema = defineSchema({
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
});
const type = objectTypeOf(schema);

type InvitationModel = Model<typeof schema>;
type Kept = Pick<InvitationModel, "secret" | "expires_in_days" | "auto_renew">;

function toState(invitation: Invitation, kept: Kept): InvitationModel {
  return {
    id: invitation.id, email: invitation.email, role: invitation.role, status: invitation.status, expires_at: invitation.expiresAt,
    invited_by: invitation.invitedBy.name, created_at: invitation.createdAt, ...kept,
  };
}

const withSecret = (invitation: InvitationWithSecret, planned: Planned<typeof schema>) =>
  toState(invitation, { secret: invitation.secret, expires_in_days: planned.expires_in_days, auto_renew: planned.auto_renew });

/** Every invitation in one or a few list requests, shared by all the reads of a refresh. */
function liveInvitations(ctx: CallplaneContext): Promise<Map<string, Invitation>> {
  return ctx.cached("invitations:by-id", async () => {
    const all = await ctx.client.invitations.list({ limit: 100 }).toArray();
    return new Map(all.map((invitation) => [invitation.id, invitation]));
  });
}

function days(planned: Planned<typeof schema>): { expiresInDays?: number } {
  return planned.expires_in_days !== null ? { expiresInDays: planned.expires_in_days } : {};
}

/** An expired invitation is renewed when auto_renew is on. */
const renews = (planned: Planned<typeof schema>, prior: InvitationModel) => prior.status === "expired" && planned.auto_renew;

export const invitationResource = callplaneResource({
  typeName: "callplane_invitation",
  schema,

  async modifyPlan(planned, prior) {
    if (!prior) return;
    if (prior.status === "expired" && (planned.auto_renew === true || isUnknown(planned.auto_renew))) {
      // A renewal: pending again, with a new expiry and a new secret.
      const certain = planned.auto_renew === true;
      planned.status = certain ? "pending" : UNKNOWN;
      planned.expires_at = UNKNOWN;
      planned.secret = UNKNOWN;
      return;
    }
    // Nothing else changes the invitation in Callplane: keep what it is.
    planned.status = prior.status;
    planned.expires_at = prior.expires_at;
    planned.secret = prior.secret;
  },

  async create(planned, ctx, diagnostics) {
    const body = { email: planned.email, role: toApi(schemas.Role, planned.role, "role"), ...days(planned) };
    const pendingFor = async () => (await ctx.client.invitations.list({ status: "pending", limit: 100 }).toArray())
      .find((i) => i.email.toLowerCase() === planned.email.toLowerCase());
    try {
      const outcome = await createOnce({
        typeName: "callplane_invitation",
        keyMaterial: body,
        create: (idempotencyKey) => ctx.client.invitations.create(body, { idempotencyKey }),
        get: async (id) => { const invitation = await ctx.client.invitations.get(id); return invitation.status === "revoked" ? undefined : invitation; },
        findByUniqueField: pendingFor,
        matchesPlan: (invitation) => invitation.role === body.role,
      });
      if (outcome.kind === "created") return withSecret(outcome.object, planned);
      // An earlier, interrupted run sent it and the server no longer has its secret: renew it,
      // so the state holds a secret that works, as after any creation.
      return withSecret(await ctx.client.invitations.renew(outcome.object.id, days(planned)), planned);
    } catch (error) {
      addApiError(diagnostics, error, "create the invitation", type);
      if (error instanceof ConflictError) {
        const existing = await pendingFor().catch(() => undefined);
        if (existing) diagnostics.error(
          `${planned.email} already has a pending invitation (${existing.id})`,
          notAdoptedDetail("callplane_invitation", existing.id, "sent"),
          [{ attribute: "email" }],
        );
      }
      return null;
    }
  },

  async read(state, ctx) {
    const invitation = (await liveInvitations(ctx)).get(idOf(state, "invitation"));
    if (!invitation || invitation.status === "revoked") return null;
    return toState(invitation, { secret: state.secret, expires_in_days: state.expires_in_days, auto_renew: state.auto_renew });
  },

  async update(planned, prior, ctx, diagnostics) {
    if (renews(planned, prior)) {
      try {
        return withSecret(await ctx.client.invitations.renew(idOf(prior, "invitation"), days(planned)), planned);
      } catch (error) {
        addApiError(diagnostics, error, "renew the invitation", type);
        return null;
      }
    }
    // expires_in_days and auto_renew are only recorded; they act at the next renewal.
    return {
      ...prior, email: planned.email, role: planned.role, expires_in_days: planned.expires_in_days, auto_renew: planned.auto_renew,
    };
  },

  async delete(state, ctx, diagnostics) {
    const id = idOf(state, "invitation");
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

  async importState(id, ctx, diagnostics) {
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
});
