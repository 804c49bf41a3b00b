/**
 * Secrets: generated at random, stored only as hashes, shown once, masked ever after.
 * API keys and tokens carry 160 bits of randomness, so a fast SHA-256 is the right hash for
 * lookups; passwords are low-entropy and get scrypt with a salt.
 */
import { createHash, randomBytes, scryptSync, timingSafeEqual } from "node:crypto";
import { maskSecret } from "@callplane/sdk";

export type SecretPrefix = "cpk" | "cpt" | "cpi" | "cps";

export function newSecret(prefix: SecretPrefix): string {
  return `${prefix}_${randomBytes(20).toString("hex")}`;
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export { maskSecret };

export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(8).toString("hex")}`;
}

const SCRYPT = { N: 16384, r: 8, p: 1 };

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, 32, SCRYPT);
  return `scrypt$${salt.toString("base64")}$${hash.toString("base64")}`;
}

const DUMMY_SALT = randomBytes(16);
const DUMMY_HASH = randomBytes(32);

/**
 * True when `password` matches a hash made by `hashPassword`. A null or unreadable hash
 * still costs one scrypt run (against a throwaway hash), so the time taken never tells
 * whether the account exists or has a password.
 */
export function verifyPassword(password: string, stored: string | null): boolean {
  const [scheme, salt, hash] = (stored ?? "").split("$");
  const usable = scheme === "scrypt" && salt !== undefined && hash !== undefined;
  const expected = usable ? Buffer.from(hash, "base64") : DUMMY_HASH;
  const actual = scryptSync(password, usable ? Buffer.from(salt, "base64") : DUMMY_SALT, 32, SCRYPT);
  return usable && expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Compares two secrets in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const left = createHash("sha256").update(a).digest();
  const right = createHash("sha256").update(b).digest();
  return timingSafeEqual(left, right);
}

/** Fields of API objects that carry a secret: never stored in the audit log or on disk. */
export const SECRET_FIELDS: ReadonlySet<string> = new Set(["apiKey", "token", "secret", "password", "session"]);

export function hasSecretFields(value: object): boolean {
  return Object.keys(value).some((key) => SECRET_FIELDS.has(key));
}

/** A shallow copy without the secret-bearing fields. */
export function withoutSecrets(value: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !SECRET_FIELDS.has(key)));
}
