import { db } from "~/lib/db.server";
import { deliver, recordNotifications } from "../notifications/notifications.server";

/**
 * Sends each activity's reminder once, to the people going, when its reminder time has come.
 * The reminder is claimed with a conditional update first, so several instances running this
 * sweep at the same moment still send it once.
 */
export async function sendDueReminders(now = new Date()) {
  const horizon = new Date(now.getTime() + 14 * 24 * 3600_000);
  const candidates = await db().activity.findMany({
    where: { status: "published", remindedAt: null, reminderHours: { not: null }, startsAt: { gt: now, lt: horizon } },
    select: { id: true, startsAt: true, reminderHours: true },
    take: 500,
  });
  let sent = 0;
  for (const activity of candidates) {
    if (activity.startsAt.getTime() - activity.reminderHours! * 3600_000 > now.getTime()) continue;
    const claimed = await db().activity.updateMany({ where: { id: activity.id, remindedAt: null }, data: { remindedAt: now } });
    if (claimed.count === 0) continue;
    const going = await db().rsvp.findMany({ where: { activityId: activity.id, status: "going" }, select: { userId: true } });
    const rows = await db().$transaction((tx) =>
      recordNotifications(
        tx,
        going.map((rsvp) => ({ userId: rsvp.userId, kind: "activity-reminder" as const, activityId: activity.id })),
      ),
    );
    deliver(rows);
    sent += rows.length;
  }
  return sent;
}
