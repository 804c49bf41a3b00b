import { afterEach, describe, expect, it, vi } from "vitest";
import {
  WEEKDAYS,
  fromOperatorSchedule,
  isIanaTimeZone,
  localRangesToUtc,
  toOperatorSchedule,
  utcRangesToLocal,
  type ScheduleRange,
  type Weekday,
} from "./schedule.js";

const range = (day: Weekday, startHour: number, endHour: number): ScheduleRange => ({ day, startHour, endHour });

// Reference weeks (any instant inside the week works).
const WINTER = { weekOf: new Date("2026-01-14T12:00:00Z") };
const SUMMER = { weekOf: new Date("2026-07-15T12:00:00Z") };
const MARCH_CHANGE = { weekOf: new Date("2026-03-25T12:00:00Z") }; // Mon 23 – Sun 29 March (EU spring forward)
const OCTOBER_CHANGE = { weekOf: new Date("2026-10-21T12:00:00Z") }; // Mon 19 – Sun 25 October (EU fall back)
const US_MARCH_CHANGE = { weekOf: new Date("2026-03-04T12:00:00Z") }; // Mon 2 – Sun 8 March (US spring forward)
const US_NOVEMBER_CHANGE = { weekOf: new Date("2026-10-28T12:00:00Z") }; // Mon 26 Oct – Sun 1 Nov (US fall back)

describe("WEEKDAYS", () => {
  it("lists the week Monday first", () => {
    expect(WEEKDAYS).toEqual(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]);
  });
});

describe("Europe/Berlin", () => {
  const zone = "Europe/Berlin";

  it("uses +1 in a winter week", () => {
    expect(localRangesToUtc([range("monday", 9, 17)], zone, WINTER)).toEqual([range("monday", 8, 16)]);
  });

  it("uses +2 in a summer week", () => {
    expect(localRangesToUtc([range("monday", 9, 17)], zone, SUMMER)).toEqual([range("monday", 7, 15)]);
  });

  it("uses each day's own offset in the spring-forward week", () => {
    const local = [range("saturday", 9, 17), range("sunday", 9, 17)];
    expect(localRangesToUtc(local, zone, MARCH_CHANGE)).toEqual([range("saturday", 8, 16), range("sunday", 7, 15)]);
  });

  it("uses each day's own offset in the fall-back week", () => {
    const local = [range("saturday", 9, 17), range("sunday", 9, 17)];
    expect(localRangesToUtc(local, zone, OCTOBER_CHANGE)).toEqual([range("saturday", 7, 15), range("sunday", 8, 16)]);
  });

  it("shows the stored UTC hours back in the local time of each day", () => {
    const utc = [range("saturday", 8, 16), range("sunday", 7, 15)];
    expect(utcRangesToLocal(utc, zone, MARCH_CHANGE)).toEqual([range("saturday", 9, 17), range("sunday", 9, 17)]);
  });

  it("picks the week by the local date of weekOf, not the UTC date", () => {
    const saturday = [range("saturday", 9, 17)];
    // 21:30 UTC on Sunday 29 March is still Sunday 23:30 in Berlin: the change week.
    expect(localRangesToUtc(saturday, zone, { weekOf: new Date("2026-03-29T21:30:00Z") })).toEqual([range("saturday", 8, 16)]);
    // 22:30 UTC is already Monday 00:30 in Berlin: the following (summer) week.
    expect(localRangesToUtc(saturday, zone, { weekOf: new Date("2026-03-29T22:30:00Z") })).toEqual([range("saturday", 7, 15)]);
  });

  it("does not throw for hours skipped by spring forward and moves them past the gap", () => {
    // 02:00–03:00 does not exist on 29 March: both ends resolve to 03:00 CEST, no time is covered.
    expect(localRangesToUtc([range("sunday", 2, 3)], zone, MARCH_CHANGE)).toEqual([]);
    // 02:30 is read as 03:30 CEST (01:30 UTC), like Temporal's "compatible".
    expect(localRangesToUtc([range("sunday", 2.5, 5)], zone, MARCH_CHANGE)).toEqual([range("sunday", 1.5, 3)]);
    // A range across the gap covers only the hours that exist.
    expect(localRangesToUtc([range("sunday", 1, 4)], zone, MARCH_CHANGE)).toEqual([range("sunday", 0, 2)]);
  });

  it("keeps a local range across the spring-forward gap in one piece when shown back", () => {
    expect(utcRangesToLocal([range("sunday", 0, 2)], zone, MARCH_CHANGE)).toEqual([range("sunday", 1, 4)]);
  });

  it("resolves the repeated fall-back hour to its first occurrence", () => {
    // 02:00–02:30 happens twice on 25 October; the first time is CEST (00:00 UTC).
    expect(localRangesToUtc([range("sunday", 2, 2.5)], zone, OCTOBER_CHANGE)).toEqual([range("sunday", 0, 0.5)]);
    // 01:00–04:00 spans four real hours that day.
    expect(localRangesToUtc([range("sunday", 1, 4)], zone, OCTOBER_CHANGE)).toEqual([
      range("saturday", 23, 24),
      range("sunday", 0, 3),
    ]);
  });

  it("shows both occurrences of the repeated hour as the same local hours", () => {
    expect(utcRangesToLocal([range("sunday", 0.5, 1.5)], zone, OCTOBER_CHANGE)).toEqual([range("sunday", 2, 3)]);
  });

  it("shows the UTC hour the 169-hour fall-back week contains twice at both ends of the week", () => {
    // UTC Sunday 22–23 is Monday 00–01 CEST on 19 October and Sunday 23–24 CET on 25 October.
    expect(utcRangesToLocal([range("sunday", 22, 23)], zone, OCTOBER_CHANGE)).toEqual([
      range("monday", 0, 1),
      range("sunday", 23, 24),
    ]);
  });
});

