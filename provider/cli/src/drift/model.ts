/** What a drift report says, before it is rendered. */
import type { Shown } from "../terraform/values.js";

export interface ChangedBy {
  actor: string;
  /** console, api, terraform or sdk. */
  source: string;
  at: string;
  action: string;
}

export interface DriftedAttribute {
  path: string;
  before: Shown;
  after: Shown;
  changedBy?: ChangedBy;
}

export interface DriftedResource {
  address: string;
  type: string;
  label?: string;
  /** `changed`, or `deleted` when the object is gone. */
  change: "changed" | "deleted";
  attributes: DriftedAttribute[];
  changedBy?: ChangedBy;
}

export interface UnmanagedObject {
  kind: "user" | "invitation" | "environment";
  id: string;
  /** Email or name. */
  name: string;
  detail: string;
}

export interface DriftReport {
  drifted: DriftedResource[];
  unmanaged: UnmanagedObject[];
  /** Whether the audit log was read (it needs an API token). */
  attributed: boolean;
  /** Why something could not be checked (no token, audit log unreadable). */
  notes: string[];
  hasDrift: boolean;
}
