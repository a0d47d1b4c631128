import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportMyData } from "~/domain/people/export.server";
import { requireUser } from "~/lib/http.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(context, request);
  const body = JSON.stringify(await exportMyData(user.id), null, 2);
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="meedoen-my-data-${new Date().toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
