/**
 * A clock a test moves by hand (`startServer({ clock })`), so expiry and rate limits are tested
 * at their exact boundaries without waiting: time stands still until the test advances it.
 */
import type { Clock } from "../src/index.js";

export class TestClock implements Clock {
  #now: number;

  /** Starts at the real time (so dates look current), then stands still. */
  constructor(start: number = Date.now()) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  advance(ms: number): void {
    this.#now += ms;
  }
}
