/**
 * `provider::callplane::schedule_to_utc` and `schedule_from_utc`: operator-schedule hours between
 * a local time zone and the UTC ranges `callplane_user.operator_schedule` holds, with the SDK's
 * daylight-saving rules (its `localRangesToUtc` and `utcRangesToLocal`).
 */
import { isIanaTimeZone, localRangesToUtc, schemas, utcRangesToLocal, validate, type ScheduleRange } from "@callplane/sdk";
import { ArgumentError, defineFunction } from "../framework/function.js";
import type { ValueOf } from "../framework/model.js";
import { t } from "../values/index.js";
import { inTerraformWords } from "../resources/callplane-api.js";

const rangeType = t.object({ day: t.string, start_hour: t.number, end_hour: t.number });
type RangeValue = ValueOf<typeof rangeType>;

const TIMEZONE = { name: "timezone", type: t.string, description: "An IANA time zone name, such as `Europe/Berlin`." } as const;
const WEEK_OF = {
  name: "week_of", type: t.string,
  description: "A date (`2026-01-05`) or an RFC 3339 timestamp in the week whose offsets apply (Monday to Sunday in `timezone`), e.g. `plantimestamp()`.",
} as const;

function checkTimezone(timezone: string): void {
  if (!isIanaTimeZone(timezone)) throw new ArgumentError(0, `timezone: "${timezone}" is not an IANA time zone such as Europe/Berlin or UTC.`);
}

function weekOf(text: string): Date {
  const date = new Date(/^\d{4}-\d\d-\d\d$/.test(text) ? `${text}T12:00:00Z` : text);
  if (!/^\d{4}-\d\d-\d\d/.test(text) || Number.isNaN(date.getTime())) {
    throw new ArgumentError(1, `week_of: "${text}" is not a date (2026-01-05) or an RFC 3339 timestamp (2026-01-05T09:00:00Z).`);
  }
  return date;
}

/** The ranges as the SDK's type, each checked with the API's rules and blamed on its own argument. */
function toSdkRanges(ranges: RangeValue[]): ScheduleRange[] {
  return ranges.map((range, i) => {
    const result = validate(schemas.ScheduleRange, { day: range.day, startHour: range.start_hour, endHour: range.end_hour });
    if (!result.ok) {
      const problems = result.fieldErrors.map((e) => inTerraformWords(e.path ? `${e.path}: ${e.message}` : e.message));
      throw new ArgumentError(2 + i, `ranges[${i}]: ${problems.join("; ")}`);
    }
    return result.value;
  });
}

const fromSdkRanges = (ranges: ScheduleRange[]): RangeValue[] =>
  ranges.map((r) => ({ day: r.day, start_hour: r.startHour, end_hour: r.endHour }));

const RANGES = (zone: string) => ({
  name: "ranges", type: rangeType,
  description: `Zero or more ranges \`{ day, start_hour, end_hour }\` in ${zone}: \`day\` a weekday in lower case, hours from 0 to 24 in quarter hours, \`start_hour\` before \`end_hour\`.`,
}) as const;

export const scheduleToUtcFunction = defineFunction({
  name: "schedule_to_utc",
  summary: "Converts operator-schedule hours from a local time zone to UTC ranges.",
  description: [
    "Converts working hours entered in `timezone` into the UTC ranges that `callplane_user.operator_schedule.ranges` holds, using the UTC offsets of the week that contains `week_of` — the same daylight-saving rules as the SDK's `toOperatorSchedule`. Ranges that cross midnight UTC come back split in two; touching ranges are merged.",
    "",
    "With a fixed `week_of` the result never changes. With `plantimestamp()` it follows the season: a plan made after a daylight-saving change shows the shifted hours.",
    "",
    "`schedule_to_utc(\"Europe/Berlin\", \"2026-01-05\", { day = \"monday\", start_hour = 9, end_hour = 17 })` is `[{ day = \"monday\", start_hour = 8, end_hour = 16 }]`; with `week_of = \"2026-07-06\"` it is `[{ day = \"monday\", start_hour = 7, end_hour = 15 }]`.",
    "",
    "An unknown time zone, a bad date or a bad range is an error naming the argument (`ranges[0]: end_hour: …`).",
  ].join("\n"),
  parameters: [TIMEZONE, WEEK_OF],
  variadic: RANGES("local time"),
  returns: t.list(rangeType),
  call([timezone, week], ranges) {
    checkTimezone(timezone);
    const weekDate = weekOf(week);
    return fromSdkRanges(localRangesToUtc(toSdkRanges(ranges), timezone, { weekOf: weekDate }));
  },
});

export const scheduleFromUtcFunction = defineFunction({
  name: "schedule_from_utc",
  summary: "Converts UTC operator-schedule ranges to the hours they cover in a local time zone.",
  description: [
    "The inverse of `schedule_to_utc`: the hours that UTC ranges (as `callplane_user.operator_schedule.ranges` holds them) cover in `timezone` during the week that contains `week_of`, with the SDK's daylight-saving rules (`fromOperatorSchedule`).",
    "",
    "`schedule_from_utc(\"Europe/Berlin\", \"2026-01-05\", { day = \"monday\", start_hour = 8, end_hour = 16 })` is `[{ day = \"monday\", start_hour = 9, end_hour = 17 }]`.",
    "",
    "In a week with a daylight-saving change, one UTC hour may show twice (autumn) or not at all (spring), because such a local week is 169 or 167 hours long.",
  ].join("\n"),
  parameters: [TIMEZONE, WEEK_OF],
  variadic: RANGES("UTC"),
  returns: t.list(rangeType),
  call([timezone, week], ranges) {
    checkTimezone(timezone);
    const weekDate = weekOf(week);
    return fromSdkRanges(utcRangesToLocal(toSdkRanges(ranges), timezone, { weekOf: weekDate }));
  },
});
