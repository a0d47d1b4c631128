import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listNotifications, markAllRead } from "~/domain/notifications/notifications.server";
import { formatDate } from "~/lib/format";
import { requireUser } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "notifications.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  return { notifications: await listNotifications(user.id), locale: context.locale };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(context, request);
  await markAllRead(user.id);
  return redirect("/notifications");
}

export default function Notifications() {
  const { t } = useTranslation();
  const { notifications, locale } = useLoaderData<typeof loader>();
  const unread = notifications.some((notification) => !notification.read);
  return (
    <section className="stack">
      <div className="title-row">
        <h1>{t("notifications.title")}</h1>
        {unread ? (
          <Form method="post">
            <button type="submit" className="button button-secondary button-small">
              {t("notifications.markRead")}
            </button>
          </Form>
        ) : null}
      </div>
      {notifications.length === 0 ? (
        <div className="empty-state card">{t("notifications.none")}</div>
      ) : (
        <ul className="people-list">
          {notifications.map((notification) => (
            <li key={notification.id} className={`card notification${notification.read ? "" : " unread"}`}>
              <p>
                {t(`notifications.kinds.${notification.kind}`, { defaultValue: notification.kind })}
                {notification.data.message ? <q className="quoted">{String(notification.data.message)}</q> : null}
              </p>
              <p className="muted">
                <time dateTime={notification.createdAt}>{formatDate(notification.createdAt, locale, { dateStyle: "medium", timeStyle: "short" })}</time>
                {notification.data.questionId ? (
                  <>
                    {" · "}
                    <Link to={`/help/${notification.data.questionId}`}>{t("help.openQuestion")}</Link>
                  </>
                ) : null}
                {notification.activityId ? (
                  <>
                    {" · "}
                    <Link to={`/activities/${notification.activityId}`}>{t("notifications.open")}</Link>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
