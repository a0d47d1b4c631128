import type { Locale } from "./locales";

/**
 * Display formatting goes through Intl, which every browser already carries: no locale data
 * in the bundle. date-fns is for date arithmetic (recurrence, ranges), not for display.
 */
export function formatDate(value: Date | string, locale: Locale, options: Intl.DateTimeFormatOptions = { dateStyle: "long" }) {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone: "Europe/Amsterdam", ...options }).format(new Date(value));
}

export function formatNumber(value: number, locale: Locale, options?: Intl.NumberFormatOptions) {
  return new Intl.NumberFormat(intlLocale(locale), options).format(value);
}

/** Dutch-style dates for English readers here; Arabic with Western digits as used in the Netherlands. */
export function intlLocale(locale: Locale): string {
  return locale === "en" ? "en-GB" : locale === "ar" ? "ar-u-nu-latn" : locale;
}
