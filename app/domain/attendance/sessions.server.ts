import { randomUUID } from "node:crypto";
import { db } from "~/lib/db.server";

/** A dropped connection that comes back within this time continues the same attendance session. */
export const GRACE_MS = 60_000;
/** Connected sockets refresh their session this often; a session silent for two beats is dead. */
export const HEARTBEAT_MS = 30_000;

/**
 * The person entered the room (first tab, or back after a drop). Called by the server on the
 * socket's join, never on the client's word.
 */
export async function recordJoin(activityId: string, userId: string, now = new Date()) {
  const open = await db().attendanceSession.findFirst({ where: { activityId, userId, leftAt: null }, orderBy: { joinedAt: "desc" } });
  if (open && (!open.disconnectedAt || now.getTime() - open.disconnectedAt.getTime() <= GRACE_MS)) {
    await db().attendanceSession.update({ where: { id: open.id }, data: { disconnectedAt: null, lastSeenAt: now } });
    return { sessionId: open.id, resumed: true };
  }
  if (open) await db().attendanceSession.update({ where: { id: open.id }, data: { leftAt: open.disconnectedAt } });
  const id = randomUUID();
  await db().attendanceSession.create({ data: { id, activityId, userId, joinedAt: now, lastSeenAt: now } });
  return { sessionId: id, resumed: false };
}

/** The person's last connection to the room closed: the session ends unless they come back in time. */
export async function recordLeave(activityId: string, userId: string, now = new Date()) {
  await db().attendanceSession.updateMany({
    where: { activityId, userId, leftAt: null, disconnectedAt: null },
    data: { disconnectedAt: now, lastSeenAt: now },
  });
}

/** The person was taken out of the room (no longer allowed in): the session ends now, without a grace period. */
export async function recordRemoval(activityId: string, userId: string, now = new Date()) {
  await db().attendanceSession.updateMany({ where: { activityId, userId, leftAt: null }, data: { leftAt: now, disconnectedAt: now, lastSeenAt: now } });
}

/** Refreshes connected people's sessions, per room in chunks (SQLite allows 999 query parameters). */
export async function heartbeat(pairs: { activityId: string; userId: string }[], now = new Date()) {
  const byRoom = new Map<string, string[]>();
  for (const { activityId, userId } of pairs) byRoom.set(activityId, [...(byRoom.get(activityId) ?? []), userId]);
  for (const [activityId, userIds] of byRoom) {
    const unique = [...new Set(userIds)];
    for (let i = 0; i < unique.length; i += 500) {
      await db().attendanceSession.updateMany({
        where: { activityId, leftAt: null, disconnectedAt: null, userId: { in: unique.slice(i, i + 500) } },
        data: { lastSeenAt: now },
      });
    }
  }
}

/**
 * Where a session ends as far as is known at `now`, by the rules the sweep applies
 * (`closeFinishedSessions`) but without waiting for it: when it was closed; at the drop, for a
 * dropped connection (a reconnect within the grace period continues the session, and then the gap
 * counts); at the last heartbeat, when its server stopped beating; null while it is still going.
 * Reports use this, so that what they count does not depend on when the sweep last ran.
 */
export function sessionEnd(session: { leftAt: Date | null; disconnectedAt: Date | null; lastSeenAt: Date }, now: Date): Date | null {
  if (session.leftAt) return session.leftAt;
  if (session.disconnectedAt) return session.disconnectedAt;
  if (session.lastSeenAt.getTime() < now.getTime() - 2 * HEARTBEAT_MS) return session.lastSeenAt;
  return null;
}

/**
 * Closes what is over: drops that did not come back within the grace period end at the drop;
 * sessions whose server stopped beating (a crash or restart) end at their last heartbeat.
 */
export async function closeFinishedSessions(now = new Date()) {
  const dropped = await db().attendanceSession.findMany({
    where: { leftAt: null, disconnectedAt: { lt: new Date(now.getTime() - GRACE_MS) } },
    select: { id: true, disconnectedAt: true },
  });
  const silent = await db().attendanceSession.findMany({
    where: { leftAt: null, disconnectedAt: null, lastSeenAt: { lt: new Date(now.getTime() - 2 * HEARTBEAT_MS) } },
    select: { id: true, lastSeenAt: true },
  });
  for (const session of dropped) await db().attendanceSession.update({ where: { id: session.id }, data: { leftAt: session.disconnectedAt } });
  for (const session of silent) await db().attendanceSession.update({ where: { id: session.id }, data: { leftAt: session.lastSeenAt } });
  return dropped.length + silent.length;
}

/** People in the room right now, across every server instance: open, connected sessions. */
export async function presentCount(activityId: string) {
  const rows = await db().attendanceSession.findMany({
    where: { activityId, leftAt: null, disconnectedAt: null },
    distinct: ["userId"],
    select: { userId: true },
  });
  return rows.length;
}
