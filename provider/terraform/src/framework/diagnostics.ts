/** Diagnostics: what Terraform shows the user, each on the attribute it is about when there is one. */
import type { Diagnostic } from "../protocol/index.js";
import type { PathStep } from "../values/index.js";

export class Diagnostics {
  readonly items: Diagnostic[] = [];

  error(summary: string, detail?: string, attribute?: readonly PathStep[]): void {
    this.items.push({ severity: "error", summary, ...(detail ? { detail } : {}), ...(attribute ? { attribute } : {}) });
  }

  warning(summary: string, detail?: string, attribute?: readonly PathStep[]): void {
    this.items.push({ severity: "warning", summary, ...(detail ? { detail } : {}), ...(attribute ? { attribute } : {}) });
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === "error");
  }
}
