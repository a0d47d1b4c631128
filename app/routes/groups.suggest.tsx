import type { LoaderFunctionArgs } from "@remix-run/node";
import { searchGroups } from "~/domain/groups/groups.server";
import { cleanSearchText } from "~/domain/search/terms";

const MAX_SUGGESTIONS = 6;

/**
 * Group names for the search box's suggestions while typing (components/search-box.tsx), found
 * as the groups page finds them. Public, like the list; `suggest` is kept out of group addresses.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const q = cleanSearchText(new URL(request.url).searchParams.get("q") ?? "");
  if (q.length < 2) return Response.json({ suggestions: [] });
  const { groups } = await searchGroups(q);
  const suggestions = groups.slice(0, MAX_SUGGESTIONS).map((group) => ({ id: group.id, title: group.name, href: `/groups/${group.slug}` }));
  return Response.json({ suggestions }, { headers: { "Cache-Control": "public, max-age=30" } });
}
