import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "~/components/form";
import { Picture } from "~/components/picture";
import { ShareActivity } from "~/components/share-activity";
import { activitySharePreview } from "~/domain/activities/preview.server";
import { getActivity } from "~/domain/activities/queries.server";
import { cancelRsvp, rsvp } from "~/domain/activities/rsvp.server";
import { originOf } from "~/lib/calendar-response.server";
import { formatList, formatMoney, formatTimeRange } from "~/lib/format";
import { orHttpError, requireUser, runAction } from "~/lib/http.server";
import { previewMeta } from "~/lib/meta";
import { redirectWithNotice } from "~/lib/notice.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.activity.title} · Meedoen` : "Meedoen" },
  ...previewMeta(data?.preview ?? null),
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const activity = await orHttpError(getActivity(params.id!, { viewer: context.auth.user, locale: context.locale }));
  // Shared links and link previews point at the public address, not at whatever host this request came through.
  const origin = originOf(request);
  const preview = activitySharePreview(activity, origin);
  return { activity, locale: context.locale, signedIn: Boolean(context.auth.user), pageUrl: `${origin}/activities/${activity.id}`, preview };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = requireUser(context, request);
  const form = await request.formData();
  const intent = form.get("intent");
  return runAction(async () => {
    if (intent === "cancel") {
      await cancelRsvp(user.id, params.id!);
      throw await redirectWithNotice(`/activities/${params.id}`, { key: "activities.rsvp.done.cancelled" });
    }
    const result = await rsvp(user.id, params.id!, new Date(), originOf(request));
    throw await redirectWithNotice(`/activities/${params.id}`, { key: `activities.rsvp.done.${result.status}` });
  });
}

