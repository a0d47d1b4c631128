import { randomUUID } from "node:crypto";
import type { Db } from "~/lib/db.server";
import { db } from "~/lib/db.server";
import { publishToUser } from "~/lib/live-events.server";
import { mailNotices } from "./notice-mail.server";

export const NOTIFICATION_KINDS = [
  "waitlist-promoted",
  "rsvp-approved",
  "rsvp-confirmed",
  "activity-cancelled",
  "activity-changed",
  "organiser-message",
  "buddy-proposed",
  "buddy-declined",
  "buddy-active",
  "buddy-ended",
  "person-reported",
  "live-opened",
  "activity-reminder",
  "buddy-expiry-warning",
  "buddy-check-in",
  "help-answered",
  "help-referred",
  "plan-shared",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

type Transaction = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
export type PendingNotification = { userId: string; kind: NotificationKind; activityId?: string; data?: Record<string, string | number> };

/**
 * Writes notifications, and the mails of the kinds that have one (notice-mail.server.ts), inside
 * the caller's transaction; `deliver` them once it has committed.
 */
export async function recordNotifications(tx: Transaction, items: PendingNotification[]) {
  const rows = items.map((item) => ({
    id: randomUUID(),
    userId: item.userId,
    kind: item.kind,
    activityId: item.activityId ?? null,
    data: JSON.stringify(item.data ?? {}),
    createdAt: new Date(),
  }));
  if (rows.length > 0) {
    await tx.notification.createMany({ data: rows });
    await mailNotices(tx, rows);
  }
  return rows;
}

export function deliver(rows: Awaited<ReturnType<typeof recordNotifications>>) {
  for (const row of rows) publishToUser(row.userId, "notification", toView(row));
}

function toView(row: { id: string; kind: string; activityId: string | null; data: string; createdAt: Date; readAt?: Date | null }) {
  return {
    id: row.id,
    kind: row.kind,
    activityId: row.activityId,
    data: JSON.parse(row.data) as Record<string, string | number>,
    createdAt: row.createdAt.toISOString(),
    read: Boolean(row.readAt),
  };
}
export type NotificationView = ReturnType<typeof toView>;

export async function listNotifications(userId: string, limit = 50) {
  const rows = await db().notification.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take: limit });
  return rows.map(toView);
}

export async function unreadCount(userId: string) {
  return db().notification.count({ where: { userId, readAt: null } });
}

export async function markAllRead(userId: string) {
  await db().notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
}
