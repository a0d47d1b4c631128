/**
 * Expired sessions are deleted by a sweep that every instance runs on a timer; a lease in the
 * database lets one of them do it per period. Racing calls stand in for racing instances (on
 * PostgreSQL they run on separate pooled connections).
 */
import { describe, expect, it } from "vitest";
import { startSession } from "~/domain/auth/lucia.server";
import { hashSessionToken } from "~/domain/auth/session-adapter.server";
import { SESSION_SWEEP, sweepExpiredSessions } from "~/domain/auth/session-sweep.server";
import { db } from "~/lib/db.server";
import { makePeople } from "../support/factories";

async function sessions(count: number, expiresAt: Date) {
  const people = await makePeople(count);
  const tokens: string[] = [];
  for (const userId of people) {
    const token = (await startSession(userId)).split(";")[0].split("=")[1];
    await db().session.update({ where: { id: hashSessionToken(token) }, data: { expiresAt } });
    tokens.push(token);
  }
  return tokens.map(hashSessionToken);
}

describe("expired session sweep", () => {
  it("deletes expired sessions once per period however many instances race for it", async () => {
    const expired = await sessions(3, new Date(Date.now() - 60_000));
    const alive = await sessions(2, new Date(Date.now() + 86_400_000));
    const now = new Date();

    const instances = ["instance-a", "instance-b", "instance-c", "instance-d"];
    const results = await Promise.all(instances.map((holder) => sweepExpiredSessions({ holder, now })));
    const winners = results.filter((result) => result.swept).map((result) => result.holder);
    expect(winners).toHaveLength(1);
    expect((await db().lease.findUniqueOrThrow({ where: { name: SESSION_SWEEP.lease } })).holder).toBe(winners[0]);

    const left = (await db().session.findMany({ where: { id: { in: [...expired, ...alive] } } })).map((row) => row.id);
    expect(left.sort()).toEqual([...alive].sort());

    // Within the period nobody sweeps again; once the lease has run out, the next one does.
    const again = await sessions(1, new Date(Date.now() - 60_000));
    expect((await sweepExpiredSessions({ holder: "instance-b", now: new Date(now.getTime() + 60_000) })).swept).toBe(false);
    expect(await db().session.count({ where: { id: { in: again } } })).toBe(1);
    const later = new Date(now.getTime() + SESSION_SWEEP.everyMs);
    expect(await sweepExpiredSessions({ holder: "instance-b", now: later })).toEqual({ swept: true, holder: "instance-b" });
    expect(await db().session.count({ where: { id: { in: again } } })).toBe(0);
  });
});
