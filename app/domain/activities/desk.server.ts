import { db } from "~/lib/db.server";
import { pickContent } from "./content";

/** Bounds: the desk is one page, so no list on it reads without a limit. */
export const DESK_LIMITS = { upcomingDates: 400, drafts: 100, pastPerPage: 20 } as const;

const rowSelect = {
  id: true,
  kind: true,
  status: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  seriesId: true,
  capacity: true,
  goingCount: true,
  defaultLocale: true,
  contents: { select: { locale: true, title: true } },
} as const;

type Row = Awaited<ReturnType<typeof readRows>>[number];
const readRows = (where: object, orderBy: object, take: number, skip = 0) =>
  db().activity.findMany({ where, orderBy: [orderBy, { id: "asc" }], take, skip, select: rowSelect });

/** One date as the desk shows it: when, and its sign-ups, seats and waitlist at a glance. */
export type DeskDate = {
  id: string;
  status: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  going: number;
  capacity: number | null;
  seatsLeft: number | null;
  waitlisted: number;
  pending: number;
};

/** A desk row: a single activity, or a whole series at its next date with all its dates. */
export type DeskRow = {
  id: string;
  kind: string;
  title: string;
  contentLocale: string;
  seriesId: string | null;
  next: DeskDate;
  dates: DeskDate[];
};

/**
 * The organiser's desk: their drafts, their upcoming activities with each series as one row at
 * its next date, and their past dates a page at a time, newest first. Counts come from the
 * activity row (seats taken) and one grouped count of waiting and pending sign-ups.
 */
export async function organiserDesk(userId: string, locale: string, options: { now?: Date; pastPage?: number } = {}) {
  const now = options.now ?? new Date();
  const pastPage = Math.max(1, Math.min(options.pastPage ?? 1, 10_000));
  const mine = { organiserId: userId };
  const [drafts, upcoming, past, pastTotal] = await Promise.all([
    readRows({ ...mine, status: "draft" }, { startsAt: "asc" }, DESK_LIMITS.drafts),
    readRows({ ...mine, status: { not: "draft" }, endsAt: { gte: now } }, { startsAt: "asc" }, DESK_LIMITS.upcomingDates),
    readRows(
      { ...mine, status: { not: "draft" }, endsAt: { lt: now } },
      { startsAt: "desc" },
      DESK_LIMITS.pastPerPage,
      (pastPage - 1) * DESK_LIMITS.pastPerPage,
    ),
    db().activity.count({ where: { ...mine, status: { not: "draft" }, endsAt: { lt: now } } }),
  ]);
  const waiting = await waitingCounts([...drafts, ...upcoming, ...past].map((row) => row.id));
  const date = (row: Row): DeskDate => ({
    id: row.id,
    status: row.status,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    timeZone: row.timeZone,
    going: row.goingCount,
    capacity: row.capacity,
    seatsLeft: row.capacity === null ? null : Math.max(0, row.capacity - row.goingCount),
    waitlisted: waiting.get(`${row.id}:waitlisted`) ?? 0,
    pending: waiting.get(`${row.id}:pending`) ?? 0,
  });
  const single = (row: Row): DeskRow => {
    const content = pickContent(row.contents, locale, row.defaultLocale);
    return {
      id: row.id,
      kind: row.kind,
      title: content?.title ?? "",
      contentLocale: content?.locale ?? row.defaultLocale,
      seriesId: row.seriesId,
      next: date(row),
      dates: [date(row)],
    };
  };
  return {
    drafts: drafts.map(single),
    upcoming: groupSeries(upcoming.map(single)),
    upcomingTruncated: upcoming.length === DESK_LIMITS.upcomingDates,
    past: past.map(single),
    pastPage,
    pastPageCount: Math.max(1, Math.ceil(pastTotal / DESK_LIMITS.pastPerPage)),
  };
}
export type Desk = Awaited<ReturnType<typeof organiserDesk>>;

/** Rows in date order, each series folded into its first row (its next date), keeping every date. */
export function groupSeries(rows: DeskRow[]): DeskRow[] {
  const bySeries = new Map<string, DeskRow>();
  const result: DeskRow[] = [];
  for (const row of rows) {
    const head = row.seriesId ? bySeries.get(row.seriesId) : undefined;
    if (head) {
      head.dates.push(...row.dates);
      continue;
    }
    const copy = { ...row, dates: [...row.dates] };
    if (row.seriesId) bySeries.set(row.seriesId, copy);
    result.push(copy);
  }
  return result;
}

async function waitingCounts(ids: string[]) {
  const counts = new Map<string, number>();
  if (ids.length === 0) return counts;
  const rows = await db().rsvp.groupBy({
    by: ["activityId", "status"],
    where: { activityId: { in: ids }, status: { in: ["waitlisted", "pending"] } },
    _count: { _all: true },
  });
  for (const row of rows) counts.set(`${row.activityId}:${row.status}`, row._count._all);
  return counts;
}
