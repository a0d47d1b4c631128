import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActivityCard } from "~/components/activity-card";
import { ActivityFilters } from "~/components/activity-filters";
import { MonthCalendar } from "~/components/month-calendar";
import { discoverActivities } from "~/domain/activities/queries.server";
import { DiscoveryQuery } from "~/domain/activities/schemas.server";
import { listMunicipalities } from "~/domain/people/profile.server";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "areas.activities.title");

function monthRange(month: string | null) {
  const now = new Date();
  const [year, index] = month && /^\d{4}-\d{2}$/.test(month) ? month.split("-").map(Number) : [now.getUTCFullYear(), now.getUTCMonth() + 1];
  const first = new Date(Date.UTC(year, index - 1, 1));
  const last = new Date(Date.UTC(year, index, 0));
  return { month: first.toISOString().slice(0, 7), from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const params = Object.fromEntries(url.searchParams);
  const view = params.view === "calendar" ? "calendar" : "list";
  const query = DiscoveryQuery.parse(params);
  const range = view === "calendar" ? monthRange(url.searchParams.get("month")) : null;
  const [result, municipalities] = await Promise.all([
    discoverActivities(range ? { ...query, from: range.from, to: range.to, perPage: 100, page: 1, sort: "date" } : query, {
      userId: context.auth.user?.id ?? null,
      locale: context.locale,
      collapseSeries: view === "list",
    }),
    listMunicipalities(),
  ]);
  return { ...result, view, month: range?.month ?? null, municipalities, locale: context.locale, signedIn: Boolean(context.auth.user) };
}

export default function Activities() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const loading = useNavigation().state === "loading";
  const filters = Object.fromEntries(params) as Record<string, string>;
  const withParams = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    return `?${next.toString()}`;
  };
  return (
    <section className="stack">
      <div className="title-row">
        <h1>{t("areas.activities.title")}</h1>
        {data.signedIn ? (
          <Link to="/activities/mine" className="button button-secondary button-small">
            {t("activities.mine.title")}
          </Link>
        ) : null}
      </div>
      <p className="lead">{t("areas.activities.intro")}</p>
      <nav className="view-switch" aria-label={t("activities.view.label")}>
        <Link to={withParams({ view: "list", page: null })} aria-current={data.view === "list" ? "page" : undefined}>
          {t("activities.view.list")}
        </Link>
        <Link to={withParams({ view: "calendar", page: null })} aria-current={data.view === "calendar" ? "page" : undefined}>
          {t("activities.view.calendar")}
        </Link>
      </nav>
      <details className="filters-toggle" open={Object.keys(filters).some((key) => !["view", "page", "month", "sort"].includes(key))}>
        <summary>{t("activities.filters.title")}</summary>
        <ActivityFilters filters={filters} municipalities={data.municipalities} view={data.view} />
      </details>
      <p aria-live="polite" className={loading ? "muted loading" : "muted"}>
        {loading ? t("common.loading") : t("activities.found", { count: data.total })}
        {data.view === "list" && data.signedIn ? (
          <>
            {" · "}
            {data.sort === "for-you" ? (
              <Link to={withParams({ sort: "date", page: null })}>{t("activities.sortByDate")}</Link>
            ) : (
              <Link to={withParams({ sort: "for-you", page: null })}>{t("activities.sortForYou")}</Link>
            )}
          </>
        ) : null}
      </p>
      {data.view === "calendar" ? (
        <MonthCalendar month={data.month!} activities={data.items} locale={data.locale} linkFor={(month) => withParams({ month })} />
      ) : data.items.length === 0 ? (
        <div className="empty-state card">
          <p>{t("activities.none")}</p>
          <Link to="?view=list" className="button button-secondary">
            {t("activities.filters.clear")}
          </Link>
        </div>
      ) : (
        <ul className="activity-list">
          {data.items.map((activity) => (
            <ActivityCard key={activity.id} activity={activity} locale={data.locale} />
          ))}
        </ul>
      )}
      {data.view === "list" && data.pageCount > 1 ? (
        <nav aria-label={t("common.pagination")} className="pagination">
          {data.page > 1 ? <Link to={withParams({ page: String(data.page - 1) })}>{t("common.previous")}</Link> : null}
          <span>{t("common.pageOf", { page: data.page, pageCount: data.pageCount })}</span>
          {data.page < data.pageCount ? <Link to={withParams({ page: String(data.page + 1) })}>{t("common.next")}</Link> : null}
        </nav>
      ) : null}
    </section>
  );
}
