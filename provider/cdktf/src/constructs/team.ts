import { schemas } from "@callplane/sdk";
import { Construct } from "constructs";
import { CallplaneRoleAssignment } from "../generated/role-assignment.js";
import { CallplaneRoleAssignments } from "../generated/role-assignments.js";
import { addRules, isUnresolved, type Rule } from "../validation.js";

/** A member's role. */
export type Role = "admin" | "member" | "operator" | "viewer";

/** Props of {@link Team}. */
export interface TeamProps {
  /** The members, by email address, with their role. */
  readonly members: Readonly<Record<string, Role>>;
  /**
   * When true, the team is the whole tenant (`callplane_role_assignments`): people who are
   * not listed lose access. When false, each member is one additive `callplane_role_assignment`.
   * @default false
   */
  readonly authoritative?: boolean;
  /**
   * Additive teams only: remove the user from the tenant when the assignment is destroyed.
   * @default - the provider's default (false)
   */
  readonly removeUsersOnDestroy?: boolean;
}

const RULES: readonly Rule<TeamProps>[] = [
  {
    name: "email-format",
    *check(team) {
      for (const email of Object.keys(team.members)) {
        if (isUnresolved(email)) continue;
        const result = schemas.Email.safeParse(email);
        if (!result.success) yield { field: `members[${JSON.stringify(email)}]`, value: email, message: "must be an email address" };
      }
    },
  },
  {
    name: "role-format",
    *check(team) {
      for (const [email, role] of Object.entries(team.members)) {
        if (isUnresolved(role)) continue;
        if (!schemas.Role.safeParse(role).success) yield { field: `members[${JSON.stringify(email)}]`, value: role, message: "must be one of admin, member, operator, viewer" };
      }
    },
  },
  {
    name: "team-has-admin",
    *check(team) {
      const roles = Object.values(team.members);
      if (roles.some(isUnresolved) || roles.includes("admin")) return;
      yield { field: "members", value: team.members, message: "must include at least one admin" };
    },
  },
];

/** Construct ids may not contain `/`; keep them readable. */
const memberId = (email: string) => email.replace(/[^A-Za-z0-9@._-]/g, "_");

/**
 * The people in the tenant and their roles: one `callplane_role_assignments` when
 * authoritative, one `callplane_role_assignment` per member otherwise.
 */
export class Team extends Construct {
  /** The members, by email, with their role. */
  public readonly members: Readonly<Record<string, Role>>;
  /** Whether the team is authoritative. */
  public readonly authoritative: boolean;
  /** The authoritative resource, when `authoritative` is true. */
  public readonly assignments?: CallplaneRoleAssignments;
  /** The additive resources by email, when `authoritative` is false. */
  public readonly assignmentByEmail: ReadonlyMap<string, CallplaneRoleAssignment>;

  constructor(scope: Construct, id: string, props: TeamProps) {
    super(scope, id);
    this.members = props.members;
    this.authoritative = props.authoritative ?? false;
    const byEmail = new Map<string, CallplaneRoleAssignment>();
    if (this.authoritative) {
      this.assignments = new CallplaneRoleAssignments(this, "assignments", { assignments: { ...props.members } });
    } else {
      for (const [email, role] of Object.entries(props.members)) {
        byEmail.set(email, new CallplaneRoleAssignment(this, memberId(email), { email, role, removeUserOnDestroy: props.removeUsersOnDestroy }));
      }
    }
    this.assignmentByEmail = byEmail;
    addRules(this, () => props, RULES);
  }

  /** The emails of the members with the admin role. */
  get admins(): string[] {
    return Object.entries(this.members).filter(([, role]) => role === "admin").map(([email]) => email);
  }
}