describe("America/New_York", () => {
  const zone = "America/New_York";

  it("uses -5 in winter and -4 in summer", () => {
    expect(localRangesToUtc([range("monday", 9, 17)], zone, WINTER)).toEqual([range("monday", 14, 22)]);
    expect(localRangesToUtc([range("monday", 9, 17)], zone, SUMMER)).toEqual([range("monday", 13, 21)]);
  });

  it("switches offset on Sunday 8 March", () => {
    const local = [range("saturday", 9, 17), range("sunday", 9, 17)];
    expect(localRangesToUtc(local, zone, US_MARCH_CHANGE)).toEqual([range("saturday", 14, 22), range("sunday", 13, 21)]);
  });

  it("switches offset on Sunday 1 November", () => {
    const local = [range("saturday", 9, 17), range("sunday", 9, 17)];
    expect(localRangesToUtc(local, zone, US_NOVEMBER_CHANGE)).toEqual([range("saturday", 13, 21), range("sunday", 14, 22)]);
  });

  it("moves skipped and repeated night hours like Temporal's compatible mode", () => {
    // 02:30 on 8 March does not exist: read as 03:30 EDT (07:30 UTC).
    expect(localRangesToUtc([range("sunday", 2.5, 4)], zone, US_MARCH_CHANGE)).toEqual([range("sunday", 7.5, 8)]);
    // 01:00–01:30 on 1 November happens twice: the first time is EDT (05:00 UTC), not EST (06:00 UTC).
    expect(localRangesToUtc([range("sunday", 1, 1.5)], zone, US_NOVEMBER_CHANGE)).toEqual([range("sunday", 5, 5.5)]);
  });
});

describe("zones with half- and quarter-hour offsets", () => {
  it("Asia/Kolkata (+5:30) shifts by half hours", () => {
    expect(localRangesToUtc([range("monday", 9, 17)], "Asia/Kolkata", WINTER)).toEqual([range("monday", 3.5, 11.5)]);
  });

  it("Asia/Kolkata splits a range that crosses midnight in UTC, wrapping back to Sunday", () => {
    expect(localRangesToUtc([range("monday", 2, 6)], "Asia/Kolkata", WINTER)).toEqual([
      range("monday", 0, 0.5),
      range("sunday", 20.5, 24),
    ]);
  });

  it("Asia/Kolkata merges the split pieces back into one local range", () => {
    const utc = [range("sunday", 20.5, 24), range("monday", 0, 0.5)];
    expect(utcRangesToLocal(utc, "Asia/Kolkata", WINTER)).toEqual([range("monday", 2, 6)]);
  });

  it("Asia/Kathmandu (+5:45) shifts by quarter hours", () => {
    expect(localRangesToUtc([range("monday", 9, 17)], "Asia/Kathmandu", SUMMER)).toEqual([range("monday", 3.25, 11.25)]);
    expect(localRangesToUtc([range("wednesday", 0, 1)], "Asia/Kathmandu", SUMMER)).toEqual([range("tuesday", 18.25, 19.25)]);
    expect(utcRangesToLocal([range("tuesday", 18.25, 19.25)], "Asia/Kathmandu", SUMMER)).toEqual([range("wednesday", 0, 1)]);
  });
});

