/**
 * Where the server reads the time. Every decision that depends on it (session, invitation and
 * API-token expiry, rate limits, failed sign-ins, kept idempotent answers) asks one clock, so a
 * test can move time forward instead of waiting for it.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch, like `Date.now()`. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
