import { db } from "~/lib/db.server";
import { deliver, recordNotifications } from "../notifications/notifications.server";

/** How far ahead reminders are looked for: the longest reminder time an organiser can choose is a week. */
const HORIZON_MS = 14 * 24 * 3600_000;

/**
 * Sends each activity's reminder once per start time, to the people going, when its reminder
 * time has come: the notice in the app and the mail in the outbox. The reminder is claimed by
 * inserting its ActivityReminder row in the same transaction that writes the notices and mails,
 * so several instances sweeping at the same moment send it once, and a crash sends all or none.
 * Nothing here updates the Activity row: its updatedAt is the remembered lists' version
 * (selection-memo.server.ts), and a reminder changes no list.
 */
export async function sendDueReminders(now = new Date()) {
  const candidates = await db().activity.findMany({
    where: { status: "published", reminderHours: { not: null }, startsAt: { gt: now, lt: new Date(now.getTime() + HORIZON_MS) } },
    select: { id: true, startsAt: true, reminderHours: true, reminders: { select: { startsAt: true } } },
    take: 2000,
  });
  let sent = 0;
  for (const activity of candidates) {
    if (activity.startsAt.getTime() - activity.reminderHours! * 3600_000 > now.getTime()) continue;
    if (activity.reminders.some((reminder) => reminder.startsAt.getTime() === activity.startsAt.getTime())) continue;
    const rows = await claimAndRemind(activity.id, activity.startsAt, now);
    deliver(rows);
    sent += rows.length;
  }
  return sent;
}

async function claimAndRemind(activityId: string, startsAt: Date, now: Date) {
  try {
    return await db().$transaction(async (tx) => {
      await tx.activityReminder.create({ data: { activityId, startsAt, sentAt: now } });
      const going = await tx.rsvp.findMany({ where: { activityId, status: "going" }, select: { userId: true } });
      return recordNotifications(
        tx,
        going.map((rsvp) => ({ userId: rsvp.userId, kind: "activity-reminder" as const, activityId })),
      );
    });
  } catch (error) {
    // Another instance claimed this reminder first: it sends it.
    if ((error as { code?: string }).code === "P2002") return [];
    throw error;
  }
}
