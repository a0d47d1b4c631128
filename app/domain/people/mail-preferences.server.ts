/**
 * Which optional mails a person gets (app/lib/mail/kinds.ts): chosen on the account page, or one
 * choice at a time through the signed link in a mail's footer and List-Unsubscribe header.
 * `enqueueMail` reads the same rows, so a choice turned off writes no mail of its kinds.
 */
import { z } from "zod";
import { db } from "~/lib/db.server";
import { effectiveChoices, MAIL_CHOICE_NAMES, type MailChoice } from "~/lib/mail/kinds";
import { readUnsubscribeToken } from "~/lib/mail/unsubscribe-token.server";
import { checkbox, parseInput } from "~/lib/validation.server";
import { DomainError } from "../errors";
import { requireActor } from "../policy/guards.server";
import { policy } from "../policy/rules";

export async function getMailChoices(userId: string): Promise<Record<MailChoice, boolean>> {
  await requireActor(userId, policy.canChooseOwnMails);
  return effectiveChoices(await db().mailPreference.findMany({ where: { userId }, select: { choice: true, enabled: true } }));
}

/** One checkbox per choice; an unticked box is not sent, so every choice is read (missing = off). */
const ChoicesForm = z.object(Object.fromEntries(MAIL_CHOICE_NAMES.map((choice) => [choice, checkbox])) as Record<MailChoice, typeof checkbox>);

/** Saves every choice at once, as the account page's form sends them. */
export async function saveMailChoices(userId: string, input: unknown): Promise<Record<MailChoice, boolean>> {
  await requireActor(userId, policy.canChooseOwnMails);
  const choices = parseInput(ChoicesForm, input) as Record<MailChoice, boolean>;
  await db().$transaction(async (tx) => {
    for (const choice of MAIL_CHOICE_NAMES) await setChoice(tx, userId, choice, choices[choice]);
  });
  return choices;
}

type Writer = Pick<ReturnType<typeof db>, "mailPreference">;
const setChoice = (tx: Writer, userId: string, choice: MailChoice, enabled: boolean) =>
  tx.mailPreference.upsert({ where: { userId_choice: { userId, choice } }, create: { userId, choice, enabled }, update: { enabled } });

/** A link that cannot be read: forged, altered, cut short, or for an account that is gone. 400, nothing changes. */
const BadLink = () => new DomainError("validation", "mailPrefs.unsubscribe.invalid");

/** What an unsubscribe link names, for its page: the choice and whether it is on now. (Its language comes with the link, as `lang`.) */
export async function readUnsubscribeLink(token: unknown): Promise<{ choice: MailChoice; enabled: boolean }> {
  const link = await readUnsubscribeToken(token);
  allowLink(link);
  const person = await db().user.findUnique({
    where: { id: link.userId },
    select: { mailPreferences: { where: { choice: link.choice }, select: { choice: true, enabled: true } } },
  });
  if (!person) throw BadLink();
  return { choice: link.choice, enabled: effectiveChoices(person.mailPreferences)[link.choice] };
}

/** Turns the one choice the link names off (the unsubscribe) or back on (its undo); nothing else. */
export async function applyUnsubscribeLink(token: unknown, enabled: boolean): Promise<{ choice: MailChoice; enabled: boolean }> {
  const link = await readUnsubscribeToken(token);
  allowLink(link);
  const person = await db().user.findUnique({ where: { id: link.userId }, select: { id: true } });
  if (!person) throw BadLink();
  await setChoice(db(), link.userId, link.choice, enabled);
  return { choice: link.choice, enabled };
}

function allowLink<T>(link: T | null): asserts link is T {
  if (!policy.canUseUnsubscribeLink({ signatureHolds: link !== null })) throw BadLink();
}

/** For the data export: the person's choices as they apply now, and when each stored one was made. */
export async function mailChoicesForExport(userId: string) {
  const rows = await db().mailPreference.findMany({ where: { userId }, orderBy: { choice: "asc" }, select: { choice: true, enabled: true, updatedAt: true } });
  const effective = effectiveChoices(rows);
  const chosenAt = new Map(rows.map((row) => [row.choice, row.updatedAt.toISOString()]));
  const digests = await db().digestRun.findMany({ where: { userId }, orderBy: { week: "asc" }, select: { week: true, items: true } });
  return {
    choices: MAIL_CHOICE_NAMES.map((choice) => ({ choice, enabled: effective[choice], chosenAt: chosenAt.get(choice) ?? null })),
    weeklyDigestsSent: digests.map((run) => ({ week: run.week, activities: run.items })),
  };
}
