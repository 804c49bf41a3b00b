/**
 * A token bucket per credential: `perSecond` requests a second, bursts up to the same number.
 * Credentials are kept only as hashes, and idle buckets are dropped.
 */
import { createHash } from "node:crypto";

interface Bucket {
  tokens: number;
  updated: number;
}

export class RateLimiter {
  readonly #perSecond: number;
  readonly #buckets = new Map<string, Bucket>();

  constructor(perSecond: number, private readonly now: () => number = () => performance.now()) {
    this.#perSecond = perSecond;
  }

  /** Takes one token for `credential`; returns 0 when allowed, else milliseconds to wait. */
  take(credential: string): number {
    const key = createHash("sha256").update(credential).digest("base64");
    const now = this.now();
    const bucket = this.#buckets.get(key) ?? { tokens: this.#perSecond, updated: now };
    bucket.tokens = Math.min(this.#perSecond, bucket.tokens + ((now - bucket.updated) / 1000) * this.#perSecond);
    bucket.updated = now;
    this.#buckets.set(key, bucket);
    if (this.#buckets.size > 10_000) this.#sweep(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return ((1 - bucket.tokens) / this.#perSecond) * 1000;
  }

  #sweep(now: number): void {
    for (const [key, bucket] of this.#buckets) if (now - bucket.updated > 60_000) this.#buckets.delete(key);
  }
}
