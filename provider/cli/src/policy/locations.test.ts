import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { PlanJson } from "../terraform/plan-json.js";
import { locateResources, repositoryRoot } from "./locations.js";

describe("locateResources", () => {
  it("finds blocks in the root module and local modules, named from the repository root", () => {
    const repo = mkdtempSync(join(tmpdir(), "callplane-loc-"));
    mkdirSync(join(repo, ".git"));
    mkdirSync(join(repo, "callplane", "modules", "team"), { recursive: true });
    writeFileSync(join(repo, "callplane", "main.tf"), 'module "people" {\n  source = "./modules/team"\n}\n\nresource "callplane_environment" "production" {\n  name = "production"\n}\n');
    writeFileSync(join(repo, "callplane", "modules", "team", "users.tf"), '# people\nresource "callplane_user" "ops" {\n  email = "ops@acme.test"\n  role  = "admin"\n}\n');
    const plan: PlanJson = { format_version: "1.2", configuration: { root_module: { module_calls: { people: { source: "./modules/team", module: {} } } } } };
    const dir = join(repo, "callplane");
    expect(repositoryRoot(dir)).toBe(repo);
    const locate = locateResources(plan, dir, repo);
    expect(locate("callplane_environment.production")).toEqual({ file: "callplane/main.tf", startLine: 5, endLine: 7 });
    expect(locate('module.people.callplane_user.ops["x"]')).toEqual({ file: "callplane/modules/team/users.tf", startLine: 2, endLine: 5 });
    // Gone from the configuration: the module's main file, no line.
    expect(locate("callplane_environment.sandbox")).toEqual({ file: "callplane/main.tf" });
  });

  it("names a synthesized stack's resources by construct path, at their place in cdk.tf.json", () => {
    const dir = mkdtempSync(join(tmpdir(), "callplane-cdk-"));
    const config = { resource: { callplane_environment: { production_environment_1A2B3C4D: { name: "production", "//": { metadata: { path: "settings/production/environment", uniqueId: "production_environment_1A2B3C4D" } } } } } };
    const text = JSON.stringify(config, null, 2);
    writeFileSync(join(dir, "cdk.tf.json"), text);
    const line = text.split("\n").findIndex((l) => l.includes('"production_environment_1A2B3C4D": {')) + 1;
    expect(line).toBeGreaterThan(1);
    expect(locateResources({ format_version: "1.2" }, dir, dir)("callplane_environment.production_environment_1A2B3C4D")).toEqual({ file: "cdk.tf.json", startLine: line, constructPath: "settings/production/environment" });
  });
});
