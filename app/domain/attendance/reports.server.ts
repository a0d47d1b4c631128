import { db } from "~/lib/db.server";
import { requireActor, requireManageActivity } from "../policy/guards.server";
import { policy } from "../policy/rules";
import { activityFigures, attendanceOverTime, minutesPresent, reachByTheme, toCsv } from "./aggregate";

async function requireReportAccess(actorId: string, activityId: string) {
  return (await requireManageActivity(actorId, activityId)).activity;
}

/** Everyone who was there: checked in at the door, or present online for at least a minute. */
async function attendeesOf(activityIds: string[], now: Date) {
  const [checkIns, sessions, activities] = await Promise.all([
    db().checkIn.findMany({ where: { activityId: { in: activityIds }, userId: { not: null } }, select: { activityId: true, userId: true } }),
    db().attendanceSession.findMany({ where: { activityId: { in: activityIds } }, select: { activityId: true, userId: true, joinedAt: true, leftAt: true } }),
    db().activity.findMany({ where: { id: { in: activityIds } }, select: { id: true, startsAt: true, endsAt: true } }),
  ]);
  const result = new Map<string, Set<string>>(activityIds.map((id) => [id, new Set<string>()]));
  for (const checkIn of checkIns) result.get(checkIn.activityId)!.add(checkIn.userId!);
  for (const activity of activities) {
    const online = minutesPresent(sessions.filter((s) => s.activityId === activity.id), { start: activity.startsAt, end: activity.endsAt }, now);
    for (const person of online) if (person.minutes >= 1) result.get(activity.id)!.add(person.userId);
  }
  return result;
}

export async function activityReport(actorId: string, activityId: string, now = new Date()) {
  const activity = await requireReportAccess(actorId, activityId);
  const [rsvps, checkIns, sessions] = await Promise.all([
    db().rsvp.findMany({ where: { activityId, status: { in: ["going", "waitlisted"] } }, select: { userId: true, status: true } }),
    db().checkIn.findMany({ where: { activityId }, select: { userId: true, walkInName: true, method: true, createdAt: true } }),
    db().attendanceSession.findMany({ where: { activityId }, select: { userId: true, joinedAt: true, leftAt: true } }),
  ]);
  const online = minutesPresent(sessions, { start: activity.startsAt, end: activity.endsAt }, now);
  const figures = activityFigures({
    goingIds: rsvps.filter((r) => r.status === "going").map((r) => r.userId),
    waitlistedIds: rsvps.filter((r) => r.status === "waitlisted").map((r) => r.userId),
    checkedInIds: checkIns.filter((c) => c.userId).map((c) => c.userId!),
    online,
  });
  const ids = [...new Set([...rsvps.map((r) => r.userId), ...checkIns.flatMap((c) => (c.userId ? [c.userId] : [])), ...online.map((o) => o.userId)])];
  const names = new Map((await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]));
  const onlineBy = new Map(online.map((o) => [o.userId, o]));
  const checkInBy = new Map(checkIns.filter((c) => c.userId).map((c) => [c.userId!, c]));
  const people = ids
    .map((userId) => ({
      name: names.get(userId) ?? "",
      rsvp: rsvps.find((r) => r.userId === userId)?.status ?? null,
      checkedIn: checkInBy.get(userId)?.method ?? null,
      firstJoin: onlineBy.get(userId)?.firstJoin.toISOString() ?? null,
      minutes: onlineBy.get(userId)?.minutes ?? null,
    }))
    .concat(checkIns.filter((c) => c.walkInName).map((c) => ({ name: c.walkInName!, rsvp: null, checkedIn: "walk-in", firstJoin: null, minutes: null })))
    .sort((a, b) => a.name.localeCompare(b.name));
  const walkIns = checkIns.filter((c) => c.walkInName).length;
  return { figures: { ...figures, attended: figures.attended + walkIns, walkIns }, people, mode: activity.mode, seriesId: activity.seriesId, groupId: activity.groupId };
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
    select: { id: true, startsAt: true },
  });
  const attendees = await attendeesOf(occurrences.map((o) => o.id), now);
  return attendanceOverTime(occurrences.map((o) => ({ activityId: o.id, startsAt: o.startsAt, attendeeIds: [...attendees.get(o.id)!] })));
}

/** People reached per integration theme in a period, over the actor's activities (all, for admins). */
export async function themeReach(actorId: string, from: Date, to: Date, now = new Date()) {
  const actor = await requireActor(actorId, policy.canViewThemeReport);
  const activities = await db().activity.findMany({
    where: { startsAt: { gte: from, lt: to }, status: "published", ...(policy.themeReportCoversEveryone(actor) ? {} : { organiserId: actorId }) },
    select: { id: true, themes: { select: { theme: true } } },
    take: 5000,
  });
  const attendees = await attendeesOf(activities.map((a) => a.id), now);
  return reachByTheme(activities.flatMap((a) => [...attendees.get(a.id)!].map((userId) => ({ userId, themes: a.themes.map((t) => t.theme) }))));
}

export async function attendanceExport(actorId: string, activityId: string, format: "csv" | "json") {
  const report = await activityReport(actorId, activityId);
  if (format === "json") return JSON.stringify({ figures: report.figures, people: report.people }, null, 2);
  return toCsv(
    ["name", "rsvp", "checked_in", "first_join", "minutes_present"],
    report.people.map((p) => [p.name, p.rsvp, p.checkedIn, p.firstJoin, p.minutes]),
  );
}
