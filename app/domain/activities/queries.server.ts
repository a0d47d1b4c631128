import { db } from "~/lib/db.server";
import { NotFound } from "../errors";
import { requireManageActivity } from "../policy/guards.server";
import { policy, type Actor } from "../policy/rules";
import { pickContent } from "./content";
import { orderForYou, partOfDay, type Reader } from "./for-you";
import { utcToZonedParts } from "./recurrence";
import type { DiscoveryQuery } from "./schemas.server";

const DAY = 24 * 3600_000;
const DEFAULT_WINDOW_DAYS = 90;
/** Filters that need local time (evening, weekend) or a score run in memory over at most this many. */
const MAX_CANDIDATES = 20_000;
export const PAGE_SIZE = 20;

const cardSelect = {
  id: true,
  kind: true,
  status: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  mode: true,
  venue: true,
  capacity: true,
  goingCount: true,
  childcare: true,
  costCents: true,
  practisedLanguage: true,
  practisedLevel: true,
  defaultLocale: true,
  groupId: true,
  seriesId: true,
  municipality: { select: { code: true, name: true } },
  contents: { select: { locale: true, title: true, summary: true } },
  spokenLanguages: { select: { language: true } },
  themes: { select: { theme: true } },
  interests: { select: { interest: true } },
} as const;

type CardRow = Awaited<ReturnType<typeof loadCards>>[number];

async function loadCards(ids: string[]) {
  return db().activity.findMany({ where: { id: { in: ids } }, select: cardSelect });
}

function toCard(row: CardRow, locale: string) {
  const content = pickContent(row.contents, locale, row.defaultLocale);
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    timeZone: row.timeZone,
    mode: row.mode,
    venue: row.venue,
    municipality: row.municipality,
    title: content?.title ?? "",
    summary: content?.summary ?? "",
    contentLocale: content?.locale ?? row.defaultLocale,
    translated: content?.translated ?? false,
    seatsLeft: row.capacity === null ? null : Math.max(0, row.capacity - row.goingCount),
    capacity: row.capacity,
    childcare: row.childcare,
    costCents: row.costCents,
    practisedLanguage: row.practisedLanguage,
    practisedLevel: row.practisedLevel,
    spokenLanguages: row.spokenLanguages.map((entry) => entry.language),
    themes: row.themes.map((entry) => entry.theme),
    interests: row.interests.map((entry) => entry.interest),
    groupId: row.groupId,
    seriesId: row.seriesId,
  };
}
export type ActivityCard = ReturnType<typeof toCard>;

function whereFor(query: DiscoveryQuery, now: Date) {
  const from = query.from ? new Date(`${query.from}T00:00:00Z`) : now;
  const start = from < now ? now : from;
  const end = query.to ? new Date(new Date(`${query.to}T00:00:00Z`).getTime() + DAY) : new Date(start.getTime() + DEFAULT_WINDOW_DAYS * DAY);
  return {
    status: "published",
    startsAt: { gte: start, lt: new Date(Math.min(end.getTime(), start.getTime() + 366 * DAY)) },
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.language ? { spokenLanguages: { some: { language: query.language } } } : {}),
    ...(query.place === "online" ? { mode: { in: ["online", "hybrid"] } } : query.place ? { municipalityCode: query.place } : {}),
    ...(query.childcare ? { childcare: true } : {}),
    ...(query.theme ? { themes: { some: { theme: query.theme } } } : {}),
    ...(query.interest ? { interests: { some: { interest: query.interest } } } : {}),
    ...(query.group ? { groupId: query.group } : {}),
  };
}

function localFilter(query: DiscoveryQuery) {
  return (row: { startsAt: Date; timeZone: string }) => {
    const local = utcToZonedParts(row.startsAt, row.timeZone);
    if (query.evening && Number(local.time.slice(0, 2)) < 17) return false;
    if (query.weekend && local.weekday < 6) return false;
    return true;
  };
}

export async function readerProfile(userId: string): Promise<Reader | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { municipalityCode: true, languages: true, interests: true, availability: true },
  });
  if (!user) return null;
  return {
    municipalityCode: user.municipalityCode,
    languages: user.languages.map(({ language, level }) => ({ language, level })),
    interests: user.interests.map((row) => row.interest),
    availability: user.availability.map((row) => `${row.weekday}-${row.part}`),
  };
}

