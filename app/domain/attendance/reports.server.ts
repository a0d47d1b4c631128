import { db } from "~/lib/db.server";
import { requireActor, requireManageActivity } from "../policy/guards.server";
import { policy } from "../policy/rules";
import { attendanceOverTime, countsAsPresent, reachByTheme, toCsv } from "./aggregate";
import { ACTIVITY_TIMES, attendanceOf, attendanceOfActivities, type ActivityTimes } from "./attendance.server";

async function requireReportAccess(actorId: string, activityId: string) {
  return (await requireManageActivity(actorId, activityId)).activity;
}

export async function activityReport(actorId: string, activityId: string, now = new Date()) {
  const activity = await requireReportAccess(actorId, activityId);
  const { people, figures } = (await attendanceOf([activityId], now)).get(activityId)!;
  const ids = people.flatMap((row) => (row.userId ? [row.userId] : []));
  const names = new Map((await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]));
  const rows = people
    .map((row) => ({
      // A deleted person's stand-in has no name (decision 013).
      name: row.userId ? (names.get(row.userId) ?? "") : row.walkInName!,
      rsvp: row.signUp,
      checkedIn: row.checkedIn,
      firstJoin: row.firstJoin?.toISOString() ?? null,
      minutes: row.minutes,
      counted: row.counted,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { figures, people: rows, mode: activity.mode, seriesId: activity.seriesId, groupId: activity.groupId };
}
export type ActivityReport = Awaited<ReturnType<typeof activityReport>>;

/** Attendance over the dates of a series (or of a group, when the activity has no series). */
export async function attendanceTrend(actorId: string, activityId: string, now = new Date()) {
  const activity = await requireReportAccess(actorId, activityId);
  if (!activity.seriesId && !activity.groupId) return [];
  const occurrences = await db().activity.findMany({
    where: { ...(activity.seriesId ? { seriesId: activity.seriesId } : { groupId: activity.groupId }), startsAt: { lte: now }, status: "published" },
    orderBy: { startsAt: "asc" },
    take: 60,
    select: ACTIVITY_TIMES,
  });
  return trendOf(occurrences, now);
}

/**
 * The trend over these dates, without an access check (the caller checks). Apart from
 * `attendanceTrend`, which shows the first 60 dates, so that the benchmark can measure what
 * counting every date of a long series costs (decision 030).
 */
export async function trendOf(occurrences: ActivityTimes[], now: Date) {
  const attendance = await attendanceOfActivities(occurrences, now);
  // The same people as the report's "present"; a walk-in cannot be recognised on a later date, so each counts as new.
  const presentIds = (id: string) =>
    attendance
      .get(id)!
      .people.filter(countsAsPresent)
      .map((row) => row.userId ?? `walk-in:${row.checkInId}`);
  return attendanceOverTime(occurrences.map((o) => ({ activityId: o.id, startsAt: o.startsAt, attendeeIds: presentIds(o.id) })));
}

/** People reached per integration theme in a period, over the actor's activities (all, for admins). */
export async function themeReach(actorId: string, from: Date, to: Date, now = new Date()) {
  const actor = await requireActor(actorId, policy.canViewThemeReport);
  const activities = await db().activity.findMany({
    where: { startsAt: { gte: from, lt: to }, status: "published", ...(policy.themeReportCoversEveryone(actor) ? {} : { organiserId: actorId }) },
    select: { ...ACTIVITY_TIMES, themes: { select: { theme: true } } },
    take: 5000,
  });
  const attendance = await attendanceOfActivities(activities, now);
  // Reach counts every recognisable person who was there, with a place or not (a deleted attendee's stand-in too, decision 013).
  const reached = (id: string) =>
    attendance.get(id)!.people.flatMap((row) => (row.userId && (countsAsPresent(row) || row.counted === "without-place") ? [row.userId] : []));
  return reachByTheme(activities.flatMap((a) => reached(a.id).map((userId) => ({ userId, themes: a.themes.map((t) => t.theme) }))));
}

export async function attendanceExport(actorId: string, activityId: string, format: "csv" | "json") {
  const report = await activityReport(actorId, activityId);
  if (format === "json") return JSON.stringify({ figures: report.figures, people: report.people }, null, 2);
  return toCsv(
    ["name", "rsvp", "checked_in", "first_join", "minutes_present", "counted"],
    report.people.map((p) => [p.name, p.rsvp, p.checkedIn, p.firstJoin, p.minutes, p.counted]),
  );
}
