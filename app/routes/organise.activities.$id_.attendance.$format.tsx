import type { LoaderFunctionArgs } from "@remix-run/node";
import { attendanceExport } from "~/domain/attendance/reports.server";
import { orHttpError, requireUser } from "~/lib/http.server";

/** Attendance as a file: CSV with a byte order mark for spreadsheet programs, or JSON. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  const format = params.format === "json" ? "json" : params.format === "csv" ? "csv" : null;
  if (!format) throw new Response("Not found", { status: 404 });
  const body = await orHttpError(attendanceExport(user.id, params.id!, format));
  return new Response(body, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="attendance-${params.id}.${format}"`,
      "Cache-Control": "no-store",
    },
  });
}
