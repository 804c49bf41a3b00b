import { describe, expect, it } from "vitest";
import { useTerraform } from "./terraform.js";

const ws = useTerraform();

describe("data sources with real Terraform", () => {
  it("read the tenant, one environment by name, and every environment", async () => {
    await ws.sdk.environments.create({ name: "production", maxConcurrentCalls: 12 });
    await ws.sdk.environments.create({ name: "sandbox", hidden: true });
    ws.config(`
data "callplane_tenant" "this" {}
data "callplane_environment" "production" { name = "production" }
data "callplane_environments" "visible" {}
data "callplane_environments" "all" { include_hidden = true }
output "plan_limit" { value = data.callplane_tenant.this.plan_limit }
output "production_calls" { value = data.callplane_environment.production.max_concurrent_calls }
output "visible" { value = [for e in data.callplane_environments.visible.environments : e.name] }
output "all" { value = [for e in data.callplane_environments.all.environments : e.name] }
`);
    const apply = await ws.terraform(["apply", "-auto-approve", "-input=false"]);
    expect(apply.code, apply.output).toBe(0);
    const outputs = JSON.parse((await ws.terraform(["output", "-json"])).stdout);
    expect(outputs.plan_limit.value).toBe(40);
    expect(outputs.production_calls.value).toBe(12);
    expect(outputs.visible.value).toEqual(["default", "production"]);
    expect(outputs.all.value).toEqual(["default", "production", "sandbox"]);
  });

  it("say which environment is missing, on the attribute", async () => {
    ws.config(`data "callplane_environment" "nope" { name = "nope" }`);
    const plan = await ws.terraform(["plan", "-input=false"]);
    expect(plan.code).toBe(1);
    expect(plan.output).toContain('No environment with name "nope" exists in this tenant.');
  });
});
