/**
 * The weekly digest (opt-in, mail choice "digest"): once a week per person who asked for it, the
 * new upcoming public activities that fit them (digest.ts), in their language. A periodic step on
 * every instance calls `sendDueDigests`; each (person, week) is claimed with an insert that skips
 * an existing row, in the same transaction that writes the mail, so a week's digest is written
 * once across instances, or not at all. A week with nothing new for someone sends nothing.
 */
import { publicOrigin } from "~/lib/config.server";
import { db } from "~/lib/db.server";
import { formatTimeRange } from "~/lib/format";
import { serverT } from "~/lib/i18n.server";
import { DEFAULT_LOCALE, isLocale } from "~/lib/locales";
import { MAIL_CHOICES } from "~/lib/mail/kinds";
import { enqueueMail } from "~/lib/mail/outbox.server";
import { renderMail } from "~/lib/mail/render.server";
import { pickContent } from "./content";
import { DIGEST_LOOKBACK_MS, digestPicks, digestWeek, type DigestCandidate } from "./digest";
import { readerProfile } from "./queries.server";

const KIND = "weekly-digest";
/** People handled per round; a step goes on until nobody is left for the week or MAX_ROUNDS. */
const BATCH = 100;
const MAX_ROUNDS = 50;
/** The week's new activities read at most; more than this in one week is beyond this installation's size. */
const MAX_CANDIDATES = 1_000;

/** One step: everyone opted in without this week's digest yet. Returns how many mails were written. */
export async function sendDueDigests(now = new Date()): Promise<{ week: string; mailed: number; empty: number }> {
  const week = digestWeek(now);
  const candidates = await newActivities(now);
  let mailed = 0;
  let empty = 0;
  let after = "";
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const people = await db().user.findMany({
      where: {
        id: { gt: after },
        digestRuns: { none: { week } },
        mailPreferences: MAIL_CHOICES.digest.byDefault ? { none: { choice: "digest", enabled: false } } : { some: { choice: "digest", enabled: true } },
      },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, email: true, displayName: true, locale: true, groupMemberships: { select: { groupId: true } } },
    });
    if (people.length === 0) break;
    after = people[people.length - 1].id;
    for (const person of people) {
      const written = await digestFor(person, week, candidates, now);
      if (written === null) continue;
      if (written) mailed++;
      else empty++;
    }
  }
  return { week, mailed, empty };
}

type Person = { id: string; email: string; displayName: string; locale: string; groupMemberships: { groupId: string }[] };
type Upcoming = DigestCandidate & { endsAt: Date; timeZone: string; defaultLocale: string; contents: { locale: string; title: string }[] };

/** True: mailed; false: claimed with nothing new (no mail); null: another instance had claimed it. */
async function digestFor(person: Person, week: string, candidates: Upcoming[], now: Date): Promise<boolean | null> {
  const reader = await readerProfile(person.id);
  if (!reader) return null;
  const picks = digestPicks(reader, new Set(person.groupMemberships.map((row) => row.groupId)), candidates) as Upcoming[];
  const draft = picks.length > 0 ? digestMail(person, picks) : null;
  // Read before, written inside: on SQLite a read through db() inside the transaction would wait for it.
  // The claim is the row's key: a second instance's insert waits for the first's transaction and
  // then fails (P2002), which rolls its transaction back, mail and all.
  try {
    return await db().$transaction(async (tx) => {
      await tx.digestRun.create({ data: { userId: person.id, week, items: picks.length, createdAt: now } });
      if (!draft) return false;
      return (await enqueueMail(tx, draft)) !== null;
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return null;
    throw error;
  }
}

/** Published, upcoming, and new: published in the week before (`publishedAt`; see decisions/039). */
async function newActivities(now: Date): Promise<Upcoming[]> {
  const rows = await db().activity.findMany({
    where: { status: "published", startsAt: { gt: now }, publishedAt: { gte: new Date(now.getTime() - DIGEST_LOOKBACK_MS) } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: MAX_CANDIDATES,
    select: {
      id: true,
      groupId: true,
      seriesId: true,
      startsAt: true,
      endsAt: true,
      timeZone: true,
      defaultLocale: true,
      mode: true,
      municipalityCode: true,
      practisedLanguage: true,
      localWeekday: true,
      localPart: true,
      contents: { select: { locale: true, title: true } },
      spokenLanguages: { select: { language: true } },
      interests: { select: { interest: true } },
    },
  });
  return rows.map((row) => ({
    ...row,
    spokenLanguages: row.spokenLanguages.map((entry) => entry.language),
    interests: row.interests.map((entry) => entry.interest),
    slot: `${row.localWeekday}-${row.localPart}`,
  }));
}

function digestMail(person: Person, picks: Upcoming[]) {
  const locale = isLocale(person.locale) ? person.locale : DEFAULT_LOCALE;
  const t = serverT(locale);
  const origin = publicOrigin();
  const mail = renderMail(locale, {
    subject: t("mailPrefs.digest.subject", { count: picks.length }),
    greeting: t("mail.greeting", { name: person.displayName }),
    paragraphs: [t("mailPrefs.digest.intro", { count: picks.length })],
    items: picks.map((activity) => ({
      title: pickContent(activity.contents, locale, activity.defaultLocale)?.title ?? "Meedoen",
      detail: formatTimeRange(activity.startsAt, activity.endsAt, activity.timeZone, locale),
      url: `${origin}/activities/${activity.id}`,
    })),
    action: { label: t("mailPrefs.digest.action"), url: `${origin}/activities` },
    reason: t("mailPrefs.digest.reason"),
  });
  return { kind: KIND, userId: person.id, to: person.email, locale, ...mail };
}
