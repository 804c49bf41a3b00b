/**
 * The spec-driven fuzzer with a fixed seed, as `npm test` runs it: every operation of
 * `openapi/callplane.yaml`, valid, boundary and broken requests against a real server, and no
 * finding allowed. `pnpm fuzz` runs it longer, with a new seed each time.
 */
import { describe, expect, it } from "vitest";
import { runFuzz } from "./engine.js";
import { operations } from "./spec-model.js";

const SEED = 20261127;
const CASES_PER_OPERATION = 100;
/**
 * Operations a generated request cannot make succeed: the session routes need a user's real
 * password or a session token, which the fuzzer never holds, and sign-up is off on its server.
 * They are still fuzzed (every refusal must be documented problem+json that changes nothing);
 * their successes are tested in sessions.test.ts.
 */
const CANNOT_SUCCEED_BLIND = new Set(["createSession", "getCurrentSession", "deleteCurrentSession", "signUp"]);

describe("fuzzing every operation from the spec", () => {
  it(`finds nothing in ${CASES_PER_OPERATION} cases per operation (seed ${SEED})`, { timeout: 180_000 }, async () => {
    const report = await runFuzz({ seed: SEED, casesPerOperation: CASES_PER_OPERATION });
    expect(report.failures.map((f) => `${f.operationId}: ${f.problem}`)).toEqual([]);
    expect(report.operations).toEqual(operations().map((o) => o.id));
    expect(report.cases).toBe(CASES_PER_OPERATION * operations().length);
    // Every operation was answered both ways: accepted at least once, and refused at least once.
    for (const operation of report.operations) {
      const statuses = [...(report.coverage.get(operation)?.keys() ?? [])];
      if (!CANNOT_SUCCEED_BLIND.has(operation)) expect(statuses.some((s) => s < 300), `${operation} never succeeded`).toBe(true);
      expect(statuses.some((s) => s >= 400), `${operation} never refused`).toBe(true);
    }
  });
});
