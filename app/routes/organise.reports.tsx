import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BarChart } from "~/components/charts";
import { themeReach } from "~/domain/attendance/reports.server";
import { orHttpError, requireUser } from "~/lib/http.server";
import { direction } from "~/lib/locales";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "reports.themesTitle");

const isoDate = (value: string | null, fallback: Date) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : fallback.toISOString().slice(0, 10));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  const url = new URL(request.url);
  const from = isoDate(url.searchParams.get("from"), new Date(Date.now() - 90 * 86_400_000));
  const to = isoDate(url.searchParams.get("to"), new Date(Date.now() + 86_400_000));
  const reach = await orHttpError(themeReach(user.id, new Date(`${from}T00:00:00Z`), new Date(`${to}T23:59:59Z`)));
  return { reach, from, to, locale: context.locale };
}

export default function ThemeReport() {
  const { t } = useTranslation();
  const { reach, from, to, locale } = useLoaderData<typeof loader>();
  return (
    <section className="stack">
      <h1>{t("reports.themesTitle")}</h1>
      <p className="lead">{t("reports.themesIntro")}</p>
      <Form method="get" className="card field-row">
        <div className="field">
          <label htmlFor="from">{t("activities.filters.from")}</label>
          <input id="from" type="date" name="from" defaultValue={from} />
        </div>
        <div className="field">
          <label htmlFor="to">{t("activities.filters.to")}</label>
          <input id="to" type="date" name="to" defaultValue={to} />
        </div>
        <button type="submit" className="button button-secondary">
          {t("activities.filters.apply")}
        </button>
      </Form>
      <section className="card">
        <BarChart
          title={t("reports.themesTitle")}
          data={reach.map((row) => ({ label: t(`activities.theme.${row.theme}`), value: row.people }))}
          valueLabel={(value) => t("reports.people", { count: value })}
          locale={locale}
          dir={direction(locale)}
          headers={{ label: t("activities.filters.theme"), value: t("reports.reached") }}
          emptyText={t("reports.noReach")}
        />
      </section>
    </section>
  );
}
