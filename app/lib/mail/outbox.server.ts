import { randomUUID } from "node:crypto";
import { publicOrigin } from "~/lib/config.server";
import type { Db } from "~/lib/db.server";
import { DEFAULT_LOCALE, isLocale } from "~/lib/locales";
import { choiceOfKind, MAIL_CHOICES, type MailChoice } from "./kinds";
import { withUnsubscribeFooter } from "./render.server";
import { unsubscribeToken } from "./unsubscribe-token.server";

/** What a mail says, rendered, before it is sent; see render.server.ts. */
export type MailDraft = {
  /** One of the names in kinds.ts: it decides whether the person may turn the mail off. */
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

/**
 * What `enqueueMail` needs of the transaction it is given: the outbox, the person's mail choices and
 * the installation secret that signs unsubscribe links. A caller that narrows its transaction's type
 * includes this (`Pick<Db, "…"> & MailWriter`); a real transaction client or `db()` has it all.
 */
export type MailWriter = Pick<Db, "outboxMail" | "mailPreference" | "setting" | "$executeRaw">;

/** Where the footer's and the headers' links lead, in the mail's language: the page asks before it stops anything. */
export const unsubscribeUrl = (token: string, locale: string) => `${publicOrigin()}/mail/unsubscribe?token=${encodeURIComponent(token)}&lang=${locale}`;

/**
 * Puts a mail in the outbox. Called with the transaction of the change the mail tells about, so
 * that the two are saved together or not at all; the mail worker sends it afterwards
 * (worker.server.ts), with retries, once across instances.
 *
 * A mail of an optional kind (kinds.ts) for a person (`userId`) is not written when they turned
 * its choice off, read through `tx` (null is returned); when written it gets `List-Unsubscribe`
 * with a signed one-click link and `List-Unsubscribe-Post: List-Unsubscribe=One-Click`
 * (RFC 8058), and the same link in the footer of its HTML and text. Essential kinds go as drafted.
 */
export async function enqueueMail(tx: MailWriter, draft: MailDraft): Promise<string | null> {
  const choice = choiceOfKind(draft.kind);
  const mail = choice && draft.userId ? await optionalMail(tx, draft, draft.userId, choice) : draft;
  if (!mail) return null;
  const id = randomUUID();
  await tx.outboxMail.create({
    data: {
      id,
      kind: mail.kind,
      userId: mail.userId,
      toAddress: mail.to,
      locale: mail.locale,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      headers: JSON.stringify(mail.headers ?? {}),
      attachments: JSON.stringify(mail.attachments ?? []),
    },
  });
  return id;
}

/** The draft with its way out, or null when the person turned this choice off. */
async function optionalMail(tx: MailWriter, draft: MailDraft, userId: string, choice: MailChoice): Promise<MailDraft | null> {
  const stored = await tx.mailPreference.findUnique({ where: { userId_choice: { userId, choice } }, select: { enabled: true } });
  if (!(stored?.enabled ?? MAIL_CHOICES[choice].byDefault)) return null;
  const locale = isLocale(draft.locale) ? draft.locale : DEFAULT_LOCALE;
  const url = unsubscribeUrl(await unsubscribeToken(userId, choice, tx), locale);
  const body = withUnsubscribeFooter(locale, draft, { choice, unsubscribeUrl: url, settingsUrl: `${publicOrigin()}/account#mail-heading` });
  // No mailto: address: nothing reads a mailbox for it, and a way out that goes nowhere is worse than none.
  const headers = { ...draft.headers, "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
  return { ...draft, ...body, headers };
}
