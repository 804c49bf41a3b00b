/** Diagnostics: what Terraform shows the user, each on the attribute it is about when there is one. */
import type { Diagnostic } from "../protocol/index.js";
import type { PathStep } from "../values/index.js";

/**
 * The part of a path Terraform can show in the configuration. Schemas here have attributes, not
 * nested blocks, and Terraform (1.11) places a diagnostic on an attribute or on one element of
 * its value (`allocations[1]`, `assignments["lee@acme.test"]`: that element's line); a deeper path (`allocations[1].max_concurrent_calls`)
 * falls back to the whole resource block. So paths stop at the element, and the detail names the field.
 */
export function placeablePath(path: readonly PathStep[]): readonly PathStep[] {
  const [first, second] = path;
  if (!first) return path;
  return second && ("index" in second || "key" in second) ? [first, second] : [first];
}

export class Diagnostics {
  readonly items: Diagnostic[] = [];

  error(summary: string, detail?: string, attribute?: readonly PathStep[]): void {
    this.items.push({ severity: "error", summary, ...(detail ? { detail } : {}), ...(attribute ? { attribute: placeablePath(attribute) } : {}) });
  }

  warning(summary: string, detail?: string, attribute?: readonly PathStep[]): void {
    this.items.push({ severity: "warning", summary, ...(detail ? { detail } : {}), ...(attribute ? { attribute: placeablePath(attribute) } : {}) });
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === "error");
  }
}
