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

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Building a formatter costs far more than using one; a list page formats dozens of dates. */
function cachedFormatter(locale: Locale, options: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(intlLocale(locale), options);
    formatters.set(key, formatter);
  }
  return formatter;
}

/** "di 3 mrt, 19:00–21:00" in the activity's own zone, with the zone named when it is not Dutch time. */
export function formatTimeRange(startsAt: string | Date, endsAt: string | Date, timeZone: string, locale: Locale) {
  const day = cachedFormatter(locale, { timeZone, weekday: "short", day: "numeric", month: "short" }).format(new Date(startsAt));
  const time = cachedFormatter(locale, {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    ...(timeZone === "Europe/Amsterdam" ? {} : { timeZoneName: "short" }),
  });
  return `${day}, ${time.format(new Date(startsAt))}–${time.format(new Date(endsAt))}`;
}

export function formatMoney(cents: number, locale: Locale) {
  return new Intl.NumberFormat(intlLocale(locale), { style: "currency", currency: "EUR" }).format(cents / 100);
}
