import { randomUUID } from "node:crypto";
import { db } from "~/lib/db.server";
import { isLocale, DEFAULT_LOCALE } from "~/lib/locales";
import { serverT } from "~/lib/i18n.server";
import { enqueueMail } from "~/lib/mail/outbox.server";
import { renderMail } from "~/lib/mail/render.server";
import { hit, RULES } from "~/lib/rate-limit.server";
import { parseInput } from "~/lib/validation.server";
import { DomainError } from "../errors";
import { endAllSessions } from "./lucia.server";
import { hashLinkToken as hashToken, looksLikeLinkToken, newLinkToken } from "./link-tokens.server";
import { hashPassword } from "./password.server";
import { ForgotPasswordInput, ResetPasswordInput } from "./schemas.server";

/** How long a reset link works. */
export const RESET_VALID_MS = 60 * 60_000;

const LinkNotValid = () => new DomainError("conflict", "auth.reset.invalid");

/**
 * Mails a reset link if the address has an account. The answer is the same either way (the
 * caller shows one notice), so the form does not tell who has an account; an account gets at most
 * RULES.passwordResetPerAccount mails an hour, also silently. Only the token's hash is stored.
 */
export async function requestPasswordReset(input: unknown, options: { clientAddress: string; origin: string; now?: Date }): Promise<void> {
  const { email } = parseInput(ForgotPasswordInput, input);
  await hit(RULES.passwordResetPerAddress, options.clientAddress);
  const user = await db().user.findUnique({ where: { email }, select: { id: true, displayName: true, locale: true } });
  if (!user) return;
  try {
    await hit(RULES.passwordResetPerAccount, user.id);
  } catch {
    return; // already three mails this hour: a fourth would help nobody and could flood the inbox
  }
  const now = options.now ?? new Date();
  const token = newLinkToken();
  const locale = isLocale(user.locale) ? user.locale : DEFAULT_LOCALE;
  const t = serverT(locale);
  const link = `${options.origin}/reset-password?token=${token}`;
  const mail = renderMail(locale, {
    subject: t("mail.reset.subject"),
    greeting: t("mail.greeting", { name: user.displayName }),
    paragraphs: [t("mail.reset.body")],
    action: { label: t("mail.reset.action"), url: link },
    reason: t("mail.reset.reason"),
  });
  await db().$transaction(async (tx) => {
    await tx.passwordReset.create({
      data: { id: randomUUID(), userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + RESET_VALID_MS) },
    });
    await enqueueMail(tx, { kind: "password-reset", userId: user.id, to: email, locale, ...mail });
  });
}

/** The link's account, if the link still works (unused, under an hour old). */
export async function resetLinkHolder(token: string, now = new Date()): Promise<{ userId: string } | null> {
  if (!looksLikeLinkToken(token)) return null;
  const reset = await db().passwordReset.findUnique({ where: { tokenHash: hashToken(token) }, select: { userId: true, usedAt: true, expiresAt: true } });
  if (!reset || reset.usedAt || reset.expiresAt <= now) return null;
  return { userId: reset.userId };
}

/**
 * Sets the new password, uses up every open link of the account and ends all its sessions (a
 * thief who knew the old password is signed out); the caller signs the person in afresh.
 */
export async function resetPassword(input: unknown, now = new Date()): Promise<{ userId: string }> {
  const data = parseInput(ResetPasswordInput, input);
  const passwordHash = await hashPassword(data.newPassword);
  const userId = await db().$transaction(async (tx) => {
    // Claimed with a conditional update, so two submissions of one link cannot both succeed.
    const claimed = await tx.passwordReset.updateMany({
      where: { tokenHash: hashToken(data.token), usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) throw LinkNotValid();
    const { userId } = await tx.passwordReset.findUniqueOrThrow({ where: { tokenHash: hashToken(data.token) }, select: { userId: true } });
    await tx.passwordReset.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    return userId;
  });
  await endAllSessions(userId);
  return { userId };
}
