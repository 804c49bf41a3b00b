/**
 * Validation with the spec's rules, for the SDK and for everything built on it (the local
 * server, the Terraform provider, the CDKTF constructs).
 */
import { fieldErrorsFromIssues, type FieldError } from "./field-errors.js";

export * as schemas from "../generated/schemas.js";
export { describeFieldErrors, fieldErrorsFromIssues, formatPath, parsePath } from "./field-errors.js";
export type { FieldError, PathSegment } from "./field-errors.js";

/** Anything with a `safeParse` (the generated schemas; zod schemas fit too). */
export interface Validator<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly any[] } };
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; fieldErrors: FieldError[] };

/**
 * Checks a value against one of the generated schemas and reports every broken rule with its
 * field path, e.g. `validate(schemas.TenantUpdate, body)`.
 */
export function validate<T>(schema: Validator<T>, value: unknown): ValidationResult<T> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, fieldErrors: fieldErrorsFromIssues(result.error.issues) };
}
