/**
 * Number text as go-cty writes it (msgpack strings, JSON numbers) read exactly, and numbers
 * written back as go-cty writes them. Reached by users through `decodeJson`/`decodeMsgpack` and
 * `encodeJson`; tested here directly so each rule has its own case.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimalTextToNumber, numberToDecimalText } from "./numbers.js";
import { errorOf } from "./test-support.js";

const read = (text: string) => decimalTextToNumber(text, [{ attribute: "n" }]);

describe("decimalTextToNumber", () => {
  it.each([
    ["Inf", Infinity],
    ["+Inf", Infinity],
    ["inf", Infinity],
    ["+inf", Infinity],
    ["-Inf", -Infinity],
    ["-inf", -Infinity],
  ])("reads %s", (text, value) => {
    expect(read(text)).toBe(value);
  });

  it("reads signs, leading and trailing zeros, and a point with digits on one side only", () => {
    expect(read("-5")).toBe(-5);
    expect(read("+5")).toBe(5);
    expect(read("-0.25")).toBe(-0.25);
    expect(read("007")).toBe(7);
    expect(read("5.")).toBe(5);
    expect(read(".5")).toBe(0.5);
    expect(read("-1.50e1")).toBe(-15);
    expect(read("0")).toBe(0);
    expect(read("-0.000")).toBe(0);
  });

  it("gives a number up to ±(2^53 − 1) and a bigint beyond, sign included", () => {
    expect(read("1234567890123456")).toBe(1234567890123456);
    expect(read("9007199254740991")).toBe(9007199254740991);
    expect(read("-9007199254740991")).toBe(-9007199254740991);
    expect(read("9007199254740992")).toBe(9007199254740992n);
    expect(read("-9007199254740992")).toBe(-9007199254740992n);
    expect(read("-123456789012345678901234567890")).toBe(-123456789012345678901234567890n);
  });

  it("takes integers of up to 1,000 digits and refuses longer ones, naming the attribute", () => {
    expect(read("1e999")).toBe(10n ** 999n);
    expect(errorOf(() => read("1e1000")).message).toBe("n: number 1e1000 is too large (more than 1000 digits)");
  });

  it("refuses a fraction a number cannot hold, even when only its last digits differ", () => {
    // 0.30000000000000002 is read as the double 0.30000000000000004: same exponent, other digits.
    expect(errorOf(() => read("0.30000000000000002")).message).toBe(
      "n: number 0.30000000000000002 cannot be held exactly (it has more precision than a JavaScript number; the nearest is 0.30000000000000004)",
    );
    expect(errorOf(() => read("1e-400")).message).toBe(
      "n: number 1e-400 cannot be held exactly (it has more precision than a JavaScript number; the nearest is 0)",
    );
    expect(errorOf(() => read("1x")).message).toBe('n: number is required (got the string "1x")');
  });

  it("reads back every finite double as written by numberToDecimalText (a bigint beyond 2^53)", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const back = read(numberToDecimalText(x));
        if (typeof back === "bigint") expect(Number(back)).toBe(x);
        else expect(back).toBe(x === 0 ? 0 : x);
      }),
      { numRuns: 500 },
    );
  });

  it("reads back every bigint as written by numberToDecimalText", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), (n) => {
        const back = read(numberToDecimalText(n));
        expect(BigInt(back)).toBe(n);
      }),
    );
  });
});

describe("numberToDecimalText", () => {
  it("writes bigints in full, zero included", () => {
    expect(numberToDecimalText(0n)).toBe("0");
    expect(numberToDecimalText(-5n)).toBe("-5");
    expect(numberToDecimalText(10n ** 20n)).toBe("100000000000000000000");
  });

  it("writes fractions without an exponent", () => {
    expect(numberToDecimalText(1e-7)).toBe("0.0000001");
    expect(numberToDecimalText(-2.5)).toBe("-2.5");
    // An integral double is written exactly, as go-cty writes the float it holds.
    expect(numberToDecimalText(2 ** 70)).toBe("1180591620717411303424");
  });
});
