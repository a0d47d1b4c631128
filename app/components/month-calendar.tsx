import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ActivityCard } from "~/domain/activities/queries.server";
import { calendarDay, formatDate, formatTime } from "~/lib/format";
import type { Locale } from "~/lib/locales";

/** A month as a list of days that have activities: readable on a phone and by a screen reader. */
export function MonthCalendar({
  month,
  activities,
  locale,
  linkFor,
}: {
  month: string;
  activities: ActivityCard[];
  locale: Locale;
  linkFor: (month: string) => string;
}) {
  const { t } = useTranslation();
  const [year, index] = month.split("-").map(Number);
  const shift = (delta: number) => new Date(Date.UTC(year, index - 1 + delta, 1)).toISOString().slice(0, 7);
  const days = new Map<string, ActivityCard[]>();
  for (const activity of activities) {
    const key = calendarDay(activity.startsAt, activity.timeZone); // the day where it happens
    days.set(key, [...(days.get(key) ?? []), activity]);
  }
  // Month and day names are calendar dates, not moments: formatted in UTC from a UTC date.
  const title = formatDate(new Date(Date.UTC(year, index - 1, 1)), locale, { month: "long", year: "numeric", timeZone: "UTC" });
  const dayTitle = (day: string) => formatDate(`${day}T12:00:00Z`, locale, { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
  const time = (activity: ActivityCard) => formatTime(activity.startsAt, locale, activity.timeZone);
  return (
    <section className="month" aria-labelledby="month-title">
      <div className="month-nav">
        <Link to={linkFor(shift(-1))} rel="prev">
          {t("activities.calendar.previous")}
        </Link>
        <h2 id="month-title">{title}</h2>
        <Link to={linkFor(shift(1))} rel="next">
          {t("activities.calendar.next")}
        </Link>
      </div>
      {days.size === 0 ? (
        <p className="empty-state card">{t("activities.calendar.empty")}</p>
      ) : (
        <ol className="month-days">
          {[...days.entries()]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([day, items]) => (
              <li key={day} className="card">
                <h3>
                  <time dateTime={day}>{dayTitle(day)}</time>
                </h3>
                <ul>
                  {items.map((activity) => (
                    <li key={activity.id}>
                      <span className="time">{time(activity)}</span>{" "}
                      <Link to={`/activities/${activity.id}`} lang={activity.contentLocale} dir="auto">
                        {activity.title}
                      </Link>{" "}
                      <span className="muted">· {activity.mode === "online" ? t("activities.mode.online") : activity.municipality?.name}</span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
        </ol>
      )}
    </section>
  );
}
