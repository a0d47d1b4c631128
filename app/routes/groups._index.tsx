import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Highlighted } from "~/components/highlighted";
import { SearchBox } from "~/components/search-box";
import { listGroups } from "~/domain/groups/groups.server";
import { cleanSearchText, matchesAllTerms, searchTerms } from "~/domain/search/terms";
import { policy } from "~/domain/policy/rules";
import { pageTitle } from "~/lib/meta";
import { useActor } from "~/lib/use-actor";

export const meta: MetaFunction = (args) => pageTitle(args, "areas.groups.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const q = cleanSearchText(new URL(request.url).searchParams.get("q") ?? "");
  const terms = searchTerms(q);
  const groups = await listGroups();
  // Name, description and place, compared in memory (decision 044): there are at most 200 groups.
  const found = q ? groups.filter((group) => matchesAllTerms(`${group.name} ${group.description} ${group.municipality?.name ?? ""}`, terms)) : groups;
  return { groups: found, q, terms };
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
      <SearchBox action="/groups" value={q} label={t("search.groupsLabel")} keep={{}} />
      {groups.length === 0 ? (
        <div className="empty-state card">
          <p>{q ? t("search.groupsNone") : t("areas.groups.empty")}</p>
        </div>
      ) : (
        <ul className="cards">
          {groups.map((group) => (
            <li key={group.id} className="card">
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
                {[
                  group.interest ? t(`reference:interest.${group.interest}`) : null,
                  group.municipality?.name,
                  t("groups.members", { count: group.memberCount }),
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
