/**
 * `callplane_user`: one person in the tenant, their role and, for operators, their working hours.
 *
 * The operator schedule holds UTC ranges, exactly as the API stores them: what is read back is
 * what was written, so the plan never changes with the seasons (no daylight-saving diff).
 */
import { ConflictError, NotFoundError, schemas, validate, type OperatorSchedule, type User, type UserUpdate } from "@callplane/sdk";
import { valuesEqual } from "../framework/equality.js";
import type { Model, ValueOf } from "../framework/model.js";
import { requiresReplace, useStateForUnknown } from "../framework/plan-modifiers.js";
import { defineSchema, objectTypeOf } from "../framework/schema.js";
import { validatorFor } from "../framework/validators.js";
import { isKnown, t } from "../values/index.js";
import { addApiError, asApi, callplaneResource, idOf, inTerraformWords, matchesApiRule, toApi, type CallplaneContext } from "./callplane-api.js";
import { createOnce, notAdoptedDetail } from "./create-once.js";

const rangeType = t.object({ day: t.string, start_hour: t.number, end_hour: t.number });
export const operatorScheduleType = t.object({ timezone: t.string, ranges: t.list(rangeType) });
type ScheduleValue = ValueOf<typeof operatorScheduleType>;

/**
 * The schedule attribute's value as the API's object; null when there is none. A range whose day
 * is not a weekday is left out (the validator has refused it at plan time already).
 */
export function scheduleToApi(schedule: ScheduleValue | null): OperatorSchedule | null {
  if (schedule === null) return null;
  return {
    timezone: schedule.timezone,
    ranges: schedule.ranges.flatMap((range) => {
      const day = asApi(schemas.Weekday, range.day);
      return day ? [{ day, startHour: range.start_hour, endHour: range.end_hour }] : [];
    }),
  };
}

export function scheduleFromApi(schedule: OperatorSchedule | null | undefined): ScheduleValue | null {
  if (!schedule) return null;
  return {
    timezone: schedule.timezone,
    ranges: schedule.ranges.map((range) => ({ day: range.day, start_hour: range.startHour, end_hour: range.endHour })),
  };
}

/** The API's schedule rules (IANA zone, weekdays, 0–24 in quarter hours, start before end), in snake_case. */
const validSchedule = validatorFor(operatorScheduleType, (schedule) => {
  const apiFields = {
    timezone: schedule.timezone,
    ranges: schedule.ranges.map((range) => ({ day: range.day, startHour: range.start_hour, endHour: range.end_hour })),
  };
  const result = validate(schemas.OperatorSchedule, apiFields);
  return result.ok ? [] : result.fieldErrors.map((e) => inTerraformWords(e.path ? `${e.path}: ${e.message}` : e.message));
});

const schema = defineSchema({
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
      deprecated: "initial_password is kept in the Terraform state (marked sensitive, but stored). With Terraform 1.11 or later use initial_password_wo and initial_password_wo_version instead: the write-only password is sent when the user is created and never stored in the plan or the state.",
    },
    initial_password_wo: {
      type: t.string, optional: true, sensitive: true, writeOnly: true, validators: [matchesApiRule(schemas.Password)],
      description: [
        "The password the user starts with (8 to 128 characters), **write-only** (Terraform 1.11 or later): sent to Callplane when the user is created and never stored in the plan or the state. It may come from an ephemeral value.",
        "It matters only at creation: for an existing user nothing is sent, whatever changes (a user's password is theirs to change). Set `initial_password_wo_version` alongside it. Cannot be combined with `initial_password`.",
      ].join(" "),
    },
    initial_password_wo_version: {
      type: t.number, optional: true,
      description: "A number kept in the state beside the write-only `initial_password_wo`, so a configuration can record which password a user was created with. Changing it re-sends nothing for an existing user: the password is used only when the user is created.",
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
});
const type = objectTypeOf(schema);

type UserModel = Model<typeof schema>;

/** What only the configuration knows: never read from Callplane. */
type Kept = Pick<UserModel, "initial_password" | "initial_password_wo_version">;

function toState(user: User, kept: Kept): UserModel {
  return {
    id: user.id, name: user.name, email: user.email, role: user.role,
    operator_schedule: scheduleFromApi(user.operatorSchedule), created_at: user.createdAt, initial_password_wo: null, ...kept,
  };
}

const kept = (model: Kept): Kept => ({ initial_password: model.initial_password, initial_password_wo_version: model.initial_password_wo_version });

