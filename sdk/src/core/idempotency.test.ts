import { webcrypto } from "node:crypto";
import { describe, expect, it } from "vitest";
import { newIdempotencyKey } from "./idempotency.js";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("newIdempotencyKey", () => {
  it("uses crypto.randomUUID where there is one", () => {
    expect(newIdempotencyKey({ randomUUID: () => "from-randomUUID", getRandomValues: (a) => a })).toBe("from-randomUUID");
  });

  it("makes a version-4 UUID from getRandomValues on an insecure browser origin (no randomUUID)", () => {
    const insecure = { getRandomValues: (array: Uint8Array) => webcrypto.getRandomValues(array) } as unknown as Pick<Crypto, "getRandomValues">;
    const keys = new Set(Array.from({ length: 200 }, () => newIdempotencyKey(insecure)));
    expect(keys.size).toBe(200);
    for (const key of keys) expect(key).toMatch(UUID_V4);
  });
});
