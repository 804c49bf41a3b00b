/**
 * The rules, one function each. A rule reads the subject and returns its violations (before
 * waivers) and notes about what it could not check. Shared by `callplane policy` and the CDKTF
 * aspect: this is the only implementation.
 */
import { grantsOf, peopleAfter, PEOPLE_TYPES, type Holder } from "./people.js";
import type { PolicyRules, RuleName } from "./policy.js";
import type { Violation } from "./report.js";
import type { PolicySubject, SubjectResource } from "./subject.js";

export interface RuleResult {
  violations: Omit<Violation, "rule">[];
  notes?: string[];
}

type RuleCheck<K extends RuleName> = (limit: NonNullable<PolicyRules[K]>, subject: PolicySubject) => RuleResult;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const peopleResources = (subject: PolicySubject) => subject.resources.filter((r) => PEOPLE_TYPES.has(r.type));
const admins = (people: Map<string, Holder>) => [...people.values()].filter((p) => p.role === "admin");
const adminEmails = (r: SubjectResource, values: SubjectResource["before"]) => grantsOf(r, values).filter((g) => g.role === "admin").map((g) => g.email.toLowerCase());

/** Why an admin count may be short of the truth, or why it was not made at all. */
function countNotes(subject: PolicySubject): { skip?: string; note?: string } {
  if (subject.live) return {};
  if (peopleResources(subject).length === 0) return { skip: "not checked: the configuration manages no people and the live tenant was not read (set CALLPLANE_TOKEN)" };
  if (subject.source === "configuration") return { note: "counted from the configuration alone: admins it does not declare are not counted" };
  return { note: "counted from the plan alone: admins that no resource manages are not counted (set CALLPLANE_TOKEN to count them)" };
}

const minAdmins: RuleCheck<"min_admins"> = (minimum, subject) => {
  const { skip, note } = countNotes(subject);
  if (skip) return { violations: [], notes: [`min_admins ${skip}`] };
  const after = admins(peopleAfter(subject));
  const notes = note ? [`min_admins: ${note}`] : [];
  if (after.length >= minimum) return { violations: [], notes };
  const values = { admins_after: after.length, minimum, admins: after.map((a) => a.email) };
  // Blame the resources that take admins away; failing that, where admins are declared.
  const losing = peopleResources(subject).flatMap((r) => {
    const stay = new Set(adminEmails(r, r.after));
    const lost = adminEmails(r, r.before).filter((e) => !stay.has(e));
    return lost.length ? [{ r, lost }] : [];
  });
  const message = `${plural(after.length, "admin")} after the plan, at least ${minimum} required${after.length ? ` (${after.map((a) => a.email).join(", ")})` : ""}`;
  if (losing.length) {
    return {
      notes,
      violations: losing.map(({ r, lost }) => ({
        resource: r.address,
        message: `${message}; this change removes admin ${lost.join(", ")}`,
        values: { ...values, removed: lost },
        remedy: `keep ${lost.join(", ")} as admin, or make someone else admin in the same change`,
      })),
    };
  }
  const declaring = peopleResources(subject).filter((r) => r.type === "callplane_role_assignments" && r.after)[0] ?? peopleResources(subject)[0];
  return { notes, violations: [{ ...(declaring ? { resource: declaring.address } : {}), message, values, remedy: `give ${minimum - after.length} more ${minimum - after.length === 1 ? "person" : "people"} the admin role` }] };
};

const maxAdmins: RuleCheck<"max_admins"> = (maximum, subject) => {
  const { skip, note } = countNotes(subject);
  if (skip) return { violations: [], notes: [`max_admins ${skip}`] };
  const after = admins(peopleAfter(subject));
  const notes = note ? [`max_admins: ${note}`] : [];
  if (after.length <= maximum) return { violations: [], notes };
  const values = { admins_after: after.length, maximum, admins: after.map((a) => a.email) };
  const granting = peopleResources(subject).flatMap((r) => {
    const had = new Set(adminEmails(r, r.before));
    const gained = adminEmails(r, r.after).filter((e) => !had.has(e));
    return gained.length ? [{ r, gained }] : [];
  });
  const blamed = granting.length ? granting : peopleResources(subject).flatMap((r) => (adminEmails(r, r.after).length ? [{ r, gained: adminEmails(r, r.after) }] : []));
  const message = `${plural(after.length, "admin")} after the plan, at most ${maximum} allowed (${after.map((a) => a.email).join(", ")})`;
  // Admins only the live tenant has: nothing in the configuration to point at, but still too many.
  if (blamed.length === 0) return { notes, violations: [{ message, values, remedy: `remove the admin role from ${after.length - maximum} of them` }] };
  return {
    notes,
    violations: blamed.map(({ r, gained }) => ({
      resource: r.address,
      message: `${message}; this resource makes ${gained.join(", ")} admin`,
      values: { ...values, granted: gained },
      remedy: `give ${gained.join(", ")} a role other than admin, or remove another admin in the same change`,
    })),
  };
};

