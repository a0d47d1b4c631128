import { db } from "~/lib/db.server";
import { localFacts } from "./local-facts";

const BATCH = 500;

/**
 * Fills the local facts of activities written before they existed, or straight into the database
 * (seed scripts, benchmarks): run at start-up, idempotent, in batches so a large table does not
 * hold one long transaction. Returns how many rows it filled.
 */
export async function backfillLocalFacts(): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = await db().activity.findMany({ where: { localPart: null }, select: { id: true, startsAt: true, timeZone: true }, take: BATCH });
    if (rows.length === 0) return filled;
    await db().$transaction(rows.map((row) => db().activity.update({ where: { id: row.id }, data: localFacts(row.startsAt, row.timeZone) })));
    filled += rows.length;
  }
}
