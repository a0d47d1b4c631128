import { formatDate, formatTimeRange } from "~/lib/format";
import { serverT } from "~/lib/i18n.server";
import { DEFAULT_LOCALE, isLocale, type Locale } from "~/lib/locales";
import { publicOrigin } from "~/lib/config.server";
import type { Db } from "~/lib/db.server";
import { enqueueMail, type MailAttachment } from "~/lib/mail/outbox.server";
import { renderMail } from "~/lib/mail/render.server";
import { activityCalendars } from "../activities/calendar.server";
import { pickContent } from "../activities/content";
import { HEADLINE, placeOf, type Headline } from "../activities/whereabouts";
import { actorSelect } from "../policy/guards.server";
import { policy } from "../policy/rules";
import type { NotificationKind } from "./notifications.server";

type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
type NoticeRow = { userId: string; kind: string; activityId: string | null; data: string };

type Context = { t: ReturnType<typeof serverT>; locale: Locale; activity: Headline | null; data: Record<string, string | number> };

type NoticeMail = {
  /** The mail's kind: what the outbox shows and what a person can turn off (app/lib/mail). */
  mailKind: string;
  /** Where the mail's button leads, below the public origin. */
  path: (row: NoticeRow, data: Record<string, string | number>) => string;
  reason: "activity" | "buddy" | "coordinator" | "help" | "plan";
  /** The body when it is more than the kind's one sentence. */
  paragraphs?: (context: Context) => string[];
  /** The activity's .ics goes with the mail: a changed time must reach the calendar too. */
  calendar?: boolean;
};

const activityPage = (row: NoticeRow) => `/activities/${row.activityId}`;
const helpQuestion = (_row: NoticeRow, data: Record<string, string | number>) => `/help/${data.questionId}`;
const matchPage = (_row: NoticeRow, data: Record<string, string | number>) => (data.matchId ? `/buddies/match/${data.matchId}` : "/buddies");

/**
 * The notifications that also go out by mail. Sign-ups, places from the waiting list, approvals
 * and cancellations have mails of their own (signup-mail.server.ts), with the calendar file; a
 * live room that opens is news of the moment, for the bell only.
 */
const NOTICE_MAILS: Partial<Record<NotificationKind, NoticeMail>> = {
  "activity-reminder": { mailKind: "activity-reminder", path: activityPage, reason: "activity" },
  "activity-changed": {
    mailKind: "activity-changed",
    path: activityPage,
    reason: "activity",
    calendar: true,
    paragraphs: ({ t, data }) => [
      t("mail.notice.activity-changed.body", { title: data.title }),
      ...String(data.changes ?? "")
        .split(",")
        .filter((change) => ["time", "place", "link"].includes(change))
        .map((change) => t(`mail.notice.activity-changed.${change}`, { when: data.when, where: data.where })),
    ],
  },
  "organiser-message": {
    mailKind: "organiser-message",
    path: activityPage,
    reason: "activity",
    paragraphs: ({ t, data }) => [t("mail.notice.organiser-message.body", { title: data.title }), String(data.message ?? "")],
  },
  "buddy-proposed": { mailKind: "buddy-proposed", path: matchPage, reason: "buddy" },
  "buddy-declined": { mailKind: "buddy-declined", path: () => "/buddies", reason: "buddy" },
  "buddy-active": { mailKind: "buddy-accepted", path: matchPage, reason: "buddy" },
  "buddy-ended": { mailKind: "buddy-ended", path: () => "/buddies", reason: "buddy" },
  "buddy-expiry-warning": { mailKind: "buddy-expiry-warning", path: matchPage, reason: "buddy" },
  "buddy-check-in": { mailKind: "buddy-check-in", path: matchPage, reason: "buddy" },
  "person-reported": { mailKind: "person-reported", path: () => "/organise/matching", reason: "coordinator" },
  "help-answered": { mailKind: "help-answered", path: helpQuestion, reason: "help" },
  "help-referred": { mailKind: "help-referred", path: helpQuestion, reason: "help" },
  "plan-shared": { mailKind: "plan-shared", path: (_row, data) => `/plan/${data.planId}`, reason: "plan" },
};

