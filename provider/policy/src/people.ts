/**
 * Who holds which role after the plan: the live tenant (when read) with every people resource
 * of the plan applied on top, in the order the provider's semantics give them.
 */
import type { PolicySubject, SubjectResource, Values } from "./subject.js";

export const PEOPLE_TYPES = new Set(["callplane_user", "callplane_invitation", "callplane_role_assignment", "callplane_role_assignments"]);

export interface Holder {
  email: string;
  role: string;
  /** The resource that declares it; absent for people only the live tenant has. */
  address?: string;
  invited: boolean;
}

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const key = (email: string) => email.toLowerCase();
const assignments = (values: Values | null): [string, string][] => {
  const map = values?.assignments;
  if (!map || typeof map !== "object" || Array.isArray(map)) return [];
  return Object.entries(map).flatMap(([email, role]) => (typeof role === "string" ? [[email, role] as [string, string]] : []));
};

/** Every (email, role) a resource grants in the given values. */
export function grantsOf(resource: SubjectResource, values: Values | null): { email: string; role: string }[] {
  if (!values) return [];
  if (resource.type === "callplane_role_assignments") return assignments(values).map(([email, role]) => ({ email, role }));
  const email = str(values.email);
  const role = str(values.role);
  return email && role ? [{ email, role }] : [];
}

export function peopleAfter(subject: PolicySubject): Map<string, Holder> {
  const people = new Map<string, Holder>();
  for (const [email, role] of subject.live?.pending ?? []) people.set(email, { email, role, invited: true });
  for (const [email, role] of subject.live?.users ?? []) people.set(email, { email, role, invited: false });
  const resources = subject.resources.filter((r) => PEOPLE_TYPES.has(r.type));

  for (const team of resources.filter((r) => r.type === "callplane_role_assignments")) {
    if (team.after) {
      // Authoritative: everyone not listed is removed.
      people.clear();
      for (const [email, role] of assignments(team.after)) people.set(key(email), { email, role, address: team.address, invited: subject.live ? !subject.live.users.has(key(email)) : false });
    } else {
      // Destroying the team only stops managing it: everyone stays.
      for (const [email, role] of assignments(team.before)) if (!people.has(key(email))) people.set(key(email), { email, role, invited: false });
    }
  }
  for (const r of resources.filter((r) => r.type !== "callplane_role_assignments")) {
    const previous = str(r.before?.email);
    if (previous && (r.action === "destroy" || r.action === "replace")) {
      const removes = r.type === "callplane_user" || (r.type === "callplane_role_assignment" && r.before?.remove_user_on_destroy === true) || (r.type === "callplane_invitation" && people.get(key(previous))?.invited !== false);
      if (removes) people.delete(key(previous));
      else if (!people.has(key(previous)) && str(r.before?.role)) people.set(key(previous), { email: previous, role: str(r.before?.role)!, invited: false });
    }
    for (const { email, role } of grantsOf(r, r.after)) {
      people.set(key(email), { email, role, address: r.address, invited: r.type === "callplane_invitation" || r.after?.status === "invited" });
    }
  }
  return people;
}
