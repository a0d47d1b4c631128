/**
 * A long weekly series with a random attendance history on every date, written straight into the
 * database (thousands of dates through the domain functions would take minutes): sign-ups in every
 * state, check-ins of people with and without a place, walk-ins, attendees who have since deleted
 * their account (decision 013) and online sessions, open, closed and dropped. For the tests and
 * the benchmark of reports over many occurrences (decision 030). The same seed gives the same
 * history, under new ids.
 */
import { randomUUID } from "node:crypto";
import { THEMES } from "~/lib/reference/activities";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { makePeople, makePerson } from "./factories";
import { seededRandom } from "./seeded-random";

const MINUTE = 60_000;
const WEEK = 7 * 24 * 60 * MINUTE;
const LENGTH = 90 * MINUTE;

export type SeriesHistory = {
  organiserId: string;
  seriesId: string;
  /** In date order. */
  activityIds: string[];
  themesOf: Map<string, string[]>;
  first: Date;
  /** After the end of the last date: every date is over. */
  after: Date;
};

export async function seriesWithHistory(options: { occurrences: number; people: number; seed?: number; first?: Date }): Promise<SeriesHistory> {
  const rand = seededRandom(options.seed ?? 20_261_203);
  const between = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)];
  const first = options.first ?? new Date("2020-01-06T18:00:00Z");

  const organiserId = await makePerson({ isOrganiser: true });
  const people = await makePeople(options.people);
  const seriesId = randomUUID();
  await db().activitySeries.create({ data: { id: seriesId, organiserId, timeZone: "Europe/Amsterdam", intervalWeeks: 1, startTime: "19:00" } });

  const activities: Prisma.ActivityCreateManyInput[] = [];
  const themesOf = new Map<string, string[]>();
  const rsvps: Prisma.RsvpCreateManyInput[] = [];
  const checkIns: Prisma.CheckInCreateManyInput[] = [];
  const sessions: Prisma.AttendanceSessionCreateManyInput[] = [];
  for (let index = 0; index < options.occurrences; index++) {
    const id = randomUUID();
    const startsAt = new Date(first.getTime() + index * WEEK);
    const endsAt = new Date(startsAt.getTime() + LENGTH);
    activities.push({ id, kind: "meetup", status: "published", organiserId, seriesId, startsAt, endsAt, mode: "hybrid", defaultLocale: "nl" });
    themesOf.set(id, [...new Set([pick(THEMES), pick(THEMES)])]);
    const attendees = [...new Set(Array.from({ length: between(0, 12) }, () => pick(people)))];
    attendees.forEach((userId, position) => {
      const status = pick(["going", "going", "going", "going", "waitlisted", "pending", "cancelled"]);
      rsvps.push({ id: randomUUID(), activityId: id, userId, status, position });
      // Most people going come; now and then someone without a place is there too.
      if (rand() < (status === "going" ? 0.6 : 0.1)) {
        const createdAt = new Date(startsAt.getTime() + between(-10, 60) * MINUTE);
        checkIns.push({ id: randomUUID(), activityId: id, userId, method: pick(["list", "qr", "code"]), createdAt });
      }
      if (rand() < 0.3) {
        const joinedAt = new Date(startsAt.getTime() + between(-30, 80) * MINUTE);
        const end = new Date(joinedAt.getTime() + between(0, 120) * MINUTE);
        const how = pick(["left", "left", "dropped", "open"]);
        sessions.push({
          id: randomUUID(),
          activityId: id,
          userId,
          joinedAt,
          lastSeenAt: end,
          leftAt: how === "left" ? end : null,
          disconnectedAt: how === "dropped" ? end : null,
        });
      }
    });
    for (let walkIn = between(-2, 2); walkIn > 0; walkIn--) {
      checkIns.push({ id: randomUUID(), activityId: id, userId: null, walkInName: `Walk-in ${index}.${walkIn}`, method: "walk-in", createdAt: startsAt });
    }
    // Someone who came and has since deleted their account: a stand-in id with no account and no sign-up.
    if (rand() < 0.05) checkIns.push({ id: randomUUID(), activityId: id, userId: randomUUID(), method: "list", createdAt: startsAt });
  }
  await db().activity.createMany({ data: activities });
  await db().activityTheme.createMany({ data: [...themesOf].flatMap(([activityId, themes]) => themes.map((theme) => ({ activityId, theme }))) });
  await db().rsvp.createMany({ data: rsvps });
  await db().checkIn.createMany({ data: checkIns });
  await db().attendanceSession.createMany({ data: sessions });

  // Three hours after the last date's end (which starts a week after the one before it).
  const after = new Date(first.getTime() + (options.occurrences - 1) * WEEK + LENGTH + 3 * 60 * MINUTE);
  return { organiserId, seriesId, activityIds: activities.map((a) => a.id), themesOf, first, after };
}
