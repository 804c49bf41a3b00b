/** What evaluating a policy finds, before it is rendered as Markdown, JSON or SARIF. */
import type { RuleName } from "./policy.js";

/** Where a resource is written: an HCL block, or a CDKTF construct (and its place in cdk.tf.json). */
export interface SourceLocation {
  /** The file, relative to the repository (or the directory the command ran in). */
  file?: string;
  startLine?: number;
  endLine?: number;
  /** The CDKTF construct path, for synthesized stacks. */
  constructPath?: string;
}

export interface Violation {
  rule: RuleName;
  /** The resource's address (or construct path); absent for tenant-wide findings. */
  resource?: string;
  /** What is wrong, with the values. */
  message: string;
  /** The values the rule compared. */
  values: Record<string, unknown>;
  /** A way out. */
  remedy: string;
  location?: SourceLocation;
  /** Present when a waiver covers this violation. */
  waiver?: { reason: string };
}

export interface PolicyReport {
  /** True when no violation is left after waivers. */
  passed: boolean;
  /** Violations not waived. */
  violations: Violation[];
  /** Violations a waiver covers, with its reason. */
  waived: Violation[];
  /** The rules the policy set, in the file's order. */
  checked: RuleName[];
  /** Limits of the check, e.g. that the live tenant was not read. */
  notes: string[];
}
