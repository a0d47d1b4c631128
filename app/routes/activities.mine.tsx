import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActivityCard } from "~/components/activity-card";
import { calendarToken } from "~/domain/activities/calendar.server";
import { myUpcoming } from "~/domain/activities/queries.server";
import { originOf } from "~/lib/calendar-response.server";
import { requireUser } from "~/lib/http.server";
import { pageTitle } from "~/lib/meta";
import { redirectWithNotice } from "~/lib/notice.server";

export const meta: MetaFunction = (args) => pageTitle(args, "activities.mine.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  const [items, token] = await Promise.all([myUpcoming(user.id, context.locale), calendarToken(user.id)]);
  return { items, feedUrl: `${originOf(request)}/calendar/${token}/meedoen.ics`, locale: context.locale };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = requireUser(context, request);
  await calendarToken(user.id, true);
  return redirectWithNotice("/activities/mine", { key: "activities.mine.rotated" });
}

export default function MyActivities() {
  const { t } = useTranslation();
  const { items, feedUrl, locale } = useLoaderData<typeof loader>();
  return (
    <section className="stack">
      <h1>{t("activities.mine.title")}</h1>
      {items.length === 0 ? (
        <div className="empty-state card">
          <p>{t("activities.mine.none")}</p>
          <Link to="/activities" className="button">
            {t("home.explore")}
          </Link>
        </div>
      ) : (
        <ul className="activity-list">
          {items.map((activity) => (
            <ActivityCard key={activity.id} activity={activity} locale={locale} />
          ))}
        </ul>
      )}
      <section className="card stack" aria-labelledby="feed-heading">
        <h2 id="feed-heading">{t("activities.mine.feedTitle")}</h2>
        <p>{t("activities.mine.feedIntro")}</p>
        <label htmlFor="feed-url">{t("activities.mine.feedLabel")}</label>
        <input id="feed-url" type="url" readOnly value={feedUrl} dir="ltr" />
        <p>
          <a href={feedUrl.replace(/^https?:/, "webcal:")}>{t("activities.mine.subscribe")}</a>
        </p>
        <Form method="post">
          <p className="hint">{t("activities.mine.rotateHint")}</p>
          <button type="submit" className="button button-secondary button-small">
            {t("activities.mine.rotate")}
          </button>
        </Form>
      </section>
    </section>
  );
}
