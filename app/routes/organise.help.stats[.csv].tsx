import type { LoaderFunctionArgs } from "@remix-run/node";
import { helpStats, statsCsv } from "~/domain/help/stats.server";
import { orHttpError, requireUser } from "~/lib/http.server";
import { serverT } from "~/lib/i18n.server";
import { LOCALE_NAMES, type Locale } from "~/lib/locales";

/** The statistics page's figures as CSV, with the same "<5" wherever the page shows it. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  const stats = await orHttpError(helpStats(user.id));
  const t = serverT(context.locale);
  const label = (section: string, key: string) => {
    if (section === "theme") return key === "other" ? t("help.themeOther") : t(`activities.theme.${key}`);
    if (section === "language") return LOCALE_NAMES[key as Locale] ?? key;
    if (section === "municipality") return t("help.stats.noMunicipality");
    return t(`help.stats.csvLabels.${section}.${key}`);
  };
  return new Response("\uFEFF" + statsCsv(stats, label), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="helpdesk-statistics.csv"',
      "Cache-Control": "private, no-store",
    },
  });
}
