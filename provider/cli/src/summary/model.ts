/** What a plan summary says, before it is rendered as Markdown or JSON. */
import type { ChangeKind } from "../terraform/plan-json.js";
import type { AttributeDiff } from "../terraform/values.js";

export interface ResourceSummary {
  address: string;
  type: string;
  kind: ChangeKind;
  /** A human name: the environment's or user's name, an email. */
  label?: string;
  /** Attributes that force the replacement. */
  replacedBecause?: string[];
  diffs: AttributeDiff[];
  /** Computed attributes Terraform only learns on apply (kept out of the table). */
  knownAfterApply: string[];
}

export interface BudgetRow {
  environment: string;
  environmentId?: string;
  /** The resource that sets the number: the split, or the environment itself. */
  address?: string;
  before: number | null;
  after: number | null;
  note?: string;
}

export interface Budget {
  planLimit: number | null;
  rows: BudgetRow[];
  totalBefore: number | null;
  totalAfter: number | null;
  leftBefore: number | null;
  leftAfter: number | null;
  overLimit: boolean;
}

export type RoleFlag = "privilege-escalation" | "admin-removed";

export interface RoleChange {
  email: string;
  before: string | null;
  after: string | null;
  /** `invited` when the person has not accepted yet. */
  status?: string;
  flags: RoleFlag[];
  address: string;
}

export interface InvitationChange {
  email: string;
  role?: string;
  action: "sent" | "renewed" | "revoked";
  address: string;
}

export interface PlanSummary {
  terraformVersion?: string;
  counts: { create: number; update: number; replace: number; destroy: number; forget: number };
  destructive: ResourceSummary[];
  budget?: Budget;
  roles: RoleChange[];
  invitations: InvitationChange[];
  tenant: ResourceSummary[];
  environments: ResourceSummary[];
  other: ResourceSummary[];
  /** A `terraform plan -refresh-only` plan: it proposes no changes, only records drift. */
  refreshOnly: boolean;
  /** Changes made outside Terraform, found while refreshing. */
  drift: ResourceSummary[];
  hasChanges: boolean;
}
