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

/** "di 3 mrt, 19:00–21:00" in the activity's own zone, with the zone named when it is not Dutch time. */
export function formatTimeRange(startsAt: string | Date, endsAt: string | Date, timeZone: string, locale: Locale) {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const day = new Intl.DateTimeFormat(intlLocale(locale), { timeZone, weekday: "short", day: "numeric", month: "short" }).format(start);
  const time = new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    ...(timeZone === "Europe/Amsterdam" ? {} : { timeZoneName: "short" }),
  });
  return `${day}, ${time.format(start)}–${time.format(end)}`;
}

export function formatMoney(cents: number, locale: Locale) {
  return new Intl.NumberFormat(intlLocale(locale), { style: "currency", currency: "EUR" }).format(cents / 100);
}
