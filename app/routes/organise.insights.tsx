import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TableScroll } from "~/components/table-scroll";
import { obstacleLabel } from "~/domain/plan/obstacles";
import { planInsights } from "~/domain/plan/insights.server";
import type { ObstacleCount } from "~/domain/plan/insights";
import { formatDate } from "~/lib/format";
import { orHttpError, requireUser } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { formatShownCount, SMALLEST_SHOWN, type ShownCount } from "~/lib/small-counts";
import { useLocale } from "~/lib/use-locale";

export const meta: MetaFunction = (args) => pageTitle(args, "plan.insights.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  return { insights: await orHttpError(planInsights(user.id)) };
}

/** A group's most common obstacles, with how many plans name each ("<5" below five). */
function ObstacleGroup({ id, heading, plans, obstacles }: { id: string; heading: string; plans: ShownCount; obstacles: ObstacleCount[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="stack-tight">
      <h3 id={id}>
        {heading} <span className="muted">({t("plan.insights.plans", { shown: formatShownCount(plans, locale) })})</span>
      </h3>
      {obstacles.length > 0 ? (
        <TableScroll labelledBy={id}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("plan.insights.obstacle")}</th>
                <th scope="col" className="number">
                  {t("plan.insights.count")}
                </th>
              </tr>
            </thead>
            <tbody>
              {obstacles.map((entry) => (
                <tr key={`${entry.domain}:${entry.obstacle}`}>
                  <th scope="row">{t(obstacleLabel(entry.domain, entry.obstacle))}</th>
                  <td className="number" dir="ltr">
                    {formatShownCount(entry.count, locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </div>
  );
}

export default function PlanInsights() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { insights } = useLoaderData<typeof loader>();
  // "<5" reads left to right in every language, also inside an Arabic sentence (LRI … PDI).
  const few = `\u2066${formatShownCount({ kind: "few" }, locale)}\u2069`;
  return (
    <section className="stack">
      <h1>{t("plan.insights.title")}</h1>
      <p className="lead">{t("plan.insights.intro", { plans: formatShownCount(insights.plans, locale) })}</p>
      <p className="muted">{t("plan.insights.smallCounts", { few, count: SMALLEST_SHOWN })}</p>
      <section className="card stack" aria-labelledby="insights-domains">
        <h2 id="insights-domains">{t("plan.insights.byDomain")}</h2>
        {insights.byDomain.length === 0 ? <p className="muted">{t("plan.insights.empty")}</p> : null}
        {insights.byDomain.map((entry) => (
          <ObstacleGroup
            key={entry.domain}
            id={`insights-${entry.domain}`}
            heading={t(`activities.theme.${entry.domain}`)}
            plans={entry.plans}
            obstacles={entry.obstacles}
          />
        ))}
      </section>
      <section className="card stack" aria-labelledby="insights-places">
        <h2 id="insights-places">{t("plan.insights.byMunicipality")}</h2>
        {insights.byMunicipality.length === 0 ? <p className="muted">{t("plan.insights.empty")}</p> : null}
        {insights.byMunicipality.map((place) => (
          <ObstacleGroup
            key={place.code ?? "none"}
            id={`insights-place-${place.code ?? "none"}`}
            heading={place.name ?? t("plan.insights.noMunicipality")}
            plans={place.plans}
            obstacles={place.obstacles}
          />
        ))}
      </section>
      <section className="card stack" aria-labelledby="insights-months">
        <h2 id="insights-months">{t("plan.insights.perMonth")}</h2>
        <TableScroll labelledBy="insights-months">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("plan.insights.month")}</th>
                <th scope="col" className="number">
                  {t("plan.insights.breakthroughs")}
                </th>
              </tr>
            </thead>
            <tbody>
              {insights.breakthroughsPerMonth.map((row) => (
                <tr key={row.month}>
                  <th scope="row">{formatDate(`${row.month}-15T12:00:00Z`, locale, { month: "long", year: "numeric" })}</th>
                  <td className="number" dir="ltr">
                    {formatShownCount(row.count, locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </section>
  );
}