const placeText = (activity: Headline, t: Context["t"], venueShown: boolean) => placeOf(activity, venueShown) ?? t("mail.notice.online");

/**
 * Writes the mail of each notice that has one, in the transaction that wrote the notices, so a
 * change, its notices and its mails are kept together or not at all. Each mail is in its
 * recipient's language; times are in the activity's zone.
 */
export async function mailNotices(tx: Tx, rows: NoticeRow[]) {
  const mailed = rows.filter((row) => NOTICE_MAILS[row.kind as NotificationKind]);
  if (mailed.length === 0) return;
  const userIds = [...new Set(mailed.map((row) => row.userId))];
  const activityIds = [...new Set(mailed.flatMap((row) => (row.activityId ? [row.activityId] : [])))];
  const [people, activities, signUps] = await Promise.all([
    tx.user.findMany({ where: { id: { in: userIds } }, select: { ...actorSelect, email: true, displayName: true, locale: true } }),
    activityIds.length === 0
      ? []
      : tx.activity.findMany({
          where: { id: { in: activityIds } },
          select: { id: true, organiserId: true, ...HEADLINE },
        }),
    // Whether each recipient may see a venue kept for people going (a change also reaches people waiting).
    activityIds.length === 0
      ? []
      : tx.rsvp.findMany({ where: { activityId: { in: activityIds }, userId: { in: userIds } }, select: { activityId: true, userId: true, status: true } }),
  ]);
  const personById = new Map(people.map((person) => [person.id, person]));
  const activityById = new Map(activities.map((activity) => [activity.id, activity]));
  const signUpOf = new Map(signUps.map((row) => [`${row.activityId}:${row.userId}`, row]));
  const origin = publicOrigin();
  const calendars = new Map<string, Awaited<ReturnType<typeof activityCalendars>>>();
  for (const row of mailed) {
    const spec = NOTICE_MAILS[row.kind as NotificationKind]!;
    const person = personById.get(row.userId);
    if (!person) continue;
    const locale = isLocale(person.locale) ? person.locale : DEFAULT_LOCALE;
    const t = serverT(locale);
    const activity = row.activityId ? (activityById.get(row.activityId) ?? null) : null;
    const venueShown = Boolean(activity && policy.canSeeVenue(person, activity, signUpOf.get(`${activity.id}:${person.id}`) ?? null));
    const data: Record<string, string | number> = { ...(JSON.parse(row.data) as Record<string, string | number>) };
    if (activity) {
      data.title = pickContent(activity.contents, locale, activity.defaultLocale)?.title ?? "Meedoen";
      data.when = formatTimeRange(activity.startsAt, activity.endsAt, activity.timeZone, locale);
      data.where = placeText(activity, t, venueShown);
    }
    if (typeof data.expiresAt === "string") data.expires = formatDate(data.expiresAt, locale, { dateStyle: "full", timeStyle: "short" });
    const key = `mail.notice.${row.kind}`;
    const mail = renderMail(locale, {
      subject: t(`${key}.subject`, data),
      greeting: t("mail.greeting", { name: person.displayName }),
      paragraphs: spec.paragraphs ? spec.paragraphs({ t, locale, activity, data }) : [t(`${key}.body`, data)],
      action: { label: t(`${key}.action`), url: origin + spec.path(row, data) },
      reason: t(`mail.notice.reason.${spec.reason}`),
    });
    const attachments: MailAttachment[] = [];
    if (spec.calendar && row.activityId) {
      const cacheKey = `${row.activityId}:${locale}`;
      if (!calendars.has(cacheKey)) calendars.set(cacheKey, await activityCalendars(row.activityId, locale, origin, tx));
      attachments.push({
        filename: "meedoen.ics",
        contentType: "text/calendar; charset=utf-8; method=PUBLISH",
        content: calendars.get(cacheKey)!.build(venueShown),
      });
    }
    await enqueueMail(tx, { kind: spec.mailKind, userId: person.id, to: person.email, locale, ...mail, attachments });
  }
}
