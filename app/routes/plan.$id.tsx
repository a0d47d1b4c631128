import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/back-link";
import { isolate, PlanBody } from "~/components/plan-page";
import { planView } from "~/domain/plan/plan.server";
import { planSuggestions } from "~/domain/plan/suggestions.server";
import { orHttpError, requireUser, retryAfterHeaders } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { planAction } from "~/lib/plan-action.server";

export const meta: MetaFunction = (args) => pageTitle(args, "plan.supporterTitle");
export const headers = retryAfterHeaders;

/** Someone else's plan, for a supporter they chose; its owner works on it at /plan. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  const plan = await orHttpError(planView(user.id, params.id!));
  if (plan.isOwner) throw redirect("/plan");
  return { plan, suggestions: await planSuggestions(user.id, plan, context.locale) };
}

export const action = ({ request, params, context }: ActionFunctionArgs) => planAction(request, context, params.id!, `/plan/${params.id}`);

export default function SupportedPlan() {
  const { t } = useTranslation();
  const { plan, suggestions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section className="stack plan-page">
      <BackLink to="/plan">{t("plan.title")}</BackLink>
      <h1>{t("plan.planOf", { name: isolate(plan.ownerName) })}</h1>
      <p className="lead">
        {plan.canEdit ? t("plan.supporterCanEdit", { name: isolate(plan.ownerName) }) : t("plan.supporterCanView", { name: isolate(plan.ownerName) })}
      </p>
      <PlanBody plan={plan} suggestions={suggestions} result={result} />
    </section>
  );
}
