import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "home.title");

export async function loader({ context }: LoaderFunctionArgs) {
  return { name: context.auth.user?.displayName ?? null };
}

const AREAS = ["activities", "buddies", "groups"] as const;

export default function Home() {
  const { t } = useTranslation();
  const { name } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <section className="hero">
        <h1>{name ? t("home.welcomeBack", { name }) : t("home.title")}</h1>
        <p className="lead">{t("home.intro")}</p>
        {name ? (
          <Link className="button" to="/activities">
            {t("home.explore")}
          </Link>
        ) : (
          <div className="form-actions">
            <Link className="button" to="/register">
              {t("home.cta")}
            </Link>
            <Link className="button button-secondary" to="/login">
              {t("nav.signIn")}
            </Link>
          </div>
        )}
      </section>
      <section aria-label={t("home.areasLabel")}>
        <ul className="cards">
          {AREAS.map((area) => (
            <li className="card" key={area}>
              <h2>
                <Link to={`/${area}`}>{t(`areas.${area}.title`)}</Link>
              </h2>
              <p>{t(`home.${area}`)}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
