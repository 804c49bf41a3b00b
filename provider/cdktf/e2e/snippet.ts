/**
 * The snippet from the issue, unchanged except for its imports (`cdktf` through `src/cdk.ts`,
 * `@callplane/cdktf` as the package's source) and taking the app from the caller.
 */
import { type App, TerraformStack } from "../src/cdk.js";
import { CallplaneProvider, ConcurrencySplit, Environment, Team, TenantSettings } from "../src/index.js";

export function snippet(app: App): TerraformStack {
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
  return stack;
}