const protectedEnvironments: RuleCheck<"protected_environments"> = (names, subject) => {
  const isProtected = new Set(names);
  const violations: RuleResult["violations"] = [];
  for (const r of subject.resources) {
    if (r.type !== "callplane_environment") continue;
    const name = [r.before?.name, r.after?.name].find((n): n is string => typeof n === "string" && isProtected.has(n));
    if (!name) continue;
    if (r.action === "destroy" || r.action === "replace") {
      const why = r.replacedBecause?.length ? ` because ${r.replacedBecause.join(", ")} changed` : "";
      violations.push({
        resource: r.address,
        message: `protected environment "${name}" would be ${r.action === "destroy" ? "destroyed" : `replaced${why}`}, losing its configuration and API key`,
        values: { environment: name, action: r.action, ...(r.replacedBecause?.length ? { replaced_because: r.replacedBecause } : {}) },
        remedy: r.action === "destroy" ? `keep the resource in the configuration (or \`terraform state rm\` it to stop managing it without deleting)` : `undo the change to ${r.replacedBecause?.join(", ") || "the attribute that forces the replacement"}`,
      });
    }
    if (r.after && r.after.deletion_protection === false) {
      violations.push({
        resource: r.address,
        message: `protected environment "${name}" has deletion_protection = false`,
        values: { environment: name, deletion_protection: false },
        remedy: "remove `deletion_protection = false` (protection is on by default)",
      });
    }
  }
  return { violations };
};

const allowedEmailDomains: RuleCheck<"allowed_email_domains"> = (domains, subject) => {
  const allowed = new Set(domains.map((d) => d.toLowerCase()));
  const violations: RuleResult["violations"] = [];
  for (const r of peopleResources(subject)) {
    for (const { email } of grantsOf(r, r.after)) {
      const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
      if (allowed.has(domain)) continue;
      violations.push({
        resource: r.address,
        message: `${email} is not in an allowed email domain (${domains.join(", ")})`,
        values: { email, domain, allowed: domains },
        remedy: `use an address at ${domains.join(" or ")}, or waive allowed_email_domains for ${r.address} with a reason`,
      });
    }
  }
  return { violations };
};

const forbidRoles: RuleCheck<"forbid_roles_via_terraform"> = (roles, subject) => {
  const forbidden = new Set<string>(roles);
  const violations: RuleResult["violations"] = [];
  for (const r of peopleResources(subject)) {
    for (const { email, role } of grantsOf(r, r.after)) {
      if (!forbidden.has(role)) continue;
      violations.push({
        resource: r.address,
        message: `${email} is given the role ${role}, which this policy keeps out of Terraform`,
        values: { email, role, forbidden: roles },
        remedy: `grant ${role} in the console instead, or give ${email} another role here`,
      });
    }
  }
  return { violations };
};

function budgetSkip(subject: PolicySubject, rule: RuleName): string | undefined {
  if (!subject.budget) return `${rule} not checked: this change sets no concurrent calls`;
  if (subject.budget.planLimit === null) return `${rule} not checked: the plan limit is not known`;
  return undefined;
}

const minHeadroom: RuleCheck<"min_headroom_calls"> = (minimum, subject) => {
  const skip = budgetSkip(subject, "min_headroom_calls");
  if (skip) return { violations: [], notes: [skip] };
  const { planLimit, allocatedAfter, address } = subject.budget!;
  if (allocatedAfter === null) return { violations: [], notes: ["min_headroom_calls not checked: the calls allocated after the plan are not known yet"] };
  const left = planLimit! - allocatedAfter;
  if (left >= minimum) return { violations: [] };
  return {
    violations: [{
      ...(address ? { resource: address } : {}),
      message: `${left} of the plan limit's ${planLimit} concurrent calls left unallocated after the plan, at least ${minimum} required (${allocatedAfter} allocated)`,
      values: { plan_limit: planLimit, allocated_after: allocatedAfter, headroom_after: left, minimum },
      remedy: `allocate ${minimum - left} fewer ${minimum - left === 1 ? "call" : "calls"}, or raise the plan limit`,
    }],
  };
};

const maxShare: RuleCheck<"max_environment_share"> = (share, subject) => {
  const skip = budgetSkip(subject, "max_environment_share");
  if (skip) return { violations: [], notes: [skip] };
  const { planLimit, environments, address } = subject.budget!;
  const most = Math.floor(share * planLimit! + 1e-9);
  return {
    violations: environments.flatMap((env) => {
      if (env.after === null || env.after <= most) return [];
      return [{
        ...((env.address ?? address) ? { resource: env.address ?? address } : {}),
        message: `environment "${env.name}" gets ${env.after} of ${planLimit} concurrent calls (${Math.round((env.after / planLimit!) * 100)}%), more than the ${Math.round(share * 100)}% allowed (${most} calls)`,
        values: { environment: env.name, calls_after: env.after, plan_limit: planLimit, share_after: env.after / planLimit!, max_share: share, max_calls: most },
        remedy: `give "${env.name}" at most ${most} calls`,
      }];
    }),
  };
};

export const RULES: { [K in RuleName]: RuleCheck<K> } = {
  min_admins: minAdmins,
  max_admins: maxAdmins,
  protected_environments: protectedEnvironments,
  allowed_email_domains: allowedEmailDomains,
  min_headroom_calls: minHeadroom,
  max_environment_share: maxShare,
  forbid_roles_via_terraform: forbidRoles,
};

/** One line per rule, for the documentation and SARIF's rule descriptions. */
export const RULE_DESCRIPTIONS: Record<RuleName, string> = {
  min_admins: "At least this many admins after the change.",
  max_admins: "At most this many admins after the change.",
  protected_environments: "These environments are never destroyed or replaced, and keep deletion protection on.",
  allowed_email_domains: "Users, invitations and role assignments only use these email domains.",
  min_headroom_calls: "At least this many concurrent calls of the plan limit stay unallocated.",
  max_environment_share: "No environment gets more than this share of the plan limit.",
  forbid_roles_via_terraform: "These roles are never granted through Terraform.",
};
