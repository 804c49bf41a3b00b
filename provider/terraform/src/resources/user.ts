/**
 * `callplane_user`: one person in the tenant, their role and, for operators, their working hours.
 *
 * The operator schedule holds UTC ranges, exactly as the API stores them: what is read back is
 * what was written, so the plan never changes with the seasons (no daylight-saving diff).
 */
import { ConflictError, NotFoundError, schemas, validate, type OperatorSchedule, type Role, type User, type UserUpdate, type Weekday } from "@callplane/sdk";
import { addApiError, type Diagnostics } from "../framework/diagnostics.js";
import { valuesEqual } from "../framework/equality.js";
import { requiresReplace, useStateForUnknown } from "../framework/plan-modifiers.js";
import type { ProviderContext, ResourceDefinition, State } from "../framework/resource.js";
import { objectTypeOf, type SchemaDefinition } from "../framework/schema.js";
import { matchesApiRule, type AttributeValidator } from "../framework/validators.js";
import { camelToSnake, isUnknown, t, type Value, type ValueObject } from "../values/index.js";

const rangeType = t.object({ day: t.string, start_hour: t.number, end_hour: t.number });
export const operatorScheduleType = t.object({ timezone: t.string, ranges: t.list(rangeType) });

/** API field paths and messages in Terraform's words: `ranges[0].endHour` → `ranges[0].end_hour`. */
function inTerraformWords(text: string): string {
  return text.replace(/\b[a-z]+(?:[A-Z][a-z0-9]*)+\b/g, camelToSnake);
}

/** The schedule attribute's value as the API's object (numbers as plain numbers). */
export function scheduleToApi(value: Value): OperatorSchedule | null {
  if (value === null || isUnknown(value)) return null;
  const schedule = value as ValueObject;
  const ranges = (schedule.ranges ?? []) as readonly ValueObject[] | null;
  return {
    timezone: schedule.timezone as string,
    ranges: (ranges ?? []).map((range) => ({
      day: range.day as Weekday,
      startHour: Number(range.start_hour),
      endHour: Number(range.end_hour),
    })),
  };
}

export function scheduleFromApi(schedule: OperatorSchedule | null | undefined): Value {
  if (!schedule) return null;
  return {
    timezone: schedule.timezone,
    ranges: schedule.ranges.map((range) => ({ day: range.day, start_hour: range.startHour, end_hour: range.endHour })),
  };
}

/** The API's schedule rules (IANA zone, weekdays, 0–24 in quarter hours, start before end), in snake_case. */
const validSchedule: AttributeValidator = (value) => {
  if (value === null) return [];
  const result = validate(schemas.OperatorSchedule, scheduleToApi(value));
  return result.ok ? [] : result.fieldErrors.map((e) => inTerraformWords(e.path ? `${e.path}: ${e.message}` : e.message));
};

const schema: SchemaDefinition = {
  version: 0,
  description: [
    "A user of the tenant with a role. Users are tenant-wide: they see every environment.",
    "",
    "At least one admin must always remain: demoting or destroying the tenant's last admin is refused (make someone else admin and apply first).",
    "Email and the initial password are set at creation and cannot be changed later; a new email replaces the user.",
  ].join("\n"),
  attributes: {
    id: { type: t.string, computed: true, description: "The user's id. Import an existing user with this id.", planModifiers: [useStateForUnknown()] },
    name: { type: t.string, required: true, description: "The user's display name (1 to 100 characters).", validators: [matchesApiRule(schemas.UserName)] },
    email: {
      type: t.string, required: true, validators: [matchesApiRule(schemas.Email)], planModifiers: [requiresReplace()],
      description: "The user's email address. It cannot be changed once the user exists: changing it destroys this user and creates a new one.",
    },
    role: {
      type: t.string, required: true, validators: [matchesApiRule(schemas.Role)],
      description: "One of `admin` (full configuration, manages users and the tenant), `member` (works with agents, no configuration), `operator` (answers live conversations; may have an `operator_schedule`) or `viewer` (read-only). Demoting the tenant's last admin is refused.",
    },
    initial_password: {
      type: t.string, optional: true, sensitive: true, validators: [matchesApiRule(schemas.Password)],
      description: "The password the user starts with (8 to 128 characters). Used only when the user is created: it is never read back, and changing it later changes nothing in Callplane (the new value is only recorded in the state). Null for an imported user. Leave it out for users who sign in another way.",
    },
    operator_schedule: {
      type: operatorScheduleType, optional: true, validators: [validSchedule],
      description: [
        "When an operator works; only for `role = \"operator\"`. An object with `timezone` and `ranges`.",
        "",
        "`ranges` is a list of `{ day, start_hour, end_hour }` **in UTC**, exactly as the API stores them: `day` is a weekday in lower case (`monday` … `sunday`), hours run from 0 to 24 in quarter-hour steps (`8`, `16.5`, `17.75`) and `start_hour` is before `end_hour`.",
        "Write a shift that crosses midnight UTC as two ranges. `timezone` (an IANA name such as `Europe/Berlin`) is the zone the console shows the ranges in; it does not shift them.",
        "",
        "Because the ranges are UTC, what Terraform writes is what it reads back, and daylight-saving changes never show up as a difference. To plan from local hours, convert them first (Europe/Berlin 9–17 is 8–16 UTC in winter and 7–15 UTC in summer), for instance with the SDK's `toOperatorSchedule` helper.",
      ].join("\n"),
    },
    created_at: { type: t.string, computed: true, description: "When the user was created (RFC 3339).", planModifiers: [useStateForUnknown()] },
  },
};
const type = objectTypeOf(schema);

