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

describe("redaction edges", () => {
  it("redacts known secrets of 4 characters or more, and leaves shorter ones (they would match everywhere)", () => {
    expect(redactSecrets("pin 1234 ok", ["1234"])).toBe("pin [redacted] ok");
    expect(redactSecrets("abc is in abcdef", ["abc", ""])).toBe("abc is in abcdef");
  });

  it("masks a secret to its last four characters only when it is longer than eight", () => {
    expect(maskSecret("cpk_abcd")).toBe("cpk_…");
    expect(maskSecret("cpk_abcde")).toBe("cpk_…bcde");
    expect(maskSecret("plain-secret-value")).toBe("…alue");
    expect(maskSecret("short")).toBe("…");
  });

  it("removes a bearer credential after any run of spaces, and stops at quotes, commas and semicolons", () => {
    expect(redactSecrets("Authorization: Bearer    abc.def")).toBe("Authorization: Bearer    [redacted]");
    expect(redactSecrets('{"auth":"bearer abc","x":1}')).toBe('{"auth":"bearer [redacted]","x":1}');
    expect(redactSecrets("Bearer abc, next; Bearer def")).toBe("Bearer [redacted], next; Bearer [redacted]");
  });

  it("masks Callplane secrets without being told them", () => {
    const error = redactedError(new Error("rejected cpk_live_4f9d0c2b7a8e41d3")) as Error;
    expect(error.message).toBe("rejected cpk_…41d3");
    expect(redactedError("thrown text with cpt_1c2d3e4f5a6b47c8", [])).toBe("thrown text with cpt_…47c8");
    expect(redactedError(42, [secretValue])).toBe(42);
  });

  it("cleans four levels of causes and drops what lies deeper", () => {
    let error: Error = new Error(`level 6 ${secretValue}`);
    for (let level = 5; level >= 0; level--) error = new Error(`level ${level} ${secretValue}`, { cause: error });
    const clean = redactedError(error, [secretValue]) as Error;
    const messages: string[] = [];
    for (let e: unknown = clean; e instanceof Error; e = e.cause) messages.push(e.message);
    expect(messages).toEqual(["level 0 [redacted]", "level 1 [redacted]", "level 2 [redacted]", "level 3 [redacted]", "level 4 [redacted]"]);
    expect(inspect(clean, { depth: 20 })).not.toContain(secretValue);
  });

  it("copies only what is there: no code on a copy of an error without one, and its stack redacted", () => {
    const error = new RangeError(`bad ${secretValue}`);
    const clean = redactedError(error, [secretValue]) as Error;
    expect(clean.name).toBe("RangeError");
    expect(Object.hasOwn(clean, "code")).toBe(false);
    expect(Object.hasOwn(clean, "cause")).toBe(false);
    expect(clean.stack).toContain("bad [redacted]");
    expect(clean.stack).not.toContain(secretValue);
  });

  it("keeps an error whose causes hold no secret as it is", () => {
    const error = new Error("outer", { cause: new Error("inner", { cause: "text" }) });
    expect(redactedError(error, [secretValue])).toBe(error);
  });
});

const secretValue = "plain-secret-value-42";

describe("redaction where only one part holds the secret", () => {
  const secret = "cpt_only0in0one0place0123456789";

  it("masks a secret prefix only at the start of the secret", () => {
    expect(maskSecret("my-cpt_0123456789abcdef")).toBe("…cdef");
    expect(maskSecret("cpt_0123456789abcdef")).toBe("cpt_…cdef");
  });

  it("redacts an error that has no stack", () => {
    const error = new Error(`refused ${secret}`);
    delete (error as { stack?: string }).stack;
    const clean = redactedError(error, [secret]) as Error;
    expect(clean.message).toBe("refused [redacted]");
    expect(clean.stack).toBeUndefined();
  });

  it("redacts a stack that holds the secret when the message does not", () => {
    const error = new Error("refused");
    error.stack = `Error: refused\n    at call (${secret})`;
    const clean = redactedError(error, [secret]) as Error;
    expect(clean).not.toBe(error);
    expect(clean.stack).not.toContain(secret);
  });

  it("redacts a cause that holds the secret when the error itself does not", () => {
    const error = new Error("refused", { cause: new Error(`by ${secret}`) });
    const clean = redactedError(error, [secret]) as Error;
    expect(clean).not.toBe(error);
    expect((clean.cause as Error).message).toBe("by [redacted]");
    expect(inspect(clean)).not.toContain(secret);
  });
});
