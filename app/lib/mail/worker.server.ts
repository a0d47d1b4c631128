import { randomUUID } from "node:crypto";
import { config } from "~/lib/config.server";
import { db } from "~/lib/db.server";
import type { MailAttachment } from "./outbox.server";

/** What the worker needs of nodemailer: one call that resolves once the server accepted the mail. */
export type MailTransport = {
  sendMail(mail: {
    from: string;
    to: string;
    subject: string;
    html: string;
    text: string;
    headers: Record<string, string>;
    attachments: MailAttachment[];
  }): Promise<unknown>;
};

export const MAX_ATTEMPTS = 8;
/** Waits after failed attempts 1, 2, 3 …: a mail server that is down for an hour still gets every mail. */
const BACKOFF_MS = [30_000, 2 * 60_000, 10 * 60_000, 30 * 60_000, 60 * 60_000, 3 * 3600_000, 6 * 3600_000];
/** A claim older than this belonged to an instance that stopped while sending; the mail is due again. */
const CLAIM_EXPIRES_MS = 5 * 60_000;
const BATCH = 20;
const instanceId = randomUUID();

type Claimed = { id: string; toAddress: string; subject: string; html: string; text: string; headers: string; attachments: string; attempts: number };

/**
 * Takes up to BATCH due mails for this instance. On PostgreSQL the rows are locked with SKIP
 * LOCKED, so instances polling at once take different mails; SQLite has one writer at a time,
 * so a transaction that reads and marks is enough there.
 */
async function claimDue(now: Date): Promise<Claimed[]> {
  const stale = new Date(now.getTime() - CLAIM_EXPIRES_MS);
  if (config().database.provider === "postgres") {
    return db().$queryRawUnsafe<Claimed[]>(
      `UPDATE "OutboxMail" SET status = 'sending', "claimedBy" = $1, "claimedAt" = $2
       WHERE id IN (
         SELECT id FROM "OutboxMail"
         WHERE (status = 'pending' AND "nextAttemptAt" <= $2) OR (status = 'sending' AND "claimedAt" < $3)
         ORDER BY "createdAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
       RETURNING id, "toAddress", subject, html, text, headers, attachments, attempts`,
      instanceId,
      now,
      stale,
    );
  }
  return db().$transaction(async (tx) => {
    const due = await tx.outboxMail.findMany({
      where: {
        OR: [
          { status: "pending", nextAttemptAt: { lte: now } },
          { status: "sending", claimedAt: { lt: stale } },
        ],
      },
      orderBy: { createdAt: "asc" },
      take: BATCH,
      select: { id: true, toAddress: true, subject: true, html: true, text: true, headers: true, attachments: true, attempts: true },
    });
    if (due.length > 0) {
      await tx.outboxMail.updateMany({ where: { id: { in: due.map((mail) => mail.id) } }, data: { status: "sending", claimedBy: instanceId, claimedAt: now } });
    }
    return due;
  });
}

/** Without a mail server the due mails stay readable at /admin/outbox, marked as kept. */
async function keepDue(now: Date) {
  const { count } = await db().outboxMail.updateMany({ where: { status: "pending", nextAttemptAt: { lte: now } }, data: { status: "kept" } });
  return count;
}

/**
 * Sends what is due. A mail is marked sent only after the server accepted it; a failure waits and
 * tries again (BACKOFF_MS) and after MAX_ATTEMPTS stays `failed` with its error, for an admin to
 * retry. If this instance stops between the server's acceptance and the mark, the mail is sent
 * again after CLAIM_EXPIRES_MS: at least once, and twice only in that window.
 */
export async function deliverDueMails(options: { transport: MailTransport | null; now?: Date }) {
  const now = options.now ?? new Date();
  if (!options.transport) return { sent: 0, failed: 0, kept: await keepDue(now) };
  const from = config().MAIL_FROM;
  let sent = 0;
  let failed = 0;
  for (const mail of await claimDue(now)) {
    try {
      await options.transport.sendMail({
        from,
        to: mail.toAddress,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        headers: JSON.parse(mail.headers),
        attachments: JSON.parse(mail.attachments),
      });
      await db().outboxMail.update({ where: { id: mail.id }, data: { status: "sent", sentAt: new Date(), attempts: mail.attempts + 1, lastError: null } });
      sent++;
    } catch (error) {
      const attempts = mail.attempts + 1;
      const last = attempts >= MAX_ATTEMPTS;
      await db().outboxMail.update({
        where: { id: mail.id },
        data: {
          status: last ? "failed" : "pending",
          attempts,
          lastError: String((error as Error).message ?? error).slice(0, 500),
          nextAttemptAt: new Date(now.getTime() + BACKOFF_MS[Math.min(attempts - 1, BACKOFF_MS.length - 1)]),
        },
      });
      failed++;
    }
  }
  return { sent, failed, kept: 0 };
}

/** An admin's "try again" for a failed mail: due at once, with a fresh count of attempts. */
export async function retryMail(id: string) {
  const { count } = await db().outboxMail.updateMany({
    where: { id, status: "failed" },
    data: { status: "pending", attempts: 0, nextAttemptAt: new Date(), lastError: null },
  });
  return count === 1;
}

/** How often each instance looks for due mails: a reset link should arrive while the person waits. */
const POLL_MS = 3_000;

/** Runs `deliverDueMails` every POLL_MS on this instance, one pass at a time; returns its stop. */
export function startMailWorker(transport: MailTransport | null, onError: (error: Error) => void): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    deliverDueMails({ transport })
      .catch(onError)
      .finally(() => (running = false));
  }, POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
