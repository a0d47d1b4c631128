/**
 * Attendance figures for organiser reports. Pure functions: callers load the rows, these only count.
 */

const MINUTE = 60_000;
/** People may join an online activity a little early and stay on a while after it ends. */
const EARLY_MS = 15 * MINUTE;
const LATE_MS = 60 * MINUTE;

export type AttendanceSession = { userId: string; joinedAt: Date; leftAt: Date | null };

/**
 * Per attendee of an online activity: first join and total minutes present. Overlapping sessions of the same
 * person (two tabs) are merged, not double-counted; open sessions count until `until`; sessions are clipped to
 * [activityStart - 15 min, activityEnd + 60 min]. Minutes rounded down.
 *
 * Sessions wholly outside that range (someone testing the link the day before) are ignored; a person is listed
 * when at least one session overlaps it, and `firstJoin` is the earliest real join time of those sessions.
 */
export function minutesPresent(
  sessions: AttendanceSession[],
  window: { start: Date; end: Date },
  until: Date,
): { userId: string; firstJoin: Date; minutes: number }[] {
  const from = window.start.getTime() - EARLY_MS;
  const to = window.end.getTime() + LATE_MS;
  const byUser = new Map<string, { firstJoin: number; intervals: [number, number][] }>();
  for (const session of sessions) {
    const joined = session.joinedAt.getTime();
    const left = (session.leftAt ?? until).getTime();
    const start = Math.max(joined, from);
    const end = Math.min(left, to);
    if (!(end > start)) continue; // outside the window, or left before joining, or invalid dates
    const entry = byUser.get(session.userId);
    if (entry) {
      entry.firstJoin = Math.min(entry.firstJoin, joined);
      entry.intervals.push([start, end]);
    } else {
      byUser.set(session.userId, { firstJoin: joined, intervals: [[start, end]] });
    }
  }
  return [...byUser]
    .map(([userId, { firstJoin, intervals }]) => ({
      userId,
      firstJoin: new Date(firstJoin),
      minutes: Math.floor(unionLength(intervals) / MINUTE),
    }))
    .sort((a, b) => a.firstJoin.getTime() - b.firstJoin.getTime() || compare(a.userId, b.userId));
}

/** Total length covered by half-open intervals [start, end), overlaps counted once. */
function unionLength(intervals: [number, number][]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let currentStart = -Infinity;
  let currentEnd = -Infinity;
  for (const [start, end] of sorted) {
    if (start > currentEnd) {
      if (currentEnd > currentStart) total += currentEnd - currentStart;
      currentStart = start;
      currentEnd = end;
    } else if (end > currentEnd) {
      currentEnd = end;
    }
  }
  if (currentEnd > currentStart) total += currentEnd - currentStart;
  return total;
}

export type ActivityFigures = {
  going: number;
  waitlisted: number;
  attended: number;
  noShows: number;
  averageMinutes: number | null;
};

/**
 * going/waitlisted = current RSVP counts; attended = distinct people who were present (checked in, or online
 * ≥ 1 minute); noShows = going people who did not attend; averageMinutes over online attendees (null when none),
 * rounded to whole minutes. Duplicate ids are counted once; a person listed twice in `online` counts with their
 * largest figure.
 */
export function activityFigures(input: {
  goingIds: string[];
  waitlistedIds: string[];
  checkedInIds: string[];
  online: { userId: string; minutes: number }[];
}): ActivityFigures {
  const going = new Set(input.goingIds);
  const onlineMinutes = new Map<string, number>();
  for (const { userId, minutes } of input.online) {
    if (minutes >= 1) onlineMinutes.set(userId, Math.max(minutes, onlineMinutes.get(userId) ?? 0));
  }
  const attended = new Set([...input.checkedInIds, ...onlineMinutes.keys()]);
  const noShows = [...going].filter((id) => !attended.has(id)).length;
  const totalMinutes = [...onlineMinutes.values()].reduce((sum, minutes) => sum + minutes, 0);
  return {
    going: going.size,
    waitlisted: new Set(input.waitlistedIds).size,
    attended: attended.size,
    noShows,
    averageMinutes: onlineMinutes.size === 0 ? null : Math.round(totalMinutes / onlineMinutes.size),
  };
}

export type Occurrence = { activityId: string; startsAt: Date; attendeeIds: string[] };

/**
 * For a series or group, in date order: per occurrence the number attending, how many came for the first time
 * (in this series) and how many came back. Occurrences starting at the same moment are ordered by activity id.
 */
export function attendanceOverTime(
  occurrences: Occurrence[],
): { activityId: string; startsAt: Date; attended: number; newcomers: number; returning: number }[] {
  const seen = new Set<string>();
  return [...occurrences]
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || compare(a.activityId, b.activityId))
    .map(({ activityId, startsAt, attendeeIds }) => {
      const attendees = new Set(attendeeIds);
      let newcomers = 0;
      for (const id of attendees) {
        if (!seen.has(id)) newcomers += 1;
      }
      for (const id of attendees) seen.add(id);
      return { activityId, startsAt, attended: attendees.size, newcomers, returning: attendees.size - newcomers };
    });
}

/** Distinct people reached per theme in a period: each person counted once per theme however many activities they attended. */
export function reachByTheme(rows: { userId: string; themes: string[] }[]): { theme: string; people: number }[] {
  const people = new Map<string, Set<string>>();
  for (const { userId, themes } of rows) {
    for (const theme of themes) {
      const set = people.get(theme) ?? new Set<string>();
      set.add(userId);
      people.set(theme, set);
    }
  }
  return [...people]
    .map(([theme, ids]) => ({ theme, people: ids.size }))
    .sort((a, b) => b.people - a.people || compare(a.theme, b.theme));
}

const BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * CSV (RFC 4180) with a UTF-8 byte order mark so that spreadsheet programs read Ukrainian/Arabic names correctly:
 * fields with comma, quote, CR/LF quoted, quotes doubled; CRLF line ends (every record ends with one); null is an
 * empty field. Formula-injection protection: a text field starting with =, +, -, @, tab or CR gets a leading
 * apostrophe. Numbers are written as numbers (a negative number is data, not a formula).
 */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvField).join(",") + "\r\n").join("");
}

function csvField(value: string | number | null): string {
  if (value === null) return "";
  const text = typeof value === "number" ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Code-unit order: stable across machines and locales, unlike localeCompare. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
