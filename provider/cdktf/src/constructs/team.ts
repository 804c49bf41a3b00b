import { schemas, validate } from "@callplane/sdk";
import { Construct } from "constructs";
import { Token } from "../cdk.js";
import { CallplaneRoleAssignment } from "../generated/role-assignment.js";
import { CallplaneRoleAssignments } from "../generated/role-assignments.js";
import { CallplaneUser } from "../generated/user.js";
import { addRules, isUnresolved, type Problem, type Rule } from "../validation.js";

/** A member's role. */
export type Role = "admin" | "member" | "operator" | "viewer";

/**
 * A member the team creates directly as a user (`callplane_user`) instead of inviting: they can
 * sign in at once, with the initial password if one is given.
 */
export interface DirectMember {
  /** The member's role. */
  readonly role: Role;
  /** The member's display name (1 to 100 characters). */
  readonly name: string;
  /**
   * The password the member starts with (8 to 128 characters), sent to Callplane as the
   * provider's **write-only** `initial_password_wo` (Terraform 1.11 or later) when the user is
   * created, and never kept in the plan or the state.
   *
   * It must be a token, for instance the value of a {@link SecretVariable} (a sensitive,
   * ephemeral `TerraformVariable`), so that `cdk.tf.json` holds only `${var.…}`: a literal
   * string is refused at synth, since it would be written into the synthesized JSON.
   * @default - no password: the member signs in another way (for example a password reset)
   */
  readonly initialPassword?: string;
  /**
   * Kept in the state beside the write-only password (`initial_password_wo_version`), to record
   * which password the member was created with. Changing it re-sends nothing: the password is
   * used only when the user is created, and after that it is the member's own.
   * @default 1 when `initialPassword` is set
   */
  readonly initialPasswordVersion?: number;
}

/** Props of {@link Team}. */
export interface TeamProps {
  /**
   * The members, by email address: their role, or a {@link DirectMember} for someone the team
   * creates as a user (additive teams only). Members given by role are invited when they have
   * no user yet.
   */
  readonly members: Readonly<Record<string, Role | DirectMember>>;
  /**
   * When true, the team is the whole tenant (`callplane_role_assignments`): people who are
   * not listed lose access. When false, each member is one additive `callplane_role_assignment`
   * (or `callplane_user`, for a {@link DirectMember}).
   * @default false
   */
  readonly authoritative?: boolean;
  /**
   * Additive teams only: remove the user from the tenant when the assignment is destroyed.
   * (Destroying a {@link DirectMember}'s `callplane_user` always removes the user.)
   * @default - the provider's default (false)
   */
  readonly removeUsersOnDestroy?: boolean;
}

const isDirect = (member: Role | DirectMember): member is DirectMember => typeof member === "object" && member !== null && !Token.isUnresolved(member);
const roleOf = (member: Role | DirectMember): Role => (isDirect(member) ? member.role : member);
const field = (email: string, path = "") => `members[${JSON.stringify(email)}]${path}`;

