import { TZDate, tz } from "@date-fns/tz";
import { differenceInCalendarDays } from "date-fns";
import type { Locale } from "./locales";

/**
 * Every date, time, number and list a person reads goes through this module (decisions 004, 018).
 *
 * - Words come from Intl (DateTimeFormat, RelativeTimeFormat, ListFormat, NumberFormat), which
 *   every browser carries: no locale data in the bundle. date-fns does the arithmetic that Intl
 *   has no answer for (calendar days in a zone), with @date-fns/tz for the zone.
 * - Every format names its zone. The server and the browser then render the same text, so
 *   hydration matches, and the reader sees Dutch time wherever the server runs.
 * - Clocks are 24-hour in every language: the Netherlands reads 19:00 on posters, tickets and
 *   letters, and so does the app (Arabic would otherwise say 07:00 م).
 */

/** The zone of a reader: people on Meedoen live in the Netherlands. Activities carry their own zone. */
export const READER_TIME_ZONE = "Europe/Amsterdam";

/** Dutch-style dates for English readers here; Arabic with Western digits as used in the Netherlands. */
export function intlLocale(locale: Locale): string {
  return locale === "en" ? "en-GB" : locale === "ar" ? "ar-u-nu-latn" : locale;
}

/** Building a formatter costs far more than using one; a list page formats dozens of values. */
function cached<T>(cache: Map<string, T>, locale: Locale, options: object, make: (tag: string) => T): T {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = cache.get(key);
  if (!formatter) {
    formatter = make(intlLocale(locale));
    cache.set(key, formatter);
  }
  return formatter;
}
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const listFormats = new Map<string, Intl.ListFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/** Intl options with the reader's zone and a 24-hour clock unless the caller names others. */
function dateTimeFormat(locale: Locale, options: Intl.DateTimeFormatOptions) {
  const full: Intl.DateTimeFormatOptions = { timeZone: READER_TIME_ZONE, hourCycle: "h23", ...options };
  return cached(dateFormats, locale, full, (tag) => new Intl.DateTimeFormat(tag, full));
}

export function formatDate(value: Date | string, locale: Locale, options: Intl.DateTimeFormatOptions = { dateStyle: "long" }) {
  return dateTimeFormat(locale, options).format(new Date(value));
}

/** "14:32", in the reader's zone unless another is named (an activity's own). */
export function formatTime(value: Date | string, locale: Locale, timeZone = READER_TIME_ZONE) {
  return dateTimeFormat(locale, { timeZone, hour: "2-digit", minute: "2-digit" }).format(new Date(value));
}

/** Between the day and the hours: Arabic writes its own comma. */
const DAY_TIME_SEPARATOR: Record<Locale, string> = { en: ", ", nl: ", ", uk: ", ", ar: "، " };

/** "di 3 mrt, 19:00–21:00" in the activity's own zone, with the zone named when it is not Dutch time. */
export function formatTimeRange(startsAt: string | Date, endsAt: string | Date, timeZone: string, locale: Locale) {
  const day = dateTimeFormat(locale, { timeZone, weekday: "short", day: "numeric", month: "short" }).format(new Date(startsAt));
  const time = dateTimeFormat(locale, {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    ...(timeZone === READER_TIME_ZONE ? {} : { timeZoneName: "short" }),
  });
  return `${day}${DAY_TIME_SEPARATOR[locale]}${time.format(new Date(startsAt))}–${time.format(new Date(endsAt))}`;
}

/**
 * Items joined as the language joins them: "Dutch, English and Arabic", "nl, en en ar",
 * "العربية والإنجليزية". `or` for alternatives; `unit` for a plain enumeration without a final
 * "and" ("Goal reached: 2, Moved away: 1").
 */
export function formatList(items: readonly string[], locale: Locale, kind: "and" | "or" | "unit" = "and") {
  const options: Intl.ListFormatOptions = { style: "long", type: kind === "and" ? "conjunction" : kind === "or" ? "disjunction" : "unit" };
  return cached(listFormats, locale, options, (tag) => new Intl.ListFormat(tag, options)).format(items);
}

/**
 * The calendar date in a zone, "2026-12-03": a key for grouping by day, not for display.
 * (Read from a TZDate rather than through date-fns' `format`, which brings its English locale
 * and every token formatter into the bundle: 25 kB for four digits and two dashes.)
 */
export function calendarDay(value: Date | string, timeZone = READER_TIME_ZONE) {
  const day = new TZDate(new Date(value).getTime(), timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${day.getFullYear()}-${two(day.getMonth() + 1)}-${two(day.getDate())}`;
}

/** Calendar days from `now` to `value` in the reader's zone: 23:30 to 00:10 is one day. */
export function calendarDaysBetween(now: Date | string, value: Date | string, timeZone = READER_TIME_ZONE) {
  return differenceInCalendarDays(new Date(value), new Date(now), { in: tz(timeZone) });
}

/**
 * "today", "tomorrow", "in 6 days", "3 days ago", counted in calendar days in the reader's zone.
 * `now` comes from the loader, so that the server and the browser say the same.
 */
export function formatRelativeDay(value: Date | string, now: Date | string, locale: Locale, timeZone = READER_TIME_ZONE) {
  const options: Intl.RelativeTimeFormatOptions = { numeric: "auto" };
  return cached(relativeFormats, locale, options, (tag) => new Intl.RelativeTimeFormat(tag, options)).format(calendarDaysBetween(now, value, timeZone), "day");
}

/**
 * A chat message's time: "14:32" today, "yesterday 14:32", otherwise "3 Dec 14:32".
 * `reference` is the latest moment the page knows of (the loader's clock or a newer message).
 */
export function formatMessageTime(value: Date | string, reference: Date | string, locale: Locale) {
  const days = calendarDaysBetween(reference, value);
  const time = formatTime(value, locale);
  if (days === 0) return time;
  const day = days === -1 ? formatRelativeDay(value, reference, locale) : formatDate(value, locale, { day: "numeric", month: "short" });
  return `${day} ${time}`;
}

export function formatNumber(value: number, locale: Locale, options: Intl.NumberFormatOptions = {}) {
  return cached(numberFormats, locale, options, (tag) => new Intl.NumberFormat(tag, options)).format(value);
}

const EURO: Intl.NumberFormatOptions = { style: "currency", currency: "EUR" };
export function formatMoney(cents: number, locale: Locale) {
  return formatNumber(cents / 100, locale, EURO);
}
