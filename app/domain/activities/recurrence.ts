/**
 * Weekly (every N weeks) activity series, anchored to wall-clock time in an IANA time zone:
 * "every Tuesday 19:00 Europe/Amsterdam" stays 19:00 locally, so its UTC instant moves by an
 * hour at each DST change.
 *
 * Everything goes through Intl with an explicit `timeZone`, never through the process's local
 * zone, so results are identical on a server running in UTC and a laptop in Tokyo. (We do not
 * use TZDate's wall-clock constructor: for ambiguous times its choice of instant depends on the
 * process zone.)
 */

export const MAX_OCCURRENCES = 53;
export const MAX_SPAN_DAYS = 366;
const MAX_INTERVAL_WEEKS = 4;

export class RecurrenceError extends Error {
  constructor(
    readonly key: string,
    readonly values: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = "RecurrenceError";
  }
}

export type SeriesRule = {
  firstDate: string;
  startTime: string;
  durationMinutes: number;
  timeZone: string;
  intervalWeeks: number;
  count?: number;
  /** YYYY-MM-DD, inclusive, a local date in `timeZone`. */
  until?: string;
};

export type Occurrence = { startsAt: Date; endsAt: Date };

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
// Intl accepts offset strings such as "+02:00" on newer engines; an activity needs a zone with
// DST rules, not a fixed offset, so only names are allowed.
const ZONE_NAME_RE = /^[A-Za-z][A-Za-z0-9_+\-/]*$/;

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = null;
    if (ZONE_NAME_RE.test(timeZone)) {
      try {
        formatter = new Intl.DateTimeFormat("en-US", {
          timeZone,
          calendar: "gregory",
          numberingSystem: "latn",
          // h23: some engines render midnight as "24" with hour12: false.
          hourCycle: "h23",
          year: "numeric",
          month: "2-digit",
          day: "2-digit",
          hour: "2-digit",
          minute: "2-digit",
          second: "2-digit",
        });
      } catch {
        formatter = null;
      }
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(zone: string): boolean {
  return typeof zone === "string" && formatterFor(zone) !== null;
}

function requireFormatter(timeZone: string): Intl.DateTimeFormat {
  const formatter = formatterFor(timeZone);
  if (!formatter) throw new RecurrenceError("activities.errors.unknownTimeZone", { timeZone: String(timeZone) });
  return formatter;
}

function invalidDate(values: Record<string, string | number> = {}): RecurrenceError {
  return new RecurrenceError("activities.errors.invalidDate", values);
}

/** Days since 1970-01-01 of a calendar date; null if malformed or not a real date (2026-02-30). */
function parseDay(date: string): number | null {
  const match = typeof date === "string" ? DATE_RE.exec(date) : null;
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0..99 onto 1900..1999.
  utc.setUTCFullYear(year, month - 1, day);
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) return null;
  return utc.getTime() / DAY_MS;
}

function formatDay(epochDay: number): string {
  const utc = new Date(epochDay * DAY_MS);
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(utc.getUTCFullYear(), 4)}-${pad(utc.getUTCMonth() + 1)}-${pad(utc.getUTCDate())}`;
}

function parseMinuteOfDay(time: string): number | null {
  const match = typeof time === "string" ? TIME_RE.exec(time) : null;
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** Wall-clock reading of `instant` in the zone, expressed as if that reading were UTC (ms). */
function wallClockMs(formatter: Intl.DateTimeFormat, instant: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const wall = new Date(0);
  wall.setUTCFullYear(parts.year, parts.month - 1, parts.day);
  wall.setUTCHours(parts.hour, parts.minute, parts.second, 0);
  return wall.getTime();
}

/** UTC offset in ms at `instant` (exact to the second: some historic offsets are not whole minutes). */
function offsetAt(formatter: Intl.DateTimeFormat, instant: number): number {
  const wholeSecond = instant - (((instant % 1000) + 1000) % 1000);
  return wallClockMs(formatter, wholeSecond) - wholeSecond;
}

function localToUtc(formatter: Intl.DateTimeFormat, epochDay: number, minuteOfDay: number): number | null {
  const wall = epochDay * DAY_MS + minuteOfDay * 60_000;
  // The true offset is the one in force either side of any transition near this wall time;
  // probing a day before and after catches both sides (zones do not change twice in a day).
  const offsets = new Set([-DAY_MS, 0, DAY_MS].map((delta) => offsetAt(formatter, wall + delta)));
  let earliest: number | null = null;
  for (const offset of offsets) {
    const candidate = wall - offset;
    if (offsetAt(formatter, candidate) !== offset) continue;
    if (earliest === null || candidate < earliest) earliest = candidate;
  }
  // No candidate: the wall time falls in a DST gap and never happens.
  return earliest;
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` `time`. In a DST overlap the
 * earlier of the two instants is returned; a time skipped by a DST gap is an error rather than
 * being silently moved, so the organiser sees and fixes it.
 */
