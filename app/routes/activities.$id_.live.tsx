import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LiveRoom } from "~/components/live-room";
import { getActivity } from "~/domain/activities/queries.server";
import { askQuestion, hideMessage, moderateQuestion, mutePerson, openRoom, postMessage, roomSnapshot, vote } from "~/domain/live/room.server";
import { orHttpError, orRefusal, requireUser, runAction } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "live.title");

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  const activity = await orHttpError(getActivity(params.id!, { viewer: user, locale: context.locale }));
  const { value: room, refusal } = await orRefusal(roomSnapshot(user.id, params.id!));
  const page = {
    room,
    loadedAt: room ? new Date().toISOString() : null,
    locale: context.locale,
    refusal: refusal?.messageKey ?? null,
    activity: { id: activity.id, title: activity.title },
  };
  // The page explains a refusal in the reader's language; the status says it to everything else.
  return refusal ? data(page, { status: refusal.status, headers: refusal.headers }) : page;
}

/** The same room actions as the socket events, for browsers without JavaScript. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = requireUser(context, request);
  const form = Object.fromEntries(await request.formData()) as Record<string, string>;
  const activityId = params.id!;
  return runAction(async () => {
    switch (form.intent) {
      case "open":
        await openRoom(user.id, activityId);
        break;
      case "ask":
        await askQuestion(user.id, { activityId, body: form.body ?? "", anonymous: form.anonymous === "on" });
        break;
      case "vote":
        await vote(user.id, { questionId: form.questionId ?? "" });
        break;
      case "moderate":
        await moderateQuestion(user.id, { questionId: form.questionId ?? "", action: form.action ?? "" });
        break;
      case "hide-message":
        await hideMessage(user.id, { messageId: form.messageId ?? "" });
        break;
      case "mute":
        await mutePerson(user.id, { activityId, userId: form.userId ?? "" });
        break;
      default:
        await postMessage(user.id, { activityId, body: form.body ?? "" });
    }
    throw redirect(`/activities/${activityId}/live`);
  });
}

export default function LivePage() {
  const { t } = useTranslation();
  const { room, refusal, activity, loadedAt, locale } = useLoaderData<typeof loader>();
  if (!room || !loadedAt) {
    return (
      <section className="stack">
        <h1 dir="auto">{activity.title}</h1>
        <div className="empty-state card">
          <p>{t(refusal ?? "errors.notAllowed")}</p>
          <Link to={`/activities/${activity.id}`} className="button button-secondary">
            {t("live.backToActivity")}
          </Link>
        </div>
      </section>
    );
  }
  return <LiveRoom initial={room} title={activity.title} loadedAt={loadedAt} locale={locale} />;
}
