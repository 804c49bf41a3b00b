/** Runs every rule a policy sets against a subject and applies the waivers. */
import { RULE_NAMES, type Policy, type RuleName, type Waiver } from "./policy.js";
import type { PolicyReport, SourceLocation, Violation } from "./report.js";
import { RULES } from "./rules.js";
import type { PolicySubject } from "./subject.js";

/** `module.a["x"].callplane_user.b[0]` → `module.a.callplane_user.b`: a waiver names the block. */
const withoutKeys = (address: string) => address.replace(/\[[^\]]*\]/g, "");

/** A waiver covers its resource, every instance of it, and (construct paths) everything below it. */
export function waiverCovers(waiver: Waiver, violation: Violation): boolean {
  if (waiver.rule !== violation.rule || !violation.resource) return false;
  const resource = violation.resource;
  return resource === waiver.resource || withoutKeys(resource) === waiver.resource || resource.startsWith(`${waiver.resource}/`);
}

export function evaluatePolicy(policy: Policy, subject: PolicySubject): PolicyReport {
  const checked = RULE_NAMES.filter((name) => policy.rules[name] !== undefined);
  const found: Violation[] = [];
  const notes: string[] = [];
  for (const rule of checked) {
    const check = RULES[rule] as (limit: unknown, s: PolicySubject) => ReturnType<(typeof RULES)[RuleName]>;
    const result = check(policy.rules[rule], subject);
    found.push(...result.violations.map((v) => ({ rule, ...v })));
    notes.push(...(result.notes ?? []));
  }
  const used = new Set<Waiver>();
  const violations: Violation[] = [];
  const waived: Violation[] = [];
  for (const v of found) {
    const waiver = policy.waivers.find((w) => waiverCovers(w, v));
    if (waiver) {
      used.add(waiver);
      waived.push({ ...v, waiver: { reason: waiver.reason } });
    } else {
      violations.push(v);
    }
  }
  for (const w of policy.waivers) if (!used.has(w)) notes.push(`waiver of ${w.rule} for ${w.resource} matched no violation; remove it once it is no longer needed`);
  return { passed: violations.length === 0, violations, waived, checked, notes };
}

/** Fills in where each finding's resource is written. */
export function attachLocations(report: PolicyReport, locate: (address: string) => SourceLocation | undefined): PolicyReport {
  const attach = (v: Violation): Violation => {
    const location = v.resource ? locate(v.resource) : undefined;
    return location ? { ...v, location } : v;
  };
  return { ...report, violations: report.violations.map(attach), waived: report.waived.map(attach) };
}
