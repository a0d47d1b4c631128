import type { ReactNode } from "react";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ActivityCard as Card } from "~/domain/activities/queries.server";
import { KindIllustration, Picture } from "~/components/picture";
import { formatList, formatMoney, formatNumber, formatTimeRange } from "~/lib/format";
import type { Locale } from "~/lib/locales";
import { Highlighted } from "./highlighted";

/**
 * `going` adds the "You're going" badge; `children` come last in the card (the home page's reasons);
 * `first`: the card at the top of a list, whose picture is not loaded lazily (decision 043).
 */
export function ActivityCard({
  activity,
  locale,
  going,
  highlight,
  first = false,
  children,
}: {
  activity: Card & { moreDates?: number; distanceKm?: number | null };
  locale: Locale;
  going?: boolean;
  /** Words searched for, marked in the title and summary. */
  highlight?: string[];
  first?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <li className="card activity-card">
      <div className="card-image">
        {activity.cover ? (
          <Picture picture={activity.cover} sizes="(min-width: 60rem) 20rem, (min-width: 40rem) 45vw, 100vw" eager={first} lang={activity.contentLocale} />
        ) : (
          <KindIllustration kind={activity.kind} eager={first} />
        )}
      </div>
      <p className="activity-meta">
        <span className="badge">{t(`activities.kind.${activity.kind}`)}</span>
        {activity.status === "cancelled" ? <span className="badge badge-danger">{t("activities.status.cancelled")}</span> : null}
        {activity.status === "draft" ? <span className="badge">{t("activities.status.draft")}</span> : null}
        {going ? <span className="badge badge-strong">{t("desk.going")}</span> : null}
      </p>
      <h2 className="activity-title">
        <Link to={`/activities/${activity.id}`} lang={activity.contentLocale} dir="auto">
          <Highlighted text={activity.title} terms={highlight} />
        </Link>
      </h2>
      <p className="activity-when">
        <time dateTime={activity.startsAt}>{formatTimeRange(activity.startsAt, activity.endsAt, activity.timeZone, locale)}</time>
        {activity.moreDates ? <span className="more-dates"> {t("activities.moreDates", { count: activity.moreDates })}</span> : null}
      </p>
      <p className="activity-where">
        {activity.mode === "online"
          ? t("activities.mode.online")
          : [activity.municipality?.name, activity.mode === "hybrid" ? t("activities.mode.alsoOnline") : null].filter(Boolean).join(" · ")}
        {/* In the municipality measured from, "0.0 km away" says nothing the place does not. */}
        {typeof activity.distanceKm === "number" && activity.distanceKm > 0 ? (
          <span className="distance">
            {" "}
            · {t("search.distance", { distance: formatNumber(activity.distanceKm, locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }) })}
          </span>
        ) : null}
      </p>
      {activity.summary ? (
        <p className="activity-summary" lang={activity.contentLocale} dir="auto">
          <Highlighted text={activity.summary} terms={highlight} />
        </p>
      ) : null}
      <ul className="facts-inline">
        <li>
          {t("activities.spokenIn", {
            languages: formatList(
              activity.spokenLanguages.map((code) => t(`reference:language.${code}`)),
              locale,
            ),
          })}
        </li>
        {activity.practisedLanguage ? (
          <li>
            {t("activities.practise", { language: t(`reference:language.${activity.practisedLanguage}`) })}
            {activity.practisedLevel ? ` (${activity.practisedLevel})` : ""}
          </li>
        ) : null}
        {activity.childcare ? <li>{t("activities.childcare")}</li> : null}
        <li>{activity.costCents > 0 ? formatMoney(activity.costCents, locale) : t("activities.free")}</li>
        {activity.seatsLeft !== null ? (
          <li className={activity.seatsLeft === 0 ? "full" : undefined}>
            {activity.seatsLeft === 0 ? t("activities.full") : t("activities.seatsLeft", { count: activity.seatsLeft })}
          </li>
        ) : null}
      </ul>
      {!activity.translated ? <p className="hint">{t("activities.writtenIn", { language: t(`reference:language.${activity.contentLocale}`) })}</p> : null}
      {children}
    </li>
  );
}
