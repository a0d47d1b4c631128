import type { LoaderFunctionArgs } from "@remix-run/node";
import { groupPreview } from "~/domain/activities/preview.server";
import { previewImageAnswer } from "~/lib/preview-image.server";

/** `/groups/:slug/preview.png?lang=…`: the group's link preview; its count of upcoming activities changes, so an hour in caches. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return previewImageAnswer(request, context.locale, (locale) => groupPreview(params.slug!, locale), 3_600);
}
