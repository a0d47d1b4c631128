import { db } from "~/lib/db.server";
import { hashSessionToken } from "./session-adapter.server";

/** Stays below SQLite's limit on bound parameters in one statement. */
const CHUNK = 500;

/**
 * Which of these session tokens (as Lucia and the cookie know them) still belong to a session that has not expired. One query per
 * 500 sockets, so a room of thousands costs a handful of queries a minute, not one per socket.
 */
export async function liveSessionIds(tokens: string[], now = new Date()): Promise<Set<string>> {
  const unique = [...new Set(tokens)];
  const live = new Set<string>();
  for (let start = 0; start < unique.length; start += CHUNK) {
    // The database keeps only each token's hash (decision 017).
    const byHash = new Map(unique.slice(start, start + CHUNK).map((token) => [hashSessionToken(token), token]));
    const rows = await db().session.findMany({ where: { id: { in: [...byHash.keys()] }, expiresAt: { gt: now } }, select: { id: true } });
    for (const row of rows) live.add(byHash.get(row.id)!);
  }
  return live;
}
