import { Fragment } from "react";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Highlighted } from "~/components/highlighted";
import { KindIllustration, Picture } from "~/components/picture";
import { SearchBox } from "~/components/search-box";
import { searchGroups } from "~/domain/groups/groups.server";
import { cleanSearchText } from "~/domain/search/terms";
import { policy } from "~/domain/policy/rules";
import { pageTitle } from "~/lib/meta";
import { useActor } from "~/lib/use-actor";

export const meta: MetaFunction = (args) => pageTitle(args, "areas.groups.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const q = cleanSearchText(new URL(request.url).searchParams.get("q") ?? "");
  const { groups, terms } = await searchGroups(q);
  return { groups, q, terms };
}

export default function Groups() {
  const { t } = useTranslation();
  const { groups, q, terms } = useLoaderData<typeof loader>();
  const mayCreate = policy.canCreateGroup(useActor());
  return (
    <section className="stack">
      <div className="title-row">
        <h1>{t("areas.groups.title")}</h1>
        {mayCreate ? (
          <Link to="/groups/new" className="button button-small">
            {t("groups.create")}
          </Link>
        ) : null}
      </div>
      <p className="lead">{t("areas.groups.intro")}</p>
      <SearchBox action="/groups" value={q} label={t("search.groupsLabel")} suggestUrl="/groups/suggest" keep={{}} />
      {q ? (
        <p className="search-summary">
          {t("search.resultsFor")} <bdi className="search-text">{q}</bdi> · {t("groups.found", { count: groups.length })} ·{" "}
          <Link to="/groups">{t("groups.showAll")}</Link>
        </p>
      ) : null}
      {groups.length === 0 ? (
        <div className="empty-state card">
          <p>{q ? t("search.groupsNone") : t("areas.groups.empty")}</p>
        </div>
      ) : (
        <ul className="cards">
          {groups.map((group, index) => (
            <li key={group.id} className="card">
              <div className="card-image">
                {/* The first card is in view at once on a phone: not lazy, so it is not painted late. */}
                {group.cover ? (
                  <Picture picture={group.cover} sizes="(min-width: 60rem) 20rem, (min-width: 40rem) 45vw, 100vw" eager={index === 0} />
                ) : (
                  <KindIllustration kind="group-session" eager={index === 0} />
                )}
              </div>
              {/* Names and descriptions are in the group's own language, whatever the page's direction. */}
              <h2 dir="auto">
                <Link to={`/groups/${group.slug}`}>
                  <Highlighted text={group.name} terms={terms} />
                </Link>
              </h2>
              <p dir="auto">
                <Highlighted text={group.description.slice(0, 200)} terms={terms} />
              </p>
              <p className="muted">
                {/* Each part isolated: a Dutch place name next to "3 أعضاء" would otherwise take the number with it. */}
                {[
                  group.interest ? t(`reference:interest.${group.interest}`) : null,
                  group.municipality?.name,
                  t("groups.members", { count: group.memberCount }),
                ]
                  .filter(Boolean)
                  .map((part, index) => (
                    <Fragment key={index}>
                      {index > 0 ? " · " : null}
                      <bdi>{part}</bdi>
                    </Fragment>
                  ))}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
