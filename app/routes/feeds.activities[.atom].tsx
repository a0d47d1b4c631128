import type { LoaderFunctionArgs } from "@remix-run/node";
import { activityFeed } from "~/domain/activities/feeds.server";
import { parseDiscoveryFilters } from "~/domain/activities/schemas.server";
import { calendarResponse, originOf } from "~/lib/calendar-response.server";
import { feedLocale, ATOM } from "~/lib/feed-locale.server";

/** `/feeds/activities.atom`, with the list's filters (`?kind=`, `?place=`, …) and `?lang=`. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const { query } = parseDiscoveryFilters(Object.fromEntries(url.searchParams));
  const baseUrl = originOf(request);
  return calendarResponse(() => activityFeed({ query, locale: feedLocale(url, context.locale), baseUrl, selfUrl: baseUrl + url.pathname + url.search }), ATOM);
}
