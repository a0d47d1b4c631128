import type { LoaderFunctionArgs } from "@remix-run/node";
import { personalCalendar } from "~/domain/activities/calendar.server";
import { calendarResponse, originOf } from "~/lib/calendar-response.server";

/** The private feed calendar apps subscribe to; the token in the URL is the only key. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return calendarResponse(() => personalCalendar(params.token!, originOf(request)), { filename: "meedoen.ics", maxAge: 900, private: true });
}
