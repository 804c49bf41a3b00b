/**
 * `@callplane/policy`: the rules of a Callplane policy file, evaluated against a Terraform plan
 * (by `callplane policy`) or a synthesized stack (by `@callplane/cdktf`'s `PolicyAspect`).
 */
export { loadPolicy, parsePolicy, policySchema, PolicyError, RULE_NAMES, type Policy, type PolicyRules, type Role, type RuleName, type Waiver } from "./policy.js";
export type { BudgetEnvironment, BudgetFacts, LiveTenant, PolicySubject, ResourceAction, SubjectResource, Values } from "./subject.js";
export type { PolicyReport, SourceLocation, Violation } from "./report.js";
export { evaluatePolicy, attachLocations, waiverCovers } from "./evaluate.js";
export { RULE_DESCRIPTIONS } from "./rules.js";
export { peopleAfter, type Holder } from "./people.js";
export { renderPolicyMarkdown } from "./markdown.js";
export { renderPolicySarif, type SarifOptions } from "./sarif.js";
export { configuredResources, subjectFromConfiguration, type ConfiguredResource, type ConfigurationOptions } from "./configuration.js";
