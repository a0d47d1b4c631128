import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BarChart } from "~/components/charts";
import { getActivity } from "~/domain/activities/queries.server";
import { activityReport, attendanceTrend } from "~/domain/attendance/reports.server";
import { formatDate } from "~/lib/format";
import { orHttpError, requireUser } from "~/lib/http.server";
import { direction } from "~/lib/locales";
import { pageTitle } from "~/lib/meta";
import { TableScroll } from "~/components/table-scroll";
import { BackLink } from "~/components/back-link";

export const meta: MetaFunction = (args) => pageTitle(args, "reports.title");

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  const [report, trend, activity] = await orHttpError(
    Promise.all([activityReport(user.id, params.id!), attendanceTrend(user.id, params.id!), getActivity(params.id!, { viewer: user, locale: context.locale })]),
  );
  return {
    report,
    trend: trend.map((row) => ({ ...row, startsAt: row.startsAt.toISOString() })),
    title: activity.title,
    id: activity.id,
    locale: context.locale,
  };
}

export default function Report() {
  const { t } = useTranslation();
  const { report, trend, title, id, locale } = useLoaderData<typeof loader>();
  const { figures } = report;
  return (
    <section className="stack">
      <BackLink to={`/organise/activities/${id}`}>{t("organise.edit")}</BackLink>
      <h1 dir="auto">{title}</h1>
      <dl className="facts card">
        <dt>{t("reports.signUps")}</dt>
        <dd>{figures.signUps}</dd>
        <dt>{t("reports.going")}</dt>
        <dd>{figures.going}</dd>
        <dt>{t("reports.waitlisted")}</dt>
        <dd>{figures.waitlisted}</dd>
        <dt>{t("reports.pending")}</dt>
        <dd>{figures.pending}</dd>
        <dt>{t("reports.cancelled")}</dt>
        <dd>{figures.cancelled}</dd>
        <dt>{t("reports.present")}</dt>
        <dd>{figures.present}</dd>
        <dt>{t("reports.presentGoing")}</dt>
        <dd>{t("reports.ofGoing", { count: figures.going, arrived: figures.presentGoing })}</dd>
        <dt>{t("reports.walkIns")}</dt>
        <dd>{figures.walkIns}</dd>
        {figures.presentDeleted > 0 ? (
          <>
            <dt>{t("reports.presentDeleted")}</dt>
            <dd>{figures.presentDeleted}</dd>
          </>
        ) : null}
        <dt>{t("reports.noShows")}</dt>
        <dd>{figures.noShows === null ? t("reports.noShowsLater") : figures.noShows}</dd>
        {figures.presentWithoutPlace > 0 ? (
          <>
            <dt>{t("reports.withoutPlace")}</dt>
            <dd>
              {figures.presentWithoutPlace}
              <p className="hint">{t("reports.withoutPlaceHint")}</p>
            </dd>
          </>
        ) : null}
        {report.mode !== "in-person" ? (
          <>
            <dt>{t("reports.averageMinutes")}</dt>
            <dd>{figures.averageMinutes === null ? "—" : t("reports.minutes", { count: figures.averageMinutes })}</dd>
          </>
        ) : null}
      </dl>
      <p className="form-actions">
        <a className="button button-secondary button-small" href={`/organise/activities/${id}/attendance/csv`} download>
          {t("reports.downloadCsv")}
        </a>
        <a className="button button-secondary button-small" href={`/organise/activities/${id}/attendance/json`} download>
          {t("reports.downloadJson")}
        </a>
      </p>
      {report.seriesId || report.groupId ? (
        <section className="card stack" aria-labelledby="trend-heading">
          <h2 id="trend-heading">{t("reports.overTime")}</h2>
          <BarChart
            title={t("reports.overTime")}
            data={trend.map((row) => ({ label: formatDate(row.startsAt, locale, { dateStyle: "medium" }), value: row.attended, secondary: row.returning }))}
            valueLabel={(value) => t("reports.people", { count: value })}
            locale={locale}
            dir={direction(locale)}
            legend={{ primary: t("reports.new"), secondary: t("reports.returning") }}
            headers={{ label: t("reports.date"), value: t("reports.present") }}
            emptyText={t("reports.noTrend")}
          />
        </section>
      ) : null}
      <section className="card stack" aria-labelledby="people-heading">
        <h2 id="people-heading">{t("reports.people", { count: report.people.length })}</h2>
        <TableScroll labelledBy="people-heading">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("profile.displayName")}</th>
                <th scope="col">{t("reports.rsvp")}</th>
                <th scope="col">{t("reports.checkedIn")}</th>
                {report.mode !== "in-person" ? <th scope="col">{t("reports.minutesOnline")}</th> : null}
                <th scope="col">{t("reports.countedAs")}</th>
              </tr>
            </thead>
            <tbody>
              {report.people.map((person, index) => (
                <tr key={index}>
                  <td dir="auto">{person.name}</td>
                  <td>{person.rsvp ? t(`reports.status.${person.rsvp}`) : "—"}</td>
                  <td>{person.checkedIn ? t(`reports.method.${person.checkedIn}`) : "—"}</td>
                  {report.mode !== "in-person" ? <td>{person.minutes ?? "—"}</td> : null}
                  <td>{person.counted ? t(`reports.counted.${person.counted}`) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </section>
  );
}
