import type { LoaderFunctionArgs } from "@remix-run/node";
import { discoverActivities } from "~/domain/activities/queries.server";
import { cleanSearchText } from "~/domain/search/terms";
import { orHttpError } from "~/lib/http.server";

/**
 * Titles for the search box's suggestions while typing (components/search-box.tsx): the first
 * few published activities the words find, in the reader's language. Public, like the list.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const q = cleanSearchText(new URL(request.url).searchParams.get("q") ?? "");
  if (q.length < 2) return Response.json({ suggestions: [] });
  const result = await orHttpError(discoverActivities({ q, perPage: 6, page: 1 }, { userId: null, locale: context.locale, collapseSeries: true }));
  const suggestions = [...new Map(result.items.map((item) => [item.title, { id: item.id, title: item.title, href: `/activities/${item.id}` }])).values()];
  return Response.json({ suggestions }, { headers: { "Cache-Control": "private, max-age=30", Vary: "Accept-Language, Cookie" } });
}
