/**
 * The settings stack: the same settings as examples/quickstart, in TypeScript. `main.ts` puts it
 * in an app; `settings.test.ts` unit-tests it with the matchers from `@callplane/cdktf`.
 */
import { TerraformStack, TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import { CallplaneProvider, ConcurrencySplit, Environment, Team, TenantSettings } from "@callplane/cdktf";

export class SettingsStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new CallplaneProvider(this, "callplane", {});
    // On by default; `cdktf deploy --var deletion_protection=false` turns it off before a destroy.
    const deletionProtection = new TerraformVariable(this, "deletion_protection", {
      type: "bool", default: true, description: "Whether Terraform may destroy the environments",
    }).booleanValue;
    new TenantSettings(this, "tenant", {
      name: "Acme Voice", billingEmail: "billing@acme.test",
      website: "https://acme.test", timezone: "Europe/Berlin",
    });
    const production = new Environment(this, "production", { name: "production", deletionProtection });
    const staging = new Environment(this, "staging", { name: "staging", deletionProtection });
    const sandbox = new Environment(this, "sandbox", { name: "sandbox", hidden: true, deletionProtection });
    new ConcurrencySplit(this, "split", {
      planLimit: 40,
      allocations: [
        { environment: production, calls: 20 },
        { environment: staging, calls: 10 },
        { environment: sandbox, calls: 10 },
      ],
    });
    new Team(this, "team", {
      members: {
        "ops@acme.test": "admin", "lee@acme.test": "member",
        "sam@acme.test": "operator", "vic@acme.test": "viewer",
      },
      authoritative: true,
    });
  }
}
