/**
 * The parts of Terraform's JSON plan (`terraform show -json plan.out`) the summaries read.
 * Terraform documents this format as stable within format_version 1.x.
 */

export type Action = "no-op" | "create" | "read" | "update" | "delete" | "forget";

/** Mirrors a value's shape: `true` where the value is sensitive (or unknown), objects/arrays below. */
export type Marks = boolean | { [key: string]: Marks } | Marks[];

export interface Change {
  actions: Action[];
  before: unknown;
  after: unknown;
  after_unknown?: Marks;
  before_sensitive?: Marks;
  after_sensitive?: Marks;
  replace_paths?: (string | number)[][];
}

export interface ResourceChange {
  address: string;
  module_address?: string;
  mode: "managed" | "data";
  type: string;
  name: string;
  index?: string | number;
  change: Change;
  action_reason?: string;
}

export interface StateResource {
  address: string;
  mode: "managed" | "data";
  type: string;
  name: string;
  index?: string | number;
  values?: Record<string, unknown>;
  sensitive_values?: Marks;
}

export interface StateModule {
  address?: string;
  resources?: StateResource[];
  child_modules?: StateModule[];
}

export interface ConfigResource {
  address: string;
  mode: "managed" | "data";
  type: string;
  name: string;
  expressions?: Record<string, unknown>;
}

export interface ConfigModule {
  resources?: ConfigResource[];
  module_calls?: Record<string, { source?: string; module?: ConfigModule }>;
}

export interface PlanJson {
  format_version: string;
  terraform_version?: string;
  resource_changes?: ResourceChange[];
  resource_drift?: ResourceChange[];
  prior_state?: { values?: { root_module?: StateModule } };
  planned_values?: { root_module?: StateModule };
  configuration?: { root_module?: ConfigModule };
  errored?: boolean;
}

export class PlanInputError extends Error {
  override name = "PlanInputError";
}

/** Parses `terraform show -json` output, refusing anything else with a message that says what to run. */
export function parsePlanJson(text: string, source = "input"): PlanJson {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new PlanInputError(`${source} is not JSON. Give the output of \`terraform show -json plan.out\`.`);
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) {
    throw new PlanInputError(`${source} is not a Terraform plan: expected a JSON object from \`terraform show -json plan.out\`.`);
  }
  const plan = data as Partial<PlanJson> & { values?: unknown };
  if (typeof plan.format_version !== "string") {
    throw new PlanInputError(`${source} is not a Terraform plan: format_version is missing. Give the output of \`terraform show -json plan.out\`.`);
  }
  if (!plan.format_version.startsWith("1.")) {
    throw new PlanInputError(`${source}: format_version ${plan.format_version} is not supported (1.x is).`);
  }
  if (plan.values && !plan.resource_changes && !plan.prior_state) {
    throw new PlanInputError(`${source} is Terraform state, not a plan: run \`terraform plan -out plan.out\` and give \`terraform show -json plan.out\`.`);
  }
  for (const key of ["resource_changes", "resource_drift"] as const) {
    const list = plan[key];
    if (list !== undefined && !Array.isArray(list)) throw new PlanInputError(`${source}: ${key} must be a list.`);
    list?.forEach((rc, i) => {
      if (!rc || typeof rc.address !== "string" || typeof rc.type !== "string" || !rc.change || !Array.isArray(rc.change.actions)) {
        throw new PlanInputError(`${source}: ${key}[${i}] is not a resource change (address, type and change.actions are required).`);
      }
    });
  }
  return plan as PlanJson;
}

/** Every resource of a state or planned-values tree, child modules included. */
export function stateResources(module: StateModule | undefined): StateResource[] {
  if (!module) return [];
  return [...(module.resources ?? []), ...(module.child_modules ?? []).flatMap(stateResources)];
}

export type ChangeKind = "create" | "update" | "replace" | "destroy" | "forget" | "none";

export function kindOf(actions: readonly Action[]): ChangeKind {
  if (actions.includes("delete") && actions.includes("create")) return "replace";
  if (actions.includes("create")) return "create";
  if (actions.includes("delete")) return "destroy";
  if (actions.includes("update")) return "update";
  if (actions.includes("forget")) return "forget";
  return "none";
}
