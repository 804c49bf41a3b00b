/**
 * Limits on guessing passwords and on creating tenants, kept apart from the per-credential
 * request rate limit: failed sign-ins are counted per email and per client address over a
 * sliding window, and past the limit every sign-in for that email or from that address is
 * refused until the oldest failure leaves the window (whether the password is right or not,
 * so the answer says nothing about it). A successful sign-in clears its email's count.
 * Sign-ups are counted per client address the same way. Keys are kept only as hashes.
 */
import { createHash } from "node:crypto";

export interface SignInLimits {
  /** Failed sign-ins per email within the window. @default 5 */
  failuresPerEmail: number;
  /** Failed sign-ins per client address within the window. @default 20 */
  failuresPerAddress: number;
  /** Sign-ups per client address within the window. @default 5 */
  signUpsPerAddress: number;
  /** @default 15 minutes */
  windowMs: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { failuresPerEmail: 5, failuresPerAddress: 20, signUpsPerAddress: 5, windowMs: 15 * 60_000 };

/** Beyond this many keys, idle ones are swept so memory stays bounded. */
const SWEEP_AT = 10_000;

export class SignInLimiter {
  readonly #limits: SignInLimits;
  readonly #now: () => number;
  /** Key → times of the events still inside the window, oldest first. */
  readonly #events = new Map<string, number[]>();

  constructor(limits: Partial<SignInLimits> = {}, now: () => number = Date.now) {
    this.#limits = { ...DEFAULT_SIGN_IN_LIMITS, ...limits };
    this.#now = now;
  }

  /** Milliseconds until a sign-in for `email` from `address` may be tried; 0 when it may now. */
  signInWait(email: string, address: string): number {
    return Math.max(this.#wait(emailKey(email), this.#limits.failuresPerEmail), this.#wait(`address:${address}`, this.#limits.failuresPerAddress));
  }

  failedSignIn(email: string, address: string): void {
    this.#record(emailKey(email));
    this.#record(`address:${address}`);
  }

  /** A right password ends the email's run of failures (the address keeps its count). */
  succeededSignIn(email: string): void {
    this.#events.delete(hash(emailKey(email)));
  }

  signUpWait(address: string): number {
    return this.#wait(`signup:${address}`, this.#limits.signUpsPerAddress);
  }

  signedUp(address: string): void {
    this.#record(`signup:${address}`);
  }

  #wait(key: string, limit: number): number {
    const events = this.#recent(hash(key));
    if (events.length < limit) return 0;
    return events[events.length - limit]! + this.#limits.windowMs - this.#now();
  }

  #record(key: string): void {
    const hashed = hash(key);
    this.#events.set(hashed, [...this.#recent(hashed), this.#now()]);
    if (this.#events.size > SWEEP_AT) for (const known of [...this.#events.keys()]) if (this.#recent(known).length === 0) this.#events.delete(known);
  }

  /** The key's events still inside the window (and forgets older ones). */
  #recent(hashed: string): number[] {
    const since = this.#now() - this.#limits.windowMs;
    const events = (this.#events.get(hashed) ?? []).filter((at) => at > since);
    if (events.length) this.#events.set(hashed, events);
    else this.#events.delete(hashed);
    return events;
  }
}

const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;
const hash = (key: string) => createHash("sha256").update(key).digest("base64");
