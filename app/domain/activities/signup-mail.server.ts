import { db } from "~/lib/db.server";
import { formatTimeRange } from "~/lib/format";
import { serverT } from "~/lib/i18n.server";
import { DEFAULT_LOCALE, isLocale } from "~/lib/locales";
import type { MailDraft } from "~/lib/mail/outbox.server";
import { renderMail } from "~/lib/mail/render.server";
import { actorSelect } from "../policy/guards.server";
import { policy } from "../policy/rules";
import { activityCalendars } from "./calendar.server";
import { pickContent } from "./content";
import type { RsvpStatus } from "./rsvp.server";

type Reader = Pick<ReturnType<typeof db>, "user" | "activity">;
/** What a mail tells about a sign-up: its status, "promoted" when a place came free, "called-off" when the activity was cancelled. */
export type SignUpNews = RsvpStatus | "promoted" | "called-off";

/**
 * What a sign-up mail needs, read through `client`: before the sign-up's transaction (on SQLite a
 * plain read inside another transaction would wait for it), or inside one as that transaction
 * (a place that came free). Returns the mail for the news the transaction decides: going or
 * promoted (with the activity's .ics), on the waitlist (the place), or asked for. Null when there
 * is nothing to mail about (the person or the activity is not there).
 */
export async function prepareSignUpMail(userId: string, activityId: string, origin: string, client: Reader = db()) {
  const [person, activity] = await Promise.all([
    client.user.findUnique({ where: { id: userId }, select: { ...actorSelect, email: true, displayName: true, locale: true } }),
    client.activity.findUnique({
      where: { id: activityId },
      select: {
        status: true,
        startsAt: true,
        endsAt: true,
        timeZone: true,
        defaultLocale: true,
        contents: { select: { locale: true, title: true, summary: true } },
      },
    }),
  ]);
  if (!person || !activity || activity.status === "draft") return () => null;
  const locale = isLocale(person.locale) ? person.locale : DEFAULT_LOCALE;
  const t = serverT(locale);
  const title = pickContent(activity.contents, locale, activity.defaultLocale)?.title ?? "Meedoen";
  const when = formatTimeRange(activity.startsAt, activity.endsAt, activity.timeZone, locale);
  const link = `${origin}/activities/${activityId}`;
  const calendars = await activityCalendars(activityId, locale, origin, client);
  // With a place the person may see a venue kept for people going; a cancellation needs no place.
  const ics = { going: calendars.build(policy.canSeeVenue(person, calendars.activity, { status: "going" })), other: calendars.build(false) };
  return (status: SignUpNews, place: number): MailDraft | null => {
    if (status === "cancelled") return null;
    const mail = renderMail(locale, {
      subject: t(`mail.signup.${status}.subject`, { title }),
      greeting: t("mail.greeting", { name: person.displayName }),
      paragraphs: [t(`mail.signup.${status}.body`, { title, when, place })],
      action: { label: t("mail.signup.action"), url: link },
      reason: t("mail.signup.reason"),
    });
    // The calendar file goes with every mail that changes the person's calendar: a place, or a cancellation (STATUS:CANCELLED takes it out).
    const attachments =
      status === "going" || status === "promoted" || status === "called-off"
        ? [{ filename: "meedoen.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH", content: status === "called-off" ? ics.other : ics.going }]
        : [];
    return { kind: `signup-${status}`, userId, to: person.email, locale, ...mail, attachments };
  };
}
