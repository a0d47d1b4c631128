import type { LoaderFunctionArgs } from "@remix-run/node";
import { activityFeed } from "~/domain/activities/feeds.server";
import { calendarResponse, originOf } from "~/lib/calendar-response.server";
import { feedLocale, ATOM } from "~/lib/feed-locale.server";

/** `/groups/:slug/feed.atom`: the group's upcoming activities, `?lang=` for the language. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const baseUrl = originOf(request);
  return calendarResponse(
    () => activityFeed({ query: {}, groupSlug: params.slug!, locale: feedLocale(url, context.locale), baseUrl, selfUrl: baseUrl + url.pathname + url.search }),
    ATOM,
  );
}
