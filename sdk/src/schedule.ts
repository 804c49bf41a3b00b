/**
 * Weekly operator schedules: conversion between the local time zone people
 * enter hours in and the UTC ranges the API stores.
 *
 * Internally a week is a grid of 7 × 96 quarter-hour slots. Ranges are painted
 * onto a grid and read back from it, which makes sorting, merging and
 * splitting at midnight fall out of the representation instead of needing
 * special cases. Only `Intl` and `Date` are used, so this runs in browsers,
 * Deno, Bun and edge runtimes.
 */

export type Weekday = "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday";

/** One time range on one weekday; 0 <= startHour < endHour <= 24, in steps of 0.25. */
export interface ScheduleRange {
  day: Weekday;
  startHour: number;
  endHour: number;
}

/** The schedule as the API stores it. */
export interface OperatorSchedule {
  /** The IANA zone the ranges were entered in. */
  timezone: string;
  /** Ranges in UTC. */
  ranges: ScheduleRange[];
}

export interface ConvertOptions {
  /**
   * Reference week: the Monday–Sunday week (in the given zone) containing this
   * instant. Its dates decide which UTC offset applies to each weekday.
   * Default: now.
   */
  weekOf?: Date;
}

export const WEEKDAYS: readonly Weekday[] = Object.freeze([
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
]);

const QUARTERS_PER_DAY = 96;
const QUARTERS_PER_WEEK = 7 * QUARTERS_PER_DAY;
const QUARTER_MS = 15 * 60_000;
const HOUR_MS = 60 * 60_000;
const DAY_MS = 24 * HOUR_MS;
/** 1970-01-01 was a Thursday, index 3 when Monday is 0. */
const EPOCH_WEEKDAY_INDEX = 3;

