/** `callplane_api_tokens`: the tenant's personal API tokens, masked. */
import type { ApiToken } from "@callplane/sdk";
import { defineSchema, objectTypeOf } from "../framework/schema.js";
import { t } from "../values/index.js";
import { ownerType } from "../resources/api-token.js";
import { addApiError, callplaneDataSource } from "../resources/callplane-api.js";

const tokenFields = {
  id: t.string, name: t.string, scope: t.string, token_masked: t.string, owner: ownerType,
  expires_at: t.string, last_used_at: t.string, created_at: t.string,
};

const schema = defineSchema({
  version: 0,
  description: "The tenant's personal API tokens that have not been revoked, newest first, masked (a token's value is shown only once, when it is created).",
  attributes: {
    tokens: {
      type: t.list(t.object(tokenFields)), computed: true,
      description: "Each token's `id`, `name`, `scope`, `token_masked`, `owner` (`type`, `id`, `name`), `expires_at` (null for never), `last_used_at` (null if never) and `created_at`.",
    },
  },
});

function tokenState(token: ApiToken) {
  return {
    id: token.id, name: token.name, scope: token.scope, token_masked: token.tokenMasked,
    owner: { type: token.owner.type, id: token.owner.id, name: token.owner.name },
    expires_at: token.expiresAt, last_used_at: token.lastUsedAt, created_at: token.createdAt,
  };
}

export const apiTokensDataSource = callplaneDataSource({
  typeName: "callplane_api_tokens",
  schema,
  async read(_config, ctx, diagnostics) {
    try {
      const all = await ctx.client.apiTokens.list({ limit: 100 }).toArray();
      return { tokens: all.map(tokenState) };
    } catch (error) {
      addApiError(diagnostics, error, "list the API tokens", objectTypeOf(schema));
      return null;
    }
  },
});
