import type { LoaderFunctionArgs } from "@remix-run/node";
import { activityCalendar } from "~/domain/activities/calendar.server";
import { calendarResponse, originOf } from "~/lib/calendar-response.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return calendarResponse(() => activityCalendar(params.id!, context.locale, originOf(request)), { filename: "meedoen-activity.ics", maxAge: 300 });
}
