import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  MAX_OCCURRENCES,
  MAX_SPAN_DAYS,
  RecurrenceError,
  expandSeries,
  isValidTimeZone,
  rescheduleDates,
  utcToZonedParts,
  zonedDateTimeToUtc,
  type SeriesRule,
} from "~/domain/activities/recurrence";

const AMSTERDAM = "Europe/Amsterdam";
const DAY_MS = 86_400_000;

const cafe: SeriesRule = {
  firstDate: "2026-03-03",
  startTime: "19:00",
  durationMinutes: 90,
  timeZone: AMSTERDAM,
  intervalWeeks: 1,
  count: 6,
};

function errorOf(run: () => unknown): RecurrenceError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RecurrenceError);
    return error as RecurrenceError;
  }
  throw new Error("expected a RecurrenceError");
}

const keyOf = (run: () => unknown) => errorOf(run).key;
const iso = (dates: Date[]) => dates.map((date) => date.toISOString());
const localParts = (rule: SeriesRule) => expandSeries(rule).map(({ startsAt }) => utcToZonedParts(startsAt, rule.timeZone));

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

describe("expandSeries across daylight-saving changes", () => {
  it("keeps 19:00 local through the March change; UTC moves from 18:00 to 17:00", () => {
    const occurrences = expandSeries(cafe);
    expect(iso(occurrences.map((o) => o.startsAt))).toEqual([
      "2026-03-03T18:00:00.000Z",
      "2026-03-10T18:00:00.000Z",
      "2026-03-17T18:00:00.000Z",
      "2026-03-24T18:00:00.000Z",
      "2026-03-31T17:00:00.000Z",
      "2026-04-07T17:00:00.000Z",
    ]);
    expect(localParts(cafe)).toEqual(
      ["2026-03-03", "2026-03-10", "2026-03-17", "2026-03-24", "2026-03-31", "2026-04-07"].map((date) => ({
        date,
        time: "19:00",
        weekday: 2,
      })),
    );
    for (const { startsAt, endsAt } of occurrences) expect(endsAt.getTime() - startsAt.getTime()).toBe(90 * 60_000);
  });

  it("keeps 19:00 local through the October change; UTC moves from 17:00 back to 18:00", () => {
    const rule = { ...cafe, firstDate: "2026-10-06" };
    expect(iso(expandSeries(rule).map((o) => o.startsAt))).toEqual([
      "2026-10-06T17:00:00.000Z",
      "2026-10-13T17:00:00.000Z",
      "2026-10-20T17:00:00.000Z",
      "2026-10-27T18:00:00.000Z",
      "2026-11-03T18:00:00.000Z",
      "2026-11-10T18:00:00.000Z",
    ]);
    expect(new Set(localParts(rule).map((p) => `${p.weekday} ${p.time}`))).toEqual(new Set(["2 19:00"]));
  });

  it("measures the duration in real minutes, even for an event spanning the change", () => {
    const [night] = expandSeries({ ...cafe, firstDate: "2026-10-24", startTime: "23:00", durationMinutes: 240, count: 1 });
    expect(night.startsAt.toISOString()).toBe("2026-10-24T21:00:00.000Z");
    expect(night.endsAt.toISOString()).toBe("2026-10-25T01:00:00.000Z");
    // Four real hours that end at 02:00 local, the clock having gone back at 03:00.
    expect(utcToZonedParts(night.endsAt, AMSTERDAM).time).toBe("02:00");
  });

  it("handles the southern hemisphere (Sydney) and a zone with a 30-minute shift (Lord Howe)", () => {
    const sydney = expandSeries({ ...cafe, firstDate: "2026-03-29", timeZone: "Australia/Sydney", startTime: "10:00", count: 2 });
    expect(iso(sydney.map((o) => o.startsAt))).toEqual(["2026-03-28T23:00:00.000Z", "2026-04-05T00:00:00.000Z"]);
    const lordHowe = expandSeries({ ...cafe, firstDate: "2026-03-29", timeZone: "Australia/Lord_Howe", startTime: "10:00", count: 2 });
    expect(iso(lordHowe.map((o) => o.startsAt))).toEqual(["2026-03-28T23:00:00.000Z", "2026-04-04T23:30:00.000Z"]);
  });

  it("gives the same instants whatever the process time zone is", () => {
    const original = process.env.TZ;
    try {
      const results = ["UTC", "Asia/Tokyo", "America/Los_Angeles", "Europe/Amsterdam", "Australia/Lord_Howe"].map((zone) => {
        process.env.TZ = zone;
        return [
          iso(expandSeries(cafe).map((o) => o.startsAt)),
          zonedDateTimeToUtc("2026-10-25", "02:30", AMSTERDAM).toISOString(),
          utcToZonedParts(new Date("2026-03-29T00:59:00Z"), AMSTERDAM),
        ];
      });
      for (const result of results) expect(result).toEqual(results[0]);
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});

describe("expandSeries intervals and ends", () => {
  it("repeats every two weeks", () => {
    expect(localParts({ ...cafe, intervalWeeks: 2, count: 4 }).map((p) => p.date)).toEqual(["2026-03-03", "2026-03-17", "2026-03-31", "2026-04-14"]);
  });

  it("repeats every four weeks", () => {
    expect(localParts({ ...cafe, intervalWeeks: 4, count: 3 }).map((p) => p.date)).toEqual(["2026-03-03", "2026-03-31", "2026-04-28"]);
  });

  it("stops at the last date on or before `until` (inclusive, local)", () => {
    const { count: _unused, ...withoutCount } = cafe;
    expect(localParts({ ...withoutCount, until: "2026-03-24" }).map((p) => p.date)).toEqual(["2026-03-03", "2026-03-10", "2026-03-17", "2026-03-24"]);
    expect(expandSeries({ ...withoutCount, until: "2026-03-23" })).toHaveLength(3);
    expect(expandSeries({ ...withoutCount, until: "2026-03-03" })).toHaveLength(1);
    expect(expandSeries({ ...withoutCount, intervalWeeks: 2, until: "2026-03-30" })).toHaveLength(2);
  });

  it("uses `until` as a local date: a late-evening occurrence on that date is included", () => {
    // In Auckland (UTC+13) 08:00 on 17 March is still the 16th in UTC; it counts as the 17th.
    const rule: SeriesRule = { ...cafe, count: undefined, timeZone: "Pacific/Auckland", startTime: "08:00", until: "2026-03-17" };
    const occurrences = expandSeries(rule);
    expect(occurrences).toHaveLength(3);
    expect(occurrences[2].startsAt.toISOString()).toBe("2026-03-16T19:00:00.000Z");
  });

  it("with both count and until, stops at whichever comes first", () => {
    expect(expandSeries({ ...cafe, count: 10, until: "2026-03-24" })).toHaveLength(4);
    expect(expandSeries({ ...cafe, count: 2, until: "2026-04-30" })).toHaveLength(2);
  });
});

describe("expandSeries limits", () => {
  it(`accepts ${MAX_OCCURRENCES} weekly occurrences and refuses ${MAX_OCCURRENCES + 1}`, () => {
    const occurrences = expandSeries({ ...cafe, count: MAX_OCCURRENCES });
    expect(occurrences).toHaveLength(53);
    expect(utcToZonedParts(occurrences[52].startsAt, AMSTERDAM)).toEqual({ date: "2027-03-02", time: "19:00", weekday: 2 });
    expect(keyOf(() => expandSeries({ ...cafe, count: MAX_OCCURRENCES + 1 }))).toBe("activities.errors.recurrenceTooLong");
  });

  it(`accepts an until ${MAX_SPAN_DAYS} days after the start but refuses a series whose last start is further`, () => {
    const base = { ...cafe, count: undefined };
    expect(expandSeries({ ...base, until: addDays(cafe.firstDate, MAX_SPAN_DAYS) })).toHaveLength(53);
    expect(keyOf(() => expandSeries({ ...base, until: addDays(cafe.firstDate, 371) }))).toBe("activities.errors.recurrenceTooLong");
    expect(keyOf(() => expandSeries({ ...base, until: "2099-12-31" }))).toBe("activities.errors.recurrenceTooLong");
  });

  it("refuses a span over 366 days even with fewer than 53 occurrences", () => {
    // Every two weeks: 27 occurrences span 364 days, 28 span 378. Every four: 14 span 364, 15 span 392.
    expect(expandSeries({ ...cafe, intervalWeeks: 2, count: 27 })).toHaveLength(27);
    expect(keyOf(() => expandSeries({ ...cafe, intervalWeeks: 2, count: 28 }))).toBe("activities.errors.recurrenceTooLong");
    expect(expandSeries({ ...cafe, intervalWeeks: 4, count: 14 })).toHaveLength(14);
    expect(keyOf(() => expandSeries({ ...cafe, intervalWeeks: 4, count: 15 }))).toBe("activities.errors.recurrenceTooLong");
  });

  it("refuses a series without an end", () => {
    const { count: _unused, ...open } = cafe;
    expect(keyOf(() => expandSeries(open))).toBe("activities.errors.recurrenceNoEnd");
    expect(keyOf(() => expandSeries({ ...open, until: "" }))).toBe("activities.errors.recurrenceNoEnd");
    expect(keyOf(() => expandSeries({ ...cafe, count: 0 }))).toBe("activities.errors.recurrenceNoEnd");
    expect(keyOf(() => expandSeries({ ...cafe, count: 2.5 }))).toBe("activities.errors.recurrenceNoEnd");
  });

  it.each([0, 5, -1, 1.5, Number.NaN])("refuses an interval of %s weeks", (intervalWeeks) => {
    expect(keyOf(() => expandSeries({ ...cafe, intervalWeeks }))).toBe("activities.errors.recurrenceInterval");
  });

  it("refuses a non-positive duration and an until before the first date", () => {
    expect(keyOf(() => expandSeries({ ...cafe, durationMinutes: 0 }))).toBe("activities.errors.endBeforeStart");
    expect(keyOf(() => expandSeries({ ...cafe, durationMinutes: -30 }))).toBe("activities.errors.endBeforeStart");
    expect(keyOf(() => expandSeries({ ...cafe, durationMinutes: Number.NaN }))).toBe("activities.errors.endBeforeStart");
    expect(keyOf(() => expandSeries({ ...cafe, until: "2026-03-02" }))).toBe("activities.errors.endBeforeStart");
  });

  it("refuses an unknown time zone", () => {
    const error = errorOf(() => expandSeries({ ...cafe, timeZone: "Mars/Olympus" }));
    expect(error.key).toBe("activities.errors.unknownTimeZone");
    expect(error.values).toEqual({ timeZone: "Mars/Olympus" });
  });

  it.each([
    ["2026-02-30", "19:00"],
    ["2026-02-29", "19:00"],
    ["2026-3-3", "19:00"],
    ["20260303", "19:00"],
    ["2026-03-03T19:00", "19:00"],
    ["", "19:00"],
    ["2026-03-03", "24:00"],
    ["2026-03-03", "19:60"],
    ["2026-03-03", "7:00"],
    ["2026-03-03", "19:00:00"],
    ["2026-03-03", "7pm"],
  ])("refuses the malformed date/time %j %j", (firstDate, startTime) => {
    expect(keyOf(() => expandSeries({ ...cafe, firstDate, startTime }))).toBe("activities.errors.invalidDate");
  });

  it("refuses a malformed until", () => {
    expect(keyOf(() => expandSeries({ ...cafe, until: "31-12-2026" }))).toBe("activities.errors.invalidDate");
  });

  it("refuses a series with an occurrence in a DST gap, naming that date", () => {
    // Sundays 02:30: the third one, 29 March, does not exist in Amsterdam.
    const error = errorOf(() => expandSeries({ ...cafe, firstDate: "2026-03-15", startTime: "02:30", count: 3 }));
    expect(error.key).toBe("activities.errors.invalidDate");
    expect(error.values).toEqual({ date: "2026-03-29", time: "02:30" });
    expect(expandSeries({ ...cafe, firstDate: "2026-03-15", startTime: "02:30", count: 2 })).toHaveLength(2);
  });

  it("accepts a leap day", () => {
    expect(localParts({ ...cafe, firstDate: "2028-02-29", count: 1 })).toEqual([{ date: "2028-02-29", time: "19:00", weekday: 2 }]);
  });
});

describe("zonedDateTimeToUtc", () => {
  it("converts ordinary wall-clock times, including half- and quarter-hour zones", () => {
    expect(zonedDateTimeToUtc("2026-12-01", "19:00", AMSTERDAM).toISOString()).toBe("2026-12-01T18:00:00.000Z");
    expect(zonedDateTimeToUtc("2026-07-01", "19:00", AMSTERDAM).toISOString()).toBe("2026-07-01T17:00:00.000Z");
    expect(zonedDateTimeToUtc("2026-07-01", "00:00", "Asia/Kolkata").toISOString()).toBe("2026-06-30T18:30:00.000Z");
    expect(zonedDateTimeToUtc("2026-07-01", "12:00", "Asia/Kathmandu").toISOString()).toBe("2026-07-01T06:15:00.000Z");
    expect(zonedDateTimeToUtc("2027-01-01", "00:00", "Pacific/Kiritimati").toISOString()).toBe("2026-12-31T10:00:00.000Z");
    expect(zonedDateTimeToUtc("2026-07-01", "19:00", "UTC").toISOString()).toBe("2026-07-01T19:00:00.000Z");
  });

  it.each([
    ["2026-03-29", "02:00", AMSTERDAM],
    ["2026-03-29", "02:30", AMSTERDAM],
    ["2026-03-29", "02:59", AMSTERDAM],
    ["2026-03-08", "02:30", "America/New_York"],
    ["2026-10-04", "02:30", "Australia/Sydney"],
    ["2026-10-04", "02:15", "Australia/Lord_Howe"],
  ])("refuses %s %s in %s, skipped by the DST gap", (date, time, zone) => {
    const error = errorOf(() => zonedDateTimeToUtc(date, time, zone));
    expect(error.key).toBe("activities.errors.invalidDate");
    expect(error.values).toEqual({ date, time });
  });

  it("accepts the minutes either side of the gap", () => {
    expect(zonedDateTimeToUtc("2026-03-29", "01:59", AMSTERDAM).toISOString()).toBe("2026-03-29T00:59:00.000Z");
    expect(zonedDateTimeToUtc("2026-03-29", "03:00", AMSTERDAM).toISOString()).toBe("2026-03-29T01:00:00.000Z");
  });

  it.each([
    ["2026-10-25", "02:30", AMSTERDAM, "2026-10-25T00:30:00.000Z"],
    ["2026-10-25", "02:00", AMSTERDAM, "2026-10-25T00:00:00.000Z"],
    ["2026-10-25", "02:59", AMSTERDAM, "2026-10-25T00:59:00.000Z"],
    ["2026-11-01", "01:30", "America/New_York", "2026-11-01T05:30:00.000Z"],
    ["2026-04-05", "02:30", "Australia/Sydney", "2026-04-04T15:30:00.000Z"],
    ["2026-04-05", "01:45", "Australia/Lord_Howe", "2026-04-04T14:45:00.000Z"],
  ])("picks the earlier instant for the ambiguous %s %s in %s", (date, time, zone, expected) => {
    const instant = zonedDateTimeToUtc(date, time, zone);
    expect(instant.toISOString()).toBe(expected);
    // The earlier instant: one DST-shift later, the wall clock shows the same time again.
    const shiftMs = zone === "Australia/Lord_Howe" ? 30 * 60_000 : 3_600_000;
    expect(utcToZonedParts(new Date(instant.getTime() + shiftMs), zone).time).toBe(time);
    expect(utcToZonedParts(new Date(instant.getTime() - shiftMs), zone).time).not.toBe(time);
  });

  it("throws unknownTimeZone and invalidDate", () => {
    expect(keyOf(() => zonedDateTimeToUtc("2026-03-03", "19:00", "Mars/Olympus"))).toBe("activities.errors.unknownTimeZone");
    expect(keyOf(() => zonedDateTimeToUtc("2026-13-01", "19:00", AMSTERDAM))).toBe("activities.errors.invalidDate");
    expect(keyOf(() => zonedDateTimeToUtc("2026-03-03", "25:00", AMSTERDAM))).toBe("activities.errors.invalidDate");
  });
});

describe("utcToZonedParts", () => {
  it("reads the local date, time and ISO weekday", () => {
    expect(utcToZonedParts(new Date("2026-03-31T17:00:00Z"), AMSTERDAM)).toEqual({ date: "2026-03-31", time: "19:00", weekday: 2 });
    expect(utcToZonedParts(new Date("2026-03-29T10:00:00Z"), AMSTERDAM)).toEqual({ date: "2026-03-29", time: "12:00", weekday: 7 });
    expect(utcToZonedParts(new Date("2026-12-31T23:30:00Z"), "Asia/Tokyo")).toEqual({ date: "2027-01-01", time: "08:30", weekday: 5 });
    expect(utcToZonedParts(new Date("2026-01-01T05:00:00Z"), "Pacific/Pago_Pago")).toEqual({ date: "2025-12-31", time: "18:00", weekday: 3 });
    expect(utcToZonedParts(new Date("2026-03-02T00:00:00Z"), "UTC")).toEqual({ date: "2026-03-02", time: "00:00", weekday: 1 });
    expect(utcToZonedParts(new Date("2026-03-02T23:59:59.999Z"), "UTC").time).toBe("23:59");
  });

  it("shows both readings of the October overlap", () => {
    expect(utcToZonedParts(new Date("2026-10-25T00:30:00Z"), AMSTERDAM).time).toBe("02:30");
    expect(utcToZonedParts(new Date("2026-10-25T01:30:00Z"), AMSTERDAM).time).toBe("02:30");
  });

  it("refuses an unknown zone and an invalid Date", () => {
    expect(keyOf(() => utcToZonedParts(new Date(), "+02:00"))).toBe("activities.errors.unknownTimeZone");
    expect(keyOf(() => utcToZonedParts(new Date(Number.NaN), AMSTERDAM))).toBe("activities.errors.invalidDate");
  });
});

describe("isValidTimeZone", () => {
  it.each(["Europe/Amsterdam", "UTC", "Asia/Kolkata", "America/Argentina/Buenos_Aires", "Etc/GMT+2", "Australia/Lord_Howe"])("accepts %s", (zone) =>
    expect(isValidTimeZone(zone)).toBe(true),
  );

  it.each(["", "Mars/Olympus", "+02:00", "-05:00", "+0200", " Europe/Amsterdam", "Europe/Amsterdam\n", "Europe/Atlantis"])("rejects %j", (zone) =>
    expect(isValidTimeZone(zone)).toBe(false),
  );
});

const ZONES = [
  "Europe/Amsterdam",
  "Europe/London",
  "America/New_York",
  "America/Sao_Paulo",
  "America/Santiago",
  "Australia/Sydney",
  "Australia/Lord_Howe",
  "Pacific/Auckland",
  "Pacific/Chatham",
  "Asia/Tokyo",
  "Asia/Kolkata",
  "Asia/Tehran",
  "Africa/Casablanca",
  "UTC",
];

const dateArb = fc
  .integer({ min: Date.UTC(2020, 0, 1) / DAY_MS, max: Date.UTC(2035, 11, 31) / DAY_MS })
  .map((day) => new Date(day * DAY_MS).toISOString().slice(0, 10));
const pad = (n: number) => String(n).padStart(2, "0");

describe("properties", () => {
  it("every occurrence shares the local weekday and time, 7*interval local days apart, within the limits", () => {
    // 04:00..23:59 avoids every DST gap in these zones (gaps sit between 00:00 and 03:45).
    const timeArb = fc.tuple(fc.integer({ min: 4, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${pad(h)}:${pad(m)}`);
    const ruleArb = fc
      .record({
        firstDate: dateArb,
        startTime: timeArb,
        durationMinutes: fc.integer({ min: 1, max: 24 * 60 }),
        timeZone: fc.constantFrom(...ZONES),
        intervalWeeks: fc.integer({ min: 1, max: 4 }),
        count: fc.option(fc.integer({ min: 1, max: 53 }), { nil: undefined }),
        untilOffset: fc.integer({ min: 0, max: MAX_SPAN_DAYS }),
        useUntil: fc.boolean(),
      })
      .filter((r) => r.useUntil || r.count !== undefined)
      // The count limit and the span limit both apply: keep generated rules within both.
      .filter((r) => r.count === undefined || (r.count - 1) * 7 * r.intervalWeeks <= MAX_SPAN_DAYS)
      .map(({ untilOffset, useUntil, ...rule }): SeriesRule => ({
        ...rule,
        until: useUntil ? addDays(rule.firstDate, untilOffset) : undefined,
      }));

    fc.assert(
      fc.property(ruleArb, (rule) => {
        const occurrences = expandSeries(rule);
        expect(occurrences.length).toBeGreaterThanOrEqual(1);
        expect(occurrences.length).toBeLessThanOrEqual(MAX_OCCURRENCES);
        if (rule.count !== undefined) expect(occurrences.length).toBeLessThanOrEqual(rule.count);
        const parts = occurrences.map(({ startsAt }) => utcToZonedParts(startsAt, rule.timeZone));
        expect(parts[0].date).toBe(rule.firstDate);
        parts.forEach((p, k) => {
          expect(p.weekday).toBe(parts[0].weekday);
          expect(p.time).toBe(rule.startTime);
          expect(p.date).toBe(addDays(rule.firstDate, 7 * rule.intervalWeeks * k));
          if (rule.until) expect(p.date <= rule.until).toBe(true);
          const { startsAt, endsAt } = occurrences[k];
          expect(endsAt.getTime() - startsAt.getTime()).toBe(rule.durationMinutes * 60_000);
        });
        const last = parts[parts.length - 1].date;
        expect(Date.parse(last) - Date.parse(rule.firstDate)).toBeLessThanOrEqual(MAX_SPAN_DAYS * DAY_MS);
        // Stopped for a reason: the count was reached or the next date would pass `until`.
        const next = addDays(last, 7 * rule.intervalWeeks);
        expect(occurrences.length === rule.count || (rule.until !== undefined && next > rule.until)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("utcToZonedParts and zonedDateTimeToUtc round-trip (earliest instant for repeated wall times)", () => {
    const minuteArb = fc.integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2040, 0, 1) / 60_000 });
    fc.assert(
      fc.property(minuteArb, fc.constantFrom(...ZONES), (minute, zone) => {
        const instant = new Date(minute * 60_000);
        const parts = utcToZonedParts(instant, zone);
        const back = zonedDateTimeToUtc(parts.date, parts.time, zone);
        expect(utcToZonedParts(back, zone)).toEqual(parts);
        // Equal, unless the wall time repeats (overlap) and `instant` was its second reading.
        expect(back.getTime()).toBeLessThanOrEqual(instant.getTime());
        expect(instant.getTime() - back.getTime()).toBeLessThanOrEqual(2 * 3_600_000);
      }),
      { numRuns: 2000 },
    );
  });

  it("zonedDateTimeToUtc either refuses a wall time (gap) or returns an instant that reads back as it", () => {
    const timeArb = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${pad(h)}:${pad(m)}`);
    fc.assert(
      fc.property(dateArb, timeArb, fc.constantFrom(...ZONES), (date, time, zone) => {
        let instant: Date;
        try {
          instant = zonedDateTimeToUtc(date, time, zone);
        } catch (error) {
          expect((error as RecurrenceError).key).toBe("activities.errors.invalidDate");
          // A gap is short: an hour later the wall clock exists again.
          const [h, m] = time.split(":").map(Number);
          expect(() => zonedDateTimeToUtc(date, `${pad((h + 2) % 24)}:${pad(m)}`, zone)).not.toThrow();
          return;
        }
        expect(utcToZonedParts(instant, zone)).toMatchObject({ date, time });
      }),
      { numRuns: 2000 },
    );
  });
});

describe("rescheduleDates: editing this and later dates (decision 021)", () => {
  const startsOf = (rule: SeriesRule) => expandSeries(rule).map(({ startsAt }) => ({ startsAt, timeZone: rule.timeZone }));
  const partsIn = (zone: string) => (instant: Date) => utcToZonedParts(instant, zone);

  it("keeps a Wednesday 19:00 Amsterdam series on Wednesdays at 19:00 in Tokyo, across the March change", () => {
    const dates = startsOf({ ...cafe, firstDate: "2027-03-17", count: 4 }); // 17, 24, 31 March, 7 April
    const moved = rescheduleDates(dates[0], { date: "2027-03-17", time: "19:00", timeZone: "Asia/Tokyo" }, dates);
    expect(moved.map(partsIn("Asia/Tokyo"))).toEqual(
      ["2027-03-17", "2027-03-24", "2027-03-31", "2027-04-07"].map((date) => ({ date, time: "19:00", weekday: 3 })),
    );
    // Reading the old instants in Tokyo would have put them on Thursdays.
    expect(dates.map(({ startsAt }) => utcToZonedParts(startsAt, "Asia/Tokyo").weekday)).toEqual([4, 4, 4, 4]);
  });

  it("keeps a Wednesday 08:00 Amsterdam series on Wednesdays in Los Angeles through both October and November changes", () => {
    const dates = startsOf({ ...cafe, firstDate: "2027-10-20", startTime: "08:00", count: 4 });
    const moved = rescheduleDates(dates[0], { date: "2027-10-20", time: "08:00", timeZone: "America/Los_Angeles" }, dates);
    expect(moved.map(partsIn("America/Los_Angeles"))).toEqual(
      ["2027-10-20", "2027-10-27", "2027-11-03", "2027-11-10"].map((date) => ({ date, time: "08:00", weekday: 3 })),
    );
  });

  it("moves every later date by the days the edited date moved", () => {
    const dates = startsOf({ ...cafe, firstDate: "2027-03-24", count: 3 });
    const moved = rescheduleDates(dates[0], { date: "2027-03-22", time: "07:30", timeZone: "Pacific/Kiritimati" }, dates);
    expect(moved.map(partsIn("Pacific/Kiritimati"))).toEqual(["2027-03-22", "2027-03-29", "2027-04-05"].map((date) => ({ date, time: "07:30", weekday: 1 })));
  });

  it("names the date a new time does not exist on (clocks forward), instead of moving it", () => {
    const dates = startsOf({ ...cafe, firstDate: "2027-03-14", startTime: "10:00", count: 3 }); // Sundays; 28 March skips 02:00–03:00
    const error = errorOf(() => rescheduleDates(dates[0], { date: "2027-03-14", time: "02:30", timeZone: AMSTERDAM }, dates));
    expect(error).toMatchObject({ key: "activities.errors.invalidDate", values: { date: "2027-03-28", time: "02:30" } });
  });

  it("gives each date its old local date plus the shift, at the new time in the new zone (property)", () => {
    const timeArb = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${pad(h)}:${pad(m)}`);
    fc.assert(
      fc.property(
        dateArb,
        timeArb,
        fc.constantFrom(...ZONES, "America/Los_Angeles", "Pacific/Kiritimati", "Pacific/Honolulu"),
        fc.integer({ min: 2, max: 8 }),
        fc.nat(7),
        fc.integer({ min: -3, max: 3 }),
        timeArb,
        fc.constantFrom(...ZONES, "America/Los_Angeles", "Pacific/Kiritimati", "Pacific/Honolulu"),
        (firstDate, startTime, timeZone, count, editedAt, shift, time, newZone) => {
          let dates: ReturnType<typeof startsOf>;
          try {
            dates = startsOf({ firstDate, startTime, durationMinutes: 60, timeZone, intervalWeeks: 1, count });
          } catch {
            return; // the old series itself falls in a gap: nothing to edit
          }
          const later = dates.slice(Math.min(editedAt, dates.length - 1));
          const oldDates = later.map(({ startsAt }) => utcToZonedParts(startsAt, timeZone).date);
          const newDates = oldDates.map((date) => addDays(date, shift));
          let moved: Date[];
          try {
            moved = rescheduleDates(later[0], { date: newDates[0], time, timeZone: newZone }, later);
          } catch (error) {
            // Refused only for a date on which the new time never happens in the new zone.
            const { key, values } = error as RecurrenceError;
            expect(key).toBe("activities.errors.invalidDate");
            expect(newDates).toContain(values.date);
            expect(() => zonedDateTimeToUtc(String(values.date), time, newZone)).toThrow(RecurrenceError);
            return;
          }
          expect(moved.map((instant) => utcToZonedParts(instant, newZone)).map((parts) => [parts.date, parts.time])).toEqual(
            newDates.map((date) => [date, time]),
          );
          // In an overlap (clocks back) the earlier of the two instants, as everywhere else.
          for (const instant of moved) expect(instant.getTime()).toBe(zonedDateTimeToUtc(utcToZonedParts(instant, newZone).date, time, newZone).getTime());
        },
      ),
      { numRuns: 1000 },
    );
  });
});
