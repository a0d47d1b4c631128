import { isLocale, type Locale } from "./locales";

/** Feeds are fetched by readers that carry no cookie: `?lang=` chooses, else the request's language. */
export function feedLocale(url: URL, requestLocale: Locale): Locale {
  const asked = url.searchParams.get("lang");
  return isLocale(asked) ? asked : requestLocale;
}

/** How feeds are served: Atom, shared by every reader for five minutes. */
export const ATOM = { contentType: "application/atom+xml; charset=utf-8", maxAge: 300 } as const;
