/**
 * The CDKTF quick start: the same settings as examples/quickstart, in TypeScript.
 *
 *   pnpm --filter @callplane/examples run cdktf:synth      # writes cdktf.out/stacks/settings/cdk.tf.json
 *
 * Then apply the synthesized stack with Terraform (see README.md here). Endpoint and token come
 * from CALLPLANE_ENDPOINT and CALLPLANE_TOKEN.
 */
import { App, TerraformStack } from "cdktf";
import { CallplaneProvider, ConcurrencySplit, Environment, Team, TenantSettings } from "@callplane/cdktf";

const app = new App();
const stack = new TerraformStack(app, "settings");
new CallplaneProvider(stack, "callplane", {});
new TenantSettings(stack, "tenant", {
  name: "Acme Voice", billingEmail: "billing@acme.test",
  website: "https://acme.test", timezone: "Europe/Berlin",
});
const production = new Environment(stack, "production", { name: "production" });
const staging = new Environment(stack, "staging", { name: "staging" });
const sandbox = new Environment(stack, "sandbox", { name: "sandbox", hidden: true });
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
