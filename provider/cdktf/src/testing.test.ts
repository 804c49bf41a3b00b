import { describe, expect, it } from "vitest";
import { snippet } from "../e2e/snippet.js";
import { TerraformStack, Testing } from "./cdk.js";
import {
  CallplaneConcurrencySplit,
  CallplaneEnvironment,
  callplaneMatchers,
  CallplaneProvider,
  ConcurrencySplit,
  DataCallplaneTenant,
  Environment,
  TenantSettings,
  type CallplaneMatchers,
} from "./index.js";

expect.extend(callplaneMatchers);
declare module "vitest" {
  interface Matchers<T = any> extends CallplaneMatchers<T> {}
}

describe("callplaneMatchers", () => {
  const stack = snippet(Testing.app());

  it("find resources by L1 class or construct, with camelCase or snake_case properties", () => {
    expect(stack).toHaveResourceWithProperties(Environment, { name: "sandbox", hidden: true, deletionProtection: true });
    expect(stack).toHaveResourceWithProperties(CallplaneEnvironment, { name: "production", deletion_protection: true });
    expect(stack).toHaveResourceWithProperties(TenantSettings, { billingEmail: "billing@acme.test" });
    expect(stack).toHaveResource(ConcurrencySplit);
    expect(Testing.synth(stack)).toHaveResource(CallplaneConcurrencySplit);
  });

  it("fail with what the stack declares instead", () => {
    expect(stack).not.toHaveResourceWithProperties(Environment, { name: "staging", hidden: true });
    expect(() => expect(stack).toHaveResourceWithProperties(Environment, { name: "qa" })).toThrow(/expected a resource callplane_environment with \{"name":"qa"\}; the stack declares .*"name":"production"/);
  });

  it("find data sources", () => {
    const withData = new TerraformStack(Testing.app(), "reads");
    new CallplaneProvider(withData, "callplane");
    new DataCallplaneTenant(withData, "tenant");
    expect(withData).toHaveDataSource(DataCallplaneTenant);
    expect(withData).not.toHaveResource(CallplaneEnvironment);
  });

  it("fail a test on a synth-time rule, with the rule's message", () => {
    const invalid = new TerraformStack(Testing.app(), "invalid");
    new CallplaneProvider(invalid, "callplane");
    new Environment(invalid, "bad", { name: "" });
    expect(() => expect(invalid).toHaveResource(Environment)).toThrow(/invalid\/bad: rule "name-format" failed: name must not be empty/);
  });
});
