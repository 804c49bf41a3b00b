/**
 * The API's rate limits, one bucket set each (docs/security.md, "Rate limits"):
 * - a resolved credential (its scope, e.g. `token:tok_…`), however its header is spelled;
 * - failed authentication, per client address, checked before a credential is even looked up;
 * - the public route (accepting an invitation), per client address.
 * Each throws a 429 problem with Retry-After when its bucket is empty.
 */
import { problems } from "./problem.js";
import { RateLimiter } from "./rate-limit.js";

export class RequestLimits {
  readonly #credentials: RateLimiter;
  readonly #failures: RateLimiter;
  readonly #publicRoutes: RateLimiter;

  constructor(readonly perSecond: number, now?: () => number) {
    this.#credentials = new RateLimiter(perSecond, now);
    this.#failures = new RateLimiter(perSecond, now);
    this.#publicRoutes = new RateLimiter(perSecond, now);
  }

  /** One request by the credential with this scope. */
  credential(scope: string): void {
    refuseIfWaiting(this.#credentials.take(scope), `This credential may make ${this.perSecond} requests per second.`);
  }

  /** Before authenticating: refuses an address whose failed attempts used up its allowance. */
  beforeAuthentication(address: string): void {
    refuseIfWaiting(this.#failures.peek(address), `Too many failed authentication attempts from this address: at most ${this.perSecond} per second.`);
  }

  authenticationFailed(address: string): void {
    this.#failures.take(address);
  }

  /** One request to a route that needs no credential. */
  publicRoute(address: string): void {
    refuseIfWaiting(this.#publicRoutes.take(address), `This address may make ${this.perSecond} unauthenticated requests per second.`);
  }
}

function refuseIfWaiting(waitMs: number, detail: string): void {
  if (waitMs > 0) throw problems.rateLimited(detail, Math.max(1, Math.ceil(waitMs / 1000)));
}
