/** `@callplane/cli`: plan summaries and drift reports from Terraform's JSON. */
export { parsePlanJson, PlanInputError, type PlanJson } from "./terraform/plan-json.js";
export { summarizePlan } from "./summary/build.js";
export { renderPlanMarkdown } from "./summary/markdown.js";
export type { PlanSummary, Budget, BudgetRow, RoleChange, InvitationChange, ResourceSummary } from "./summary/model.js";
export { buildDriftReport, type DriftOptions } from "./drift/report.js";
export { renderDriftMarkdown } from "./drift/markdown.js";
export type { DriftReport, DriftedResource, DriftedAttribute, UnmanagedObject, ChangedBy } from "./drift/model.js";
export { refreshOnlyPlan, planFromJsonLog, TerraformError } from "./drift/terraform.js";
export { runCli, HELP, type CliIo } from "./cli.js";