describe("zones west of UTC", () => {
  const zone = "America/Los_Angeles";

  it("moves an evening range to the next UTC day", () => {
    expect(localRangesToUtc([range("monday", 18, 22)], zone, WINTER)).toEqual([range("tuesday", 2, 6)]);
    expect(localRangesToUtc([range("monday", 18, 22)], zone, SUMMER)).toEqual([range("tuesday", 1, 5)]);
  });

  it("splits a range that crosses midnight in UTC", () => {
    expect(localRangesToUtc([range("monday", 15, 19)], zone, WINTER)).toEqual([
      range("monday", 23, 24),
      range("tuesday", 0, 3),
    ]);
  });

  it("wraps Sunday evening to Monday UTC and back", () => {
    const utc = localRangesToUtc([range("sunday", 14, 23)], zone, WINTER);
    expect(utc).toEqual([range("monday", 0, 7), range("sunday", 22, 24)]);
    expect(utcRangesToLocal(utc, zone, WINTER)).toEqual([range("sunday", 14, 23)]);
  });
});

describe("round trip", () => {
  // Varied on purpose: quarter hours, several ranges a day, ranges touching
  // midnight, the night hours of DST changes (Sunday 1–4).
  const schedule: ScheduleRange[] = [
    range("monday", 1.5, 6),
    range("monday", 9, 12.25),
    range("monday", 13, 17.75),
    range("tuesday", 22, 24),
    range("wednesday", 0, 3),
    range("thursday", 8, 20),
    range("friday", 0.25, 23.75),
    range("saturday", 10, 14),
    range("sunday", 1, 4),
    range("sunday", 6, 22.75),
  ];
  const zones = [
    "Europe/Berlin",
    "America/New_York",
    "America/Los_Angeles",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Australia/Sydney",
    "Pacific/Auckland",
    "UTC",
  ];
  const weeks = { WINTER, SUMMER, MARCH_CHANGE, OCTOBER_CHANGE, US_MARCH_CHANGE, US_NOVEMBER_CHANGE };

  for (const zone of zones) {
    for (const [weekName, week] of Object.entries(weeks)) {
      it(`${zone}, ${weekName} week`, () => {
        expect(utcRangesToLocal(localRangesToUtc(schedule, zone, week), zone, week)).toEqual(schedule);
      });
    }
  }

  it("round-trips a 24/7 schedule", () => {
    const allWeek = WEEKDAYS.map((day) => range(day, 0, 24));
    expect(utcRangesToLocal(localRangesToUtc(allWeek, "Asia/Kathmandu", WINTER), "Asia/Kathmandu", WINTER)).toEqual(allWeek);
  });

  it("toOperatorSchedule stores UTC ranges with the zone and fromOperatorSchedule shows them back", () => {
    const stored = toOperatorSchedule([range("monday", 9, 17)], "Europe/Berlin", SUMMER);
    expect(stored).toEqual({ timezone: "Europe/Berlin", ranges: [range("monday", 7, 15)] });
    expect(fromOperatorSchedule(stored, SUMMER)).toEqual([range("monday", 9, 17)]);
    // The stored UTC hours stay fixed, so in winter the local hours move.
    expect(fromOperatorSchedule(stored, WINTER)).toEqual([range("monday", 8, 16)]);
  });
});

describe("default reference week", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("is the current week", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-07-15T12:00:00Z"));
    expect(localRangesToUtc([range("monday", 9, 17)], "Europe/Berlin")).toEqual([range("monday", 7, 15)]);
    vi.setSystemTime(new Date("2026-01-14T12:00:00Z"));
    expect(localRangesToUtc([range("monday", 9, 17)], "Europe/Berlin")).toEqual([range("monday", 8, 16)]);
  });
});

describe("normalisation", () => {
  it("sorts by weekday then start hour and merges overlapping and touching ranges", () => {
    const messy = [
      range("sunday", 10, 12),
      range("monday", 13, 15),
      range("monday", 9, 11),
      range("monday", 10, 12),
      range("monday", 12, 13), // touches both neighbours
      range("monday", 16, 17),
      range("sunday", 10, 11),
    ];
    expect(localRangesToUtc(messy, "UTC", WINTER)).toEqual([
      range("monday", 9, 15),
      range("monday", 16, 17),
      range("sunday", 10, 12),
    ]);
  });

  it("does not merge ranges across midnight, because a range belongs to one day", () => {
    expect(utcRangesToLocal([range("monday", 20, 24), range("tuesday", 0, 4)], "UTC", WINTER)).toEqual([
      range("monday", 20, 24),
      range("tuesday", 0, 4),
    ]);
  });

  it("rounds float noise to the nearest quarter hour", () => {
    const noisy = [range("monday", 0.1 + 0.2 - 0.05, 8.750000000000002)];
    expect(localRangesToUtc(noisy, "UTC", WINTER)).toEqual([range("monday", 0.25, 8.75)]);
  });

  it("returns no ranges for an empty schedule", () => {
    expect(localRangesToUtc([], "Europe/Berlin", WINTER)).toEqual([]);
    expect(utcRangesToLocal([], "Europe/Berlin", WINTER)).toEqual([]);
  });
});

