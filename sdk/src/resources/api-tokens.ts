import type { CallplaneCore, RequestOptions } from "../core/core.js";
import { PagedList } from "../core/pagination.js";
import type { WithResponse } from "../core/response.js";
import type { ApiToken, ApiTokenCreate, ApiTokenWithSecret, ListApiTokensQuery } from "../types.js";

/** Personal API tokens with `read` or `write` scope. */
export class ApiTokensResource {
  constructor(private readonly core: CallplaneCore) {}

  list(query: ListApiTokensQuery = {}, options?: RequestOptions): PagedList<ApiToken> {
    return new PagedList((cursor) =>
      this.core.call("listApiTokens", options, (init) =>
        this.core.api.GET("/v1/api-tokens", { ...init, params: { query: { ...query, cursor } } }),
      ), query.cursor);
  }

  /** Creates a token for the calling user; its value is in this answer only. */
  create(body: ApiTokenCreate, options?: RequestOptions): Promise<WithResponse<ApiTokenWithSecret>> {
    return this.core.call("createApiToken", options, (init) => this.core.api.POST("/v1/api-tokens", { ...init, body }));
  }

  /** The token stops working at once. */
  async revoke(tokenId: string, options?: RequestOptions): Promise<void> {
    await this.core.call("revokeApiToken", options, (init) => this.core.api.DELETE("/v1/api-tokens/{tokenId}", { ...init, params: { path: { tokenId } } }));
  }
}