const RULES: readonly Rule<TeamProps>[] = [
  {
    name: "email-format",
    *check(team) {
      for (const email of Object.keys(team.members)) {
        if (isUnresolved(email)) continue;
        const result = schemas.Email.safeParse(email);
        if (!result.success) yield { field: field(email), value: email, message: "must be an email address" };
      }
    },
  },
  {
    name: "role-format",
    *check(team) {
      for (const [email, member] of Object.entries(team.members)) {
        const role = roleOf(member);
        if (isUnresolved(role)) continue;
        if (!schemas.Role.safeParse(role).success) yield { field: field(email, isDirect(member) ? ".role" : ""), value: role, message: "must be one of admin, member, operator, viewer" };
      }
    },
  },
  {
    name: "team-has-admin",
    *check(team) {
      const roles = Object.values(team.members).map(roleOf);
      if (roles.some(isUnresolved) || roles.includes("admin")) return;
      yield { field: "members", value: team.members, message: "must include at least one admin" };
    },
  },
  {
    name: "name-format",
    *check(team) {
      for (const [email, member] of Object.entries(team.members)) {
        if (!isDirect(member) || isUnresolved(member.name)) continue;
        const result = validate(schemas.UserName, member.name);
        if (!result.ok) yield { field: field(email, ".name"), value: member.name, message: result.fieldErrors.map((e) => e.message).join("; ") };
      }
    },
  },
  {
    name: "direct-members-additive",
    *check(team) {
      if (!team.authoritative) return;
      for (const [email, member] of Object.entries(team.members)) {
        if (isDirect(member)) yield { field: field(email), value: { role: member.role, name: member.name }, message: "must be a role in an authoritative team: callplane_role_assignments must not be mixed with callplane_user (make the team additive)" };
      }
    },
  },
  {
    name: "initial-password-write-only",
    *check(team) {
      const problems: Problem[] = [];
      for (const [email, member] of Object.entries(team.members)) {
        if (!isDirect(member) || member.initialPassword === undefined || isUnresolved(member.initialPassword)) continue;
        problems.push({
          field: field(email, ".initialPassword"), value: member.initialPassword, secret: true,
          message: "must be a token, such as a SecretVariable's value: a literal password would be written into cdk.tf.json",
        });
      }
      yield* problems;
    },
  },
  {
    name: "initial-password-version-format",
    *check(team) {
      for (const [email, member] of Object.entries(team.members)) {
        const version = isDirect(member) ? member.initialPasswordVersion : undefined;
        if (version === undefined || isUnresolved(version)) continue;
        if (!Number.isInteger(version) || version < 0) yield { field: field(email, ".initialPasswordVersion"), value: version, message: "must be a whole number, 0 or more" };
      }
    },
  },
];

/** Construct ids may not contain `/`; keep them readable. */
const memberId = (email: string) => email.replace(/[^A-Za-z0-9@._-]/g, "_");

/**
 * The people in the tenant and their roles: one `callplane_role_assignments` when
 * authoritative; otherwise one `callplane_role_assignment` per member given by role, and one
 * `callplane_user` per {@link DirectMember}.
 */
export class Team extends Construct {
  /** The members, by email, with their role. */
  public readonly members: Readonly<Record<string, Role>>;
  /** Whether the team is authoritative. */
  public readonly authoritative: boolean;
  /** The authoritative resource, when `authoritative` is true. */
  public readonly assignments?: CallplaneRoleAssignments;
  /** The additive resources by email, when `authoritative` is false (members given by role). */
  public readonly assignmentByEmail: ReadonlyMap<string, CallplaneRoleAssignment>;
  /** The users the team creates, by email ({@link DirectMember}s). */
  public readonly userByEmail: ReadonlyMap<string, CallplaneUser>;

  constructor(scope: Construct, id: string, props: TeamProps) {
    super(scope, id);
    this.members = Object.fromEntries(Object.entries(props.members).map(([email, member]) => [email, roleOf(member)]));
    this.authoritative = props.authoritative ?? false;
    const byEmail = new Map<string, CallplaneRoleAssignment>();
    const users = new Map<string, CallplaneUser>();
    if (this.authoritative) {
      this.assignments = new CallplaneRoleAssignments(this, "assignments", { assignments: { ...this.members } });
    } else {
      for (const [email, member] of Object.entries(props.members)) {
        if (isDirect(member)) {
          users.set(email, new CallplaneUser(this, memberId(email), {
            email, role: member.role, name: member.name,
            initialPasswordWo: member.initialPassword,
            initialPasswordWoVersion: member.initialPassword !== undefined ? (member.initialPasswordVersion ?? 1) : member.initialPasswordVersion,
          }));
        } else {
          byEmail.set(email, new CallplaneRoleAssignment(this, memberId(email), { email, role: member, removeUserOnDestroy: props.removeUsersOnDestroy }));
        }
      }
    }
    this.assignmentByEmail = byEmail;
    this.userByEmail = users;
    addRules(this, () => props, RULES);
  }

  /** The emails of the members with the admin role. */
  get admins(): string[] {
    return Object.entries(this.members).filter(([, role]) => role === "admin").map(([email]) => email);
  }
}
