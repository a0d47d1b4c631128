import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ActivityCard } from "~/components/activity-card";
import { ActivityFilters } from "~/components/activity-filters";
import { MonthCalendar } from "~/components/month-calendar";
import { DistanceField, SearchSummary, searchKept } from "~/components/search-parts";
import { SearchBox } from "~/components/search-box";
import { discoverActivities, goingAmong } from "~/domain/activities/queries.server";
import { parseDiscoveryFilters } from "~/domain/activities/schemas.server";
import { listMunicipalities } from "~/domain/people/profile.server";
import { hasEmptyParams, withoutEmptyParams } from "~/lib/clean-query";
import { orHttpError } from "~/lib/http.server";
import { feedLink, pageTitle } from "~/lib/meta";

export const meta: MetaFunction = (args) => [...pageTitle(args, "areas.activities.title"), feedLink(args, "/feeds/activities.atom")];

/** The month shown by the calendar view: the one asked for (already checked), else this one. */
function monthRange(month: string | null) {
  const now = new Date();
  const [year, index] = month ? month.split("-").map(Number) : [now.getUTCFullYear(), now.getUTCMonth() + 1];
  const first = new Date(Date.UTC(year, index - 1, 1));
  const last = new Date(Date.UTC(year, index, 0));
  return { month: first.toISOString().slice(0, 7), from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  // A filter form sent without JavaScript carries its "any" fields as `kind=`: the address drops them.
  if (hasEmptyParams(url.searchParams)) throw redirect(`${url.pathname}${withoutEmptyParams(url.searchParams)}`);
  // Filters that cannot be read are left out and named on the page, never an error page.
  const { query, view, month, ignored, accepted } = parseDiscoveryFilters(Object.fromEntries(url.searchParams));
  const range = view === "calendar" ? monthRange(month) : null;
  const [result, municipalities] = await orHttpError(
    Promise.all([
      discoverActivities(range ? { ...query, from: range.from, to: range.to, perPage: 100, page: 1, sort: "date" } : query, {
        userId: context.auth.user?.id ?? null,
        readerUpdatedAt: context.auth.user?.updatedAt,
        locale: context.locale,
        collapseSeries: view === "list",
      }),
      listMunicipalities(),
    ]),
  );
  // A page past the end (an old link, a list that shrank) goes to the last page rather than saying "page 99 of 4".
  if (view === "list" && result.page > result.pageCount) {
    const last = new URLSearchParams(url.searchParams);
    if (result.pageCount > 1) last.set("page", String(result.pageCount));
    else last.delete("page");
    throw redirect(`${url.pathname}${last.size ? `?${last}` : ""}`);
  }
  // The "You're going" badge: one indexed read for the cards on this page.
  const going = await orHttpError(
    goingAmong(
      context.auth.user?.id ?? null,
      result.items.map((item) => item.id),
    ),
  );
  return {
    ...result,
    going,
    view,
    month: range?.month ?? null,
    municipalities,
    locale: context.locale,
    signedIn: Boolean(context.auth.user),
    filters: accepted,
    needsOrigin: Boolean(query.km && !result.origin),
    // What was typed is shown back, shortened: it is the reader's own address, but it may be long.
    ignored: ignored.map(({ name, value }) => ({ name, value: Array.from(value).length > 40 ? `${Array.from(value).slice(0, 40).join("")}…` : value })),
  };
}

export default function Activities() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const loading = useNavigation().state === "loading";
  // Open on a page that arrives with filters; after that the person opens and closes it (applying closes it, activity-filters.tsx).
  const [filtersOpen] = useState(() => Object.keys(data.filters).some((key) => !["view", "page", "month", "sort", "q"].includes(key)));
  const filters = data.filters;
  // Links keep the filters that were understood and drop the rest.
  const withParams = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(filters);
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
      {data.ignored.length > 0 ? (
        <div className="alert alert-warning" role="status" id="ignored-filters">
          <p>{t("activities.filters.ignored", { count: data.ignored.length })}</p>
          <ul className="ignored-filters">
            {data.ignored.map(({ name, value }) => (
              <li key={name}>
                <span className="filter-name">{t(["near", "km"].includes(name) ? `search.filter.${name}` : `activities.filters.${name}`)}</span>:{" "}
                <bdi>{value}</bdi>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <SearchBox action="/activities" value={filters.q ?? ""} label={t("search.activitiesLabel")} suggestUrl="/activities/suggest" keep={searchKept(filters)} />
      <SearchSummary q={filters.q} terms={data.terms} needsOrigin={data.needsOrigin} />
      <details className="filters-toggle" open={filtersOpen}>
        <summary>{t("activities.filters.title")}</summary>
        <ActivityFilters
          filters={filters}
          municipalities={data.municipalities}
          view={data.view}
          distance={<DistanceField filters={filters} signedIn={data.signedIn} />}
        />
      </details>
      <p id="results-count" aria-live="polite" className={loading ? "muted loading" : "muted"}>
        {loading ? t("common.loading") : t("activities.found", { count: data.total })}
        {data.view === "list" && (data.signedIn || filters.q) ? (
          <>
            {" · "}
            {data.sort === "relevance" ? (
              <Link to={withParams({ sort: "date", page: null })}>{t("activities.sortByDate")}</Link>
            ) : filters.q ? (
              <Link to={withParams({ sort: null, page: null })}>{t("search.sortByRelevance")}</Link>
            ) : data.sort === "for-you" ? (
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
          {/* Only a word typed: the filters are not what to change. */}
          {filters.q && Object.keys(filters).every((name) => ["q", "view", "sort", "page"].includes(name)) ? (
            <>
              <p>{t("activities.noneForSearch", { q: filters.q })}</p>
              <Link to="?view=list" className="button button-secondary">
                {t("activities.showAll")}
              </Link>
            </>
          ) : (
            <>
              <p>{t("activities.none")}</p>
              <Link to={filters.q ? `?${new URLSearchParams({ view: "list", q: filters.q })}` : "?view=list"} className="button button-secondary">
                {t("activities.filters.clear")}
              </Link>
            </>
          )}
        </div>
      ) : (
        <ul className="activity-list">
          {data.items.map((activity, index) => (
            <ActivityCard
              key={activity.id}
              activity={activity}
              locale={data.locale}
              going={data.going.includes(activity.id)}
              highlight={data.terms}
              first={index === 0}
            />
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
