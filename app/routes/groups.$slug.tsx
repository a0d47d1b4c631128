import { feedLink, previewMeta } from "~/lib/meta";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActivityCard } from "~/components/activity-card";
import { PersonName } from "~/components/avatar";
import { FormAlert } from "~/components/form";
import { Picture } from "~/components/picture";
import { ShareLinks } from "~/components/share-activity";
import { groupSharePreview } from "~/domain/activities/preview.server";
import { discoverActivities } from "~/domain/activities/queries.server";
import { getGroup, joinGroup, leaveGroup } from "~/domain/groups/groups.server";
import { isGroupOrganiserRole, policy } from "~/domain/policy/rules";
import { originOf } from "~/lib/calendar-response.server";
import { useActor } from "~/lib/use-actor";
import { orHttpError, requireUser, runAction } from "~/lib/http.server";

export const meta: MetaFunction<typeof loader> = (args) => [
  { title: args.data ? `${args.data.group.name} · Meedoen` : "Meedoen" },
  ...(args.data ? [feedLink(args, `/groups/${args.data.group.slug}/feed.atom`)] : []),
  ...previewMeta(args.data?.preview ?? null),
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const userId = context.auth.user?.id ?? null;
  const group = await orHttpError(getGroup(params.slug!, userId));
  const [upcoming, preview] = await Promise.all([
    discoverActivities({ group: group.id, sort: "date", perPage: 10 }, { userId, locale: context.locale }),
    groupSharePreview(group, context.locale, originOf(request)),
  ]);
  return { group, upcoming: upcoming.items, locale: context.locale, signedIn: Boolean(userId), preview };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = requireUser(context, request);
  const intent = (await request.formData()).get("intent");
  return runAction(async () => {
    const group = await getGroup(params.slug!, user.id);
    if (intent === "leave") await leaveGroup(user.id, group.id);
    else await joinGroup(user.id, group.id);
    throw redirect(`/groups/${params.slug}`);
  });
}

export default function GroupPage() {
  const { t } = useTranslation();
  const { group, upcoming, locale, signedIn, preview } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const actor = useActor();
  return (
    <section className="stack">
      {group.cover ? (
        <div className="activity-cover">
          <Picture picture={group.cover} sizes="(min-width: 48rem) 46rem, 100vw" eager />
        </div>
      ) : null}
      <h1 dir="auto">{group.name}</h1>
      <p className="muted">{[group.interest ? t(`reference:interest.${group.interest}`) : null, group.municipality?.name].filter(Boolean).join(" · ")}</p>
      <div className="description" dir="auto">
        {group.description.split(/\n{2,}/).map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </div>
      <FormAlert error={result?.formError} />
      {policy.canManageGroupChannels(actor, { actorRole: group.myRole }) ? (
        <p>
          <Link to={`/groups/${group.slug}/channels`}>{t("channels.manageLink")}</Link>
        </p>
      ) : null}
      {policy.canManageGroupCover(actor, { actorRole: group.myRole }) ? (
        <p>
          <Link to={`/groups/${group.slug}/cover`}>{group.cover ? t("pictures.changeCover") : t("pictures.addGroupCover")}</Link>
        </p>
      ) : null}
      {signedIn ? (
        <Form method="post">
          {group.myRole ? (
            <button type="submit" name="intent" value="leave" className="button button-secondary" disabled={busy}>
              {t("groups.leave")}
            </button>
          ) : (
            <button type="submit" name="intent" value="join" className="button" disabled={busy}>
              {t("groups.join")}
            </button>
          )}
        </Form>
      ) : (
        <Link to={`/login?redirectTo=/groups/${group.slug}`} className="button">
          {t("groups.signInToJoin")}
        </Link>
      )}
      <section aria-labelledby="upcoming-heading" className="stack">
        <h2 id="upcoming-heading">{t("groups.upcoming")}</h2>
        {upcoming.length === 0 ? (
          <p className="empty-state card">{t("groups.noUpcoming")}</p>
        ) : (
          <ul className="activity-list">
            {upcoming.map((activity) => (
              <ActivityCard key={activity.id} activity={activity} locale={locale} />
            ))}
          </ul>
        )}
        <p>
          <a href={`/groups/${group.slug}/calendar.ics`}>{t("groups.calendarFeed")}</a> ·{" "}
          <a href={`/groups/${group.slug}/feed.atom?lang=${locale}`} type="application/atom+xml">
            {t("feeds.link")}
          </a>
        </p>
      </section>
      <div className="share">
        <ShareLinks shared={{ title: group.name, url: preview.url }} label={t("preview.share")} />
      </div>
      <section aria-labelledby="members-heading" className="card">
        <h2 id="members-heading">{t("groups.members", { count: group.members.length })}</h2>
        <ul className="member-list">
          {group.members.map((member, index) => (
            <li key={index}>
              <PersonName name={member.displayName} avatar={member.avatar} />
              {isGroupOrganiserRole(member.role) ? <span className="badge">{t("roles.organiser")}</span> : null}
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}
