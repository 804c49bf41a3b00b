/**
 * A small validator runtime for the schemas generated from the spec (`../generated/schemas.ts`).
 *
 * It knows exactly the JSON Schema keywords the spec uses (the generator refuses any other),
 * so it stays a fraction of the size of a general-purpose library: the whole SDK bundles under
 * 15 kB min+gz. Every schema has zod's `safeParse` shape, so code written against
 * `Validator<T>` does not care. Values are checked, never transformed: `data` is the input.
 */
import type { PathSegment } from "./field-errors.js";

export interface Issue {
  /** `unrecognized_keys` for unknown object keys (listed in `keys`); otherwise absent. */
  code?: string;
  path: PathSegment[];
  message: string;
  keys?: string[];
}

export type SafeParseResult<T> = { success: true; data: T } | { success: false; error: { issues: Issue[] } };

/** A message for a value that fails a check, or undefined when it passes. */
export type Check<T> = (value: T) => string | { message: string; path: PathSegment[] } | undefined;

/** Adds the issues `value` has at `path` to `issues`. */
type Run = (value: unknown, path: PathSegment[], issues: Issue[]) => void;

export class Schema<T> {
  /** @internal */
  readonly run: Run;

  constructor(run: Run) {
    this.run = run;
  }

  safeParse(value: unknown): SafeParseResult<T> {
    const issues: Issue[] = [];
    this.run(value, [], issues);
    return issues.length ? { success: false, error: { issues } } : { success: true, data: value as T };
  }

  /** The same schema with more checks, run only on values that passed it so far. */
  check(...checks: Check<any>[]): Schema<T> {
    return new Schema<T>((value, path, issues) => {
      const before = issues.length;
      this.run(value, path, issues);
      if (issues.length === before) runChecks(checks, value, path, issues);
    });
  }
}

function runChecks(checks: readonly Check<any>[], value: unknown, path: PathSegment[], issues: Issue[]): void {
  for (const check of checks) {
    const failure = check(value);
    if (typeof failure === "string") issues.push({ path, message: failure });
    else if (failure) issues.push({ path: [...path, ...failure.path], message: failure.message });
  }
}

/** "is required" for a missing value, `must be <what>` otherwise. */
export function expected(what: string): (value: unknown) => string {
  return (value) => (value === undefined ? "is required" : `must be ${what}`);
}

/** A schema for values of one JavaScript type; `message` says what was expected. */
export function primitive<T>(accepts: (value: unknown) => boolean, message: (value: unknown) => string): Schema<T> {
  return new Schema<T>((value, path, issues) => {
    if (!accepts(value)) issues.push({ path, message: message(value) });
  });
}

export const string = primitive<string>((v) => typeof v === "string", expected("a string"));
export const int = primitive<number>((v) => Number.isSafeInteger(v), expected("a whole number"));
export const number = primitive<number>((v) => typeof v === "number" && Number.isFinite(v), expected("a number"));
export const boolean = primitive<boolean>((v) => typeof v === "boolean", expected("true or false"));
export const unknownObject = primitive<Record<string, unknown>>(isPlainObject, expected("an object"));

export function enumOf<const V extends string>(values: readonly V[]): Schema<V> {
  return primitive<V>((v) => values.includes(v as V), expected(`one of ${values.join(", ")}`));
}

/** A string in a format, e.g. an email address; `what` names it in the message. */
export function format(test: (value: string) => boolean, what: string): Schema<string> {
  return primitive<string>((v) => typeof v === "string" && test(v), expected(what));
}

export function nullable<T>(inner: Schema<T>): Schema<T | null> {
  return new Schema((value, path, issues) => {
    if (value !== null) inner.run(value, path, issues);
  });
}

/** Marks an object property that may be left out (or be undefined). */
export function optional<T>(inner: Schema<T>): Schema<T | undefined> {
  return new Schema((value, path, issues) => {
    if (value !== undefined) inner.run(value, path, issues);
  });
}

export function array<T>(item: Schema<T>): Schema<T[]> {
  return new Schema((value, path, issues) => {
    if (!Array.isArray(value)) {
      issues.push({ path, message: expected("a list")(value) });
      return;
    }
    value.forEach((element, index) => item.run(element, [...path, index], issues));
  });
}

type Shape = Record<string, Schema<unknown>>;

/** An object schema, with what `extend` needs to add fields to it. */
export class ObjectSchema<T> extends Schema<T> {
  constructor(readonly shape: Shape, readonly strict: boolean) {
    super((value, path, issues) => {
      if (!isPlainObject(value)) {
        issues.push({ path, message: value === undefined ? "is required" : "must be an object" });
        return;
      }
      for (const key in shape) shape[key]!.run(value[key], [...path, key], issues);
      if (!strict) return;
      const unknown = Object.keys(value).filter((key) => !(key in shape));
      if (unknown.length) issues.push({ code: "unrecognized_keys", path, keys: unknown, message: "is not a known field" });
    });
  }
}

/**
 * `strict` objects (request bodies) refuse unknown keys; the others (responses) allow them, so
 * older SDKs keep working when the server adds a field.
 */
export function object<T = any>(shape: Shape, strict = false): ObjectSchema<T> {
  return new ObjectSchema<T>(shape, strict);
}

export function extend<T = any>(base: ObjectSchema<unknown>, shape: Shape): ObjectSchema<T> {
  return new ObjectSchema<T>({ ...base.shape, ...shape }, base.strict);
}

export const minLength = (min: number, message: string): Check<{ length: number }> => (v) => (v.length < min ? message : undefined);
export const maxLength = (max: number, message: string): Check<{ length: number }> => (v) => (v.length > max ? message : undefined);
export const gte = (min: number, message: string): Check<number> => (v) => (v < min ? message : undefined);
export const lte = (max: number, message: string): Check<number> => (v) => (v > max ? message : undefined);
/** Whole multiples, compared after scaling so 0.1-style steps are not lost to binary fractions. */
export const multipleOf = (step: number, message: string): Check<number> => (v) =>
  Math.abs(v / step - Math.round(v / step)) < 1e-9 ? undefined : message;
export const regex = (pattern: RegExp, message: string): Check<string> => (v) => (pattern.test(v) ? undefined : message);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
