import { db } from "~/lib/db.server";
import { readInChunks } from "~/lib/read-in-chunks.server";
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
  const existing = await readInChunks(ids, (chunk) => db().user.findMany({ where: { id: { in: chunk } }, select: { id: true } }));
  const known = new Set(existing.map((user) => user.id));
  return new Set(ids.filter((id) => !known.has(id)));
}

/** What counting needs of an activity itself: the window of its online minutes, and whether no-shows are known. */
export const ACTIVITY_TIMES = { id: true, status: true, startsAt: true, endsAt: true } as const;
export type ActivityTimes = { id: string; status: string; startsAt: Date; endsAt: Date };

/**
 * The rows `attendanceOf` counts, in chunks of ids (a series can have thousands of dates). Check-ins
 * in the order they were made (by id when made in the same millisecond), which is the order of
 * walk-ins in the lists; each chunk holds whole activities, so that order holds per activity.
 * Exported for the benchmark, whose baseline is reading these rows without counting them.
 */
export async function attendanceRowsOf(activityIds: string[], withOnline: boolean) {
  const where = (chunk: string[]) => ({ activityId: { in: chunk } });
  return Promise.all([
    readInChunks(activityIds, (chunk) => db().rsvp.findMany({ where: where(chunk), select: { activityId: true, userId: true, status: true } })),
    readInChunks(activityIds, (chunk) =>
      db().checkIn.findMany({
        where: where(chunk),
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, activityId: true, userId: true, walkInName: true, method: true },
      }),
    ),
    withOnline
      ? readInChunks(activityIds, (chunk) =>
          db().attendanceSession.findMany({
            where: where(chunk),
            select: { activityId: true, userId: true, joinedAt: true, leftAt: true, disconnectedAt: true, lastSeenAt: true },
          }),
        )
      : [],
  ]);
}

/**
 * Loads sign-ups, check-ins and (unless `online: false`, as at the door) online presence of each
 * activity and counts them with `countAttendance`: the one place that decides who is present, so
 * the door, the report, the trend and the reach cannot disagree (decision 021). One pass over the
 * rows, grouped by activity, whatever the number of activities (decision 030).
 */
export async function attendanceOf(activityIds: string[], now: Date, options: { online?: boolean } = {}) {
  const activities = await readInChunks(activityIds, (chunk) => db().activity.findMany({ where: { id: { in: chunk } }, select: ACTIVITY_TIMES }));
  return attendanceOfActivities(activities, now, options);
}

/** `attendanceOf` for activities already read (with `ACTIVITY_TIMES`): a report over a period reads its thousands of dates once. */
export async function attendanceOfActivities(activities: ActivityTimes[], now: Date, options: { online?: boolean } = {}) {
  const [signUps, checkIns, sessions] = await attendanceRowsOf(
    activities.map((activity) => activity.id),
    options.online ?? true,
  );
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
