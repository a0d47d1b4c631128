import { db } from "~/lib/db.server";
import { countAttendance, minutesPresent, noShowsKnown, type SignUpStatus } from "./aggregate";
import { sessionEnd } from "./sessions.server";

function byActivity<T extends { activityId: string }>(rows: T[]): (activityId: string) => T[] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.activityId);
    if (group) group.push(row);
    else groups.set(row.activityId, [row]);
  }
  return (activityId) => groups.get(activityId) ?? [];
}

/**
 * Attendees without a sign-up whose id belongs to no account: stand-ins of people who deleted
 * their account (decision 013). Someone without a sign-up who still has an account (a host) is not one.
 */
async function deletedAccounts(ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const existing = await db().user.findMany({ where: { id: { in: ids } }, select: { id: true } });
  const known = new Set(existing.map((user) => user.id));
  return new Set(ids.filter((id) => !known.has(id)));
}

/**
 * Loads sign-ups, check-ins and (unless `online: false`, as at the door) online presence of each
 * activity and counts them with `countAttendance`: the one place that decides who is present, so
 * the door, the report, the trend and the reach cannot disagree (decision 021).
 */
export async function attendanceOf(activityIds: string[], now: Date, options: { online?: boolean } = {}) {
  const withOnline = options.online ?? true;
  const [activities, signUps, checkIns, sessions] = await Promise.all([
    db().activity.findMany({ where: { id: { in: activityIds } }, select: { id: true, status: true, startsAt: true, endsAt: true } }),
    db().rsvp.findMany({ where: { activityId: { in: activityIds } }, select: { activityId: true, userId: true, status: true } }),
    db().checkIn.findMany({
      where: { activityId: { in: activityIds } },
      orderBy: { createdAt: "asc" },
      select: { id: true, activityId: true, userId: true, walkInName: true, method: true },
    }),
    withOnline
      ? db().attendanceSession.findMany({
          where: { activityId: { in: activityIds } },
          select: { activityId: true, userId: true, joinedAt: true, leftAt: true, disconnectedAt: true, lastSeenAt: true },
        })
      : [],
  ]);
  const signedUp = new Set(signUps.map((row) => `${row.activityId}:${row.userId}`));
  const withoutSignUp = [...checkIns, ...sessions].flatMap((row) => (row.userId && !signedUp.has(`${row.activityId}:${row.userId}`) ? [row.userId] : []));
  const deleted = await deletedAccounts([...new Set(withoutSignUp)]);
  const [signUpsOf, checkInsOf, sessionsOf] = [byActivity(signUps), byActivity(checkIns), byActivity(sessions)];
  return new Map(
    activities.map((activity) => {
      const sessions = sessionsOf(activity.id).map((session) => ({ userId: session.userId, joinedAt: session.joinedAt, leftAt: sessionEnd(session, now) }));
      const online = minutesPresent(sessions, { start: activity.startsAt, end: activity.endsAt }, now);
      const attendees = [...checkInsOf(activity.id).map((row) => row.userId), ...online.map((row) => row.userId)];
      return [
        activity.id,
        countAttendance({
          signUps: signUpsOf(activity.id).map((row) => ({ userId: row.userId, status: row.status as SignUpStatus })),
          checkIns: checkInsOf(activity.id),
          online,
          noShowsKnown: noShowsKnown(activity, now),
          deletedAccounts: attendees.filter((id): id is string => id !== null && deleted.has(id)),
        }),
      ];
    }),
  );
}
