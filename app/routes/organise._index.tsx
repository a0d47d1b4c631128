import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActivityCard } from "~/components/activity-card";
import { organisedBy } from "~/domain/activities/queries.server";
import { requireUser } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { policy } from "~/domain/policy/rules";

export const meta: MetaFunction = (args) => pageTitle(args, "areas.organise.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  const mayOrganise = policy.canCreateActivity(user);
  return {
    mayOrganise,
    mayTriage: policy.canTriageHelp(user),
    activities: mayOrganise ? await organisedBy(user.id, context.locale) : [],
    locale: context.locale,
  };
}

export default function OrganisePage() {
  const { t } = useTranslation();
  const { mayOrganise, mayTriage, activities, locale } = useLoaderData<typeof loader>();
  if (!mayOrganise) {
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
        <div className="form-actions">
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
      {activities.length === 0 ? (
        <div className="empty-state card">
          <p>{t("organise.none")}</p>
        </div>
      ) : (
        <ul className="activity-list">
          {activities.map((activity) => (
            <ActivityCard key={activity.id} activity={activity} locale={locale} />
          ))}
        </ul>
      )}
    </section>
  );
}
