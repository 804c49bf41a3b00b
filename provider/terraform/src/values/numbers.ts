/**
 * Numbers: cty numbers are arbitrary-precision decimals (512-bit floats); ours are JavaScript
 * numbers, and bigints for integers beyond ±(2^53 − 1). Nothing is rounded silently:
 *
 * - an integer of any size is exact: a `number` when safe, a `bigint` otherwise;
 * - a fraction becomes a `number` only when the number's shortest decimal form is exactly the
 *   decimal Terraform sent (`0.1`, `2.5`, `1e-7`), which is also the test cty uses for number
 *   equality; anything more precise (`0.1000000000000000000001`) is a `ValueError`.
 */
import { ValueError } from "./errors.js";
import type { Path } from "./path.js";

/** value = (negative ? −1 : 1) × digits × 10^exponent; digits without leading or trailing zeros ("" is zero). */
interface Decimal {
  negative: boolean;
  digits: string;
  exponent: number;
}

/** Integers longer than this many digits are refused (`1e100000000` would build a huge bigint). */
const MAX_INTEGER_DIGITS = 1000;

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

function parseDecimal(text: string): Decimal | undefined {
  const m = DECIMAL.exec(text);
  if (m === null) return undefined;
  const int = m[2] ?? "";
  const frac = m[3] ?? "";
  if (int === "" && frac === "") return undefined;
  let digits = int + frac;
  let exponent = Number(m[4] ?? "0") - frac.length;
  let start = 0;
  while (start < digits.length && digits[start] === "0") start++;
  let end = digits.length;
  while (end > start && digits[end - 1] === "0") end--;
  exponent += digits.length - end;
  digits = digits.slice(start, end);
  return { negative: m[1] === "-" && digits !== "", digits, exponent: digits === "" ? 0 : exponent };
}

function sameDecimal(a: Decimal, b: Decimal): boolean {
  return a.negative === b.negative && a.digits === b.digits && a.exponent === b.exponent;
}

/**
 * A decimal number's text (as go-cty writes numbers into msgpack strings and JSON) to a number or
 * bigint, exactly, or a `ValueError` at `path`. Also reads `Inf`, `+Inf`, `-Inf`.
 */
export function decimalTextToNumber(text: string, path: Path): number | bigint {
  switch (text) {
    case "Inf":
    case "+Inf":
    case "inf":
    case "+inf":
      return Infinity;
    case "-Inf":
    case "-inf":
      return -Infinity;
  }
  const d = parseDecimal(text);
  if (d === undefined) throw new ValueError(path, `number is required (got the string ${JSON.stringify(text)})`);
  if (d.digits === "") return 0;
  if (d.exponent >= 0) {
    const length = d.digits.length + d.exponent;
    if (length > MAX_INTEGER_DIGITS) throw new ValueError(path, `number ${text} is too large (more than ${MAX_INTEGER_DIGITS} digits)`);
    const sign = d.negative ? "-" : "";
    const digits = d.digits + "0".repeat(d.exponent);
    if (length <= 15) return Number(sign + digits);
    const big = BigInt(sign + digits);
    return big >= -MAX_SAFE && big <= MAX_SAFE ? Number(big) : big;
  }
  const x = Number(text);
  const shortest = Number.isFinite(x) && x !== 0 ? parseDecimal(String(x)) : undefined;
  if (shortest === undefined || !sameDecimal(shortest, d)) {
    throw new ValueError(
      path,
      `number ${text} cannot be held exactly (it has more precision than a JavaScript number; the nearest is ${x})`,
    );
  }
  return x;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * A finite number or a bigint as plain decimal text without an exponent, as go-cty writes
 * numbers (`Text('f', -1)`): integers exactly, fractions in their shortest form.
 */
export function numberToDecimalText(n: number | bigint): string {
  if (typeof n === "bigint") return n.toString();
  if (Number.isInteger(n)) return BigInt(n).toString();
  const d = parseDecimal(String(n))!;
  const sign = d.negative ? "-" : "";
  if (d.exponent >= 0) return sign + d.digits + "0".repeat(d.exponent);
  const point = d.digits.length + d.exponent;
  if (point > 0) return `${sign}${d.digits.slice(0, point)}.${d.digits.slice(point)}`;
  return `${sign}0.${"0".repeat(-point)}${d.digits}`;
}