/** The discovery list: filters in the database where it can, local-time filters and scoring in memory. */
export async function discoverActivities(query: DiscoveryQuery, options: { userId: string | null; locale: string; now?: Date; collapseSeries?: boolean }) {
  const now = options.now ?? new Date();
  const perPage = query.perPage ?? PAGE_SIZE;
  const page = query.page ?? 1;
  const where = whereFor(query, now);
  const reader = options.userId ? await readerProfile(options.userId) : null;
  const sort = query.sort ?? (reader ? "for-you" : "date");
  let ids: string[];
  let total: number;

  const moreDates = new Map<string, number>();
  let truncated = false;

  if (!query.evening && !query.weekend && sort === "date" && !options.collapseSeries) {
    [total, ids] = await Promise.all([
      db().activity.count({ where }),
      db()
        .activity.findMany({ where, orderBy: [{ startsAt: "asc" }, { id: "asc" }], skip: (page - 1) * perPage, take: perPage, select: { id: true } })
        .then((rows) => rows.map((row) => row.id)),
    ]);
  } else if (!query.evening && !query.weekend && sort === "date") {
    ({ total, ids } = await collapsedByDate(where, page, perPage, moreDates));
  } else {
    const rows = await db().activity.findMany({
      where,
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      take: MAX_CANDIDATES,
      select: {
        id: true,
        startsAt: true,
        timeZone: true,
        mode: true,
        municipalityCode: true,
        practisedLanguage: true,
        seriesId: true,
        ...(sort === "for-you" ? { spokenLanguages: { select: { language: true } }, interests: { select: { interest: true } } } : {}),
      },
    });
    truncated = rows.length === MAX_CANDIDATES;
    const kept = query.evening || query.weekend ? rows.filter(localFilter(query)) : rows;
    const ordered =
      sort === "for-you" && reader
        ? orderForYou(
            reader,
            kept.map((row) => {
              const local = utcToZonedParts(row.startsAt, row.timeZone);
              return {
                ...row,
                spokenLanguages: (row as { spokenLanguages?: { language: string }[] }).spokenLanguages?.map((e) => e.language) ?? [],
                interests: (row as { interests?: { interest: string }[] }).interests?.map((e) => e.interest) ?? [],
                slot: `${local.weekday}-${partOfDay(Number(local.time.slice(0, 2)))}`,
              };
            }),
          )
        : kept;
    // A weekly café would fill the list with its own dates: show each series once, at its best date.
    const shown = options.collapseSeries
      ? ordered.filter((row) => {
          if (!row.seriesId) return true;
          const seen = moreDates.has(row.seriesId);
          moreDates.set(row.seriesId, seen ? moreDates.get(row.seriesId)! + 1 : 0);
          return !seen;
        })
      : ordered;
    total = shown.length;
    ids = shown.slice((page - 1) * perPage, page * perPage).map((row) => row.id);
  }
  const byId = new Map((await loadCards(ids)).map((row) => [row.id, row]));
  const items = ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ ...toCard(row, options.locale), moreDates: (row.seriesId && moreDates.get(row.seriesId)) || 0 }] : [];
  });
  return { items, total, page, perPage, pageCount: Math.max(1, Math.ceil(total / perPage)), sort, truncated };
}

type Where = ReturnType<typeof whereFor>;

/**
 * Date order with one card per series, paged in the database: single activities are read in
 * order, each series contributes its first date in the window, and the two lists are merged.
 */
async function collapsedByDate(where: Where, page: number, perPage: number, moreDates: Map<string, number>) {
  const [singles, heads] = await Promise.all([
    db().activity.count({ where: { ...where, seriesId: null } }),
    db().activity.groupBy({ by: ["seriesId"], where: { ...where, seriesId: { not: null } }, _min: { startsAt: true }, _count: { _all: true } }),
  ]);
  const end = page * perPage;
  const firstSingles = await db().activity.findMany({
    where: { ...where, seriesId: null },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: end,
    select: { id: true, startsAt: true },
  });
  const seriesHeads = heads.map((head) => ({ seriesId: head.seriesId!, startsAt: head._min.startsAt!, more: head._count._all - 1 }));
  const merged = [
    ...firstSingles.map((row) => ({ startsAt: row.startsAt, id: row.id as string | null, seriesId: null as string | null, more: 0 })),
    ...seriesHeads.map((head) => ({ startsAt: head.startsAt, id: null, seriesId: head.seriesId, more: head.more })),
  ]
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .slice((page - 1) * perPage, end);
  const wanted = merged.filter((entry) => entry.seriesId);
  const headRows = wanted.length
    ? await db().activity.findMany({
        where: { ...where, OR: wanted.map((entry) => ({ seriesId: entry.seriesId, startsAt: entry.startsAt })) },
        select: { id: true, seriesId: true },
      })
    : [];
  const headIds = new Map(headRows.map((row) => [row.seriesId!, row.id]));
  for (const entry of wanted) moreDates.set(entry.seriesId!, entry.more);
  return {
    total: singles + seriesHeads.length,
    ids: merged.map((entry) => entry.id ?? headIds.get(entry.seriesId!)).filter((id): id is string => Boolean(id)),
  };
}

/**
 * One activity as a reader sees it; drafts only for their organiser and admins. The viewer comes
 * from the session (its user carries the role flags), so a page view costs no query for it.
 */
