/**
 * `splitCalls` against the provider function it mirrors: cases generated with fast-check are
 * evaluated by the real `terraform` (one `terraform console` run for the whole batch, with the
 * provider from its filesystem mirror) and must come out of `splitCalls` exactly the same. Bad
 * input must fail both ways with the same message on the same argument.
 */
import fc from "fast-check";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installMirror } from "../../terraform/scripts/install-mirror.js";
import { splitCalls, SplitCallsError } from "../src/split-calls.js";
import { run } from "./harness.js";

type Shares = Record<string, number>;
interface Case {
  limit: number;
  shares: Shares;
}

/** Keys mixing cases, digits, punctuation, and characters beyond ASCII: "！" (U+FF01) sorts before "😀" (U+1F600) by code point, after it by UTF-16 unit. */
const key = fc.string({ unit: fc.constantFrom("a", "b", "B", "z", "0", "9", "_", "-", " ", "é", "Ω", "！", "😀"), minLength: 1, maxLength: 4 });
/** Whole weights (many ties), fractions, and doubles spanning many magnitudes. */
const share = fc.oneof(
  fc.integer({ min: 0, max: 12 }),
  fc.integer({ min: 0, max: 1000 }).map((n) => n / 100),
  fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: 1e-12, max: 1e-3, noNaN: true }),
);
/** Any weights: where the floating-point arithmetic must agree. */
const generalCase = fc.record({
  limit: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 1_000_000 })),
  shares: fc.dictionary(key, share, { minKeys: 1, maxKeys: 8 }),
});
/** Few, small, equal weights over keys that differ by case and by code point: where the tie-break must agree. */
const tieCase = fc.record({
  limit: fc.integer({ min: 0, max: 50 }),
  shares: fc.dictionary(fc.string({ unit: fc.constantFrom("a", "B", "b", "！", "😀"), minLength: 1, maxLength: 2 }), fc.integer({ min: 0, max: 3 }), { minKeys: 2, maxKeys: 6 }),
});
const validCase: fc.Arbitrary<Case> = fc.oneof(generalCase, tieCase).filter(({ shares }) => Object.values(shares).some((s) => s > 0));

/** HCL for a number: JavaScript's shortest round-trip form, which Terraform reads back to the same double. */
const hclNumber = (n: number) => String(n);
const hclMap = (shares: Shares) => `{ ${Object.entries(shares).map(([k, v]) => `${JSON.stringify(k)} = ${hclNumber(v)}`).join(", ")} }`;
const call = ({ limit, shares }: Case) => `provider::callplane::split_calls(${hclNumber(limit)}, ${hclMap(shares)})`;

const SEED = Number(process.env.CALLPLANE_SPLIT_SEED ?? 20261127);

describe("splitCalls and provider::callplane::split_calls in real Terraform", () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const consoleEval = (expression: string) => run("terraform", ["console", "-no-color"], dir, env, `${expression}\n`);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "callplane-split-calls-"));
    const installed = await installMirror(join(dir, "provider"));
    const { NODE_PATH: _nodePath, ...inherited } = process.env;
    env = { ...inherited, TF_CLI_CONFIG_FILE: installed.cliConfigFile, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" };
    writeFileSync(join(dir, "main.tf"), 'terraform {\n  required_providers {\n    callplane = { source = "callplane/callplane" }\n  }\n}\n');
    const init = await run("terraform", ["init", "-input=false", "-no-color"], dir, env);
    expect(init.code, init.output).toBe(0);
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`gives the same calls for 300 generated cases (seed ${SEED})`, async () => {
    const cases = fc.sample(validCase, { numRuns: 300, seed: SEED });
    const result = await consoleEval(`jsonencode([${cases.map(call).join(", ")}])`);
    expect(result.code, result.output).toBe(0);
    const fromTerraform = JSON.parse(JSON.parse(result.output.trim()) as string) as Shares[];
    expect(fromTerraform).toHaveLength(cases.length);
    cases.forEach((c, i) => expect(splitCalls(c.limit, c.shares), `case ${i}: ${call(c)}`).toEqual(fromTerraform[i]));
    // The generator reached what matters: ties, and keys whose order differs by code point and by UTF-16 unit.
    expect(cases.some((c) => new Set(Object.values(c.shares)).size < Object.keys(c.shares).length)).toBe(true);
    const keys = cases.flatMap((c) => Object.keys(c.shares));
    expect(keys.some((k) => k.includes("😀")) && keys.some((k) => k.includes("！"))).toBe(true);
  }, 120_000);

  it.each<Case>([
    { limit: 40.5, shares: { a: 1 } },
    { limit: -1, shares: { a: 1 } },
    { limit: 40, shares: {} },
    { limit: 40, shares: { dev: -1 } },
    { limit: 40, shares: { a: 0.25, b: -0.5 } },
    { limit: 40, shares: { a: 0, b: 0 } },
  ])("fails on %j with the function's message, on the same argument", async (bad) => {
    const helper = (() => {
      try {
        splitCalls(bad.limit, bad.shares);
      } catch (error) {
        if (error instanceof SplitCallsError) return error;
      }
      throw new Error("splitCalls did not throw a SplitCallsError");
    })();
    const result = await consoleEval(call(bad));
    expect(result.code).not.toBe(0);
    const said = result.output.replace(/\s+/g, " ");
    expect(said).toContain(`Invalid value for "${helper.argument}" parameter: ${helper.message}`);
  }, 60_000);
});
