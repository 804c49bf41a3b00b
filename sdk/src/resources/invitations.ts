import type { CallplaneCore, RequestOptions } from "../core/core.js";
import { PagedList } from "../core/pagination.js";
import type { WithResponse } from "../core/response.js";
import type { Invitation, InvitationAccept, InvitationAcceptance, InvitationCreate, InvitationRenew, InvitationWithSecret, ListInvitationsQuery } from "../types.js";

/** Email invitations that create a user with a role when accepted. */
export class InvitationsResource {
  constructor(private readonly core: CallplaneCore) {}

  list(query: ListInvitationsQuery = {}, options?: RequestOptions): PagedList<Invitation> {
    return new PagedList((cursor) =>
      this.core.call("listInvitations", options, (init) =>
        this.core.api.GET("/v1/invitations", { ...init, params: { query: { ...query, cursor } } }),
      ), query.cursor);
  }

  get(invitationId: string, options?: RequestOptions): Promise<WithResponse<Invitation>> {
    return this.core.call("getInvitation", options, (init) =>
      this.core.api.GET("/v1/invitations/{invitationId}", { ...init, params: { path: { invitationId } } }));
  }

  /** Invites an email with a role; the acceptance secret is in this answer only. */
  create(body: InvitationCreate, options?: RequestOptions): Promise<WithResponse<InvitationWithSecret>> {
    return this.core.call("createInvitation", options, (init) => this.core.api.POST("/v1/invitations", { ...init, body }));
  }

  /** Marks the invitation revoked; it can no longer be accepted. */
  revoke(invitationId: string, options?: RequestOptions): Promise<WithResponse<Invitation>> {
    return this.core.call("revokeInvitation", options, (init) =>
      this.core.api.DELETE("/v1/invitations/{invitationId}", { ...init, params: { path: { invitationId } } }));
  }

  /** A new expiry and a new secret for an expired or pending invitation. */
  renew(invitationId: string, body: InvitationRenew = {}, options?: RequestOptions): Promise<WithResponse<InvitationWithSecret>> {
    return this.core.call("renewInvitation", options, (init) =>
      this.core.api.POST("/v1/invitations/{invitationId}/renew", { ...init, params: { path: { invitationId } }, body }));
  }

  /**
   * Accepts with the invitation's secret (no credential needed) and returns the new user,
   * signed in: `session.token` is a session credential for them.
   */
  accept(body: InvitationAccept, options?: RequestOptions): Promise<WithResponse<InvitationAcceptance>> {
    return this.core.call("acceptInvitation", options, (init) => this.core.api.POST("/v1/invitations/accept", { ...init, body }));
  }
}
