import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { setLocale } from "~/domain/people/profile.server";
import { config } from "~/lib/config.server";
import { safeRedirectPath } from "~/lib/http.server";
import { localeCookie } from "~/lib/i18n.server";
import { isLocale } from "~/lib/locales";

export async function loader() {
  return redirect("/");
}

/** Remembers the choice in a cookie, and in the profile of a signed-in person. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = form.get("locale");
  const returnTo = safeRedirectPath(form.get("returnTo"));
  if (!isLocale(locale)) return redirect(returnTo);
  if (context.auth.user) await setLocale(context.auth.user.id, locale);
  return redirect(returnTo, { headers: { "Set-Cookie": localeCookie(locale, config().COOKIE_SECURE) } });
}
