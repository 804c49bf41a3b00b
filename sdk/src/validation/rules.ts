/**
 * Building blocks for the zod schemas generated from `openapi/callplane.yaml`.
 *
 * The generated module (`../generated/zod.ts`) spells out every constraint of the spec; this
 * file holds what a JSON Schema keyword cannot say on its own: the wording of messages and the
 * named rules the spec refers to with `x-callplane-rules` and `format`.
 */
import * as z from "zod/mini";
import { isIanaTimeZone } from "../schedule.js";

/** Error message for a value of the wrong type, or "is required" when it is missing. */
export function expected(what: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? "is required" : `must be ${what}`);
}

/** Message for an object key the schema does not allow. */
export function strictKeys(issue: { code?: string; input?: unknown }) {
  if (issue.code === "unrecognized_keys") return "is not a known field";
  return issue.input === undefined ? "is required" : "must be an object";
}

/** The `iana-time-zone` format: a name `Intl` knows, such as `Europe/Berlin` or `UTC`. */
export const ianaTimeZone = z.refine<string>(isIanaTimeZone, "must be an IANA time zone such as Europe/Berlin");

/** Named object-level rules, referenced from the spec with `x-callplane-rules`. */
export const namedRules = {
  /** A schedule range starts before it ends. */
  startBeforeEnd: z.refine<{ startHour: number; endHour: number }>((range) => range.startHour < range.endHour, {
    message: "must be after startHour",
    path: ["endHour"],
  }),
  /** An update sends at least one field. */
  notEmpty: z.refine<object>((body) => Object.keys(body).length > 0, "must change at least one field"),
};
