import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge, ThemeBadges } from "~/components/help";
import { triageQueue } from "~/domain/help/questions.server";
import { policy } from "~/domain/policy/rules";
import { formatRelativeDay } from "~/lib/format";
import { orHttpError, requireUser } from "~/lib/http.server";
import { LOCALE_NAMES } from "~/lib/locales";
import { pageTitle } from "~/lib/meta";
import { HELP_LANGUAGES } from "~/lib/reference/help";

export const meta: MetaFunction = (args) => pageTitle(args, "help.triage.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  const url = new URL(request.url);
  const queue = await orHttpError(
    triageQueue(user.id, {
      status: url.searchParams.get("status") ?? "open",
      language: url.searchParams.get("language") ?? "all",
      mine: url.searchParams.get("mine") === "1",
    }),
  );
  return { ...queue, now: new Date().toISOString(), locale: context.locale, mayManage: policy.canViewHelpStats(user) };
}

export default function TriageQueue() {
  const { t } = useTranslation();
  const { filter, questions, now, locale, mayManage } = useLoaderData<typeof loader>();
  return (
    <section className="stack">
      <div className="title-row">
        <h1>{t("help.triage.title")}</h1>
        {mayManage ? (
          <div className="form-actions">
            <Link to="/organise/help/stats" className="button button-secondary button-small">
              {t("help.stats.title")}
            </Link>
            <Link to="/organise/help/volunteers" className="button button-secondary button-small">
              {t("help.volunteers.title")}
            </Link>
          </div>
        ) : null}
      </div>
      <p className="lead">{t("help.triage.intro")}</p>
      <Form method="get" className="card field-row">
        <div className="field">
          <label htmlFor="queue-status">{t("help.triage.status")}</label>
          <select id="queue-status" name="status" defaultValue={filter.status}>
            {["open", "answered", "closed", "all"].map((status) => (
              <option key={status} value={status}>
                {status === "all" ? t("help.triage.all") : t(`help.status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="queue-language">{t("help.triage.language")}</label>
          <select id="queue-language" name="language" defaultValue={filter.language}>
            <option value="all">{t("help.triage.all")}</option>
            {HELP_LANGUAGES.map((language) => (
              <option key={language} value={language} lang={language}>
                {LOCALE_NAMES[language]}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input type="checkbox" name="mine" value="1" defaultChecked={filter.mine} />
          <span>{t("help.triage.mine")}</span>
        </label>
        <button type="submit" className="button button-secondary">
          {t("activities.filters.apply")}
        </button>
      </Form>
      {questions.length === 0 ? (
        <div className="empty-state card">{t("help.triage.none")}</div>
      ) : (
        <ol className="people-list">
          {questions.map((question) => (
            <li key={question.id} className="card">
              <p>
                <Link to={`/organise/help/${question.id}`} lang={question.language} dir="auto">
                  {question.body}
                </Link>
              </p>
              <p className="muted">
                <StatusBadge status={question.status} /> {LOCALE_NAMES[question.language as keyof typeof LOCALE_NAMES] ?? question.language} ·{" "}
                <time dateTime={question.createdAt}>{formatRelativeDay(question.createdAt, now, locale)}</time> ·{" "}
                <bdi>{question.askerName ?? t("help.anonymousAsker")}</bdi>
                {question.assignedToMe ? ` · ${t("help.triage.assignedToMe")}` : question.assigned ? ` · ${t("help.triage.assigned")}` : ""}
              </p>
              <ThemeBadges themes={question.themes} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
