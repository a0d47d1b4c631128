import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { db } from "./db.server";

/** This process among the instances sharing the database, for leases and their logs. */
const INSTANCE_NAME = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;

export function instanceName(): string {
  return INSTANCE_NAME;
}

/**
 * Claims the lease `name` for `holder` until now + `forMs` if nobody holds it (decisions/017).
 * One conditional UPDATE decides between instances on SQLite and PostgreSQL alike: on PostgreSQL
 * a second UPDATE waits for the first and then re-reads the row, whose expiry is by then in the
 * future. The first claim ever creates the row, and the primary key lets only one create it.
 */
export async function claimLease(name: string, holder: string, forMs: number, now = new Date()): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + forMs);
  const taken = await db().lease.updateMany({ where: { name, expiresAt: { lte: now } }, data: { holder, expiresAt } });
  if (taken.count === 1) return true;
  if (await db().lease.findUnique({ where: { name }, select: { name: true } })) return false;
  try {
    await db().lease.create({ data: { name, holder, expiresAt } });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return false; // another instance created it first
    throw error;
  }
}
