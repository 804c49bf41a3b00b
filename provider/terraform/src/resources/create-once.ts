/**
 * Creates that converge when Terraform was killed mid-apply.
 *
 * A killed `terraform apply` can leave an object created on the server but missing from the
 * state; the next apply plans to create it again and the API refuses the duplicate name or
 * email. So every create carries an `Idempotency-Key` that the next run reproduces:
 *
 *   key = sha256(working directory, Terraform workspace, resource type, request body without secrets)
 *
 * and the server (which scopes keys to the credential) answers a repeated key with the first
 * creation instead of creating again. The safety argument:
 * - Only the same credential, from the same working directory and Terraform workspace, asking
 *   for exactly the same object, gets that answer: another configuration, another workspace or
 *   another checkout can never adopt the object; it gets the API's usual conflict instead.
 * - An answer naming an object that no longer exists (destroyed since, then declared again) is
 *   skipped, and the next key in a fixed sequence (`…#2`, `…#3`) creates anew, so re-creating
 *   after a destroy works and a kill during that re-creation converges the same way.
 * - When the server no longer holds the first answer's secret (it restarted: secrets are kept
 *   in memory only), the object is found by its unique name or email and adopted only when it
 *   matches the plan; the caller then mints its secret again (rotation).
 * Anything else is the API's conflict, reported with a ready-to-paste `import` block.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { ConflictError, NotFoundError } from "@callplane/sdk";

/** Keys tried before giving up: one per destroy-and-re-create of the same object in one place. */
const MAX_GENERATIONS = 50;

/** The working directory and the selected Terraform workspace, as Terraform ran the plugin. */
export function workspaceIdentity(cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  const dataDir = env.TF_DATA_DIR ?? join(cwd, ".terraform");
  const selected = join(dataDir, "environment");
  const workspace = env.TF_WORKSPACE ?? (existsSync(selected) ? readFileSync(selected, "utf8").trim() : "default");
  let dir = cwd;
  try {
    dir = realpathSync(cwd);
  } catch {
    // A directory that vanished still names the same place for this run.
  }
  return `${dir}\u0000${workspace || "default"}`;
}

/** The first key of the sequence for one object: secrets never enter it. */
export function baseCreateKey(typeName: string, bodyWithoutSecrets: unknown, identity = workspaceIdentity()): string {
  const digest = createHash("sha256").update(`${identity}\u0000${typeName}\u0000${canonicalJson(bodyWithoutSecrets)}`).digest("hex");
  return `tf-create-${digest.slice(0, 48)}`;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export type CreateOutcome<Created, Live> =
  /** Created now, or the answer of an earlier run's creation of this very object. */
  | { kind: "created"; object: Created; replayed: boolean }
  /** An earlier run created it, but its secret is gone: the caller mints it again. */
  | { kind: "adopted-without-secret"; object: Live };

export interface CreateOnceSteps<Created extends { id: string }, Live extends { id: string }> {
  typeName: string;
  /** The request body without secret fields (they must not shape the key). */
  keyMaterial: unknown;
  /** The API call, with the key to send. The answer may carry a secret shown only once. */
  create(idempotencyKey: string): Promise<Created & { lastResponse?: { headers: Headers } }>;
  /** The live object; undefined (or the API's 404) when it no longer exists. */
  get(id: string): Promise<Live | undefined>;
  /** The live object holding the planned unique name or email, for a creation whose answer is gone. */
  findByUniqueField(): Promise<Live | undefined>;
  /** Whether a live object is what the plan asks for. */
  matchesPlan(object: Live): boolean;
}

export async function createOnce<Created extends { id: string }, Live extends { id: string }>(
  steps: CreateOnceSteps<Created, Live>,
): Promise<CreateOutcome<Created, Live>> {
  const base = baseCreateKey(steps.typeName, steps.keyMaterial);
  for (let generation = 1; generation <= MAX_GENERATIONS; generation++) {
    const key = generation === 1 ? base : `${base}#${generation}`;
    try {
      const object = await steps.create(key);
      const replayed = object.lastResponse?.headers.get("Idempotent-Replayed") === "true";
      if (!replayed) return { kind: "created", object, replayed: false };
      const live = await steps.get(object.id).catch((error: unknown) => (error instanceof NotFoundError ? undefined : Promise.reject(error)));
      if (live) return { kind: "created", object, replayed: true };
      // That creation's object was destroyed since: the next key creates anew.
    } catch (error) {
      if (!(error instanceof ConflictError) || !error.type?.endsWith("/idempotent-secret-withheld")) throw error;
      const live = await steps.findByUniqueField();
      if (live && steps.matchesPlan(live)) return { kind: "adopted-without-secret", object: live };
      if (live) throw error;
      // Gone since: the next key creates anew.
    }
  }
  throw new Error(`gave up after ${MAX_GENERATIONS} idempotency keys for one ${steps.typeName}; remove it from the configuration, apply, and add it again`);
}

/**
 * Why an existing object was not adopted, with an `import` block to manage it instead (the
 * provider is never told the resource's address; Terraform prints it under the error).
 */
export function notAdoptedDetail(typeName: string, id: string, made = "created"): string {
  return `It was not ${made} by this configuration in this working directory, so it is not adopted. To manage it here, import it:\n\n`
    + `import {\n  to = ${typeName}.<name of this resource in your configuration>\n  id = "${id}"\n}`;
}
