import type { LoaderFunctionArgs } from "@remix-run/node";
import { groupCalendar } from "~/domain/activities/calendar.server";
import { calendarResponse, originOf } from "~/lib/calendar-response.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return calendarResponse(() => groupCalendar(params.slug!, context.locale, originOf(request)), { filename: "meedoen-group.ics", maxAge: 900 });
}
