import { randomUUID } from "node:crypto";
import type { Db } from "~/lib/db.server";

/** What a mail says, rendered, before it is sent; see render.server.ts. */
export type MailDraft = {
  kind: string;
  userId: string | null;
  to: string;
  locale: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
};

export type MailAttachment = { filename: string; contentType: string; content: string };

type Writer = Pick<Db, "outboxMail">;

/**
 * Puts a mail in the outbox. Called with the transaction of the change the mail tells about, so
 * that the two are saved together or not at all; the mail worker sends it afterwards
 * (worker.server.ts), with retries, once across instances.
 */
export async function enqueueMail(tx: Writer, draft: MailDraft): Promise<string> {
  const id = randomUUID();
  await tx.outboxMail.create({
    data: {
      id,
      kind: draft.kind,
      userId: draft.userId,
      toAddress: draft.to,
      locale: draft.locale,
      subject: draft.subject,
      html: draft.html,
      text: draft.text,
      headers: JSON.stringify(draft.headers ?? {}),
      attachments: JSON.stringify(draft.attachments ?? []),
    },
  });
  return id;
}
