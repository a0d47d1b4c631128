import { resources } from "~/locales/index.server";
import { i18nFor } from "./i18n";
import { DEFAULT_LOCALE, isLocale, localeFromAcceptLanguage, type Locale } from "./locales";

export const LOCALE_COOKIE = "meedoen_lng";

/** The person's saved setting first, then the cookie set by the switcher, then the browser. */
export function chooseLocale(options: { userLocale?: string | null; cookieLocale?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(options.userLocale)) return options.userLocale;
  if (isLocale(options.cookieLocale)) return options.cookieLocale;
  return localeFromAcceptLanguage(options.acceptLanguage) ?? DEFAULT_LOCALE;
}

/** The server's instance for a language, made from the resources it imports. */
export function serverI18n(locale: Locale) {
  return i18nFor(locale, resources[locale]);
}

export function serverT(locale: Locale) {
  return serverI18n(locale).t;
}

export function localeCookie(locale: Locale, secure: boolean): string {
  const attributes = ["Path=/", `Max-Age=${60 * 60 * 24 * 365}`, "SameSite=Lax", secure ? "Secure" : ""];
  return [`${LOCALE_COOKIE}=${locale}`, ...attributes.filter(Boolean)].join("; ");
}
