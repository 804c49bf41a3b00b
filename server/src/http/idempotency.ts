/**
 * Idempotency keys: a POST repeated with the same key and body gets the first answer again
 * instead of acting twice; the same key with another body is refused.
 *
 * Answers that carry a secret (a new API key, token or invitation secret) are kept whole only
 * in memory, for retries within a day; the database keeps them without the secret, so secrets
 * never rest on disk. A retry that comes after a restart learns that the call succeeded and
 * that its secret must be rotated to be seen again.
 */
import { createHash } from "node:crypto";
import { hasSecretFields, withoutSecrets } from "../auth/secrets.js";
import type { Store } from "../db/store.js";
import type { Reply, RequestContext } from "./context.js";
import { problems } from "./problem.js";

const MEMORY_LIMIT = 1000;
const MEMORY_TTL_MS = 24 * 60 * 60 * 1000;

export class IdempotencyKeys {
  readonly #store: Store;
  readonly #now: () => number;
  readonly #secretAnswers = new Map<string, { body: unknown; expires: number }>();

  constructor(store: Store, now: () => number = Date.now) {
    this.#store = store;
    this.#now = now;
  }

  /** Runs `work` once per (credential, key); call inside the request's transaction. */
  run(ctx: RequestContext, key: string | undefined, rawBody: string, work: () => Reply): Reply {
    if (ctx.method !== "POST" || !key) return work();
    if (key.length > 255) throw problems.malformed("Idempotency-Key is longer than 255 characters.", [{ path: "Idempotency-Key", message: "must be at most 255 characters" }]);
    const scope = ctx.principal?.scope ?? "anonymous";
    const memoryKey = `${scope}\u0000${key}`;
    const requestHash = createHash("sha256").update(`${ctx.method} ${ctx.path}\n${rawBody}`).digest("hex");
    const stored = this.#store.getIdempotentResponse(scope, key);
    if (stored) {
      if (stored.requestHash !== requestHash) {
        throw problems.conflict("idempotency-key-reused", "Idempotency-Key reused", "This Idempotency-Key was already used for a different request; use a new key.");
      }
      let body: unknown = stored.body === null ? undefined : JSON.parse(stored.body);
      if (stored.secretWithheld) {
        const remembered = this.#secretAnswers.get(memoryKey);
        if (!remembered || remembered.expires < this.#now()) {
          const id = (body as { id?: string } | undefined)?.id;
          throw problems.conflict("idempotent-secret-withheld", "Already done; its secret is not kept",
            `The request with this Idempotency-Key already succeeded${id ? ` (${id})` : ""}, but its answer held a secret, which the server does not keep. Rotate it to get a new one.`);
        }
        body = remembered.body;
      }
      return { status: stored.status, body, headers: { ...stored.headers, "Idempotent-Replayed": "true" } };
    }
    const reply = work();
    if (reply.status >= 300) return reply;
    const withheld = isObject(reply.body) && hasSecretFields(reply.body);
    const storedBody = withheld ? withoutSecrets(reply.body as object) : reply.body;
    this.#store.putIdempotentResponse(scope, key, {
      requestHash,
      status: reply.status,
      headers: reply.etag ? { ETag: reply.etag } : {},
      body: storedBody === undefined ? null : JSON.stringify(storedBody),
      secretWithheld: withheld,
    }, ctx.now.toISOString());
    if (withheld) this.#remember(memoryKey, reply.body);
    return reply;
  }

  #remember(key: string, body: unknown): void {
    this.#secretAnswers.set(key, { body, expires: this.#now() + MEMORY_TTL_MS });
    if (this.#secretAnswers.size > MEMORY_LIMIT) this.#secretAnswers.delete(this.#secretAnswers.keys().next().value!);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
