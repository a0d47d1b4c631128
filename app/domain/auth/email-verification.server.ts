import { randomUUID } from "node:crypto";
import { db, type Db } from "~/lib/db.server";
import { DEFAULT_LOCALE, isLocale } from "~/lib/locales";
import { serverT } from "~/lib/i18n.server";
import { enqueueMail, type MailWriter } from "~/lib/mail/outbox.server";
import { renderMail } from "~/lib/mail/render.server";
import { hit, RULES } from "~/lib/rate-limit.server";
import { hashLinkToken, looksLikeLinkToken, newLinkToken } from "./link-tokens.server";

/** How long a confirmation link works: long enough for someone who reads mail once a week. */
export const VERIFY_VALID_MS = 7 * 24 * 3600_000;

type Tx = Pick<Db, "emailVerification"> & MailWriter;
type Account = { id: string; email: string; displayName: string; locale: string };

/**
 * Writes a confirmation link for the account's address and its mail, in the caller's transaction
 * (registration's own, so an account never exists without its mail). The address is not required
 * to be confirmed before anything else: a newcomer signs up for a language café at once, and the
 * account page shows what is still open (decision 040).
 */
export async function writeVerificationMail(tx: Tx, account: Account, origin: string, now = new Date()) {
  const token = newLinkToken();
  const locale = isLocale(account.locale) ? account.locale : DEFAULT_LOCALE;
  const t = serverT(locale);
  const mail = renderMail(locale, {
    subject: t("mail.verify.subject"),
    greeting: t("mail.greeting", { name: account.displayName }),
    paragraphs: [t("mail.verify.body")],
    action: { label: t("mail.verify.action"), url: `${origin}/verify-email?token=${token}` },
    reason: t("mail.verify.reason"),
  });
  await tx.emailVerification.create({
    data: { id: randomUUID(), userId: account.id, tokenHash: hashLinkToken(token), expiresAt: new Date(now.getTime() + VERIFY_VALID_MS) },
  });
  await enqueueMail(tx, { kind: "verify-address", userId: account.id, to: account.email, locale, ...mail });
}

/**
 * Confirms the address a link was mailed to. Following the link again is fine ("already
 * confirmed"); an unknown, used-up or expired link is refused and changes nothing.
 */
export async function verifyEmail(token: string, now = new Date()): Promise<"confirmed" | "already" | "invalid"> {
  if (!looksLikeLinkToken(token)) return "invalid";
  return db().$transaction(async (tx) => {
    const link = await tx.emailVerification.findUnique({
      where: { tokenHash: hashLinkToken(token) },
      select: { userId: true, usedAt: true, expiresAt: true, user: { select: { emailVerifiedAt: true } } },
    });
    if (!link) return "invalid";
    if (link.user.emailVerifiedAt) return "already";
    if (link.usedAt || link.expiresAt <= now) return "invalid";
    await tx.emailVerification.updateMany({ where: { userId: link.userId, usedAt: null }, data: { usedAt: now } });
    await tx.user.update({ where: { id: link.userId }, data: { emailVerifiedAt: now } });
    return "confirmed";
  });
}

/** A new link for someone whose first one got lost; at most RULES.verificationPerAccount an hour. */
export async function resendVerification(userId: string, origin: string, now = new Date()): Promise<"sent" | "already"> {
  const account = await db().user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, displayName: true, locale: true, emailVerifiedAt: true },
  });
  if (account.emailVerifiedAt) return "already";
  await hit(RULES.verificationPerAccount, userId);
  await db().$transaction((tx) => writeVerificationMail(tx, account, origin, now));
  return "sent";
}

/** Whether the account's address is confirmed, for the account page. */
export async function emailVerified(userId: string) {
  const { emailVerifiedAt } = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { emailVerifiedAt: true } });
  return emailVerifiedAt !== null;
}
