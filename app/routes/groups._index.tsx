import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listGroups } from "~/domain/groups/groups.server";
import { policy } from "~/domain/policy/rules";
import { pageTitle } from "~/lib/meta";
import { useActor } from "~/lib/use-actor";

export const meta: MetaFunction = (args) => pageTitle(args, "areas.groups.title");

export async function loader() {
  return { groups: await listGroups() };
}

export default function Groups() {
  const { t } = useTranslation();
  const { groups } = useLoaderData<typeof loader>();
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
      {groups.length === 0 ? (
        <div className="empty-state card">
          <p>{t("areas.groups.empty")}</p>
        </div>
      ) : (
        <ul className="cards">
          {groups.map((group) => (
            <li key={group.id} className="card">
              {/* Names and descriptions are in the group's own language, whatever the page's direction. */}
              <h2 dir="auto">
                <Link to={`/groups/${group.slug}`}>{group.name}</Link>
              </h2>
              <p dir="auto">{group.description.slice(0, 200)}</p>
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
