/** Unit tests of the platform stack: synthesized in memory, no Terraform, no server. */
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { ApiToken, CallplaneUser, callplaneMatchers, Tenant, type CallplaneMatchers } from "@callplane/cdktf";
import { PlatformStack } from "./platform-stack.js";

expect.extend(callplaneMatchers);
declare module "vitest" {
  interface Matchers<T = any> extends CallplaneMatchers<T> {}
}

describe("the platform stack", () => {
  const stack = new PlatformStack(Testing.app(), "platform");

  it("makes Globex's tenant through the platform provider, with 60 calls", () => {
    expect(stack).toHaveResourceWithProperties(Tenant, { provider: "callplane.platform", name: "Globex Calling", planLimit: 60 });
  });

  it("issues a read-only dashboard token", () => {
    expect(stack).toHaveResourceWithProperties(ApiToken, { name: "dashboard", scope: "read" });
  });

  it("creates Kim with a write-only password from a variable, never a value", () => {
    expect(stack).toHaveResourceWithProperties(CallplaneUser, { email: "kim@acme.test", initialPasswordWo: "${var.kim_password}" });
  });
});
