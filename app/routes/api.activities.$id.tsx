import type { LoaderFunctionArgs } from "@remix-run/node";
import { getActivity } from "~/domain/activities/queries.server";
import { isLocale } from "~/lib/locales";
import { publicActivity } from "~/lib/public-api.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = new URL(request.url).searchParams.get("lang");
  try {
    const activity = await getActivity(params.id!, { viewer: null, locale: isLocale(lang) ? lang : "en" });
    return Response.json(
      { ...publicActivity(activity), description: activity.description, accessibilityNotes: activity.accessibilityNotes },
      { headers: { "Cache-Control": "public, max-age=60, stale-while-revalidate=300", "Access-Control-Allow-Origin": "*" } },
    );
  } catch (error) {
    if ((error as { code?: string }).code === "not_found") {
      return Response.json({ error: { code: "not_found", message: "No published activity with this id." } }, { status: 404 });
    }
    throw error;
  }
}
