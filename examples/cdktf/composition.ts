/**
 * Callplane constructs next to another provider: after the environments and their split exist,
 * a smoke check runs (`smoke-check.mjs`, through a local-exec provisioner), ordered by
 * `dependsOn` across providers. Two stacks, one per way of writing the check; deploy one:
 *
 * - `settings-smoke-checked`: the check on `terraform_data`, built into Terraform (no provider
 *   to install; `DataResource` in cdktf and in cdktn).
 * - `settings-smoke-checked-null`: the same check on a `null_resource` from
 *   `@cdktf/provider-null` (needs `hashicorp/null` from a registry or a mirror).
 *
 *   npx cdktf-cli@0.21 deploy settings-smoke-checked --app "npx tsx composition.ts && node lock-providers.mjs"
 */
import { provider as nullProvider, resource as nullResource } from "@cdktf/provider-null";
import { App, AssetType, DataResource, TerraformAsset, TerraformStack, type ITerraformDependable } from "cdktf";
import type { Construct } from "constructs";
import { CallplaneProvider, ConcurrencySplit, Environment } from "@callplane/cdktf";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const allocations = { production: 20, staging: 10, sandbox: 10 };

/** What a smoke check gets: what to depend on, the command to run and when to run it again. */
interface SmokeCheck {
  dependsOn: ITerraformDependable[];
  command: string;
  environment: Record<string, string>;
  triggers: Record<string, string>;
}

/** The environments, their split, and a smoke check made by `check` once they exist. */
function settingsWithSmokeCheck(scope: Construct, id: string, check: (stack: TerraformStack, smoke: SmokeCheck) => void): TerraformStack {
  const stack = new TerraformStack(scope, id);
  new CallplaneProvider(stack, "callplane", {});
  const environments = Object.keys(allocations).map((name) => new Environment(stack, name, { name, deletionProtection: false }));
  const split = new ConcurrencySplit(stack, "split", {
    planLimit: 40,
    allocations: environments.map((environment) => ({ environment, calls: allocations[environment.name as keyof typeof allocations] })),
  });
  const script = new TerraformAsset(stack, "smoke-check-script", {
    path: join(dirname(fileURLToPath(import.meta.url)), "smoke-check.mjs"),
    type: AssetType.FILE,
  });
  check(stack, {
    // Across providers: the check (terraform or null) waits for Callplane's split.
    dependsOn: [split.resource],
    command: `node ${script.path}`,
    environment: { CALLPLANE_EXPECT: JSON.stringify(allocations) },
    // A new split runs the check again.
    triggers: { allocations: JSON.stringify(allocations) },
  });
  return stack;
}

const app = new App();
settingsWithSmokeCheck(app, "settings-smoke-checked", (stack, smoke) => {
  new DataResource(stack, "smoke_check", {
    dependsOn: smoke.dependsOn,
    triggersReplace: smoke.triggers,
    provisioners: [{ type: "local-exec", command: smoke.command, environment: smoke.environment }],
  });
});
settingsWithSmokeCheck(app, "settings-smoke-checked-null", (stack, smoke) => {
  new nullProvider.NullProvider(stack, "null");
  new nullResource.Resource(stack, "smoke_check", {
    dependsOn: smoke.dependsOn,
    triggers: smoke.triggers,
    provisioners: [{ type: "local-exec", command: smoke.command, environment: smoke.environment }],
  });
});
app.synth();