function toState(user: User, initialPassword: Value): State {
  return {
    id: user.id, name: user.name, email: user.email, role: user.role,
    operator_schedule: scheduleFromApi(user.operatorSchedule), created_at: user.createdAt, initial_password: initialPassword,
  };
}

/** Every user in one or a few list requests, shared by all the reads of a refresh. */
function liveUsers(ctx: ProviderContext): Promise<Map<string, User>> {
  return ctx.cached("users:by-id", async () => {
    const all = await ctx.client.users.list({ limit: 100 }).toArray();
    return new Map(all.map((user) => [user.id, user]));
  });
}

const API_TO_ATTRIBUTE = { password: "initialPassword", operatorSchedule: "operatorSchedule" };

/** The last-admin refusal (409 "last-admin") in words that say what to do. */
function isLastAdmin(error: unknown): error is ConflictError {
  return error instanceof ConflictError && /last-admin/.test(error.type ?? "");
}

export const userResource: ResourceDefinition = {
  typeName: "callplane_user",
  schema,

  validateConfig(config, diagnostics) {
    const role = config.role ?? null;
    const schedule = config.operator_schedule ?? null;
    if (typeof role === "string" && role !== "operator" && schedule !== null && !isUnknown(schedule)) {
      diagnostics.error(
        "operator_schedule is only for operators",
        `Only users with role = "operator" have an operator schedule; this user's role is "${role}". Remove operator_schedule or set role = "operator".`,
        [{ attribute: "operator_schedule" }],
      );
    }
  },

  async create(planned, ctx, diagnostics) {
    try {
      const schedule = scheduleToApi(planned.operator_schedule ?? null);
      const user = await ctx.client.users.create({
        name: planned.name as string,
        email: planned.email as string,
        role: planned.role as Role,
        ...(typeof planned.initial_password === "string" ? { password: planned.initial_password } : {}),
        ...(schedule ? { operatorSchedule: schedule } : {}),
      });
      return toState(user, planned.initial_password ?? null);
    } catch (error) {
      addApiError(diagnostics, error, "create the user", type, API_TO_ATTRIBUTE);
      return null;
    }
  },

  async read(state, ctx) {
    const user = (await liveUsers(ctx)).get(state.id as string);
    return user ? toState(user, state.initial_password ?? null) : null;
  },

  async update(planned, prior, ctx, diagnostics) {
    const id = prior.id as string;
    try {
      const patch: UserUpdate = {
        ...(planned.name !== prior.name ? { name: planned.name as string } : {}),
        ...(planned.role !== prior.role ? { role: planned.role as Role } : {}),
        ...(!valuesEqual(planned.operator_schedule ?? null, prior.operator_schedule ?? null)
          ? { operatorSchedule: scheduleToApi(planned.operator_schedule ?? null) } : {}),
      };
      // A new initial_password alone changes nothing in Callplane: it is only recorded.
      const user = Object.keys(patch).length ? await ctx.client.users.update(id, patch) : await ctx.client.users.get(id);
      return toState(user, planned.initial_password ?? null);
    } catch (error) {
      if (isLastAdmin(error)) {
        diagnostics.error(
          "Cannot demote the last admin",
          `${error.detail ?? "This user is the tenant's only admin."} At least one admin must always remain: give another user role = "admin" and apply that first, then change this user's role.`,
          [{ attribute: "role" }],
        );
        return null;
      }
      addApiError(diagnostics, error, "update the user", type, API_TO_ATTRIBUTE);
      return null;
    }
  },

  async delete(state, ctx, diagnostics) {
    try {
      await ctx.client.users.delete(state.id as string);
    } catch (error) {
      if (error instanceof NotFoundError) return;
      if (isLastAdmin(error)) {
        diagnostics.error(
          "Cannot delete the last admin",
          `${error.detail ?? "This user is the tenant's only admin."} At least one admin must always remain: give another user role = "admin" and apply that first, then remove this user. To stop managing the user without deleting it, use \`terraform state rm\` or a \`removed\` block with \`destroy = false\`.`,
        );
        return;
      }
      addApiError(diagnostics, error, "delete the user", type, API_TO_ATTRIBUTE);
    }
  },

  async importState(id, ctx, diagnostics: Diagnostics) {
    try {
      return toState(await ctx.client.users.get(id), null);
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      addApiError(diagnostics, error, "import the user", type);
      return null;
    }
  },
};
