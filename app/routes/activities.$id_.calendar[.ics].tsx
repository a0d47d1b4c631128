import type { LoaderFunctionArgs } from "@remix-run/node";
import { activityCalendarFor } from "~/domain/activities/calendar.server";
import { calendarResponse, originOf } from "~/lib/calendar-response.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return calendarResponse(() => activityCalendarFor(params.id!, context.auth.user, context.locale, originOf(request)), {
    filename: "meedoen-activity.ics",
    maxAge: 300,
  });
}
