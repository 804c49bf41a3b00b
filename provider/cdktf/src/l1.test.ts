import { describe, expect, it } from "vitest";
import { TerraformStack, Testing } from "./cdk.js";
import { CallplaneConcurrencySplit, CallplaneProviderL1, CallplaneUser, DataCallplaneEnvironment, DataCallplaneTenant } from "./index.js";

describe("L1 bindings", () => {
  it("map camelCase props to snake_case attributes, nested objects included", () => {
    const stack = new TerraformStack(Testing.app(), "l1");
    new CallplaneProviderL1(stack, "callplane", { endpoint: "http://localhost:1", maxRetries: 1 });
    new CallplaneUser(stack, "lee", {
      name: "Lee", email: "lee@acme.test", role: "operator",
      operatorSchedule: { timezone: "Europe/Berlin", ranges: [{ day: "monday", startHour: 9, endHour: 17 }] },
    });
    const out = JSON.parse(Testing.synth(stack)) as { provider: unknown; resource: { callplane_user: Record<string, unknown> } };
    expect(out.provider).toEqual({ callplane: [{ endpoint: "http://localhost:1", max_retries: 1 }] });
    expect(Object.values(out.resource.callplane_user)).toEqual([{
      name: "Lee", email: "lee@acme.test", role: "operator",
      operator_schedule: { timezone: "Europe/Berlin", ranges: [{ day: "monday", start_hour: 9, end_hour: 17 }] },
    }]);
  });

  it("declare data sources and expose computed attributes as tokens", () => {
    const stack = new TerraformStack(Testing.app(), "l1");
    new CallplaneProviderL1(stack, "callplane");
    const tenant = new DataCallplaneTenant(stack, "tenant");
    const production = new DataCallplaneEnvironment(stack, "production", { name: "production" });
    new CallplaneConcurrencySplit(stack, "split", {
      allocations: [{ environmentId: production.id, maxConcurrentCalls: tenant.planLimit }],
    });
    const text = Testing.synth(stack);
    expect(Testing.toHaveResourceWithProperties(text, "callplane_concurrency_split", {
      allocations: [{ environment_id: "${data.callplane_environment.production.id}", max_concurrent_calls: "${data.callplane_tenant.tenant.plan_limit}" }],
    })).toBe(true);
    expect(Testing.toHaveDataSourceWithProperties(text, "callplane_environment", { name: "production" })).toBe(true);
    expect(Testing.toHaveDataSource(text, "callplane_tenant")).toBe(true);
  });

  it("keep a provider's alias, and resources given that provider use it", () => {
    const stack = new TerraformStack(Testing.app(), "l1");
    new CallplaneProviderL1(stack, "callplane");
    const platform = new CallplaneProviderL1(stack, "platform", { alias: "platform" });
    expect(platform.alias).toBe("platform");
    new CallplaneUser(stack, "lee", { name: "Lee", email: "lee@acme.test", role: "member", provider: platform });
    const out = JSON.parse(Testing.synth(stack)) as { provider: { callplane: unknown[] }; resource: { callplane_user: Record<string, { provider: string }> } };
    expect(out.provider.callplane).toEqual([{}, { alias: "platform" }]);
    expect(Object.values(out.resource.callplane_user)[0]!.provider).toBe("callplane.platform");
  });
});
