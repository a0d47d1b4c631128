import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Buddy, FirstSteps, NextActivity, Recommendations, Waitlist } from "~/components/home-sections";
import { ActivityCard } from "~/components/activity-card";
import { homeFor } from "~/domain/home/home.server";
import { originOf } from "~/lib/calendar-response.server";
import { orHttpError } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { policy } from "~/domain/policy/rules";

export const meta: MetaFunction = (args) => pageTitle(args, "home.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = context.auth.user;
  if (!user) return { name: null, home: null, origin: "", locale: context.locale };
  // The signed-in home reads its short lists in parallel (domain/home/home.server.ts).
  const home = await orHttpError(homeFor(user.id, context.locale, { readerUpdatedAt: user.updatedAt, mayRequestBuddy: policy.canRequestBuddy(user) }));
  return { name: user.displayName, home, origin: originOf(request), locale: context.locale };
}

const AREAS = ["activities", "buddies", "groups"] as const;

export default function Home() {
  const { t } = useTranslation();
  const { name, home, origin, locale } = useLoaderData<typeof loader>();
  if (name && home) return <SignedInHome name={name} home={home} origin={origin} locale={locale} />;
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

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;

/** The signed-in home: what is next for this person, then what might suit them, then first steps. */
function SignedInHome({ name, home, origin, locale }: { name: string; home: NonNullable<Loaded["home"]>; origin: string; locale: Loaded["locale"] }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <section className="hero">
        <h1>{t("home.welcomeBack", { name })}</h1>
      </section>
      {home.nextActivity ? <NextActivity activity={home.nextActivity} locale={locale} origin={origin} /> : <p className="hint">{t("desk.home.nothingNext")}</p>}
      <Waitlist entries={home.waitlist} locale={locale} />
      {home.buddy ? <Buddy buddy={home.buddy} locale={locale} /> : null}
      <FirstSteps steps={home.firstSteps} />
      <Recommendations picks={home.recommendations} going={home.going} locale={locale} />
      {home.inGroups ? (
        <section className="stack" aria-labelledby="home-groups">
          <h2 id="home-groups">{t("desk.home.newInGroups")}</h2>
          {home.newInGroups.length === 0 ? (
            <p className="hint">{t("desk.home.noNewInGroups")}</p>
          ) : (
            <ul className="activity-list">
              {home.newInGroups.map((activity) => (
                <ActivityCard key={activity.id} activity={activity} locale={locale} going={home.going.includes(activity.id)} />
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <p>
        <Link className="button button-secondary" to="/activities">
          {t("home.explore")}
        </Link>
      </p>
    </div>
  );
}
