/**
 * Diagnostics: what Terraform shows the user. Errors from the API carry field paths; they
 * become diagnostics on the matching attribute.
 */
import { CallplaneError } from "@callplane/sdk";
import type { Diagnostic } from "../protocol/index.js";
import { parseApiPath, type ObjectType, type PathStep } from "../values/index.js";

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

/**
 * Turns a failed API call into diagnostics: one per field error, on the attribute the API's
 * path names (`maxConcurrentCalls` → `max_concurrent_calls`), else one for the call.
 */
export function addApiError(diagnostics: Diagnostics, error: unknown, action: string, type: ObjectType, apiToAttribute: Record<string, string> = {}): void {
  if (!(error instanceof CallplaneError)) {
    diagnostics.error(`Could not ${action}`, error instanceof Error ? error.message : String(error));
    return;
  }
  const summary = `Could not ${action}: ${error.title}`;
  const detail = [error.detail, error.requestId ? `Request id: ${error.requestId}` : undefined].filter(Boolean).join("\n");
  const onFields = error.fieldErrors.filter((e) => e.path !== "");
  if (onFields.length === 0) {
    diagnostics.error(summary, detail || error.message);
    return;
  }
  for (const fieldError of onFields) {
    const mapped = apiToAttribute[fieldError.path] ?? fieldError.path;
    const attribute = parseApiPath(mapped, type);
    diagnostics.error(summary, `${mapped.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}: ${fieldError.message}${detail ? `\n${detail}` : ""}`, attribute.length ? attribute : undefined);
  }
}