/** True if `name` is an IANA time zone name this runtime knows, such as "Europe/Berlin" or "UTC". */
export function isIanaTimeZone(name: string): boolean {
  // Newer engines also accept offsets like "+05:30", which are not IANA zones.
  if (typeof name !== "string" || name === "" || /^[+-]/.test(name)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Converts ranges entered in `timeZone` to UTC ranges, using the offsets of the reference week. */
export function localRangesToUtc(
  ranges: ScheduleRange[],
  timeZone: string,
  options?: ConvertOptions,
): ScheduleRange[] {
  assertTimeZone(timeZone, "timeZone");
  const localGrid = gridFromRanges(ranges, "ranges");
  const monday = referenceMonday(timeZone, options);

  const utcGrid = new Uint8Array(QUARTERS_PER_WEEK);
  for (const range of rangesFromGrid(localGrid)) {
    const dayStart = monday + WEEKDAYS.indexOf(range.day) * DAY_MS;
    // Convert the end points, not every quarter: that is what a Temporal
    // ZonedDateTime range would cover, including in DST gaps and overlaps.
    const start = localToInstant(dayStart + range.startHour * HOUR_MS, timeZone);
    const end = localToInstant(dayStart + range.endHour * HOUR_MS, timeZone);
    // A range lying wholly inside a DST gap covers no real time (end <= start).
    for (let quarter = Math.round(start / QUARTER_MS); quarter < Math.round(end / QUARTER_MS); quarter++) {
      utcGrid[utcSlotOf(quarter)] = 1;
    }
  }
  return rangesFromGrid(utcGrid);
}

/**
 * Converts UTC ranges to the ranges they cover in `timeZone` during the reference week.
 *
 * The stored schedule repeats every 168 hours, but a local week is 167 hours
 * long in a spring-forward week and 169 in a fall-back week. In a fall-back
 * week one UTC hour therefore shows up twice (e.g. at both Monday 0–1 and
 * Sunday 23–24 local); in a spring-forward week one UTC hour falls outside the
 * local week and is not shown.
 */
export function utcRangesToLocal(
  ranges: ScheduleRange[],
  timeZone: string,
  options?: ConvertOptions,
): ScheduleRange[] {
  assertTimeZone(timeZone, "timeZone");
  const utcGrid = gridFromRanges(ranges, "ranges");
  const monday = referenceMonday(timeZone, options);

  // Walk every quarter hour of the local week as real instants and ask the UTC grid about it.
  const weekStart = Math.ceil(localToInstant(monday, timeZone) / QUARTER_MS);
  const weekEnd = Math.ceil(localToInstant(monday + 7 * DAY_MS, timeZone) / QUARTER_MS);
  const localGrid = new Uint8Array(QUARTERS_PER_WEEK);
  let previousLocalSlot: number | undefined;
  for (let quarter = weekStart; quarter < weekEnd; quarter++) {
    if (!utcGrid[utcSlotOf(quarter)]) {
      previousLocalSlot = undefined;
      continue;
    }
    const instant = quarter * QUARTER_MS;
    const localSlot = Math.round((instant + offsetAt(instant, timeZone) - monday) / QUARTER_MS);
    // When the clock springs forward inside a range, the skipped local
    // quarters never occur; fill them so the range stays one range (1–4, not 1–2 and 3–4).
    const firstSlot = previousLocalSlot !== undefined && localSlot > previousLocalSlot ? previousLocalSlot + 1 : localSlot;
    for (let slot = Math.max(firstSlot, 0); slot <= Math.min(localSlot, QUARTERS_PER_WEEK - 1); slot++) {
      localGrid[slot] = 1;
    }
    previousLocalSlot = localSlot;
  }
  return rangesFromGrid(localGrid);
}

/** Validates ranges entered in `timeZone` and converts them to the stored form. */
export function toOperatorSchedule(
  localRanges: ScheduleRange[],
  timeZone: string,
  options?: ConvertOptions,
): OperatorSchedule {
  return { timezone: timeZone, ranges: localRangesToUtc(localRanges, timeZone, options) };
}

/** Converts a stored schedule back to local ranges in `schedule.timezone`. */
export function fromOperatorSchedule(schedule: OperatorSchedule, options?: ConvertOptions): ScheduleRange[] {
  if (typeof schedule !== "object" || schedule === null) {
    throw new RangeError("schedule: must be an object with timezone and ranges");
  }
  assertTimeZone(schedule.timezone, "schedule.timezone");
  const utcRanges = rangesFromGrid(gridFromRanges(schedule.ranges, "schedule.ranges"));
  return utcRangesToLocal(utcRanges, schedule.timezone, options);
}

// ---------------------------------------------------------------------------
// Validation and the quarter-hour grid

function assertTimeZone(timeZone: unknown, field: string): asserts timeZone is string {
  if (typeof timeZone !== "string" || !isIanaTimeZone(timeZone)) {
    throw new RangeError(`${field}: ${JSON.stringify(timeZone)} is not an IANA time zone`);
  }
}

/** Validates `ranges` and paints them onto a fresh week grid; `field` names them in errors. */
function gridFromRanges(ranges: unknown, field: string): Uint8Array {
  if (!Array.isArray(ranges)) throw new RangeError(`${field}: must be an array`);
  const grid = new Uint8Array(QUARTERS_PER_WEEK);
  ranges.forEach((range: unknown, index) => {
    const item = `${field}[${index}]`;
    if (typeof range !== "object" || range === null) throw new RangeError(`${item}: must be an object`);
    const { day, startHour, endHour } = range as Record<string, unknown>;
    const dayIndex = WEEKDAYS.indexOf(day as Weekday);
    if (dayIndex < 0) {
      throw new RangeError(`${item}.day: must be one of ${WEEKDAYS.join(", ")} (got ${JSON.stringify(day)})`);
    }
    const start = quartersOf(startHour, `${item}.startHour`);
    const end = quartersOf(endHour, `${item}.endHour`);
    if (start >= end) {
      throw new RangeError(`${item}.endHour: must be greater than startHour (got ${String(startHour)} >= ${String(endHour)})`);
    }
    grid.fill(1, dayIndex * QUARTERS_PER_DAY + start, dayIndex * QUARTERS_PER_DAY + end);
  });
  return grid;
}

/** Turns an hour into a whole number of quarter hours, tolerating float noise such as 8.750000000000002. */
function quartersOf(hour: unknown, field: string): number {
  if (typeof hour !== "number" || !Number.isFinite(hour)) {
    throw new RangeError(`${field}: must be a finite number (got ${typeof hour === "number" ? hour : JSON.stringify(hour)})`);
  }
  if (hour < 0 || hour > 24) throw new RangeError(`${field}: must be between 0 and 24 (got ${hour})`);
  const quarters = Math.round(hour * 4);
  if (Math.abs(hour * 4 - quarters) > 1e-6) {
    throw new RangeError(`${field}: must be a multiple of 0.25 (got ${hour})`);
  }
  return quarters;
}

/** Reads a grid back as ranges: sorted, merged, split at midnight. */
function rangesFromGrid(grid: Uint8Array): ScheduleRange[] {
  const ranges: ScheduleRange[] = [];
  WEEKDAYS.forEach((day, dayIndex) => {
    const offset = dayIndex * QUARTERS_PER_DAY;
    for (let quarter = 0; quarter < QUARTERS_PER_DAY; quarter++) {
      if (!grid[offset + quarter]) continue;
      const start = quarter;
      while (quarter < QUARTERS_PER_DAY && grid[offset + quarter]) quarter++;
      ranges.push({ day, startHour: start / 4, endHour: quarter / 4 });
    }
  });
  return ranges;
}

/** Grid slot (weekday × quarter) of the UTC quarter hour with this index since the epoch. */
function utcSlotOf(quarterSinceEpoch: number): number {
  const days = Math.floor(quarterSinceEpoch / QUARTERS_PER_DAY);
  return modulo(days + EPOCH_WEEKDAY_INDEX, 7) * QUARTERS_PER_DAY + modulo(quarterSinceEpoch, QUARTERS_PER_DAY);
}

function modulo(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}

// ---------------------------------------------------------------------------
// Time zone arithmetic.
//
// "Local" times are represented as milliseconds of a wall-clock reading taken
// as if it were UTC (Date.UTC(year, month, day, hour, ...)), so calendar
// arithmetic on them never meets a DST change.

/** Local midnight of the Monday starting the reference week, as a wall-clock value. */
function referenceMonday(timeZone: string, options: ConvertOptions | undefined): number {
  const weekOf = options?.weekOf ?? new Date();
  if (!(weekOf instanceof Date) || Number.isNaN(weekOf.getTime())) {
    throw new RangeError("options.weekOf: must be a valid Date");
  }
  const localNow = weekOf.getTime() + offsetAt(weekOf.getTime(), timeZone);
  const localMidnight = Math.floor(localNow / DAY_MS) * DAY_MS;
  const weekdayIndex = modulo(localMidnight / DAY_MS + EPOCH_WEEKDAY_INDEX, 7);
  return localMidnight - weekdayIndex * DAY_MS;
}

/**
 * The instant at which the clocks in `timeZone` show `wallClock`, resolved
 * like Temporal's "compatible" disambiguation:
 * - a time the clocks skip (spring forward, e.g. 02:30 on 29 March 2026 in
 *   Europe/Berlin) is moved forward by the length of the gap (to 03:30 CEST),
 *   i.e. read with the offset in force before the change;
 * - a time that occurs twice (fall back) takes the earlier occurrence, i.e.
 *   the offset in force before the change.
 */
function localToInstant(wallClock: number, timeZone: string): number {
  // DST changes are far more than a day apart, so the offsets a day either side
  // are the only two candidates.
  const offsetBefore = offsetAt(wallClock - DAY_MS, timeZone);
  const offsetAfter = offsetAt(wallClock + DAY_MS, timeZone);
  const isValid = (offset: number) => offsetAt(wallClock - offset, timeZone) === offset;
  if (isValid(offsetBefore)) return wallClock - offsetBefore; // normal, or earlier of two
  if (isValid(offsetAfter)) return wallClock - offsetAfter;
  return wallClock - offsetBefore; // in a gap: pushed forward past it
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** UTC offset of `timeZone` at `instant`, in milliseconds (east of UTC is positive). */
function offsetAt(instant: number, timeZone: string): number {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const { type, value } of formatter.formatToParts(instant)) part[type] = Number(value);
  const wallClock = Date.UTC(part.year ?? 0, (part.month ?? 1) - 1, part.day ?? 1, part.hour ?? 0, part.minute ?? 0, part.second ?? 0);
  // formatToParts drops milliseconds, so compare against the whole second.
  return wallClock - Math.floor(instant / 1000) * 1000;
}