/** Every user in one or a few list requests, shared by all the reads of a refresh. */
function liveUsers(ctx: CallplaneContext): Promise<Map<string, User>> {
  return ctx.cached("users:by-id", async () => {
    const all = await ctx.client.users.list({ limit: 100 }).toArray();
    return new Map(all.map((user) => [user.id, user]));
  });
}

const API_TO_ATTRIBUTE = { password: "initialPassword", operatorSchedule: "operatorSchedule" };
const API_TO_ATTRIBUTE_WO = { ...API_TO_ATTRIBUTE, password: "initialPasswordWo" };

/** The last-admin refusal (409 "last-admin") in words that say what to do. */
function isLastAdmin(error: unknown): error is ConflictError {
  return error instanceof ConflictError && /last-admin/.test(error.type ?? "");
}

export const userResource = callplaneResource({
  typeName: "callplane_user",
  schema,

  validateConfig(config, diagnostics) {
    const { role, operator_schedule: schedule } = config;
    if (typeof role === "string" && role !== "operator" && schedule !== null && isKnown(schedule)) {
      diagnostics.error(
        "operator_schedule is only for operators",
        `Only users with role = "operator" have an operator schedule; this user's role is "${role}". Remove operator_schedule or set role = "operator".`,
        [{ attribute: "operator_schedule" }],
      );
    }
    if (config.initial_password !== null && config.initial_password_wo !== null) {
      diagnostics.error(
        "Set one initial password",
        "initial_password and initial_password_wo both set the password the user starts with; set only initial_password_wo (write-only, never stored).",
        [{ attribute: "initial_password_wo" }],
      );
    }
  },

  async create(planned, ctx, diagnostics) {
    const schedule = scheduleToApi(planned.operator_schedule);
    const password = planned.initial_password_wo ?? planned.initial_password;
    const keyMaterial = {
      name: planned.name,
      email: planned.email,
      role: toApi(schemas.Role, planned.role, "role"),
      ...(schedule ? { operatorSchedule: schedule } : {}),
    };
    const body = { ...keyMaterial, ...(password !== null ? { password } : {}) };
    const byEmail = async () => (await ctx.client.users.list({ q: planned.email, limit: 100 }).toArray()).find((u) => u.email.toLowerCase() === planned.email.toLowerCase());
    try {
      const outcome = await createOnce({
        typeName: "callplane_user",
        keyMaterial,
        create: (idempotencyKey) => ctx.client.users.create(body, { idempotencyKey }),
        get: (id) => ctx.client.users.get(id),
        findByUniqueField: byEmail,
        matchesPlan: (user) => user.name === body.name && user.role === body.role,
      });
      return toState(outcome.object, kept(planned));
    } catch (error) {
      addApiError(diagnostics, error, "create the user", type, planned.initial_password_wo !== null ? API_TO_ATTRIBUTE_WO : API_TO_ATTRIBUTE);
      if (error instanceof ConflictError && !isLastAdmin(error)) {
        const existing = await byEmail().catch(() => undefined);
        if (existing) diagnostics.error(
          `A user with email ${planned.email} already exists (${existing.id})`,
          notAdoptedDetail("callplane_user", existing.id),
          [{ attribute: "email" }],
        );
      }
      return null;
    }
  },

  async read(state, ctx) {
    const user = (await liveUsers(ctx)).get(idOf(state, "user"));
    return user ? toState(user, kept(state)) : null;
  },

  async update(planned, prior, ctx, diagnostics) {
    const id = idOf(prior, "user");
    try {
      const patch: UserUpdate = {
        ...(planned.name !== prior.name ? { name: planned.name } : {}),
        ...(planned.role !== prior.role ? { role: toApi(schemas.Role, planned.role, "role") } : {}),
        ...(!valuesEqual(planned.operator_schedule, prior.operator_schedule)
          ? { operatorSchedule: scheduleToApi(planned.operator_schedule) } : {}),
      };
      // A new initial password (or its version) changes nothing in Callplane: it is only recorded.
      const user = Object.keys(patch).length ? await ctx.client.users.update(id, patch) : await ctx.client.users.get(id);
      return toState(user, kept(planned));
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
      await ctx.client.users.delete(idOf(state, "user"));
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

  async importState(id, ctx, diagnostics) {
    try {
      return toState(await ctx.client.users.get(id), { initial_password: null, initial_password_wo_version: null });
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      addApiError(diagnostics, error, "import the user", type);
      return null;
    }
  },
});
