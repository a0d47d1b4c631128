import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ForYouReason } from "~/domain/activities/for-you";
import type { HomeData } from "~/domain/home/home.server";
import { formatList, formatNumber } from "~/lib/format";
import type { Locale } from "~/lib/locales";
import { calendarLinks } from "~/lib/share-links";
import { ActivityCard } from "./activity-card";

type Serialized<T> = T extends Date ? string : T extends object ? { [K in keyof T]: Serialized<T[K]> } : T;
type Home = Serialized<HomeData>;
type Card = Home["waitlist"][number]["activity"];

/** "in Ukrainian, near Zaanstad and in the evening": the score's parts, translated and joined. */
export function ReasonLine({ reasons, place, locale }: { reasons: ForYouReason[]; place: string | null; locale: Locale }) {
  const { t } = useTranslation();
  const words = reasons.map((reason) => {
    switch (reason.kind) {
      case "language":
        return t("desk.reasons.language", { language: t(`reference:language.${reason.language}`) });
      case "learning":
        return t("desk.reasons.learning", { language: t(`reference:language.${reason.language}`) });
      case "interest":
        // Said as an interest of theirs: "in English, near Amsterdam and Book club" read as a third place.
        return t("desk.reasons.interest", { interest: t(`reference:interest.${reason.interest}`) });
      case "place":
        return t("desk.reasons.place", { place: place ?? "" });
      case "online":
        return t("desk.reasons.online");
      case "time":
        return t(`desk.reasons.part.${reason.part}`);
    }
  });
  return <p className="hint reason">{t("desk.reasons.because", { reasons: formatList(words, locale) })}</p>;
}

/** The next activity the person is going to, with the ticket and the calendar at hand. */
export function NextActivity({ activity, locale, origin }: { activity: Card; locale: Locale; origin: string }) {
  const { t } = useTranslation();
  const calendars = calendarLinks({
    title: activity.title,
    startsAt: activity.startsAt,
    endsAt: activity.endsAt,
    details: activity.summary,
    location: activity.mode === "online" ? t("activities.mode.online") : [activity.venue, activity.municipality?.name].filter(Boolean).join(", "),
    url: `${origin}/activities/${activity.id}`,
  });
  return (
    <section className="stack" aria-labelledby="home-next">
      <h2 id="home-next">{t("desk.home.next")}</h2>
      <ul className="activity-list">
        <ActivityCard activity={activity} locale={locale} going />
      </ul>
      <p className="form-actions">
        <Link className="button button-small" to={`/activities/${activity.id}/ticket`}>
          {t("desk.home.ticket")}
        </Link>
        <a className="button button-secondary button-small" href={`/activities/${activity.id}/calendar.ics`} download>
          {t("activities.addToCalendar")}
        </a>
      </p>
      <p className="hint">
        <a href={calendars.google}>{t("share.google")}</a> · <a href={calendars.outlook}>{t("share.outlook")}</a>
      </p>
    </section>
  );
}

export function Waitlist({ entries, locale }: { entries: Home["waitlist"]; locale: Locale }) {
  const { t } = useTranslation();
  if (entries.length === 0) return null;
  return (
    <section className="stack" aria-labelledby="home-waitlist">
      <h2 id="home-waitlist">{t("desk.home.waitlist")}</h2>
      <ul className="cards">
        {entries.map(({ activity, place }) => (
          <li className="card" key={activity.id}>
            <Link to={`/activities/${activity.id}`} lang={activity.contentLocale} dir="auto">
              {activity.title}
            </Link>
            <p className="hint">{t("desk.home.waitlistPlace", { place: formatNumber(place ?? 0, locale) })}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Buddy({ buddy, locale }: { buddy: NonNullable<Home["buddy"]>; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <section className="card stack-tight" aria-labelledby="home-buddy">
      <h2 id="home-buddy">{t("desk.home.buddy")}</h2>
      <p>{buddy.status === "active" ? t("desk.home.buddyActive", { name: buddy.otherName }) : t("desk.home.buddyProposed", { name: buddy.otherName })}</p>
      {buddy.status === "active" ? (
        <p>
          <Link to={`/buddies/match/${buddy.matchId}`}>
            {buddy.unread > 0 ? t("desk.home.unread", { count: buddy.unread, number: formatNumber(buddy.unread, locale) }) : t("desk.home.openChat")}
          </Link>
        </p>
      ) : (
        <p>
          <Link to={`/buddies/match/${buddy.matchId}`}>{t("desk.home.answerProposal")}</Link>
        </p>
      )}
    </section>
  );
}

export function Recommendations({ picks, going, locale }: { picks: Home["recommendations"]; going: string[]; locale: Locale }) {
  const { t } = useTranslation();
  if (picks.length === 0) return null;
  return (
    <section className="stack" aria-labelledby="home-for-you">
      <h2 id="home-for-you">{t("desk.home.forYou")}</h2>
      <ul className="activity-list">
        {picks.map(({ activity, reasons }) => (
          <ActivityCard key={activity.id} activity={activity} locale={locale} going={going.includes(activity.id)}>
            <ReasonLine reasons={reasons} place={activity.municipality?.name ?? null} locale={locale} />
          </ActivityCard>
        ))}
      </ul>
    </section>
  );
}

export function FirstSteps({ steps }: { steps: Home["firstSteps"] }) {
  const { t } = useTranslation();
  const shown = (["profile", "activity", "buddy"] as const).filter((step) => steps[step]);
  if (shown.length === 0) return null;
  const links = { profile: "/profile", activity: "/activities", buddy: "/buddies/request/new" } as const;
  return (
    <section className="card stack-tight" aria-labelledby="home-first-steps">
      <h2 id="home-first-steps">{t("desk.home.firstSteps")}</h2>
      {/* Numbered only when there is more than one step; each hint on its own line under its link. */}
      <ol className={`first-steps${shown.length === 1 ? " single" : ""}`}>
        {shown.map((step) => (
          <li key={step}>
            <Link to={links[step]}>{t(`desk.home.step.${step}`)}</Link>
            <span className="hint"> {t(`desk.home.stepHint.${step}`)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
