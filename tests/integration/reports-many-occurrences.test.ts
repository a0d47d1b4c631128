/**
 * Reports over more dates than one query can name (decision 030): a series of 1,200 dates with a
 * random history on each. SQLite takes at most 999 bound values in one statement, and Prisma does
 * not split an ordered read, so counting them all at once used to fail with P2029. Counted at
 * once, every date must come out exactly as when counted on its own.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { attendanceOverTime, countsAsPresent } from "~/domain/attendance/aggregate";
import { ACTIVITY_TIMES, attendanceOf } from "~/domain/attendance/attendance.server";
import { themeReach, trendOf } from "~/domain/attendance/reports.server";
import { db } from "~/lib/db.server";
import { seriesWithHistory, type SeriesHistory } from "../support/series-history";

const OCCURRENCES = 1_200;
const WEEK = 7 * 24 * 60 * 60_000;

let history: SeriesHistory;
/** Halfway through date 600: earlier dates are over, that one is going on, later ones are to come. */
let now: Date;
let alone: Map<string, Awaited<ReturnType<typeof attendanceOf>> extends Map<string, infer V> ? V : never>;

beforeAll(async () => {
  history = await seriesWithHistory({ occurrences: OCCURRENCES, people: 40 });
  now = new Date(history.first.getTime() + 600 * WEEK + 45 * 60_000);
  alone = new Map();
  for (const id of history.activityIds) alone.set(id, (await attendanceOf([id], now)).get(id)!);
}, 120_000);

describe(`attendance of ${OCCURRENCES} dates at once`, () => {
  it("counts every date, each as it counts on its own", async () => {
    const together = await attendanceOf(history.activityIds, now);
    expect(together.size).toBe(OCCURRENCES);
    for (const id of history.activityIds) expect(together.get(id), id).toEqual(alone.get(id));
    // The history has every kind of row, so that the comparison covers them.
    const figures = [...alone.values()].map((entry) => entry.figures);
    for (const key of ["presentGoing", "walkIns", "presentDeleted", "presentWithoutPlace", "noShows", "averageMinutes"] as const) {
      expect(
        figures.some((f) => (f[key] ?? 0) > 0),
        key,
      ).toBe(true);
    }
  });

  it("counts a date listed twice once", async () => {
    // Listed again in another chunk of ids, its rows would otherwise be read twice.
    const twice = await attendanceOf([...history.activityIds, ...history.activityIds.slice(0, 700)], now);
    for (const id of history.activityIds.slice(0, 700)) expect(twice.get(id), id).toEqual(alone.get(id));
  });

  it("reaches, per theme, the people who were there on any of the dates, each once", async () => {
    const expected = new Map<string, Set<string>>();
    for (const id of history.activityIds) {
      for (const row of alone.get(id)!.people) {
        if (!row.userId || !(countsAsPresent(row) || row.counted === "without-place")) continue;
        for (const theme of history.themesOf.get(id)!) expected.set(theme, (expected.get(theme) ?? new Set()).add(row.userId));
      }
    }
    const reach = await themeReach(history.organiserId, history.first, history.after, now);
    expect(Object.fromEntries(reach.map((r) => [r.theme, r.people]))).toEqual(Object.fromEntries([...expected].map(([theme, ids]) => [theme, ids.size])));
    expect(reach.length).toBeGreaterThan(5);
  });

  it("follows every date of the series in the trend, with the people present on each", async () => {
    const dates = await db().activity.findMany({ where: { seriesId: history.seriesId }, orderBy: { startsAt: "asc" }, select: ACTIVITY_TIMES });
    const present = (id: string) =>
      alone
        .get(id)!
        .people.filter(countsAsPresent)
        .map((row) => row.userId ?? `walk-in:${row.checkInId}`);
    expect(await trendOf(dates, now)).toEqual(attendanceOverTime(dates.map((d) => ({ activityId: d.id, startsAt: d.startsAt, attendeeIds: present(d.id) }))));
    expect(dates.length).toBe(OCCURRENCES);
  });
});