export function zonedDateTimeToUtc(date: string, time: string, timeZone: string): Date {
  const formatter = requireFormatter(timeZone);
  const epochDay = parseDay(date);
  const minuteOfDay = parseMinuteOfDay(time);
  if (epochDay === null || minuteOfDay === null) throw invalidDate({ date: String(date), time: String(time) });
  const instant = localToUtc(formatter, epochDay, minuteOfDay);
  if (instant === null) throw invalidDate({ date, time });
  return new Date(instant);
}

export function utcToZonedParts(instant: Date, timeZone: string): { date: string; time: string; weekday: number } {
  const formatter = requireFormatter(timeZone);
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw invalidDate();
  const wall = wallClockMs(formatter, ms - (((ms % 1000) + 1000) % 1000));
  const epochDay = Math.floor(wall / DAY_MS);
  const minuteOfDay = Math.floor((wall - epochDay * DAY_MS) / 60_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    date: formatDay(epochDay),
    time: `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`,
    weekday: isoWeekday(epochDay),
  };
}

function isoWeekday(epochDay: number): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

export function expandSeries(rule: SeriesRule): Occurrence[] {
  const formatter = requireFormatter(rule.timeZone);
  const firstDay = parseDay(rule.firstDate);
  const minuteOfDay = parseMinuteOfDay(rule.startTime);
  if (firstDay === null || minuteOfDay === null) {
    throw invalidDate({ date: String(rule.firstDate), time: String(rule.startTime) });
  }
  if (!Number.isFinite(rule.durationMinutes) || rule.durationMinutes <= 0) {
    throw new RecurrenceError("activities.errors.endBeforeStart");
  }
  if (!Number.isInteger(rule.intervalWeeks) || rule.intervalWeeks < 1 || rule.intervalWeeks > MAX_INTERVAL_WEEKS) {
    throw new RecurrenceError("activities.errors.recurrenceInterval", { max: MAX_INTERVAL_WEEKS });
  }
  const hasCount = rule.count !== undefined && rule.count !== null;
  const hasUntil = rule.until !== undefined && rule.until !== null && rule.until !== "";
  // A count of zero (or a fraction) does not end a series in any meaningful way either.
  if ((!hasCount && !hasUntil) || (hasCount && !(Number.isInteger(rule.count) && rule.count! >= 1))) {
    throw new RecurrenceError("activities.errors.recurrenceNoEnd");
  }

  const stepDays = 7 * rule.intervalWeeks;
  let occurrences = hasCount ? rule.count! : Number.POSITIVE_INFINITY;
  if (hasUntil) {
    const untilDay = parseDay(rule.until!);
    if (untilDay === null) throw invalidDate({ date: String(rule.until) });
    if (untilDay < firstDay) throw new RecurrenceError("activities.errors.endBeforeStart");
    occurrences = Math.min(occurrences, Math.floor((untilDay - firstDay) / stepDays) + 1);
  }
  // Checked on the arithmetic before generating anything, so an absurd `until` costs nothing.
  if (occurrences > MAX_OCCURRENCES || (occurrences - 1) * stepDays > MAX_SPAN_DAYS) {
    throw new RecurrenceError("activities.errors.recurrenceTooLong", { max: MAX_OCCURRENCES, days: MAX_SPAN_DAYS });
  }

  const durationMs = rule.durationMinutes * 60_000;
  const result: Occurrence[] = [];
  for (let k = 0; k < occurrences; k++) {
    const day = firstDay + k * stepDays;
    const start = localToUtc(formatter, day, minuteOfDay);
    if (start === null) throw invalidDate({ date: formatDay(day), time: rule.startTime });
    result.push({ startsAt: new Date(start), endsAt: new Date(start + durationMs) });
  }
  return result;
}

export type ZonedStart = { startsAt: Date; timeZone: string };

/**
 * New starts for the dates of a series when the organiser edits one of them "and later dates"
 * to `date` `time` in `timeZone` (decision 021). Every date keeps the local date it has in the zone
 * it was planned in, moved by as many days as the edited date moved, and takes the new local time
 * in the new zone. (Reading each old instant in the new zone instead puts a Wednesday-evening
 * series in Amsterdam on Thursdays in Tokyo.) A new time that some date skips because the clocks
 * go forward that night is an error naming that date.
 */
export function rescheduleDates(edited: ZonedStart, change: { date: string; time: string; timeZone: string }, dates: ZonedStart[]): Date[] {
  const formatter = requireFormatter(change.timeZone);
  const newDay = parseDay(change.date);
  const minuteOfDay = parseMinuteOfDay(change.time);
  if (newDay === null || minuteOfDay === null) throw invalidDate({ date: String(change.date), time: String(change.time) });
  const shiftDays = newDay - localDay(edited);
  return dates.map((occurrence) => {
    const day = localDay(occurrence) + shiftDays;
    const start = localToUtc(formatter, day, minuteOfDay);
    if (start === null) throw invalidDate({ date: formatDay(day), time: change.time });
    return new Date(start);
  });
}

/** The local calendar day (days since 1970-01-01) of a start, in its own zone. */
function localDay({ startsAt, timeZone }: ZonedStart): number {
  return parseDay(utcToZonedParts(startsAt, timeZone).date)!;
}
