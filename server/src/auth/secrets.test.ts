import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./secrets.js";

describe("password hashes", () => {
  it("verifies the password a hash was made from, and no other", () => {
    const stored = hashPassword("correct-horse-battery-staple");
    expect(stored).not.toContain("correct-horse");
    expect(verifyPassword("correct-horse-battery-staple", stored)).toBe(true);
    expect(verifyPassword("correct-horse-battery-stapl", stored)).toBe(false);
    expect(verifyPassword("correct-horse-battery-staple", "sha256$x$y")).toBe(false);
  });

  it("refuses, without throwing, a user with no password and hashes that are cut short", () => {
    const [scheme, salt, hash] = hashPassword("correct-horse-battery-staple").split("$");
    expect(verifyPassword("correct-horse-battery-staple", null)).toBe(false);
    expect(verifyPassword("correct-horse-battery-staple", "")).toBe(false);
    expect(verifyPassword("correct-horse-battery-staple", `${scheme}$${salt}`)).toBe(false);
    expect(verifyPassword("correct-horse-battery-staple", `${scheme}$${salt}$${hash!.slice(0, 20)}`)).toBe(false);
    // A hash of another scheme is never read as scrypt, even with the right salt and length.
    expect(verifyPassword("correct-horse-battery-staple", `argon2$${salt}$${hash}`)).toBe(false);
  });
});
