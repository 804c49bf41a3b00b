import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { maskSecret, redactedError, redactSecrets } from "./redact.js";

describe("redactSecrets", () => {
  it("masks Callplane keys, tokens and invitation secrets to their last four characters", () => {
    expect(redactSecrets("key cpk_live_4f9d0c2b7a8e41d3b6c5a0e9f1d2c3b4 ok")).toBe("key cpk_…c3b4 ok");
    expect(redactSecrets("cpt_1c2d3e4f5a6b47c8 and cpi_6d1f0a9b8c7e4d2f")).toBe("cpt_…47c8 and cpi_…4d2f");
  });
  it("removes bearer credentials and known secrets of any shape", () => {
    expect(redactSecrets("Authorization: Bearer abc.def.ghi")).toBe("Authorization: Bearer [redacted]");
    expect(redactSecrets("password hunter2-long was wrong", ["hunter2-long"])).toBe("password [redacted] was wrong");
  });
  it("leaves ordinary text alone", () => {
    expect(redactSecrets("environment env_7b2d9e41 is over its limit")).toBe("environment env_7b2d9e41 is over its limit");
  });
  it("masks short secrets completely", () => {
    expect(maskSecret("cpk_abc")).toBe("cpk_…");
  });
});

describe("redactedError", () => {
  const secret = "plain-secret-value-42";
  it("returns an error that holds no secret unchanged", () => {
    const error = new TypeError("socket hang up");
    expect(redactedError(error, [secret])).toBe(error);
  });

  it("copies an error that holds one, keeping its name and code, and cleans nested causes", () => {
    const inner = Object.assign(new Error(`refused ${secret}`), { code: "ECONNREFUSED" });
    const outer = new TypeError("fetch failed", { cause: inner });
    const clean = redactedError(outer, [secret]) as Error & { cause: Error & { code: string } };
    expect(clean).not.toBe(outer);
    expect(clean.name).toBe("TypeError");
    expect(clean.cause.code).toBe("ECONNREFUSED");
    expect(clean.cause.message).toBe("refused [redacted]");
    expect(inspect(clean, { depth: 5 })).not.toContain(secret);
  });
});
