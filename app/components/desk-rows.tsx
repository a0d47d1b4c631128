import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { DeskDate, DeskRow } from "~/domain/activities/desk.server";
import { formatNumber, formatTimeRange } from "~/lib/format";
import type { Locale } from "~/lib/locales";

/** "12 going of 20 · 3 on the waitlist · 1 to approve": one date's sign-ups at a glance. */
function Counts({ date, locale }: { date: DeskDate; locale: Locale }) {
  const { t } = useTranslation();
  const n = (value: number) => formatNumber(value, locale);
  const parts = [
    date.capacity === null
      ? t("desk.organise.going", { count: date.going, number: n(date.going) })
      : t("desk.organise.goingOf", { count: date.capacity, going: n(date.going), capacity: n(date.capacity) }),
    date.waitlisted > 0 ? t("desk.organise.waitlisted", { count: date.waitlisted, number: n(date.waitlisted) }) : null,
    date.pending > 0 ? t("desk.organise.pending", { count: date.pending, number: n(date.pending) }) : null,
  ].filter(Boolean);
  return <span className="desk-counts">{parts.join(" · ")}</span>;
}

function When({ date, locale }: { date: DeskDate; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <>
      <time dateTime={date.startsAt}>{formatTimeRange(date.startsAt, date.endsAt, date.timeZone, locale)}</time>
      {date.status === "cancelled" ? <span className="badge badge-danger"> {t("activities.status.cancelled")}</span> : null}
    </>
  );
}

/** One row of the desk: a single activity or a series at its next date, with what can be done from here. */
function Row({ row, locale, past }: { row: DeskRow; locale: Locale; past?: boolean }) {
  const { t } = useTranslation();
  const manage = `/organise/activities/${row.next.id}`;
  return (
    <li className="card desk-row stack-tight">
      <p className="activity-meta">
        <span className="badge">{t(`activities.kind.${row.kind}`)}</span>
        {row.dates.length > 1 ? (
          <span className="badge">{t("desk.organise.dates", { count: row.dates.length, number: formatNumber(row.dates.length, locale) })}</span>
        ) : null}
      </p>
      <h3 className="activity-title">
        <Link to={manage} lang={row.contentLocale} dir="auto">
          {row.title || t("desk.organise.untitled")}
        </Link>
      </h3>
      <p>
        {row.dates.length > 1 ? <span className="hint">{t("desk.organise.nextDate")} </span> : null}
        <When date={row.next} locale={locale} />
      </p>
      <p>
        <Counts date={row.next} locale={locale} />
      </p>
      {row.dates.length > 1 ? (
        <details>
          <summary>{t("desk.organise.allDates")}</summary>
          <ul className="desk-dates">
            {row.dates.map((date) => (
              <li key={date.id}>
                <Link to={`/organise/activities/${date.id}`}>
                  <When date={date} locale={locale} />
                </Link>{" "}
                — <Counts date={date} locale={locale} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <div className="form-actions">
        <Form method="post" action={manage}>
          <button type="submit" name="intent" value="duplicate" className="button button-secondary button-small">
            {t("organise.duplicate")}
          </button>
        </Form>
        {!past && row.next.status === "published" ? (
          <Link className="button button-secondary button-small" to={`${manage}#message`}>
            {t("desk.organise.message")}
          </Link>
        ) : null}
        {row.next.status !== "draft" ? (
          <a className="button button-secondary button-small" href={`${manage}/attendance/csv`} download>
            {t("desk.organise.export")}
          </a>
        ) : null}
      </div>
    </li>
  );
}

export function DeskSection({
  id,
  title,
  empty,
  rows,
  locale,
  past,
}: {
  id: string;
  title: string;
  empty: string;
  rows: DeskRow[];
  locale: Locale;
  past?: boolean;
}) {
  return (
    <section className="stack" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? (
        <p className="empty-state card">{empty}</p>
      ) : (
        <ul className="cards">
          {rows.map((row) => (
            <Row key={row.id} row={row} locale={locale} past={past} />
          ))}
        </ul>
      )}
    </section>
  );
}
