/**
 * Building blocks for the validators generated from `openapi/callplane.yaml`.
 *
 * The generated module (`../generated/schemas.ts`) spells out every constraint of the spec; this
 * file holds what a JSON Schema keyword cannot say on its own: the string formats and the
 * named rules the spec refers to with `x-callplane-rules` and `format`.
 */
import { isIanaTimeZone } from "../schedule.js";
import { format, type Check } from "./schema.js";

/** `format: email`: one @, a dotted domain, no spaces. */
export const email = format((v) => /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(v), "an email address");

/** `format: date-time`: RFC 3339 with a zone (`Z` or an offset), seconds and fractions optional. */
export const dateTime = format(
  (v) => /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/.test(v),
  "an RFC 3339 date-time such as 2026-11-20T09:30:00Z",
);

/** The `iana-time-zone` format: a name `Intl` knows, such as `Europe/Berlin` or `UTC`. */
export const ianaTimeZone: Check<string> = (v) => (isIanaTimeZone(v) ? undefined : "must be an IANA time zone such as Europe/Berlin");

/** Named object-level rules, referenced from the spec with `x-callplane-rules`. */
export const namedRules = {
  /** A schedule range starts before it ends. */
  startBeforeEnd: ((range: { startHour: number; endHour: number }) =>
    range.startHour < range.endHour ? undefined : { message: "must be after startHour", path: ["endHour"] }) satisfies Check<any>,
  /** An update sends at least one field. */
  notEmpty: ((body: object) => (Object.keys(body).length > 0 ? undefined : "must change at least one field")) satisfies Check<any>,
};
