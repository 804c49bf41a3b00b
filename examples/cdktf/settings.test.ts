/** Unit tests of the settings stack: synthesized in memory, no Terraform, no server. */
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { callplaneMatchers, ConcurrencySplit, Environment, TenantSettings, type CallplaneMatchers } from "@callplane/cdktf";
import { SettingsStack } from "./settings.js";

expect.extend(callplaneMatchers);
declare module "vitest" {
  interface Matchers<T = any> extends CallplaneMatchers<T> {}
}

describe("the settings stack", () => {
  const stack = new SettingsStack(Testing.app(), "settings");

  it("declares the tenant's settings", () => {
    expect(stack).toHaveResourceWithProperties(TenantSettings, { name: "Acme Voice", timezone: "Europe/Berlin" });
  });

  it("keeps the sandbox hidden", () => {
    expect(stack).toHaveResourceWithProperties(Environment, { name: "sandbox", hidden: true });
    expect(stack).not.toHaveResourceWithProperties(Environment, { name: "production", hidden: true });
  });

  it("splits the 40 calls 20/10/10", () => {
    expect(stack).toHaveResourceWithProperties(ConcurrencySplit, {
      allocations: [{ maxConcurrentCalls: 20 }, { maxConcurrentCalls: 10 }, { maxConcurrentCalls: 10 }],
    });
  });
});
