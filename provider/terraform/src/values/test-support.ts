/**
 * Helpers for the tests of this folder (not part of the provider; left out of mutation testing
 * in stryker.config.mjs).
 */
import { ValueError } from "./errors.js";

/** "d4 00 00" → bytes. */
export function bytes(hexText: string): Uint8Array {
  return Uint8Array.from(hexText.replace(/\s+/g, "").match(/../g) ?? [], (b) => parseInt(b, 16));
}

/** bytes → "d4 00 00". */
export function hex(data: Uint8Array): string {
  return Array.from(data, (b) => b.toString(16).padStart(2, "0")).join(" ");
}

/**
 * The `ValueError` that `fn` throws; fails on anything else. Use it rather than `toThrow(text)`:
 * vitest 4's `toThrow(text)` also passes when the code throws `undefined` or `null`.
 */
export function errorOf(fn: () => unknown): ValueError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValueError) return e;
    throw new Error(`expected a ValueError, got ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
  throw new Error("expected a ValueError, nothing was thrown");
}

/** The message of the `ValueError` that `fn` throws (path first, as users see it). */
export function messageOf(fn: () => unknown): string {
  return errorOf(fn).message;
}
