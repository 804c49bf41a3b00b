/**
 * The CDKTF quick start: the same settings as examples/quickstart, in TypeScript.
 *
 *   cdktf deploy                                           # the cdktf CLI (see README.md here)
 *   pnpm --filter @callplane/examples run cdktf:synth      # or: synthesize without the CLI
 *
 * Endpoint and token come from CALLPLANE_ENDPOINT and CALLPLANE_TOKEN when Terraform runs.
 */
import { App, TerraformStack, TerraformVariable } from "cdktf";
import { CallplaneProvider, ConcurrencySplit, Environment, Team, TenantSettings } from "@callplane/cdktf";

const app = new App();
const stack = new TerraformStack(app, "settings");
new CallplaneProvider(stack, "callplane", {});
// On by default; `cdktf deploy --var deletion_protection=false` turns it off before a destroy.
const deletionProtection = new TerraformVariable(stack, "deletion_protection", {
  type: "bool", default: true, description: "Whether Terraform may destroy the environments",
}).booleanValue;
new TenantSettings(stack, "tenant", {
  name: "Acme Voice", billingEmail: "billing@acme.test",
  website: "https://acme.test", timezone: "Europe/Berlin",
});
const production = new Environment(stack, "production", { name: "production", deletionProtection });
const staging = new Environment(stack, "staging", { name: "staging", deletionProtection });
const sandbox = new Environment(stack, "sandbox", { name: "sandbox", hidden: true, deletionProtection });
new ConcurrencySplit(stack, "split", {
  planLimit: 40,
  allocations: [
    { environment: production, calls: 20 },
    { environment: staging, calls: 10 },
    { environment: sandbox, calls: 10 },
  ],
});
new Team(stack, "team", {
  members: {
    "ops@acme.test": "admin", "lee@acme.test": "member",
    "sam@acme.test": "operator", "vic@acme.test": "viewer",
  },
  authoritative: true,
});
app.synth();
