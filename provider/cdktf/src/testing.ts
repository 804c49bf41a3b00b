/**
 * Matchers for unit tests of settings stacks, for vitest and jest alike (no globals needed):
 *
 *   expect.extend(callplaneMatchers);
 *   expect(stack).toHaveResourceWithProperties(Environment, { name: "production", deletionProtection: true });
 *
 * `received` is a stack (synthesized with validation, so a synth-time error fails the test with
 * its message) or the JSON from `Testing.synth`. The type is any class with a static
 * `tfResourceType`: the L1 classes (`CallplaneEnvironment`, `DataCallplaneTenant`, …) and the
 * constructs `Environment`, `ConcurrencySplit`, `TenantSettings`, `Tenant`, `ApiToken`. Property
 * names may be written in camelCase or snake_case; nested objects and lists compare by the
 * properties they name.
 */
import { Testing, TerraformStack } from "./cdk.js";

/** A class that declares a Terraform resource or data source type. */
export interface TerraformType {
  readonly tfResourceType: string;
}

/** What a matcher returns to `expect`. */
export interface MatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}

/** The matchers' signatures, to merge into your test runner's `expect` types (see the README). */
export interface CallplaneMatchers<R = unknown> {
  /** The stack declares at least one resource of `type`. */
  toHaveResource(type: TerraformType): R;
  /** The stack declares a resource of `type` with (at least) these properties. */
  toHaveResourceWithProperties(type: TerraformType, properties: Record<string, unknown>): R;
  /** The stack declares at least one data source of `type`. */
  toHaveDataSource(type: TerraformType): R;
  /** The stack declares a data source of `type` with (at least) these properties. */
  toHaveDataSourceWithProperties(type: TerraformType, properties: Record<string, unknown>): R;
}

type Synthesized = { resource?: Record<string, Record<string, unknown>>; data?: Record<string, Record<string, unknown>> };

function synthesized(received: unknown): string {
  if (typeof received === "string") return received;
  if (received instanceof TerraformStack) return Testing.synth(received, true);
  throw new TypeError(`expected a TerraformStack or the JSON of Testing.synth, got ${typeof received}`);
}

function match(kind: "resource" | "data", received: unknown, type: TerraformType, properties: Record<string, unknown>): MatcherResult {
  const json = synthesized(received);
  const name = type.tfResourceType;
  const pass = kind === "resource" ? Testing.toHaveResourceWithProperties(json, name, properties) : Testing.toHaveDataSourceWithProperties(json, name, properties);
  const found = Object.values((JSON.parse(json) as Synthesized)[kind]?.[name] ?? {});
  const what = `${kind === "data" ? "data source" : "resource"} ${name}`;
  const wanted = Object.keys(properties).length ? ` with ${JSON.stringify(properties)}` : "";
  return {
    pass,
    message: () =>
      pass
        ? `expected no ${what}${wanted}, but the stack declares one`
        : `expected a ${what}${wanted}; the stack declares ${found.length ? found.map((f) => JSON.stringify(f)).join(", ") : "none"}`,
  };
}

/** Pass to `expect.extend` (vitest or jest); see {@link CallplaneMatchers}. */
export const callplaneMatchers = {
  toHaveResource: (received: unknown, type: TerraformType): MatcherResult => match("resource", received, type, {}),
  toHaveResourceWithProperties: (received: unknown, type: TerraformType, properties: Record<string, unknown>): MatcherResult =>
    match("resource", received, type, properties),
  toHaveDataSource: (received: unknown, type: TerraformType): MatcherResult => match("data", received, type, {}),
  toHaveDataSourceWithProperties: (received: unknown, type: TerraformType, properties: Record<string, unknown>): MatcherResult =>
    match("data", received, type, properties),
};
