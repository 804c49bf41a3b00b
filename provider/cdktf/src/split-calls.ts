/**
 * `splitCalls`: the provider function `provider::callplane::split_calls`, at synth time. Same
 * rule (largest remainder, equal remainders in key order), same numbers, same errors, so a stack
 * can compute a split in TypeScript and get exactly what the function gives in HCL.
 */
import { isUnresolved } from "./validation.js";

/** Bad input to {@link splitCalls}; the message names the argument at fault, as the provider function's does. */
export class SplitCallsError extends Error {
  constructor(
    /** The argument at fault: `limit` or `shares`. */
    readonly argument: "limit" | "shares",
    message: string,
  ) {
    super(message);
    this.name = "SplitCallsError";
  }
}

/** Terraform's order of map keys: by Unicode code point (the order of their UTF-8 bytes). */
function compareKeys(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const cx = x[i]!.codePointAt(0)!;
    const cy = y[i]!.codePointAt(0)!;
    if (cx !== cy) return cx - cy;
  }
  return x.length - y.length;
}

/**
 * Splits `limit` concurrent calls across the keys of `shares`, in proportion to their values and
 * in whole calls: each key gets the whole part of its exact share, and the calls left over go
 * one each to the largest fractional parts; equal fractional parts are served in key order
 * (sorted, as Terraform lists map keys). The result has the keys of `shares` and adds up to
 * exactly `limit`.
 *
 *   splitCalls(40, { prod: 1, staging: 1, dev: 1 })  // { dev: 14, prod: 13, staging: 13 }
 *
 * Use it with known values (a plan limit written in the stack); for a value known only at apply
 * time, call `provider::callplane::split_calls` in Terraform instead.
 *
 * @param limit - the calls to split: a whole number, 0 or more (typically the plan limit)
 * @param shares - a weight per key (for example per environment name): each 0 or more, at least one above 0
 * @returns whole calls per key, adding up to `limit`
 * @throws {@link SplitCallsError} for bad input, with the provider function's message
 */
export function splitCalls(limit: number, shares: Readonly<Record<string, number>>): Record<string, number> {
  if (isUnresolved(limit) || isUnresolved(shares)) {
    throw new SplitCallsError(isUnresolved(limit) ? "limit" : "shares", `${isUnresolved(limit) ? "limit" : "shares"}: must be known at synth (got a token); call provider::callplane::split_calls in Terraform for values known only at apply.`);
  }
  if (!Number.isInteger(limit) || limit < 0) throw new SplitCallsError("limit", `limit: must be a whole number of calls, 0 or more (got ${limit}).`);
  const keys = Object.keys(shares).sort(compareKeys);
  if (keys.length === 0) throw new SplitCallsError("shares", "shares: must name at least one key, e.g. { production = 2, staging = 1 }.");
  for (const key of keys) {
    const share = shares[key]!;
    if (!Number.isFinite(share) || share < 0) throw new SplitCallsError("shares", `shares["${key}"]: must be 0 or more (got ${share}).`);
  }
  const total = keys.reduce((sum, key) => sum + shares[key]!, 0);
  if (total === 0) throw new SplitCallsError("shares", "shares: at least one share must be above 0.");

  // The same arithmetic as the provider, step by step, so the floating-point results agree.
  const quotas = keys.map((key) => ({ key, quota: (limit * shares[key]!) / total }));
  const remainder = (quota: number) => quota - Math.floor(quota);
  const result: Record<string, number> = {};
  for (const { key, quota } of quotas) result[key] = Math.floor(quota);
  let left = limit - Object.values(result).reduce((sum, n) => sum + n, 0);
  const byRemainder = [...quotas].sort((a, b) => remainder(b.quota) - remainder(a.quota) || compareKeys(a.key, b.key));
  for (const { key } of byRemainder) {
    if (left <= 0) break;
    result[key]! += 1;
    left -= 1;
  }
  return result;
}
