/**
 * What a policy is checked against, whatever it came from: a Terraform plan (the CLI) or a
 * synthesized CDKTF stack (the aspect). Adapters fill it in; the rules read only this.
 */

/** What the change does to a resource. A synthesized stack has no plan: every resource is `create`. */
export type ResourceAction = "create" | "update" | "replace" | "destroy" | "none";

/** Attribute values; a value not known yet (computed, or an unresolved token) is left out. */
export type Values = Record<string, unknown>;

export interface SubjectResource {
  /** A Terraform address (`callplane_user.ops`) or a CDKTF construct path (`settings/team`). */
  address: string;
  type: string;
  action: ResourceAction;
  /** Null when the resource is created. */
  before: Values | null;
  /** Null when the resource is destroyed. */
  after: Values | null;
  /** Attributes whose change forces the replacement. */
  replacedBecause?: string[];
}

/** The tenant's people as the API has them now, by lower-case email. */
export interface LiveTenant {
  users: Map<string, string>;
  pending: Map<string, string>;
}

export interface BudgetEnvironment {
  name: string;
  /** The resource that sets the number (the split, or the environment itself). */
  address?: string;
  before: number | null;
  after: number | null;
}

/** The concurrency budget after the plan, as the adapter worked it out. */
export interface BudgetFacts {
  planLimit: number | null;
  /** The resource allocating the calls (the split). */
  address?: string;
  environments: BudgetEnvironment[];
  /** Calls allocated after the plan over all environments; null when not known. */
  allocatedAfter: number | null;
}

export interface PolicySubject {
  /** `plan`: a Terraform plan, before and after known. `configuration`: a stack's declared settings only. */
  source: "plan" | "configuration";
  resources: SubjectResource[];
  /** Read from the API when a token was given; lets the rules count what the plan leaves alone. */
  live?: LiveTenant;
  budget?: BudgetFacts;
}
