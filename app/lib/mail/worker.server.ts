import { config } from "~/lib/config.server";
import { db } from "~/lib/db.server";
import { claimDue, markFailed, markSent, retryFailed, startPolling } from "~/lib/outbox/queue.server";
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

export { MAX_ATTEMPTS } from "~/lib/outbox/queue.server";

type Claimed = { id: string; toAddress: string; subject: string; html: string; text: string; headers: string; attachments: string; attempts: number };
const CLAIMED = ["toAddress", "subject", "html", "text", "headers", "attachments"] as const;

/** Without a mail server the due mails stay readable at /admin/outbox, marked as kept. */
async function keepDue(now: Date) {
  const { count } = await db().outboxMail.updateMany({ where: { status: "pending", nextAttemptAt: { lte: now } }, data: { status: "kept" } });
  return count;
}

/**
 * Sends what is due. A mail is marked sent only after the server accepted it; a failure waits and
 * tries again (BACKOFF_MS in ~/lib/outbox/queue.server) and after MAX_ATTEMPTS stays `failed` with its error, for an admin to
 * retry. If this instance stops between the server's acceptance and the mark, the mail is sent
 * again after CLAIM_EXPIRES_MS: at least once, and twice only in that window.
 */
export async function deliverDueMails(options: { transport: MailTransport | null; now?: Date }) {
  const now = options.now ?? new Date();
  if (!options.transport) return { sent: 0, failed: 0, kept: await keepDue(now) };
  const from = config().MAIL_FROM;
  let sent = 0;
  let failed = 0;
  for (const mail of await claimDue<Claimed>("OutboxMail", CLAIMED, now)) {
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
      await markSent("OutboxMail", mail);
      sent++;
    } catch (error) {
      await markFailed("OutboxMail", mail, now, error);
      failed++;
    }
  }
  return { sent, failed, kept: 0 };
}

/** An admin's "try again" for a failed mail: due at once, with a fresh count of attempts. */
export async function retryMail(id: string) {
  return (await retryFailed("OutboxMail", { id })) === 1;
}

/** How often each instance looks for due mails: a reset link should arrive while the person waits. */
const POLL_MS = 3_000;

/** Runs `deliverDueMails` every POLL_MS on this instance, one pass at a time; returns its stop. */
export function startMailWorker(transport: MailTransport | null, onError: (error: Error) => void): () => void {
  return startPolling(() => deliverDueMails({ transport }), POLL_MS, onError);
}
