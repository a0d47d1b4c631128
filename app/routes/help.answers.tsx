import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ArticleList } from "~/components/help";
import { searchArticles } from "~/domain/help/articles.server";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "help.answers.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const query = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200);
  return { query, articles: await searchArticles(query, context.locale) };
}

export default function HelpAnswers() {
  const { t } = useTranslation();
  const { query, articles } = useLoaderData<typeof loader>();
  return (
    <section className="stack">
      <h1>{t("help.answers.title")}</h1>
      <p className="lead">{t("help.answers.intro")}</p>
      <Form method="get" className="search-row" role="search">
        <label htmlFor="help-search" className="visually-hidden">
          {t("help.answers.search")}
        </label>
        <input id="help-search" name="q" type="search" defaultValue={query} placeholder={t("help.answers.search")} />
        <button type="submit" className="button button-secondary">
          {t("help.answers.searchButton")}
        </button>
      </Form>
      {articles.length === 0 ? (
        <div className="empty-state card">
          <p>{query ? t("help.answers.noneFound") : t("help.answers.none")}</p>
          <Link to="/help" className="button">
            {t("help.ask.title")}
          </Link>
        </div>
      ) : (
        <ArticleList articles={articles} />
      )}
    </section>
  );
}
