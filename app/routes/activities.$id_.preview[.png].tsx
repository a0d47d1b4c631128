import type { LoaderFunctionArgs } from "@remix-run/node";
import { activityPreview } from "~/domain/activities/preview.server";
import { previewImageAnswer } from "~/lib/preview-image.server";

/**
 * `/activities/:id/preview.png?lang=…`: the 1200×630 link preview (og:image). The page links it
 * with a version of the card in the address (`v`), so a day in caches is safe; drafts are 404.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return previewImageAnswer(request, context.locale, (locale) => activityPreview(params.id!, locale), 86_400);
}
