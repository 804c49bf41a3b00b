import { schemas } from "@callplane/sdk";
import { Construct } from "constructs";
import { CallplaneConcurrencySplit } from "../generated/concurrency-split.js";
import { addRules, fieldRule, isUnresolved, type Problem, type Rule } from "../validation.js";
import type { Environment } from "./environment.js";

/** An environment's allocation as a number of concurrent calls. */
export interface CallsAllocation {
  /** The environment. */
  readonly environment: Environment;
  /** The most calls the environment may have at once (a whole number, 0 to `planLimit`). */
  readonly calls: number;
}

/** An environment's allocation as a share of the plan limit. */
export interface ShareAllocation {
  /** The environment. */
  readonly environment: Environment;
  /** A fraction of `planLimit` between 0 and 1, turned into whole calls (largest-remainder method). */
  readonly share: number;
}

/** One environment's allocation: whole calls or a share of the plan limit. */
export type Allocation = CallsAllocation | ShareAllocation;

/** Props of {@link ConcurrencySplit}. */
export interface ConcurrencySplitProps {
  /**
   * The tenant plan's limit of concurrent calls, as you expect it: allocations are checked
   * against it at synth, and shares are shares of it. (The provider checks the live limit too.)
   */
  readonly planLimit: number;
  /** The allocations, each environment at most once. */
  readonly allocations: readonly Allocation[];
  /**
   * When true, environments that are not listed get 0 concurrent calls.
   * @default false
   */
  readonly exclusive?: boolean;
}

const isShare = (a: Allocation): a is ShareAllocation => "share" in a;

/**
 * Whole calls for each allocation: calls as given, shares of `planLimit` by the largest-remainder
 * method (floors first, then one more call each to the largest remainders, earlier first on
 * ties), so the shares never add up to more than `planLimit` (nor than their exact total).
 */
export function allocateCalls(planLimit: number, allocations: readonly Allocation[]): number[] {
  const result = allocations.map((a) => (isShare(a) ? 0 : a.calls));
  const shares = allocations.flatMap((a, index) => (isShare(a) ? [{ index, exact: a.share * planLimit }] : []));
  if (shares.length === 0 || isUnresolved(planLimit)) return result;
  const exactTotal = shares.reduce((sum, s) => sum + s.exact, 0);
  const target = Math.min(planLimit, Math.floor(exactTotal + 1e-9));
  let given = 0;
  for (const s of shares) {
    const floor = Math.floor(s.exact + 1e-9);
    result[s.index] = floor;
    given += floor;
  }
  const byRemainder = [...shares].sort((a, b) => (b.exact - Math.floor(b.exact + 1e-9)) - (a.exact - Math.floor(a.exact + 1e-9)) || a.index - b.index);
  for (const s of byRemainder) {
    if (given >= target) break;
    result[s.index] = (result[s.index] ?? 0) + 1;
    given++;
  }
  return result;
}

interface SplitSubject {
  readonly planLimit: number;
  readonly allocations: readonly Allocation[];
  readonly calls: readonly number[];
}

const RULES: readonly Rule<SplitSubject>[] = [
  fieldRule("planLimit", schemas.PlanLimit),
  {
    name: "calls-format",
    *check(s) {
      for (const [i, a] of s.allocations.entries()) {
        if (isShare(a) || isUnresolved(a.calls)) continue;
        const message = schemas.MaxConcurrentCalls.safeParse(a.calls).success ? undefined : "must be a whole number between 0 and 1000000";
        if (message) yield { field: `allocations[${i}].calls`, value: a.calls, message };
      }
    },
  },
  {
    name: "share-between-0-and-1",
    *check(s) {
      for (const [i, a] of s.allocations.entries()) {
        if (isShare(a) && !isUnresolved(a.share) && !(a.share >= 0 && a.share <= 1)) yield { field: `allocations[${i}].share`, value: a.share, message: "must be between 0 and 1" };
      }
    },
  },
  {
    name: "shares-at-most-1",
    *check(s) {
      const shares = s.allocations.filter(isShare).map((a) => a.share);
      if (shares.some(isUnresolved)) return;
      const total = shares.reduce((sum, x) => sum + x, 0);
      if (total > 1 + 1e-9) yield { field: "allocations[*].share", value: total, message: "must add up to at most 1" };
    },
  },
  {
    name: "allocation-within-plan-limit",
    *check(s) {
      if (isUnresolved(s.planLimit)) return;
      for (const [i, calls] of s.calls.entries()) {
        if (!isUnresolved(calls) && calls > s.planLimit) yield { field: `allocations[${i}].calls`, value: calls, message: `must be at most planLimit ${s.planLimit}` };
      }
    },
  },
  {
    name: "split-within-plan-limit",
    *check(s) {
      if (isUnresolved(s.planLimit) || s.calls.some(isUnresolved)) return;
      const total = s.calls.reduce((sum, c) => sum + c, 0);
      if (total > s.planLimit) yield { field: "allocations", value: total, message: `add up to more than planLimit ${s.planLimit}` };
    },
  },
  {
    name: "unique-environments",
    *check(s) {
      const seen = new Map<Environment, number>();
      const problems: Problem[] = [];
      for (const [i, a] of s.allocations.entries()) {
        const first = seen.get(a.environment);
        if (first !== undefined) problems.push({ field: `allocations[${i}].environment`, value: a.environment.node.path, message: `is already allocated in allocations[${first}]` });
        else seen.set(a.environment, i);
      }
      yield* problems;
    },
  },
];

/**
 * How the plan's concurrent calls are split across environments (`callplane_concurrency_split`),
 * applied atomically. The environments' own `max_concurrent_calls` is left to the split.
 */
export class ConcurrencySplit extends Construct {
  /** The Terraform type it declares, so the testing matchers accept the construct as well as {@link CallplaneConcurrencySplit}. */
  public static readonly tfResourceType = CallplaneConcurrencySplit.tfResourceType;
  /** The underlying L1 resource. */
  public readonly resource: CallplaneConcurrencySplit;
  /** Whole calls per allocation, in the order given (shares already turned into calls). */
  public readonly calls: readonly number[];
  /** The plan limit the split was written for (budget rules of a `PolicyAspect` read it). */
  public readonly planLimit: number;

  constructor(scope: Construct, id: string, props: ConcurrencySplitProps) {
    super(scope, id);
    this.planLimit = props.planLimit;
    this.calls = allocateCalls(props.planLimit, props.allocations);
    for (const a of props.allocations) a.environment._managedBy(this.node.path);
    this.resource = new CallplaneConcurrencySplit(this, "split", {
      allocations: props.allocations.map((a, i) => ({ environmentId: a.environment.environmentId, maxConcurrentCalls: this.calls[i] ?? 0 })),
      exclusive: props.exclusive ?? false,
    });
    addRules(this, () => ({ planLimit: props.planLimit, allocations: props.allocations, calls: this.calls }), RULES);
  }
}
