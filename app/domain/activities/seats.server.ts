import type { Db } from "~/lib/db.server";
import type { PendingNotification } from "../notifications/notifications.server";
import { publicOrigin } from "~/lib/config.server";
import { enqueueMail } from "~/lib/mail/outbox.server";
import { prepareSignUpMail } from "./signup-mail.server";

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Locks the activity row for the rest of the transaction (PostgreSQL: row lock; SQLite: the
 * write lock) by touching it, and returns its seat state. Every seat change starts here, so
 * two requests can never both see the last free seat.
 */
export async function lockActivity(tx: Tx, activityId: string) {
  return tx.activity.update({
    where: { id: activityId },
    data: { rsvpSequence: { increment: 1 } },
    select: {
      id: true,
      status: true,
      startsAt: true,
      capacity: true,
      goingCount: true,
      rsvpSequence: true,
      requiresApproval: true,
      rsvpCutoffMinutes: true,
    },
  });
}

const hasSeat = (activity: { capacity: number | null; goingCount: number }) => activity.capacity === null || activity.goingCount < activity.capacity;

/** Moves people from the waitlist to going, in arrival order, while seats are free; each is told in the app and by mail. */
export async function fillFreeSeats(tx: Tx, activityId: string): Promise<PendingNotification[]> {
  const activity = await lockActivity(tx, activityId);
  if (activity.status !== "published" || activity.startsAt <= new Date()) return [];
  const free = activity.capacity === null ? Number.MAX_SAFE_INTEGER : activity.capacity - activity.goingCount;
  if (free <= 0) return [];
  const next = await tx.rsvp.findMany({
    where: { activityId, status: "waitlisted" },
    orderBy: { position: "asc" },
    take: Math.min(free, 1000),
    select: { id: true, userId: true },
  });
  if (next.length === 0) return [];
  await tx.rsvp.updateMany({ where: { id: { in: next.map((rsvp) => rsvp.id) } }, data: { status: "going" } });
  await tx.activity.update({ where: { id: activityId }, data: { goingCount: { increment: next.length } } });
  for (const { userId } of next) {
    const mail = (await prepareSignUpMail(userId, activityId, publicOrigin(), tx))("promoted", 0);
    if (mail) await enqueueMail(tx, mail);
  }
  return next.map((rsvp) => ({ userId: rsvp.userId, kind: "waitlist-promoted", activityId }));
}

export { hasSeat };
