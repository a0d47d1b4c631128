import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isolate, PerspectiveSection, PlanBody } from "~/components/plan-page";
import { planHome } from "~/domain/plan/plan.server";
import { planSuggestions } from "~/domain/plan/suggestions.server";
import { formatDate } from "~/lib/format";
import { orHttpError, requireUser, retryAfterHeaders } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { planAction } from "~/lib/plan-action.server";
import { useLocale } from "~/lib/use-locale";

export const meta: MetaFunction = (args) => pageTitle(args, "plan.title");
export const headers = retryAfterHeaders;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  const home = await orHttpError(planHome(user.id));
  const suggestions = home.plan ? await planSuggestions(user.id, home.plan, context.locale) : [];
  return { ...home, suggestions };
}

export const action = ({ request, context }: ActionFunctionArgs) => planAction(request, context, null, "/plan");

export default function MyPlan() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { canKeep, plan, shared, suggestions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="stack plan-page">
      <h1>{t("plan.title")}</h1>
      {canKeep ? <p className="lead">{t("plan.intro")}</p> : null}
      {canKeep && !plan ? (
        <>
          <div className="card stack">
            <h2>{t("plan.start.title")}</h2>
            <p>{t("plan.start.body")}</p>
            <p className="muted">{t("plan.start.private")}</p>
          </div>
          <PerspectiveSection plan={null} result={result} canEdit />
        </>
      ) : null}
      {plan ? <PlanBody plan={plan} suggestions={suggestions} result={result} /> : null}
      {!canKeep || shared.length > 0 ? (
        <section className="card stack" aria-labelledby="plan-shared">
          <h2 id="plan-shared">{t("plan.sharedWithYou.title")}</h2>
          {shared.length === 0 ? (
            <p className="muted">{t("plan.sharedWithYou.empty")}</p>
          ) : (
            <ul className="plan-list">
              {shared.map((entry) => (
                <li key={entry.planId}>
                  <a href={`/plan/${entry.planId}`}>{t("plan.sharedWithYou.planOf", { name: isolate(entry.ownerName) })}</a>{" "}
                  <span className="muted">
                    · {entry.canEdit ? t("plan.share.canEdit") : t("plan.share.canView")} · {formatDate(entry.updatedAt, locale, { dateStyle: "medium" })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </section>
  );
}
