import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useThemeName } from "~/components/help";
import { saveStems, stemTable } from "~/domain/help/stems.server";
import { orHttpError, requireUser, runAction } from "~/lib/http.server";
import { LOCALE_NAMES } from "~/lib/locales";
import { pageTitle } from "~/lib/meta";
import { redirectWithNotice } from "~/lib/notice.server";
import { HELP_LANGUAGES, type HelpLanguage } from "~/lib/reference/help";
import { formToObject } from "~/lib/validation.server";

export const meta: MetaFunction = (args) => pageTitle(args, "help.stems.title");

const languageOf = (value: string | null): HelpLanguage => ((HELP_LANGUAGES as readonly string[]).includes(value ?? "") ? (value as HelpLanguage) : "en");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  const language = languageOf(new URL(request.url).searchParams.get("lng"));
  return { language, rows: await orHttpError(stemTable(user.id, language)) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(context, request);
  const input = formToObject(await request.formData());
  return runAction(async () => {
    await saveStems(user.id, input);
    throw await redirectWithNotice(`/admin/help-stems?lng=${languageOf(String(input.locale))}`, { key: "help.notice.stemsSaved" });
  }, input);
}

export default function HelpStems() {
  const { t } = useTranslation();
  const themeName = useThemeName();
  const { language, rows } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  return (
    <section className="stack">
      <h1>{t("help.stems.title")}</h1>
      <p className="lead">{t("help.stems.intro")}</p>
      <Form method="get" className="search-row">
        <label htmlFor="stems-language" className="visually-hidden">
          {t("help.triage.language")}
        </label>
        <select id="stems-language" name="lng" defaultValue={language}>
          {HELP_LANGUAGES.map((lng) => (
            <option key={lng} value={lng} lang={lng}>
              {LOCALE_NAMES[lng]}
            </option>
          ))}
        </select>
        <button type="submit" className="button button-secondary">
          {t("activities.filters.apply")}
        </button>
      </Form>
      <ul className="people-list">
        {rows.map((row) => (
          <li key={row.theme} className="card">
            <Form method="post" className="stack">
              <input type="hidden" name="locale" value={language} />
              <input type="hidden" name="theme" value={row.theme} />
              <label htmlFor={`stems-${row.theme}`}>
                {themeName(row.theme)} {row.edited ? <span className="badge">{t("help.stems.edited")}</span> : null}
              </label>
              <textarea id={`stems-${row.theme}`} name="stems" rows={3} lang={language} dir="auto" defaultValue={row.stems.join("\n")} />
              <button type="submit" className="button button-small button-secondary" disabled={busy}>
                {t("help.stems.save")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}
