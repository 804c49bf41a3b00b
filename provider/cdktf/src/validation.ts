/**
 * Synth-time validation, written once as rule tables. Each construct lists its rules; a rule
 * reports problems for the values it can see and skips values that are unresolved tokens (they
 * are only known at apply time, and the provider checks them then). Problems become
 * construct validations, so `app.synth()` fails with every message.
 */
import { validate, type Validator } from "@callplane/sdk";
import type { IConstruct } from "constructs";
import { Token } from "./cdk.js";

/** One broken rule: what was wrong and the offending value. */
export interface Problem {
  /** The prop (or prop path) the problem is about, e.g. `billingEmail` or `allocations[1].calls`. */
  readonly field: string;
  /** The offending value. */
  readonly value: unknown;
  /** What is wrong, e.g. `must be an email address`. */
  readonly message: string;
  /** True for a secret (a password): the message leaves its value out. */
  readonly secret?: boolean;
}

/** A named rule over a construct's props. */
export interface Rule<S> {
  /** The rule's name, shown in the message, e.g. `split-within-plan-limit`. */
  readonly name: string;
  /** The problems found; none when the rule holds (or its values are unresolved tokens). */
  check(subject: S): Iterable<Problem>;
}

/** True when the value (or, for arrays and plain objects, any value inside it) is an unresolved token. */
export function isUnresolved(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Token.isUnresolved(value)) return true;
  if (Array.isArray(value)) return value.some(isUnresolved);
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value).some(isUnresolved);
  return false;
}

/** A rule checking one field against one of the SDK's generated schemas (`schemas.Email`, …). */
export function fieldRule<S>(field: keyof S & string, schema: Validator<unknown>, name = `${field}-format`): Rule<S> {
  return {
    name,
    *check(subject) {
      const value = subject[field];
      if (value === undefined || isUnresolved(value)) return;
      const result = validate(schema, value);
      if (!result.ok) yield { field, value, message: result.fieldErrors.map((e) => e.message).join("; ") };
    },
  };
}

/** The rule for one field of one of the SDK's object schemas (`schemas.ApiTokenCreate`'s `name`, …). */
export function shapeField(schema: { readonly shape: Readonly<Record<string, Validator<unknown> | undefined>> }, field: string): Validator<unknown> {
  const rule = schema.shape[field];
  if (!rule) throw new Error(`the API spec has no field ${field} here`);
  return rule;
}

/** Formats one problem: construct path, rule, field, value (unless secret) and message. */
export function formatProblem(scope: IConstruct, rule: string, problem: Problem): string {
  const got = problem.secret ? "value hidden" : `got ${JSON.stringify(problem.value)}`;
  return `${scope.node.path}: rule "${rule}" failed: ${problem.field} ${problem.message} (${got})`;
}

/** Every problem the rules find in the subject, formatted. */
export function checkRules<S>(scope: IConstruct, subject: S, rules: readonly Rule<S>[]): string[] {
  return rules.flatMap((rule) => [...rule.check(subject)].map((p) => formatProblem(scope, rule.name, p)));
}

/** Registers the rules as a validation of `scope`, evaluated at synth (after aspects ran). */
export function addRules<S>(scope: IConstruct, subject: () => S, rules: readonly Rule<S>[]): void {
  scope.node.addValidation({ validate: () => checkRules(scope, subject(), rules) });
}
