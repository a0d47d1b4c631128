import { randomUUID } from "node:crypto";
import { config } from "~/lib/config.server";
import { db, type Db } from "~/lib/db.server";

/**
 * The durable outbox shared by every table of things to send (decisions 034, 037): rows are written
 * in the transaction of the change they tell about, claimed here by one instance at a time, and
 * settled as sent, or as failed with a retry after a backoff, up to MAX_ATTEMPTS.
 *
 * A table that uses it has the columns `id`, `status` (pending → sending → sent | failed),
 * `attempts`, `nextAttemptAt`, `claimedBy`, `claimedAt`, `lastError`, `sentAt` and `createdAt`.
 */
export type QueueTable = "OutboxMail" | "ChannelDelivery";
const MODEL = { OutboxMail: "outboxMail", ChannelDelivery: "channelDelivery" } as const satisfies Record<QueueTable, keyof Db>;

export const MAX_ATTEMPTS = 8;
/** Waits after failed attempts 1, 2, 3 …: a receiver that is down for an hour still gets everything. */
export const BACKOFF_MS = [30_000, 2 * 60_000, 10 * 60_000, 30 * 60_000, 60 * 60_000, 3 * 3600_000, 6 * 3600_000];
/** A claim older than this belonged to an instance that stopped while sending; the row is due again. */
const CLAIM_EXPIRES_MS = 5 * 60_000;
const BATCH = 20;
const instanceId = randomUUID();

type Delegate = {
  findMany(args: object): Promise<unknown[]>;
  updateMany(args: object): Promise<{ count: number }>;
};
const delegate = (client: unknown, table: QueueTable) => (client as Record<string, Delegate>)[MODEL[table]];

/**
 * Takes up to BATCH due rows of `table` for this instance, with the columns named. On PostgreSQL
 * the rows are locked with SKIP LOCKED, so instances polling at once take different rows; SQLite
 * has one writer at a time, so a transaction that reads and marks is enough there.
 */
export async function claimDue<Row extends { id: string; attempts: number }>(
  table: QueueTable,
  columns: readonly (keyof Row & string)[],
  now: Date,
): Promise<Row[]> {
  const stale = new Date(now.getTime() - CLAIM_EXPIRES_MS);
  const wanted = [...new Set(["id", "attempts", "createdAt", ...columns])];
  if (config().database.provider === "postgres") {
    // RETURNING gives the rows in no particular order; the oldest go first (a change after its announcement).
    const rows = await db().$queryRawUnsafe<(Row & { createdAt: Date })[]>(
      `UPDATE "${table}" SET status = 'sending', "claimedBy" = $1, "claimedAt" = $2
       WHERE id IN (
         SELECT id FROM "${table}"
         WHERE (status = 'pending' AND "nextAttemptAt" <= $2) OR (status = 'sending' AND "claimedAt" < $3)
         ORDER BY "createdAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
       RETURNING ${wanted.map((column) => `"${column}"`).join(", ")}`,
      instanceId,
      now,
      stale,
    );
    return rows.sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime());
  }
  return db().$transaction(async (tx) => {
    const rows = delegate(tx, table);
    const due = (await rows.findMany({
      where: {
        OR: [
          { status: "pending", nextAttemptAt: { lte: now } },
          { status: "sending", claimedAt: { lt: stale } },
        ],
      },
      orderBy: { createdAt: "asc" },
      take: BATCH,
      select: Object.fromEntries(wanted.map((column) => [column, true])),
    })) as Row[];
    if (due.length > 0) {
      await rows.updateMany({ where: { id: { in: due.map((row) => row.id) } }, data: { status: "sending", claimedBy: instanceId, claimedAt: now } });
    }
    return due;
  });
}

/** Marks a claimed row sent, with any columns of the table's own (the HTTP status of the answer). */
export async function markSent(table: QueueTable, row: { id: string; attempts: number }, extra: object = {}) {
  await delegate(db(), table).updateMany({
    where: { id: row.id },
    data: { status: "sent", sentAt: new Date(), attempts: row.attempts + 1, lastError: null, ...extra },
  });
}

/** The longest wait a receiver may ask for (Retry-After, Telegram's retry_after); a longer ask gets this. */
export const MAX_ASKED_WAIT_MS = 6 * 3600_000;

/**
 * Marks a claimed row for another try after its backoff, or `failed` after the last attempt. A
 * receiver that said how long to wait (`askedWaitMs`: a rate limit, a planned outage) is tried
 * again after that instead, at most MAX_ASKED_WAIT_MS.
 */
export async function markFailed(
  table: QueueTable,
  row: { id: string; attempts: number },
  now: Date,
  error: unknown,
  extra: object = {},
  askedWaitMs: number | null = null,
) {
  const attempts = row.attempts + 1;
  const wait = askedWaitMs !== null ? Math.min(Math.max(askedWaitMs, 0), MAX_ASKED_WAIT_MS) : BACKOFF_MS[Math.min(attempts - 1, BACKOFF_MS.length - 1)];
  await delegate(db(), table).updateMany({
    where: { id: row.id },
    data: {
      status: attempts >= MAX_ATTEMPTS ? "failed" : "pending",
      attempts,
      lastError: String((error as Error)?.message ?? error).slice(0, 500),
      nextAttemptAt: new Date(now.getTime() + wait),
      ...extra,
    },
  });
}

/** Gives claimed rows back unattempted, due at `at` (a receiver asked for quiet): no attempt is counted. */
export async function putBack(table: QueueTable, rows: { id: string }[], at: Date) {
  if (rows.length === 0) return;
  await delegate(db(), table).updateMany({ where: { id: { in: rows.map((row) => row.id) } }, data: { status: "pending", nextAttemptAt: at, claimedBy: null } });
}

/** "Try again" for a failed row: due at once, with a fresh count of attempts. */
export async function retryFailed(table: QueueTable, where: object) {
  const { count } = await delegate(db(), table).updateMany({
    where: { ...where, status: "failed" },
    data: { status: "pending", attempts: 0, nextAttemptAt: new Date(), lastError: null },
  });
  return count;
}

/** Runs `pass` every `everyMs` on this instance, one pass at a time; returns its stop. */
export function startPolling(pass: () => Promise<unknown>, everyMs: number, onError: (error: Error) => void): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    pass()
      .catch(onError)
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
