/**
 * `provider::callplane::split_calls(limit, shares)`: whole concurrent calls for each share of a
 * limit, by the largest-remainder method.
 */
import { ArgumentError, defineFunction } from "../framework/function.js";
import { compareUtf8 } from "../values/types.js";
import { t } from "../values/index.js";

/** Whole numbers for `shares`, in proportion, adding up to `limit` exactly. */
export function splitCalls(limit: number, shares: { readonly [key: string]: number }): Record<string, number> {
  if (!Number.isInteger(limit) || limit < 0) throw new ArgumentError(0, `limit: must be a whole number of calls, 0 or more (got ${limit}).`);
  const keys = Object.keys(shares).sort(compareUtf8);
  if (keys.length === 0) throw new ArgumentError(1, "shares: must name at least one key, e.g. { production = 2, staging = 1 }.");
  for (const key of keys) {
    const share = shares[key]!;
    if (!Number.isFinite(share) || share < 0) throw new ArgumentError(1, `shares["${key}"]: must be 0 or more (got ${share}).`);
  }
  const total = keys.reduce((sum, key) => sum + shares[key]!, 0);
  if (total === 0) throw new ArgumentError(1, "shares: at least one share must be above 0.");

  const exact = keys.map((key) => ({ key, quota: (limit * shares[key]!) / total }));
  const result: Record<string, number> = {};
  for (const { key, quota } of exact) result[key] = Math.floor(quota);
  let left = limit - Object.values(result).reduce((sum, n) => sum + n, 0);
  // The calls left over go to the largest remainders; equal remainders in key order.
  const byRemainder = [...exact].sort((a, b) => (b.quota - Math.floor(b.quota)) - (a.quota - Math.floor(a.quota)) || compareUtf8(a.key, b.key));
  for (const { key } of byRemainder) {
    if (left <= 0) break;
    result[key]! += 1;
    left -= 1;
  }
  return result;
}

export const splitCallsFunction = defineFunction({
  name: "split_calls",
  summary: "Splits a number of concurrent calls by shares, in whole calls.",
  description: [
    "Splits `limit` concurrent calls across the keys of `shares` in proportion to their values, in whole calls, by the largest-remainder method: each key gets the whole part of its exact share, and the calls left over go one each to the keys with the largest fractional parts. Keys whose fractional parts are equal are served in key order (the order Terraform lists map keys in: sorted).",
    "",
    "The result adds up to exactly `limit` (so never more), and has the same keys as `shares`. `split_calls(40, { prod = 1, staging = 1, dev = 1 })` is `{ dev = 14, prod = 13, staging = 13 }`; `split_calls(40, { production = 2, staging = 1, development = 1 })` is `{ development = 10, production = 20, staging = 10 }`.",
    "",
    "`limit` must be a whole number, 0 or more; every share must be 0 or more, and at least one above 0. An error names the argument at fault.",
  ].join("\n"),
  parameters: [
    { name: "limit", type: t.number, description: "The concurrent calls to split: a whole number, 0 or more, typically the tenant's plan limit." },
    { name: "shares", type: t.map(t.number), description: "A weight per key (for example per environment name), 0 or more." },
  ],
  returns: t.map(t.number),
  call([limit, shares]) {
    return splitCalls(limit, shares);
  },
});
