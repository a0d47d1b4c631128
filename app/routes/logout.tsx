import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { endSession } from "~/domain/auth/lucia.server";

export async function loader() {
  return redirect("/");
}

export async function action({ context }: ActionFunctionArgs) {
  if (!context.auth.session) return redirect("/");
  return redirect("/", { headers: { "Set-Cookie": await endSession(context.auth.session.id) } });
}
