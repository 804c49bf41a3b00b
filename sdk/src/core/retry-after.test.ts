/** `Retry-After` as servers write it, read through the error a caller gets (RFC 9110 §10.2.3). */
import { describe, expect, it } from "vitest";
import { RateLimitError } from "../index.js";
import { parseRetryAfter } from "./retry.js";
import { testClient } from "../test-support/msw.js";

/** The wait a 429 with this `Retry-After` reports, straight from the client's fetch. */
async function waitFor(retryAfter: string): Promise<number | undefined> {
  const fetch = async () => Response.json({ title: "Too many requests" }, { status: 429, headers: { "Content-Type": "application/problem+json", "Retry-After": retryAfter } });
  const error = await testClient({ maxRetries: 0, fetch }).tenant.get().catch((e) => e);
  expect(error).toBeInstanceOf(RateLimitError);
  return error.retryAfterMs;
}

describe("Retry-After", () => {
  it.each([
    ["120", 120_000],
    ["12.25", 12_250],
    ["0", 0],
  ])("%s seconds is %d ms", async (header, ms) => {
    expect(await waitFor(header)).toBe(ms);
  });

  it("counts an HTTP date from now, and a date in the past as no wait", async () => {
    const inOneMinute = new Date(Date.now() + 60_000).toUTCString();
    const wait = await waitFor(inOneMinute);
    // HTTP dates have whole seconds: up to a second early, and the test's own run time.
    expect(wait).toBeGreaterThan(50_000);
    expect(wait).toBeLessThanOrEqual(60_000);
    expect(await waitFor("Wed, 21 Oct 2015 07:28:00 GMT")).toBe(0);
  });

  it.each(["soon", "3 seconds"])("%j is no usable wait", async (header) => {
    expect(await waitFor(header)).toBeUndefined();
  });
});

describe("Retry-After as a custom httpClient may pass it (untrimmed)", () => {
  it("reads seconds with spaces around them, and nothing from blanks or text around digits", () => {
    expect(parseRetryAfter(" 3 ")).toBe(3000);
    expect(parseRetryAfter("   ")).toBeUndefined();
    expect(parseRetryAfter("")).toBeUndefined();
    expect(parseRetryAfter("x3")).toBeUndefined();
  });
});
