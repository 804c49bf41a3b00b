import { describe, expect, it } from "vitest";
import { SignInLimiter } from "./sign-in-limiter.js";

const MINUTE = 60_000;

function limiter(limits = {}) {
  let now = 1_000_000;
  const clock = { advance: (ms: number) => (now += ms) };
  return { limits: new SignInLimiter({ failuresPerEmail: 3, failuresPerAddress: 5, signUpsPerAddress: 2, windowMs: 15 * MINUTE, ...limits }, () => now), clock };
}

describe("the sign-in limiter", () => {
  it("lets an email try again once its oldest counted failure leaves the window", () => {
    const { limits, clock } = limiter();
    limits.failedSignIn("lee@acme.test", "10.0.0.1");
    clock.advance(5 * MINUTE);
    limits.failedSignIn("lee@acme.test", "10.0.0.2");
    limits.failedSignIn("LEE@acme.test ", "10.0.0.3");
    // Three failures from three addresses: the email is locked, whatever the address.
    expect(limits.signInWait("lee@acme.test", "10.0.0.9")).toBe(10 * MINUTE);
    clock.advance(10 * MINUTE);
    expect(limits.signInWait("lee@acme.test", "10.0.0.9")).toBe(0);
  });

  it("counts an address's failures across emails", () => {
    const { limits } = limiter();
    for (let i = 0; i < 5; i++) limits.failedSignIn(`guess${i}@acme.test`, "10.0.0.1");
    expect(limits.signInWait("someone@acme.test", "10.0.0.1")).toBe(15 * MINUTE);
    expect(limits.signInWait("someone@acme.test", "10.0.0.2")).toBe(0);
  });

  it("forgets an email's failures after a successful sign-in, not the address's", () => {
    const { limits } = limiter({ failuresPerAddress: 4 });
    for (let i = 0; i < 2; i++) limits.failedSignIn("lee@acme.test", "10.0.0.1");
    limits.succeededSignIn("lee@acme.test");
    for (let i = 0; i < 2; i++) limits.failedSignIn("lee@acme.test", "10.0.0.1");
    expect(limits.signInWait("lee@acme.test", "10.0.0.2")).toBe(0);
    expect(limits.signInWait("other@acme.test", "10.0.0.1")).toBeGreaterThan(0);
  });

  it("limits sign-ups per address", () => {
    const { limits, clock } = limiter();
    limits.signedUp("10.0.0.1");
    expect(limits.signUpWait("10.0.0.1")).toBe(0);
    limits.signedUp("10.0.0.1");
    expect(limits.signUpWait("10.0.0.1")).toBe(15 * MINUTE);
    expect(limits.signUpWait("10.0.0.2")).toBe(0);
    clock.advance(15 * MINUTE);
    expect(limits.signUpWait("10.0.0.1")).toBe(0);
  });

  it("keeps a lock while it sweeps: flooding it with other addresses does not unlock an email", () => {
    const { limits, clock } = limiter();
    for (let i = 0; i < 3; i++) limits.failedSignIn("target@acme.test", "10.0.0.1");
    // Old entries are swept once more than 10,000 keys are kept; these make it sweep.
    for (let i = 0; i < 10_001; i++) limits.signedUp(`10.1.${i >> 8}.${i & 255}`);
    clock.advance(MINUTE);
    limits.signedUp("10.2.0.1");
    expect(limits.signInWait("target@acme.test", "10.0.0.9")).toBe(14 * MINUTE);
  });
});
