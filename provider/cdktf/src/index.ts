/**
 * `@callplane/cdktf`: Callplane settings as CDKTF constructs.
 *
 * - L2 constructs: {@link CallplaneProvider}, {@link TenantSettings}, {@link Environment},
 *   {@link ConcurrencySplit}, {@link Team} (members invited, or created with a write-only
 *   password from a {@link SecretVariable}), {@link ApiToken}, and {@link Tenant} for platform
 *   stacks, validated at synth.
 * - {@link splitCalls}: the provider function `split_calls`, at synth time.
 * - Aspects: {@link ProtectEnvironments}, {@link RequireMinimumAdmins}, and {@link PolicyAspect},
 *   which applies a Callplane policy file (the rules `callplane policy` checks on plans).
 * - L1 bindings generated from the provider's schema: `Callplane*`, `DataCallplane*`.
 * - Testing: {@link callplaneMatchers} for `expect.extend` in vitest or jest.
 *
 * The same classes, built against CDK Terrain (`cdktn`), are `@callplane/cdktn`.
 */
export * from "./generated/index.js";
export * from "./constructs/provider.js";
export * from "./constructs/tenant-settings.js";
export * from "./constructs/environment.js";
export * from "./constructs/concurrency-split.js";
export * from "./constructs/team.js";
export * from "./constructs/api-token.js";
export * from "./constructs/tenant.js";
export * from "./constructs/secret-variable.js";
export { splitCalls, SplitCallsError } from "./split-calls.js";
export * from "./aspects.js";
export { PolicyAspect } from "./policy-aspect.js";
export { addRules, checkRules, fieldRule, formatProblem, isUnresolved, type Problem, type Rule } from "./validation.js";
export { callplaneMatchers, type CallplaneMatchers, type MatcherResult, type TerraformType } from "./testing.js";
