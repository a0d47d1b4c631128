/**
 * Attendance figures for organiser reports. Pure functions: callers load the rows, these only count.
 */

const MINUTE = 60_000;
/** People may join an online activity a little early and stay on a while after it ends. */
export const EARLY_MS = 15 * MINUTE;
export const LATE_MS = 60 * MINUTE;

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

export type SignUpStatus = "going" | "waitlisted" | "pending" | "cancelled";

/**
 * How one row of a report counts (decision 021):
 * - `came`: has a place (going) and was there: checked in, or online for at least a minute;
 * - `walk-in`: came without signing up, added at the door;
 * - `no-show`: has a place, was not there, and the activity is over;
 * - `not-arrived`: has a place, not there (yet), and the activity is not over;
 * - `account-deleted`: was there and has since deleted their account, which took their sign-up with
 *   it; their attendance stays under a stand-in id (decision 013), so they still count as present;
 * - `without-place`: was there but holds no place now: gave up their place after arriving, or
 *   hosted the live room without signing up;
 * - `null`: waitlisted, awaiting approval or cancelled, and not there.
 */
export type Counted = "came" | "walk-in" | "account-deleted" | "no-show" | "not-arrived" | "without-place" | null;

export type AttendanceRow = {
  /** null for a walk-in. */
  userId: string | null;
  walkInName: string | null;
  checkInId: string | null;
  signUp: SignUpStatus | null;
  /** How they were checked in at the door (list, qr, code, walk-in), or null. */
  checkedIn: string | null;
  firstJoin: Date | null;
  /** Minutes online within the activity's window, or null when never online in it. */
  minutes: number | null;
  counted: Counted;
};

export type ActivityFigures = {
  /** Every sign-up of a person who still has an account: going + waitlisted + pending + cancelled. */
  signUps: number;
  going: number;
  waitlisted: number;
  pending: number;
  cancelled: number;
  /** presentGoing + walkIns + presentDeleted: never more than going + walk-ins + presentDeleted. */
  present: number;
  presentGoing: number;
  walkIns: number;
  /** Came, then deleted their account (decision 013). */
  presentDeleted: number;
  /** There, but not counted in `present` because they hold no place (see `Counted`). */
  presentWithoutPlace: number;
  /** going − presentGoing once the activity is over; null before (nobody has failed to come yet). */
  noShows: number | null;
  /** Average online minutes of the people counted as present who were online; null when none were. */
  averageMinutes: number | null;
};

export type AttendanceInput = {
  signUps: { userId: string; status: SignUpStatus }[];
  checkIns: { id: string; userId: string | null; walkInName: string | null; method: string }[];
  /** From `minutesPresent`. */
  online: { userId: string; firstJoin: Date; minutes: number }[];
  /** From `noShowsKnown`. */
  noShowsKnown: boolean;
  /** Ids among the attendees that no longer belong to an account (stand-ins of deleted people). */
  deletedAccounts: string[];
};

/** No-shows exist only once a published activity is over: before its end, people going may still come. */
export function noShowsKnown(activity: { status: string; endsAt: Date }, now: Date): boolean {
  return activity.status === "published" && now.getTime() >= activity.endsAt.getTime();
}

/**
 * The people of a report, each counted once, and the figures counted from those same rows, so
 * that the list and the figures cannot disagree. A person listed twice in an input counts once
 * (their last sign-up, their largest online figure).
 */
export function countAttendance(input: AttendanceInput): { people: AttendanceRow[]; figures: ActivityFigures } {
  const people = attendanceRows(input);
  return { people, figures: figuresOf(people, input.noShowsKnown) };
}

function attendanceRows({ signUps, checkIns, online, noShowsKnown, deletedAccounts }: AttendanceInput): AttendanceRow[] {
  const deleted = new Set(deletedAccounts);
  const status = new Map(signUps.map((signUp) => [signUp.userId, signUp.status]));
  const checkInOf = new Map(checkIns.flatMap((checkIn) => (checkIn.userId ? [[checkIn.userId, checkIn] as const] : [])));
  const onlineOf = new Map<string, { firstJoin: Date; minutes: number }>();
  for (const entry of online) {
    const known = onlineOf.get(entry.userId);
    if (!known || entry.minutes > known.minutes) onlineOf.set(entry.userId, entry);
  }
  const ids = new Set([...status.keys(), ...checkInOf.keys(), ...onlineOf.keys()]);
  const identified = [...ids].map((userId): AttendanceRow => {
    const signUp = status.get(userId) ?? null;
    const checkIn = checkInOf.get(userId);
    const there = Boolean(checkIn) || (onlineOf.get(userId)?.minutes ?? 0) >= 1;
    return {
      userId,
      walkInName: null,
      checkInId: checkIn?.id ?? null,
      signUp,
      checkedIn: checkIn?.method ?? null,
      firstJoin: onlineOf.get(userId)?.firstJoin ?? null,
      minutes: onlineOf.get(userId)?.minutes ?? null,
      counted: countedAs(signUp, there, noShowsKnown, deleted.has(userId)),
    };
  });
  const walkIns = checkIns
    .filter((checkIn) => !checkIn.userId)
    .map((checkIn): AttendanceRow => ({
      userId: null,
      walkInName: checkIn.walkInName ?? "",
      checkInId: checkIn.id,
      signUp: null,
      checkedIn: checkIn.method,
      firstJoin: null,
      minutes: null,
      counted: "walk-in",
    }));
  return [...identified, ...walkIns];
}

function countedAs(signUp: SignUpStatus | null, there: boolean, noShowsKnown: boolean, accountDeleted: boolean): Counted {
  if (signUp === "going") return there ? "came" : noShowsKnown ? "no-show" : "not-arrived";
  if (!there) return null;
  return accountDeleted ? "account-deleted" : "without-place";
}

/** Rows that count in `present` (and whose online minutes make the average). */
export const countsAsPresent = (row: AttendanceRow) => row.counted === "came" || row.counted === "walk-in" || row.counted === "account-deleted";

function figuresOf(people: AttendanceRow[], noShowsKnown: boolean): ActivityFigures {
  const count = (test: (row: AttendanceRow) => boolean) => people.filter(test).length;
  const signUpsWith = (status: SignUpStatus) => count((row) => row.signUp === status);
  const presentGoing = count((row) => row.counted === "came");
  const walkIns = count((row) => row.counted === "walk-in");
  const presentDeleted = count((row) => row.counted === "account-deleted");
  const onlineMinutes = people.filter((row) => countsAsPresent(row) && (row.minutes ?? 0) >= 1).map((row) => row.minutes!);
  return {
    signUps: count((row) => row.signUp !== null),
    going: signUpsWith("going"),
    waitlisted: signUpsWith("waitlisted"),
    pending: signUpsWith("pending"),
    cancelled: signUpsWith("cancelled"),
    present: count(countsAsPresent),
    presentGoing,
    walkIns,
    presentDeleted,
    presentWithoutPlace: count((row) => row.counted === "without-place"),
    noShows: noShowsKnown ? count((row) => row.counted === "no-show") : null,
    averageMinutes: onlineMinutes.length === 0 ? null : Math.round(onlineMinutes.reduce((sum, minutes) => sum + minutes, 0) / onlineMinutes.length),
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
  return [...people].map(([theme, ids]) => ({ theme, people: ids.size })).sort((a, b) => b.people - a.people || compare(a.theme, b.theme));
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
