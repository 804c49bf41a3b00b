/**
 * `ephemeral "callplane_api_token"`: a short-lived personal API token for the rest of one
 * Terraform run (Terraform 1.10+). Opened when Terraform needs it, revoked when Terraform closes
 * it; never renewed, never in the plan or the state.
 */
import { NotFoundError, schemas } from "@callplane/sdk";
import { defineEphemeralResource } from "../framework/resource.js";
import { defineSchema, objectTypeOf } from "../framework/schema.js";
import { validatorFor } from "../framework/validators.js";
import { t } from "../values/index.js";
import { addApiError, fieldRule, matchesApiRule, toApi } from "../resources/callplane-api.js";
import type { CallplaneClient } from "@callplane/sdk";
import { parseDuration } from "./duration.js";

const validTtl = validatorFor(t.string, (ttl) => {
  const parsed = parseDuration(ttl);
  return "error" in parsed ? [parsed.error] : [];
});

const schema = defineSchema({
  version: 0,
  description: [
    "A short-lived personal API token, for the rest of one Terraform run (Terraform 1.10 or later). Terraform opens it when it needs the value and closes it when done: the token is created with an expiry `ttl` from now, and **revoked at close**. It is never renewed, and never stored in the plan or the state.",
    "",
    "Use it to give part of a configuration less power than the provider's own credential, for example an aliased provider that only reads: `provider \"callplane\" { alias = \"ci\"; token = ephemeral.callplane_api_token.ci.token }`.",
    "",
    "The token belongs to the user whose API token the provider uses (a tenant API key belongs to no user and cannot open one), and never has more rights than that user. Terraform opens it once per run phase (plan and apply each get their own token).",
  ].join("\n"),
  attributes: {
    name: { type: t.string, required: true, validators: [matchesApiRule(fieldRule(schemas.ApiTokenCreate, "name"))], description: "What the token is for (1 to 100 characters); it is listed under this name while it lives." },
    scope: { type: t.string, required: true, validators: [matchesApiRule(schemas.TokenScope)], description: "`read` or `write`. A `write` token still has no more rights than its owner." },
    ttl: {
      type: t.string, optional: true, default: "1h", validators: [validTtl],
      description: "How long the token lives if it is not revoked first, as a duration: a number and a unit (`h`, `m` or `s`), e.g. `\"15m\"` or `\"1h30m\"`; at least a minute.",
    },
    id: { type: t.string, computed: true, description: "The token's id." },
    token: { type: t.string, computed: true, sensitive: true, description: "The token. Ephemeral: usable in provider blocks, other ephemeral resources and write-only arguments, never stored." },
    expires_at: { type: t.string, computed: true, description: "When the token expires (RFC 3339), unless revoked before." },
  },
});
const type = objectTypeOf(schema);

export const apiTokenEphemeral = defineEphemeralResource<typeof schema, CallplaneClient>({
  typeName: "callplane_api_token",
  schema,

  async open(config, ctx, diagnostics) {
    const ttl = parseDuration(config.ttl);
    if ("error" in ttl) {
      diagnostics.error("Invalid ttl", `ttl: ${ttl.error}`, [{ attribute: "ttl" }]);
      return null;
    }
    try {
      const created = await ctx.client.apiTokens.create({
        name: config.name,
        scope: toApi(schemas.TokenScope, config.scope, "scope"),
        expiresAt: new Date(Date.now() + ttl.ms).toISOString().replace(/\.\d{3}Z$/, "Z"),
      });
      return {
        result: { ...config, id: created.id, token: created.token, expires_at: created.expiresAt },
        closeWith: created.id,
      };
    } catch (error) {
      addApiError(diagnostics, error, "open an API token", type);
      return null;
    }
  },

  async close(id, ctx, diagnostics) {
    try {
      await ctx.client.apiTokens.revoke(id);
    } catch (error) {
      if (error instanceof NotFoundError) return;
      addApiError(diagnostics, error, `revoke API token ${id}`, type);
    }
  },
});
