import { db } from "~/lib/db.server";

/** Stays below SQLite's limit on bound parameters in one statement. */
const CHUNK = 500;

/**
 * Which of these session ids still belong to a session that has not expired. One query per
 * 500 sockets, so a room of thousands costs a handful of queries a minute, not one per socket.
 */
export async function liveSessionIds(sessionIds: string[], now = new Date()): Promise<Set<string>> {
  const unique = [...new Set(sessionIds)];
  const live = new Set<string>();
  for (let start = 0; start < unique.length; start += CHUNK) {
    const chunk = unique.slice(start, start + CHUNK);
    const rows = await db().session.findMany({ where: { id: { in: chunk }, expiresAt: { gt: now } }, select: { id: true } });
    for (const row of rows) live.add(row.id);
  }
  return live;
}
