import { randomUUID } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import { db, rawRows } from "~/lib/db.server";

/** A dropped connection that comes back within this time continues the same attendance session. */
export const GRACE_MS = 60_000;
/** Connected sockets refresh their session this often; a session silent for two beats is dead. */
export const HEARTBEAT_MS = 30_000;

/**
 * Joins arriving within this time are written together: a join storm is then a few statements
 * per batch, not per person. A joiner waits at most this long more for the acknowledgement.
 */
export const JOIN_BATCH_MS = 25;
/** Within SQLite's 999 query parameters for the look-up of open sessions (two per join). */
const JOIN_BATCH_MAX = 400;

type Join = { activityId: string; userId: string; now: Date };
type Joined = { sessionId: string; resumed: boolean };
let pending: { join: Join; done: (result: Joined) => void; failed: (error: unknown) => void }[] = [];
let flushTimer: NodeJS.Timeout | undefined;

/**
 * The person entered the room (first tab, or back after a drop). Called by the server on the
 * socket's join, never on the client's word. Joins are collected for JOIN_BATCH_MS and written
 * together (writeJoins); the promise settles once this one is written.
 */
export function recordJoin(activityId: string, userId: string, now = new Date()): Promise<Joined> {
  return new Promise((done, failed) => {
    pending.push({ join: { activityId, userId, now }, done, failed });
    if (pending.length >= JOIN_BATCH_MAX) flushJoins();
    else flushTimer ??= setTimeout(flushJoins, JOIN_BATCH_MS);
  });
}

function flushJoins() {
  clearTimeout(flushTimer);
  flushTimer = undefined;
  const batch = pending;
  pending = [];
  if (batch.length === 0) return;
  writeJoins(batch.map((entry) => entry.join)).then(
    (results) => batch.forEach((entry, i) => entry.done(results[i])),
    (error: unknown) => batch.forEach((entry) => entry.failed(error)),
  );
}

/**
 * The rules of one join, for many at once: an open session that is connected, or dropped within
 * the grace period, continues; one dropped longer ago ends at its drop, and a new session opens.
 * One read of the open sessions and one insert of the new ones, whatever the batch's size.
 */
async function writeJoins(joins: Join[]): Promise<Joined[]> {
  const open = await db().attendanceSession.findMany({
    where: { leftAt: null, OR: joins.map(({ activityId, userId }) => ({ activityId, userId })) },
    orderBy: { joinedAt: "desc" },
  });
  /** The latest open session per (room, person), as the batch goes on. */
  const latest = new Map<string, { id: string; disconnectedAt: Date | null; fresh?: true }>();
  for (const session of open) {
    const key = `${session.activityId}|${session.userId}`;
    if (!latest.has(key)) latest.set(key, session);
  }
  const created: { id: string; activityId: string; userId: string; joinedAt: Date; lastSeenAt: Date }[] = [];
  const resumed: { id: string; now: Date }[] = [];
  const ended: { id: string; leftAt: Date }[] = [];
  const results = joins.map(({ activityId, userId, now }): Joined => {
    const key = `${activityId}|${userId}`;
    const session = latest.get(key);
    if (session && (!session.disconnectedAt || now.getTime() - session.disconnectedAt.getTime() <= GRACE_MS)) {
      if (!session.fresh) resumed.push({ id: session.id, now });
      return { sessionId: session.id, resumed: true };
    }
    if (session) ended.push({ id: session.id, leftAt: session.disconnectedAt! });
    const id = randomUUID();
    created.push({ id, activityId, userId, joinedAt: now, lastSeenAt: now });
    latest.set(key, { id, disconnectedAt: null, fresh: true });
    return { sessionId: id, resumed: false };
  });
  // Resuming and ending are rare in a storm (people coming back): one update each is fine.
  for (const { id, now } of resumed) await db().attendanceSession.update({ where: { id }, data: { disconnectedAt: null, lastSeenAt: now } });
  for (const { id, leftAt } of ended) await db().attendanceSession.update({ where: { id }, data: { leftAt } });
  if (created.length > 0) await db().attendanceSession.createMany({ data: created });
  return results;
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

/**
 * People in the room right now, across every server instance: open, connected sessions. Counted
 * in the database (Prisma's count has no DISTINCT): in a webinar this runs every few seconds over
 * thousands of sessions, which reading their rows would cost.
 */
export async function presentCount(activityId: string) {
  const [row] = await rawRows(Prisma.sql`SELECT COUNT(DISTINCT "userId") AS "present" FROM "AttendanceSession"
    WHERE "activityId" = ${activityId} AND "leftAt" IS NULL AND "disconnectedAt" IS NULL`);
  return Number(row?.present ?? 0);
}
