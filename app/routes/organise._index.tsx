import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DeskSection } from "~/components/desk-rows";
import { organiserDesk } from "~/domain/activities/desk.server";
import { orHttpError, requireUser } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { policy } from "~/domain/policy/rules";

export const meta: MetaFunction = (args) => pageTitle(args, "areas.organise.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  const mayOrganise = policy.canCreateActivity(user);
  const page = Number(new URL(request.url).searchParams.get("past") ?? "1");
  const pastPage = Number.isInteger(page) && page >= 1 ? page : 1;
  return {
    mayOrganise,
    mayTriage: policy.canTriageHelp(user),
    desk: mayOrganise ? await orHttpError(organiserDesk(user.id, context.locale, { pastPage })) : null,
    locale: context.locale,
  };
}

export default function OrganisePage() {
  const { t } = useTranslation();
  const { mayOrganise, mayTriage, desk, locale } = useLoaderData<typeof loader>();
  if (!mayOrganise || !desk) {
    return (
      <section className="stack">
        <h1>{t("areas.organise.title")}</h1>
        {mayTriage ? (
          <p>
            <Link to="/organise/help" className="button">
              {t("help.triage.title")}
            </Link>
          </p>
        ) : null}
        <div className="empty-state card">
          <p>{t("areas.organise.notOrganiser")}</p>
        </div>
      </section>
    );
  }
  return (
    <section className="stack">
      <div className="title-row">
        <h1>{t("areas.organise.title")}</h1>
        <div className="form-actions desk-tools">
          <Link to="/organise/activities/new" className="button button-small">
            {t("organise.new")}
          </Link>
          <Link to="/organise/matching" className="button button-secondary button-small">
            {t("matching.title")}
          </Link>
          <Link to="/organise/reports" className="button button-secondary button-small">
            {t("reports.themesTitle")}
          </Link>
          <Link to="/organise/help" className="button button-secondary button-small">
            {t("help.triage.title")}
          </Link>
          <Link to="/organise/insights" className="button button-secondary button-small">
            {t("plan.insights.title")}
          </Link>
        </div>
      </div>
      <p className="lead">{t("areas.organise.intro")}</p>
      {desk.drafts.length === 0 && desk.upcoming.length === 0 && desk.past.length === 0 ? (
        <div className="empty-state card">
          <p>{t("organise.none")}</p>
          <Link to="/organise/activities/new" className="button">
            {t("organise.new")}
          </Link>
        </div>
      ) : (
        <>
          <DeskSection id="desk-upcoming" title={t("desk.organise.upcoming")} empty={t("desk.organise.noUpcoming")} rows={desk.upcoming} locale={locale} />
          {desk.upcomingTruncated ? <p className="hint">{t("desk.organise.truncated")}</p> : null}
          <DeskSection id="desk-drafts" title={t("desk.organise.drafts")} empty={t("desk.organise.noDrafts")} rows={desk.drafts} locale={locale} />
          <DeskSection id="desk-past" title={t("desk.organise.past")} empty={t("desk.organise.noPast")} rows={desk.past} locale={locale} past />
          {desk.pastPageCount > 1 ? (
            <nav className="pagination" aria-label={t("desk.organise.pastPages")}>
              {desk.pastPage > 1 ? <Link to={`?past=${desk.pastPage - 1}#desk-past`}>{t("desk.organise.newer")}</Link> : null}{" "}
              <span>{t("desk.organise.pageOf", { page: desk.pastPage, pages: desk.pastPageCount })}</span>{" "}
              {desk.pastPage < desk.pastPageCount ? <Link to={`?past=${desk.pastPage + 1}#desk-past`}>{t("desk.organise.older")}</Link> : null}
            </nav>
          ) : null}
        </>
      )}
    </section>
  );
}