describe("validation", () => {
  const valid = range("monday", 9, 17);
  const convert = (ranges: unknown, timeZone: unknown = "Europe/Berlin", options: unknown = WINTER) => () =>
    localRangesToUtc(ranges as ScheduleRange[], timeZone as string, options as { weekOf?: Date });

  it.each([
    ["an unknown zone", convert([valid], "Mars/Olympus"), 'timeZone: "Mars/Olympus" is not an IANA time zone'],
    ["an offset instead of a zone", convert([valid], "+01:00"), 'timeZone: "+01:00" is not an IANA time zone'],
    ["an empty zone", convert([valid], ""), 'timeZone: "" is not an IANA time zone'],
    ["a missing zone", () => localRangesToUtc([valid], undefined as unknown as string, WINTER), "timeZone: undefined is not an IANA time zone"],
    ["ranges that are not an array", convert("monday 9-17"), "ranges: must be an array"],
    ["a range that is not an object", convert([valid, null]), "ranges[1]: must be an object"],
    [
      "an unknown weekday",
      convert([valid, { day: "Mon", startHour: 9, endHour: 17 }]),
      'ranges[1].day: must be one of monday, tuesday, wednesday, thursday, friday, saturday, sunday (got "Mon")',
    ],
    ["a start hour that is not a number", convert([{ day: "monday", startHour: "9", endHour: 17 }]), 'ranges[0].startHour: must be a finite number (got "9")'],
    ["a NaN end hour", convert([{ day: "monday", startHour: 9, endHour: Number.NaN }]), "ranges[0].endHour: must be a finite number (got NaN)"],
    ["a negative start hour", convert([range("monday", -1, 5)]), "ranges[0].startHour: must be between 0 and 24 (got -1)"],
    ["an end hour after midnight", convert([range("monday", 20, 25)]), "ranges[0].endHour: must be between 0 and 24 (got 25)"],
    ["a start hour off the quarter grid", convert([range("monday", 9.1, 17)]), "ranges[0].startHour: must be a multiple of 0.25 (got 9.1)"],
    ["an end before the start", convert([valid, valid, range("friday", 9, 8)]), "ranges[2].endHour: must be greater than startHour (got 9 >= 8)"],
    ["an empty range", convert([range("friday", 9, 9)]), "ranges[0].endHour: must be greater than startHour (got 9 >= 9)"],
    ["an invalid weekOf", convert([valid], "Europe/Berlin", { weekOf: new Date("not a date") }), "options.weekOf: must be a valid Date"],
  ])("rejects %s with a RangeError naming the field", (_name, call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });

  it("validates UTC input the same way", () => {
    expect(() => utcRangesToLocal([range("monday", 9, 8)], "UTC", WINTER)).toThrow(
      "ranges[0].endHour: must be greater than startHour (got 9 >= 8)",
    );
  });

  it("names schedule fields in fromOperatorSchedule", () => {
    expect(() => fromOperatorSchedule({ timezone: "Mars/Olympus", ranges: [] }, WINTER)).toThrow(
      'schedule.timezone: "Mars/Olympus" is not an IANA time zone',
    );
    expect(() => fromOperatorSchedule({ timezone: "UTC", ranges: [valid, range("tuesday", 30, 31)] }, WINTER)).toThrow(
      "schedule.ranges[1].startHour: must be between 0 and 24 (got 30)",
    );
    expect(() => fromOperatorSchedule(null as unknown as { timezone: string; ranges: [] })).toThrow(
      "schedule: must be an object with timezone and ranges",
    );
  });

  it("toOperatorSchedule validates before converting", () => {
    expect(() => toOperatorSchedule([range("monday", 17, 9)], "Europe/Berlin", WINTER)).toThrow(
      "ranges[0].endHour: must be greater than startHour (got 17 >= 9)",
    );
  });
});

describe("isIanaTimeZone", () => {
  it("accepts IANA names and rejects the rest", () => {
    expect(isIanaTimeZone("Europe/Berlin")).toBe(true);
    expect(isIanaTimeZone("UTC")).toBe(true);
    expect(isIanaTimeZone("Asia/Kathmandu")).toBe(true);
    expect(isIanaTimeZone("Mars/Olympus")).toBe(false);
    expect(isIanaTimeZone("+05:30")).toBe(false);
    expect(isIanaTimeZone("")).toBe(false);
  });
});
