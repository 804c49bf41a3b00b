/**
 * A platform stack: a platform administrator's tenant for a customer, next to an API token and a
 * team member created with a password. `platform.ts` puts it in an app; `platform.test.ts`
 * unit-tests it. The secrets are variables, set when Terraform runs (never in cdk.tf.json):
 *
 *   TF_VAR_platform_token=cpp_… TF_VAR_kim_password=… cdktf deploy platform --app "npx tsx platform.ts && node lock-providers.mjs"
 */
import { TerraformOutput, TerraformStack, TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import { ApiToken, CallplaneProvider, SecretVariable, splitCalls, Team, Tenant } from "@callplane/cdktf";

export class PlatformStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // The tenant's own configuration (CALLPLANE_TOKEN: a user's token, which can own API tokens).
    new CallplaneProvider(this, "callplane", {});
    // The platform administrator's, for tenants; the token comes from TF_VAR_platform_token.
    const platformToken = new SecretVariable(this, "platform_token", { description: "The platform administrator's token" });
    const platform = new CallplaneProvider(this, "platform", { alias: "platform", token: platformToken.stringValue });
    const deletionProtection = new TerraformVariable(this, "deletion_protection", {
      type: "bool", default: true, description: "Whether Terraform may destroy the tenant",
    }).booleanValue;

    // 60 calls for Globex: 2 parts production, 1 part staging (the same rule as split_calls in HCL).
    const calls = splitCalls(60, { production: 2, staging: 1 });
    const globex = new Tenant(this, "globex", {
      provider: platform, name: "Globex Calling", billingEmail: "finance@globex.test",
      planLimit: (calls.production ?? 0) + (calls.staging ?? 0), timezone: "America/New_York", deletionProtection,
    });

    const dashboard = new ApiToken(this, "dashboard", { name: "dashboard", scope: "read", expiresAt: new Date("2030-01-01T00:00:00Z") });

    // Kim is created with a first password (write-only: never in the plan or the state); Ops is invited.
    const kimPassword = new SecretVariable(this, "kim_password", { description: "Kim's first password" });
    new Team(this, "team", {
      members: {
        "ops@acme.test": "admin",
        "kim@acme.test": { role: "operator", name: "Kim Park", initialPassword: kimPassword.stringValue },
      },
    });

    new TerraformOutput(this, "tenant_id", { value: globex.tenantId });
    new TerraformOutput(this, "dashboard_token_masked", { value: dashboard.tokenMasked });
  }
}