export async function getActivity(activityId: string, options: { viewer: Actor | null; locale: string }) {
  const viewerId = options.viewer?.id ?? null;
  const row = await db().activity.findUnique({
    where: { id: activityId },
    select: {
      ...cardSelect,
      organiserId: true,
      accessibilityNotes: true,
      joinUrl: true,
      requiresApproval: true,
      rsvpCutoffMinutes: true,
      contents: { select: { locale: true, title: true, summary: true, description: true } },
      organiser: { select: { displayName: true } },
      group: { select: { id: true, slug: true, name: true } },
    },
  });
  const actor = options.viewer;
  const mine = viewerId
    ? await db().rsvp.findUnique({ where: { activityId_userId: { activityId, userId: viewerId } }, select: { status: true, position: true } })
    : null;
  if (!row || (row.status === "draft" && !policy.canSeeDraft(actor, row))) throw NotFound("activities.errors.notFound");
  const waitlistPlace =
    mine?.status === "waitlisted" ? (await db().rsvp.count({ where: { activityId, status: "waitlisted", position: { lt: mine.position } } })) + 1 : null;
  const content = pickContent(row.contents, options.locale, row.defaultLocale);
  return {
    ...toCard(row, options.locale),
    description: content?.description ?? "",
    availableLocales: row.contents.map((c) => c.locale),
    accessibilityNotes: row.accessibilityNotes,
    joinUrl: policy.canSeeJoinLink(actor, row, mine) ? row.joinUrl : null,
    requiresApproval: row.requiresApproval,
    rsvpClosesAt: row.rsvpCutoffMinutes === null ? null : new Date(row.startsAt.getTime() - row.rsvpCutoffMinutes * 60_000).toISOString(),
    organiserName: row.organiser.displayName,
    group: row.group,
    myRsvp: mine && mine.status !== "cancelled" ? { status: mine.status, waitlistPlace } : null,
    mayManage: policy.canManageActivity(actor, row),
    mayEnterLiveRoom: policy.canEnterLiveRoom(actor, row, mine),
  };
}
export type ActivityDetail = Awaited<ReturnType<typeof getActivity>>;

/** The organiser's page of one activity: the edit form's values and the people, after one check. */
export async function getManageView(actorId: string, activityId: string) {
  await requireManageActivity(actorId, activityId);
  const [values, attendees] = await Promise.all([editValues(activityId), attendeeLists(activityId)]);
  return { values, attendees };
}

/** Who is going, waiting and awaiting approval, by display name only. */
async function attendeeLists(activityId: string) {
  const rsvps = await db().rsvp.findMany({
    where: { activityId, status: { not: "cancelled" } },
    orderBy: { position: "asc" },
    select: { status: true, position: true, createdAt: true, user: { select: { id: true, displayName: true } } },
  });
  const pick = (status: string) =>
    rsvps.filter((r) => r.status === status).map((r) => ({ userId: r.user.id, displayName: r.user.displayName, since: r.createdAt.toISOString() }));
  return { going: pick("going"), waitlisted: pick("waitlisted"), pending: pick("pending") };
}

export async function myUpcoming(userId: string, locale: string, now = new Date()) {
  const rsvps = await db().rsvp.findMany({
    where: { userId, status: { in: ["going", "waitlisted", "pending"] }, activity: { endsAt: { gte: now } } },
    select: { status: true, activityId: true },
  });
  const byId = new Map((await loadCards(rsvps.map((r) => r.activityId))).map((row) => [row.id, row]));
  return rsvps
    .filter((r) => byId.has(r.activityId))
    .map((r) => ({ ...toCard(byId.get(r.activityId)!, locale), myStatus: r.status }))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

export async function organisedBy(userId: string, locale: string, now = new Date()) {
  const rows = await db().activity.findMany({
    where: { organiserId: userId, endsAt: { gte: new Date(now.getTime() - 30 * DAY) } },
    orderBy: { startsAt: "asc" },
    take: 200,
    select: cardSelect,
  });
  return rows.map((row) => toCard(row, locale));
}

/** Values for the edit form, in the shape the form sends. */
async function editValues(activityId: string) {
  const row = await db().activity.findUniqueOrThrow({
    where: { id: activityId },
    include: { contents: true, spokenLanguages: true, themes: true, interests: true },
  });
  const start = utcToZonedParts(row.startsAt, row.timeZone);
  const end = utcToZonedParts(row.endsAt, row.timeZone);
  return {
    id: row.id,
    status: row.status,
    seriesId: row.seriesId,
    kind: row.kind,
    contents: row.contents.map(({ locale, title, summary, description }) => ({ locale, title, summary, description })),
    date: start.date,
    startTime: start.time,
    endTime: end.time,
    timeZone: row.timeZone,
    mode: row.mode,
    venue: row.venue ?? "",
    municipalityCode: row.municipalityCode ?? "",
    accessibilityNotes: row.accessibilityNotes ?? "",
    joinUrl: row.joinUrl ?? "",
    capacity: row.capacity === null ? "" : String(row.capacity),
    childcare: row.childcare,
    costEuros: row.costCents ? (row.costCents / 100).toFixed(2) : "",
    spokenLanguages: row.spokenLanguages.map((entry) => entry.language),
    practisedLanguage: row.practisedLanguage ?? "",
    practisedLevel: row.practisedLevel ?? "",
    themes: row.themes.map((entry) => entry.theme),
    interests: row.interests.map((entry) => entry.interest),
    requiresApproval: row.requiresApproval,
    rsvpCutoffHours: row.rsvpCutoffMinutes === null ? "" : String(row.rsvpCutoffMinutes / 60),
    reminderHours: row.reminderHours === null ? "" : String(row.reminderHours),
    groupId: row.groupId ?? "",
  };
}
