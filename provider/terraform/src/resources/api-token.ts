/**
 * `callplane_api_token`: a personal API token of the user the provider acts as. Tokens cannot be
 * edited, so every configured change replaces the token; its value is known only when created.
 */
import { NotFoundError, schemas, type ApiToken, type ApiTokenWithSecret } from "@callplane/sdk";
import type { Model } from "../framework/model.js";
import { requiresReplace, useStateForUnknown } from "../framework/plan-modifiers.js";
import { defineSchema, objectTypeOf } from "../framework/schema.js";
import { t } from "../values/index.js";
import { addApiError, callplaneResource, fieldRule, idOf, matchesApiRule, toApi, type CallplaneContext } from "./callplane-api.js";

export const ownerType = t.object({ type: t.string, id: t.string, name: t.string });

const schema = defineSchema({
  version: 0,
  description: [
    "A personal API token with `read` or `write` scope, owned by the user whose token the provider is configured with (a tenant API key belongs to no user and cannot create one). A token never has more rights than its owner.",
    "",
    "Tokens cannot be edited: changing `name`, `scope` or `expires_at` revokes this token and creates a new one. The token's value (`token`) is known only when it is created, and is stored in the Terraform state (sensitive); for a token used only during a run, prefer the ephemeral `callplane_api_token`, which is never stored.",
    "",
    "A token revoked by hand (or expired) is gone for Terraform: the next plan creates a new one. Destroying it revokes it.",
    "",
    "Import an existing token by its id: `terraform import callplane_api_token.ci tok_0123abcd`. **An imported token has no `token` value** (null): Callplane shows a token's value only once, at creation.",
  ].join("\n"),
  attributes: {
    id: { type: t.string, computed: true, description: "The token's id. Import with it.", planModifiers: [useStateForUnknown()] },
    name: {
      type: t.string, required: true, validators: [matchesApiRule(fieldRule(schemas.ApiTokenCreate, "name"))], planModifiers: [requiresReplace()],
      description: "What the token is for (1 to 100 characters). Changing it replaces the token.",
    },
    scope: {
      type: t.string, required: true, validators: [matchesApiRule(schemas.TokenScope)], planModifiers: [requiresReplace()],
      description: "`read` or `write`. Changing it replaces the token.",
    },
    expires_at: {
      type: t.string, optional: true, validators: [matchesApiRule(schemas.Timestamp)], planModifiers: [requiresReplace()],
      description: "When the token stops working (RFC 3339, e.g. `2027-01-01T00:00:00Z`); never when left out. Changing it replaces the token.",
    },
    token: {
      type: t.string, computed: true, sensitive: true, planModifiers: [useStateForUnknown()],
      description: "The token. Known only when Terraform creates it; null for an imported token. Treat it as a password.",
    },
    token_masked: { type: t.string, computed: true, planModifiers: [useStateForUnknown()], description: "The token, masked as the console shows it." },
    owner: {
      type: ownerType, computed: true, planModifiers: [useStateForUnknown()],
      description: "Who owns the token: `type` (`user`), `id` and `name`.",
    },
    last_used_at: { type: t.string, computed: true, planModifiers: [useStateForUnknown()], description: "When the token was last used (RFC 3339); null if never. Read live, so it may change between runs." },
    created_at: { type: t.string, computed: true, planModifiers: [useStateForUnknown()], description: "When the token was created (RFC 3339)." },
  },
});
const type = objectTypeOf(schema);
type TokenModel = Model<typeof schema>;

/**
 * The configured expiry as written when it is the instant the API returns (which adds
 * milliseconds: `.000Z`); otherwise the live one, as `…:00Z` when it has no milliseconds, the way
 * a configuration would write it (so an imported token plans no change).
 */
function sameInstant(configured: string | null, live: string | null): string | null {
  if (configured !== null && live !== null && Date.parse(configured) === Date.parse(live)) return configured;
  return live?.replace(/\.000Z$/, "Z") ?? null;
}

function toState(token: ApiToken | ApiTokenWithSecret, kept: { token: string | null; expires_at: string | null }): TokenModel {
  return {
    id: token.id, name: token.name, scope: token.scope, expires_at: sameInstant(kept.expires_at, token.expiresAt),
    token: kept.token, token_masked: token.tokenMasked, owner: { type: token.owner.type, id: token.owner.id, name: token.owner.name },
    last_used_at: token.lastUsedAt, created_at: token.createdAt,
  };
}

/** Every token in one or a few list requests, shared by all the reads of a refresh. */
export function liveTokens(ctx: CallplaneContext): Promise<Map<string, ApiToken>> {
  return ctx.cached("api-tokens:by-id", async () => {
    const all = await ctx.client.apiTokens.list({ limit: 100 }).toArray();
    return new Map(all.map((token) => [token.id, token]));
  });
}

export const apiTokenResource = callplaneResource({
  typeName: "callplane_api_token",
  schema,

  async create(planned, ctx, diagnostics) {
    try {
      const created = await ctx.client.apiTokens.create({
        name: planned.name,
        scope: toApi(schemas.TokenScope, planned.scope, "scope"),
        ...(planned.expires_at !== null ? { expiresAt: planned.expires_at } : {}),
      });
      return toState(created, { token: created.token, expires_at: planned.expires_at });
    } catch (error) {
      addApiError(diagnostics, error, "create the API token", type);
      return null;
    }
  },

  async read(state, ctx) {
    const token = (await liveTokens(ctx)).get(idOf(state, "API token"));
    return token ? toState(token, { token: state.token, expires_at: state.expires_at }) : null;
  },

  async update(planned, prior) {
    // Every configurable attribute replaces the token, so nothing is left to update.
    return { ...prior, name: planned.name, scope: planned.scope, expires_at: planned.expires_at };
  },

  async delete(state, ctx, diagnostics) {
    try {
      await ctx.client.apiTokens.revoke(idOf(state, "API token"));
    } catch (error) {
      if (error instanceof NotFoundError) return;
      addApiError(diagnostics, error, "revoke the API token", type);
    }
  },

  async importState(id, ctx) {
    const token = (await liveTokens(ctx)).get(id);
    return token ? toState(token, { token: null, expires_at: null }) : null;
  },
});
