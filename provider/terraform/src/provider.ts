/** The `callplane` provider: its settings and every resource and data source. */
import { createCallplaneClient, type CallplaneClient } from "@callplane/sdk";
import type { Diagnostics } from "./framework/diagnostics.js";
import { nodeHttpClient } from "./framework/node-http-client.js";
import type { Model } from "./framework/model.js";
import type { ProviderDefinition } from "./framework/resource.js";
import { defineSchema } from "./framework/schema.js";
import { environmentDataSource, environmentsDataSource } from "./data-sources/environment.js";
import { tenantDataSource } from "./data-sources/tenant.js";
import { environmentResource } from "./resources/environment.js";
import { roleAssignmentResource } from "./resources/role-assignment.js";
import { roleAssignmentsResource } from "./resources/role-assignments.js";
import { invitationResource } from "./resources/invitation.js";
import { userResource } from "./resources/user.js";
import { usersDataSource } from "./data-sources/users.js";
import { concurrencyDataSource } from "./data-sources/concurrency.js";
import { concurrencySplitResource } from "./resources/concurrency-split.js";
import { tenantSettingsResource } from "./resources/tenant-settings.js";
import { apiTokensDataSource } from "./data-sources/api-tokens.js";
import { apiTokenEphemeral } from "./ephemeral/api-token.js";
import { apiTokenResource } from "./resources/api-token.js";
import { tenantResource } from "./resources/tenant.js";
import { scheduleFromUtcFunction, scheduleToUtcFunction } from "./functions/schedule.js";
import { splitCallsFunction } from "./functions/split-calls.js";
import { t } from "./values/index.js";
import { PROVIDER_VERSION } from "./version.js";

export { PROVIDER_VERSION } from "./version.js";

const schema = defineSchema({
  version: 0,
  description: "Manage Callplane settings — tenant, environments, concurrency splits, users and roles — as code.",
  attributes: {
    endpoint: { type: t.string, optional: true, description: "The Callplane API's base URL. Defaults to the `CALLPLANE_ENDPOINT` environment variable." },
    token: { type: t.string, optional: true, sensitive: true, description: "A tenant API key or API token. Defaults to the `CALLPLANE_TOKEN` environment variable." },
    max_retries: { type: t.number, optional: true, description: "Retries for 429, 5xx and network errors. Defaults to 3." },
  },
});

function configure(config: Model<typeof schema>, diagnostics: Diagnostics): CallplaneClient | undefined {
  const endpoint = config.endpoint ?? process.env.CALLPLANE_ENDPOINT;
  const token = config.token ?? process.env.CALLPLANE_TOKEN;
  if (!endpoint) diagnostics.error("Missing Callplane endpoint", "Set `endpoint` in the provider block or the CALLPLANE_ENDPOINT environment variable.", [{ attribute: "endpoint" }]);
  else if (!/^https?:\/\//.test(endpoint)) diagnostics.error("Invalid Callplane endpoint", `endpoint must start with http:// or https:// (got "${endpoint}").`, [{ attribute: "endpoint" }]);
  if (!token) diagnostics.error("Missing Callplane token", "Set `token` in the provider block or the CALLPLANE_TOKEN environment variable.", [{ attribute: "token" }]);
  if (diagnostics.hasErrors || !endpoint || !token) return undefined;
  return createCallplaneClient({
    endpoint,
    token,
    source: "terraform",
    userAgent: `terraform-provider-callplane/${PROVIDER_VERSION}`,
    maxRetries: config.max_retries ?? 3,
    httpClient: nodeHttpClient,
  });
}

export const callplaneProvider: ProviderDefinition<CallplaneClient, typeof schema> = {
  schema,
  configure,
  resources: [environmentResource, userResource, invitationResource, tenantSettingsResource, concurrencySplitResource, roleAssignmentResource, roleAssignmentsResource, apiTokenResource, tenantResource],
  dataSources: [tenantDataSource, environmentDataSource, environmentsDataSource, usersDataSource, concurrencyDataSource, apiTokensDataSource],
  ephemeralResources: [apiTokenEphemeral],
  functions: [splitCallsFunction, scheduleToUtcFunction, scheduleFromUtcFunction],
};
