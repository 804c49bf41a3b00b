/**
 * A token bucket per key: `perSecond` requests a second, bursts up to the same number.
 * Keys are kept only as hashes (they may be credentials), and idle buckets are dropped.
 */
import { createHash } from "node:crypto";

interface Bucket {
  tokens: number;
  updated: number;
}

const MAX_BUCKETS = 10_000;
const IDLE_MS = 60_000;

export class RateLimiter {
  readonly perSecond: number;
  readonly #buckets = new Map<string, Bucket>();

  /** `now` in milliseconds; the server passes its clock (see clock.ts). */
  constructor(perSecond: number, private readonly now: () => number = () => performance.now()) {
    this.perSecond = perSecond;
  }

  /** Takes one token for `key`; returns 0 when allowed, else milliseconds to wait. */
  take(key: string): number {
    const bucket = this.#refill(key);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return this.#waitFor(bucket);
  }

  /** Like `take` without taking: 0 when `key` has a token left, else milliseconds to wait. */
  peek(key: string): number {
    const bucket = this.#refill(key);
    return bucket.tokens >= 1 ? 0 : this.#waitFor(bucket);
  }

  #waitFor(bucket: Bucket): number {
    return ((1 - bucket.tokens) / this.perSecond) * 1000;
  }

  #refill(key: string): Bucket {
    const hashed = createHash("sha256").update(key).digest("base64");
    const now = this.now();
    const bucket = this.#buckets.get(hashed) ?? { tokens: this.perSecond, updated: now };
    bucket.tokens = Math.min(this.perSecond, bucket.tokens + (Math.max(0, now - bucket.updated) / 1000) * this.perSecond); // a clock set back takes no tokens away
    bucket.updated = now;
    this.#buckets.set(hashed, bucket);
    if (this.#buckets.size > MAX_BUCKETS) this.#sweep(now);
    return bucket;
  }

  #sweep(now: number): void {
    for (const [key, bucket] of this.#buckets) if (now - bucket.updated > IDLE_MS) this.#buckets.delete(key);
  }
}
