import { randomUUID } from "node:crypto";
import { publishAccessChange } from "~/lib/access-events.server";
import { publicOrigin } from "~/lib/config.server";
import { db } from "~/lib/db.server";
import { enqueueMail } from "~/lib/mail/outbox.server";
import { DomainError, NotFound, ValidationFailed } from "../errors";
import { deliver, recordNotifications } from "../notifications/notifications.server";
import { requireManageActivity } from "../policy/guards.server";
import { fillFreeSeats, hasSeat, lockActivity, type Tx } from "./seats.server";
import { prepareSignUpMail } from "./signup-mail.server";

export type RsvpStatus = "going" | "waitlisted" | "pending" | "cancelled";
// Hundreds of people may press "going" in the same second; they wait their turn for the lock.
const TRANSACTION = { maxWait: 30_000, timeout: 30_000 } as const;

const refuse = (key: string) => new DomainError("conflict", key);

/**
 * Reserves a seat, or a place on the waitlist, atomically on SQLite and PostgreSQL alike; the
 * confirmation mail is written in the same transaction, so there is one exactly when there is a sign-up.
 * `origin` starts the mail's links (the route passes PUBLIC_ORIGIN or the request's own).
 */
export async function rsvp(userId: string, activityId: string, now = new Date(), origin = publicOrigin()): Promise<{ status: RsvpStatus; position: number }> {
  const confirmation = await prepareSignUpMail(userId, activityId, origin);
  const { result, rows } = await db().$transaction(async (tx) => {
    const activity = await lockActivity(tx, activityId).catch((error: { code?: string }) => {
      if (error.code === "P2025") throw NotFound("activities.errors.notFound");
      throw error;
    });
    if (activity.status === "draft") throw NotFound("activities.errors.notFound");
    if (activity.status === "cancelled") throw refuse("activities.errors.cancelled");
    if (activity.startsAt <= now) throw refuse("activities.errors.past");
    if (activity.rsvpCutoffMinutes !== null && now.getTime() > activity.startsAt.getTime() - activity.rsvpCutoffMinutes * 60_000) {
      throw refuse("activities.errors.rsvpClosed");
    }
    const existing = await tx.rsvp.findUnique({ where: { activityId_userId: { activityId, userId } } });
    if (existing && existing.status !== "cancelled") throw refuse("activities.errors.alreadyRsvped");

    const status: RsvpStatus = activity.requiresApproval ? "pending" : hasSeat(activity) ? "going" : "waitlisted";
    if (status === "going") await tx.activity.update({ where: { id: activityId }, data: { goingCount: { increment: 1 } } });
    const position = activity.rsvpSequence;
    if (existing) {
      await tx.rsvp.update({ where: { id: existing.id }, data: { status, position } });
    } else {
      await tx.rsvp.create({ data: { id: randomUUID(), activityId, userId, status, position } });
    }
    const place = status === "waitlisted" ? await waitlistPlace(tx, activityId, position) : 0;
    const mail = confirmation(status, place);
    if (mail) await enqueueMail(tx, mail);
    // The bell keeps the confirmation too; the sign-up's own mail above is its only mail (no NOTICE_MAILS entry).
    const rows = await recordNotifications(tx, [{ userId, kind: "rsvp-confirmed", activityId, data: { status, place } }]);
    return { result: { status, position }, rows };
  }, TRANSACTION);
  deliver(rows);
  return result;
}

/** Gives the seat back; the first person on the waitlist gets it and is told. */
export async function cancelRsvp(userId: string, activityId: string): Promise<void> {
  const rows = await db().$transaction(async (tx) => {
    await lockActivity(tx, activityId).catch((error: { code?: string }) => {
      if (error.code === "P2025") throw NotFound("activities.errors.notFound");
      throw error;
    });
    const existing = await tx.rsvp.findUnique({ where: { activityId_userId: { activityId, userId } } });
    if (!existing || existing.status === "cancelled") throw refuse("activities.errors.noRsvp");
    await tx.rsvp.update({ where: { id: existing.id }, data: { status: "cancelled" } });
    if (existing.status !== "going") return [];
    await tx.activity.update({ where: { id: activityId }, data: { goingCount: { decrement: 1 } } });
    return recordNotifications(tx, await fillFreeSeats(tx, activityId));
  }, TRANSACTION);
  deliver(rows);
  publishAccessChange({ kind: "room-access-changed", userId, activityId });
}

/** Someone's number on the waiting list: those who arrived before them and still wait, plus one. */
async function waitlistPlace(tx: Tx, activityId: string, position: number) {
  return (await tx.rsvp.count({ where: { activityId, status: "waitlisted", position: { lt: position } } })) + 1;
}

/** For activities that need the organiser's approval: pending → going (or waitlisted when full). */
export async function approveRsvp(actorId: string, activityId: string, userId: string): Promise<RsvpStatus> {
  await requireManageActivity(actorId, activityId);
  const { status, rows } = await db().$transaction(async (tx) => {
    const activity = await lockActivity(tx, activityId);
    const existing = await tx.rsvp.findUnique({ where: { activityId_userId: { activityId, userId } } });
    if (!existing || existing.status !== "pending") throw ValidationFailed({ form: { key: "activities.errors.notPending" } });
    const status: RsvpStatus = hasSeat(activity) ? "going" : "waitlisted";
    await tx.rsvp.update({ where: { id: existing.id }, data: { status } });
    if (status === "going") await tx.activity.update({ where: { id: activityId }, data: { goingCount: { increment: 1 } } });
    // The approval is mailed as the sign-up's confirmation: a place (with the calendar file) or the waiting list.
    const place = status === "waitlisted" ? await waitlistPlace(tx, activityId, existing.position) : 0;
    const mail = (await prepareSignUpMail(userId, activityId, publicOrigin(), tx))(status, place);
    if (mail) await enqueueMail(tx, mail);
    const rows = await recordNotifications(tx, [{ userId, kind: "rsvp-approved", activityId, data: { status } }]);
    return { status, rows };
  }, TRANSACTION);
  deliver(rows);
  return status;
}
