/**
 * What every Callplane resource and data source shares about the API: the client type, how an
 * API failure becomes diagnostics, and the API's own validation rules on attributes. The
 * framework knows none of this.
 */
import { CallplaneError, validate, type CallplaneClient, type Validator } from "@callplane/sdk";
import type { Diagnostics } from "../framework/diagnostics.js";
import type { AttributeValidator } from "../framework/validators.js";
import {
  defineDataSource, defineResource, type AnyDataSource, type AnyResource, type DataSourceDefinition, type ProviderContext, type ResourceDefinition,
} from "../framework/resource.js";
import type { SchemaDefinition } from "../framework/schema.js";
import { camelToSnake, parseApiPath, type ObjectType } from "../values/index.js";

export type CallplaneContext = ProviderContext<CallplaneClient>;

/** A Callplane resource, checked against its schema's model. */
export const callplaneResource = <S extends SchemaDefinition>(resource: ResourceDefinition<S, CallplaneClient>): AnyResource<CallplaneClient> =>
  defineResource(resource);

/** A Callplane data source, checked against its schema's model. */
export const callplaneDataSource = <S extends SchemaDefinition>(dataSource: DataSourceDefinition<S, CallplaneClient>): AnyDataSource<CallplaneClient> =>
  defineDataSource(dataSource);

/**
 * Turns a failed API call into diagnostics: one per field error, on the attribute the API's
 * path names (`maxConcurrentCalls` → `max_concurrent_calls`), else one for the call.
 */
export function addApiError(diagnostics: Diagnostics, error: unknown, action: string, type: ObjectType, apiToAttribute: Record<string, string> = {}): void {
  if (!(error instanceof CallplaneError)) {
    diagnostics.error(`Could not ${action}`, error instanceof Error ? error.message : String(error));
    return;
  }
  const summary = `Could not ${action}: ${error.title}`;
  const detail = [error.detail, error.requestId ? `Request id: ${error.requestId}` : undefined].filter(Boolean).join("\n");
  const onFields = error.fieldErrors.filter((e) => e.path !== "");
  if (onFields.length === 0) {
    diagnostics.error(summary, detail || error.message);
    return;
  }
  for (const fieldError of onFields) {
    const mapped = apiToAttribute[fieldError.path] ?? fieldError.path;
    const attribute = parseApiPath(mapped, type);
    diagnostics.error(summary, `${mapped.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}: ${fieldError.message}${detail ? `\n${detail}` : ""}`, attribute.length ? attribute : undefined);
  }
}

/** The API's rule for one field of an object schema (`schemas.ApiTokenCreate` → its `name`). */
export function fieldRule(schema: { readonly shape: Readonly<Record<string, Validator<unknown> | undefined>> }, field: string): Validator<unknown> {
  const rule = schema.shape[field];
  if (!rule) throw new Error(`the API spec has no field ${field} here`);
  return rule;
}

/**
 * Checks a known, non-null value against one of the SDK's generated schemas: the rules come from
 * the API spec, one source of truth.
 */
export function matchesApiRule(schema: Validator<unknown>): AttributeValidator {
  return (value) => {
    if (value === null) return [];
    const result = validate(schema, typeof value === "bigint" ? Number(value) : value);
    return result.ok ? [] : result.fieldErrors.map((e) => e.message);
  };
}

/** API field paths and messages in Terraform's words: `ranges[0].endHour` → `ranges[0].end_hour`. */
export function inTerraformWords(text: string): string {
  return text.replace(/\b[a-z]+(?:[A-Z][a-z0-9]*)+\b/g, camelToSnake);
}

/** The id of an object in the state. Create and import always set it; a state without one is refused. */
export function idOf(state: { readonly id: string | null }, what: string): string {
  if (state.id === null) throw new Error(`the ${what} in the Terraform state has no id; remove it with terraform state rm and import it again`);
  return state.id;
}

/**
 * A value as the API's type (`Role`, `Weekday`, …) when it meets the API's rule, else undefined.
 * Validators refuse such values at plan time, so undefined after that is a provider bug.
 */
export function asApi<T>(schema: Validator<T>, value: unknown): T | undefined {
  const result = validate(schema, value);
  return result.ok ? result.value : undefined;
}

/** A value as the API's type; throws (an error diagnostic) when it breaks the API's rule. */
export function toApi<T>(schema: Validator<T>, value: unknown, attribute: string): T {
  const result = validate(schema, value);
  if (!result.ok) throw new Error(`${attribute}: ${result.fieldErrors.map((e) => e.message).join("; ")}`);
  return result.value;
}