export default function ActivityPage() {
  const { t } = useTranslation();
  const { activity, locale, signedIn, pageUrl } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const mine = activity.myRsvp;
  const closed = activity.status !== "published" || new Date(activity.startsAt) <= new Date();
  return (
    <article className="stack activity-page">
      {activity.cover ? (
        <div className="activity-cover">
          <Picture picture={activity.cover} sizes="(min-width: 48rem) 46rem, 100vw" eager lang={activity.contentLocale} />
        </div>
      ) : null}
      <p className="activity-meta">
        <span className="badge">{t(`activities.kind.${activity.kind}`)}</span>
        {activity.status !== "published" ? <span className="badge badge-danger">{t(`activities.status.${activity.status}`)}</span> : null}
      </p>
      <h1 lang={activity.contentLocale} dir="auto">
        {activity.title}
      </h1>
      {!activity.translated ? <p className="hint">{t("activities.writtenIn", { language: t(`reference:language.${activity.contentLocale}`) })}</p> : null}
      <FormAlert error={result?.formError} />

      <dl className="facts card">
        <dt>{t("activities.when")}</dt>
        <dd>
          <time dateTime={activity.startsAt}>{formatTimeRange(activity.startsAt, activity.endsAt, activity.timeZone, locale)}</time>
        </dd>
        <dt>{t("activities.where")}</dt>
        <dd>
          {activity.mode === "online" ? t("activities.mode.online") : <bdi>{[activity.venue, activity.municipality?.name].filter(Boolean).join(", ")}</bdi>}
          {activity.mode === "hybrid" ? ` · ${t("activities.mode.alsoOnline")}` : null}
          {activity.mode !== "online" && activity.addressForGoingOnly && !activity.venue ? <span className="hint"> {t("search.addressHidden")}</span> : null}
          {activity.directionsUrl ? (
            <>
              {" · "}
              <a href={activity.directionsUrl} rel="noopener noreferrer external">
                {t("search.directions")}
              </a>
            </>
          ) : null}
        </dd>
        <dt>{t("activities.languages")}</dt>
        <dd>
          {formatList(
            activity.spokenLanguages.map((code) => t(`reference:language.${code}`)),
            locale,
          )}
        </dd>
        {activity.practisedLanguage ? (
          <>
            <dt>{t("activities.practisedLanguage")}</dt>
            <dd>
              {t(`reference:language.${activity.practisedLanguage}`)}
              {activity.practisedLevel ? ` (${activity.practisedLevel})` : ""}
            </dd>
          </>
        ) : null}
        <dt>{t("activities.cost")}</dt>
        <dd>{activity.costCents > 0 ? formatMoney(activity.costCents, locale) : t("activities.free")}</dd>
        {activity.childcare ? (
          <>
            <dt>{t("activities.childcareTitle")}</dt>
            <dd>{t("activities.childcare")}</dd>
          </>
        ) : null}
        {activity.accessibilityNotes ? (
          <>
            <dt>{t("activities.accessibility")}</dt>
            <dd lang={activity.contentLocale} dir="auto">
              {activity.accessibilityNotes}
            </dd>
          </>
        ) : null}
        <dt>{t("activities.seats")}</dt>
        <dd>
          {activity.seatsLeft === null
            ? t("activities.noLimit")
            : activity.seatsLeft === 0
              ? t("activities.fullWaitlist")
              : t("activities.seatsLeft", { count: activity.seatsLeft })}
        </dd>
        <dt>{t("activities.organisedBy")}</dt>
        <dd>
          {activity.organiserName}
          {activity.group ? (
            <>
              {" · "}
              <Link to={`/groups/${activity.group.slug}`}>{activity.group.name}</Link>
            </>
          ) : null}
        </dd>
      </dl>

      {activity.summary ? (
        <p className="lead" lang={activity.contentLocale} dir="auto">
          {activity.summary}
        </p>
      ) : null}
      {activity.description ? (
        <div className="description" lang={activity.contentLocale} dir="auto">
          {activity.description.split(/\n{2,}/).map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
        </div>
      ) : null}

      <section className="card rsvp-box" aria-labelledby="rsvp-heading">
        <h2 id="rsvp-heading">{t("activities.rsvp.title")}</h2>
        {mine ? <p className="rsvp-status">{t(`activities.rsvp.status.${mine.status}`, { place: mine.waitlistPlace ?? 0 })}</p> : null}
        {activity.mode !== "in-person" && activity.mayEnterLiveRoom && activity.status === "published" ? (
          <p className="form-actions">
            <Link to={`/activities/${activity.id}/live`} className="button">
              {t("live.enter")}
            </Link>
            {activity.joinUrl ? (
              <a href={activity.joinUrl} rel="noopener noreferrer" target="_blank" className="button button-secondary">
                {t("activities.join")}
              </a>
            ) : null}
          </p>
        ) : null}
        {activity.mode !== "online" && mine?.status === "going" ? (
          <p>
            <Link to={`/activities/${activity.id}/ticket`}>{t("checkin.myTicket")}</Link>
          </p>
        ) : null}
        {!signedIn ? (
          <Link className="button" to={`/login?redirectTo=/activities/${activity.id}`}>
            {t("activities.rsvp.signInFirst")}
          </Link>
        ) : mine ? (
          params.get("confirm") === "cancel" ? (
            <Form method="post" className="confirm">
              <p>{t("activities.rsvp.confirmCancel")}</p>
              <div className="form-actions">
                <button type="submit" name="intent" value="cancel" className="button button-danger" disabled={busy}>
                  {t("activities.rsvp.yesCancel")}
                </button>
                <Link to={`/activities/${activity.id}`} className="button button-secondary">
                  {t("activities.rsvp.keep")}
                </Link>
              </div>
            </Form>
          ) : (
            <Link to="?confirm=cancel" className="button button-secondary">
              {t("activities.rsvp.cancel")}
            </Link>
          )
        ) : closed ? (
          <p>{t(activity.status === "cancelled" ? "activities.errors.cancelled" : "activities.rsvp.closed")}</p>
        ) : (
          <Form method="post">
            <button type="submit" name="intent" value="rsvp" className="button" disabled={busy} aria-busy={busy || undefined}>
              {activity.seatsLeft === 0
                ? t("activities.rsvp.joinWaitlist")
                : activity.requiresApproval
                  ? t("activities.rsvp.request")
                  : t("activities.rsvp.going")}
            </button>
          </Form>
        )}
        <ShareActivity
          icsHref={`/activities/${activity.id}/calendar.ics`}
          activity={{
            title: activity.title,
            startsAt: activity.startsAt,
            endsAt: activity.endsAt,
            details: activity.summary,
            location: activity.mode === "online" ? t("activities.mode.online") : [activity.venue, activity.municipality?.name].filter(Boolean).join(", "),
            url: pageUrl,
          }}
        />
      </section>
      {activity.mayManage ? (
        <p>
          <Link to={`/organise/activities/${activity.id}`} className="button button-secondary">
            {t("activities.manage")}
          </Link>
        </p>
      ) : null}
    </article>
  );
}
