import type { LoaderFunctionArgs } from "@remix-run/node";
import { discoverActivities } from "~/domain/activities/queries.server";
import { parseDiscoveryFilters } from "~/domain/activities/schemas.server";
import { isLocale } from "~/lib/locales";
import { publicActivity } from "~/lib/public-api.server";

/** Public read API for partner websites: published activities, no personal data, cacheable. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const params = Object.fromEntries(url.searchParams);
  const locale = isLocale(params.lang) ? params.lang : "en";
  const query = { ...parseDiscoveryFilters(params).query, sort: "date" as const };
  const result = await discoverActivities(query, { userId: null, locale });
  return Response.json(
    { items: result.items.map(publicActivity), page: result.page, perPage: result.perPage, total: result.total, pageCount: result.pageCount },
    { headers: { "Cache-Control": "public, max-age=60, stale-while-revalidate=300", "Access-Control-Allow-Origin": "*", Vary: "Accept-Encoding" } },
  );
}
