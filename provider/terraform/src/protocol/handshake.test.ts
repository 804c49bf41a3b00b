import { describe, expect, it } from "vitest";
import { handshakeLine, launchProblem, terraformMagicCookieValue } from "./handshake.js";

describe("launchProblem", () => {
  const cookie = { TF_PLUGIN_MAGIC_COOKIE: terraformMagicCookieValue };

  it("accepts Terraform's environment", () => {
    expect(launchProblem({ ...cookie, PLUGIN_PROTOCOL_VERSIONS: "5,6" })).toBeUndefined();
    expect(launchProblem(cookie)).toBeUndefined();
  });

  it("explains a missing or wrong cookie", () => {
    expect(launchProblem({})).toContain("Terraform plugin");
    expect(launchProblem({ TF_PLUGIN_MAGIC_COOKIE: "nope" })).toContain("Terraform plugin");
  });

  it("refuses a Terraform that cannot speak protocol 6", () => {
    expect(launchProblem({ ...cookie, PLUGIN_PROTOCOL_VERSIONS: "4,5" })).toContain("protocol 6");
  });
});

describe("handshakeLine", () => {
  it("carries the certificate as unpadded base64", () => {
    expect(handshakeLine("/tmp/x/plugin.sock", Uint8Array.of(1, 2, 3, 4))).toBe("1|6|unix|/tmp/x/plugin.sock|grpc|AQIDBA\n");
  });

  it("leaves the certificate empty without TLS", () => {
    expect(handshakeLine("/s", undefined)).toBe("1|6|unix|/s|grpc|\n");
  });
});
