import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BarChart } from "~/components/charts";
import { useThemeName } from "~/components/help";
import { TableScroll } from "~/components/table-scroll";
import { helpStats } from "~/domain/help/stats.server";
import { formatNumber } from "~/lib/format";
import { orHttpError, requireUser } from "~/lib/http.server";
import { direction, LOCALE_NAMES, type Locale } from "~/lib/locales";
import { pageTitle } from "~/lib/meta";
import { formatShownCount, type ShownCount } from "~/lib/small-counts";

export const meta: MetaFunction = (args) => pageTitle(args, "help.stats.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  return { stats: await orHttpError(helpStats(user.id)), locale: context.locale };
}

function CountTable({
  id,
  title,
  heading,
  rows,
  locale,
}: {
  id: string;
  title: string;
  heading: string;
  rows: { label: string; count: ShownCount }[];
  locale: Locale;
}) {
  const { t } = useTranslation();
  return (
    <section className="card stack" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? (
        <p className="empty-state">{t("help.stats.none")}</p>
      ) : (
        <TableScroll labelledBy={id}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{heading}</th>
                <th scope="col">{t("help.stats.questions")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  <td className="number">{formatShownCount(row.count, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

export default function HelpStatsPage() {
  const { t } = useTranslation();
  const themeName = useThemeName();
  const { stats, locale } = useLoaderData<typeof loader>();
  const shown = (count: ShownCount) => formatShownCount(count, locale);
  const hours = (value: number | null) =>
    value === null ? t("help.stats.tooFew") : t("help.stats.hours", { count: value, formatted: formatNumber(value, locale) });
  // A theme with fewer than five questions has no share: its bar stays empty and reads "<5".
  const percentLabel = (value: number) => (value > 0 ? formatNumber(value / 100, locale, { style: "percent" }) : shown({ kind: "few" }));
  const month = (key: string) => new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${key}-01T00:00:00Z`));
  return (
    <section className="stack">
      <div className="title-row">
        <h1>{t("help.stats.title")}</h1>
        <a href="/organise/help/stats.csv" className="button button-secondary button-small" download>
          {t("help.stats.csv")}
        </a>
      </div>
      <p className="lead">{t("help.stats.intro")}</p>
      <dl className="facts card">
        <dt>{t("help.stats.total")}</dt>
        <dd>{shown(stats.total)}</dd>
        <dt>{t("help.stats.backlog")}</dt>
        <dd>{shown(stats.backlog)}</dd>
        <dt>{t("help.stats.median")}</dt>
        <dd>{hours(stats.firstAnswer.medianHours)}</dd>
        <dt>{t("help.stats.p90")}</dt>
        <dd>{hours(stats.firstAnswer.p90Hours)}</dd>
      </dl>
      <section className="card stack" aria-labelledby="stats-themes">
        <h2 id="stats-themes">{t("help.stats.themes")}</h2>
        <p className="hint">{t("help.stats.themesHint", { labelled: shown(stats.labelled) })}</p>
        <BarChart
          title={t("help.stats.themes")}
          data={stats.themes.map((row) => ({ label: themeName(row.key), value: row.percent ?? 0 }))}
          valueLabel={percentLabel}
          locale={locale}
          dir={direction(locale)}
          headers={{ label: t("help.stats.theme"), value: t("help.stats.share") }}
          emptyText={t("help.stats.none")}
        />
      </section>
      <CountTable
        id="stats-theme-counts"
        title={t("help.stats.themeCounts")}
        heading={t("help.stats.theme")}
        rows={stats.themes.map((row) => ({ label: themeName(row.key), count: row.count }))}
        locale={locale}
      />
      <CountTable
        id="stats-months"
        title={t("help.stats.months")}
        heading={t("help.stats.month")}
        rows={stats.months.map((row) => ({ label: month(row.key), count: row.count }))}
        locale={locale}
      />
      <CountTable
        id="stats-languages"
        title={t("help.stats.languages")}
        heading={t("help.stats.language")}
        rows={stats.languages.map((row) => ({ label: LOCALE_NAMES[row.key as Locale] ?? row.key, count: row.count }))}
        locale={locale}
      />
      <CountTable
        id="stats-municipalities"
        title={t("help.stats.municipalities")}
        heading={t("help.stats.municipality")}
        rows={stats.municipalities.map((row) => ({ label: row.name || t("help.stats.noMunicipality"), count: row.count }))}
        locale={locale}
      />
      <p>
        <Link to="/organise/help">{t("help.triage.title")}</Link>
      </p>
    </section>
  );
}
