import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { avatarOf, avatarSelect } from "~/lib/images/avatar.server";
import { pictureView } from "~/lib/images/cover.server";
import { NotFound } from "../errors";
import { requireManageActivity } from "../policy/guards.server";
import { policy, type Actor } from "../policy/rules";
import { pickContent } from "./content";
import { forYouScore, LEARNING_LEVELS, type Reader } from "./for-you";
import { rememberedSelection } from "./selection-memo.server";
import { directionsLink, distancesFrom, municipalitiesWithin } from "../search/nearby.server";
import { searchActivities } from "../search/search.server";
import { WEEKEND_DAYS } from "./local-facts";
import { utcToZonedParts } from "./recurrence";
import type { DiscoveryQuery } from "./schemas.server";

const DAY = 24 * 3600_000;
const DEFAULT_WINDOW_DAYS = 90;
export const PAGE_SIZE = 20;

/** What an activity is, when and where: on its card, its page and its link preview (preview.server.ts). */
export const kindTimePlaceSelect = {
  kind: true,
  status: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  mode: true,
  venue: true,
  addressForGoingOnly: true,
} as const;

const cardSelect = {
  id: true,
  ...kindTimePlaceSelect,
  capacity: true,
  goingCount: true,
  childcare: true,
  costCents: true,
  practisedLanguage: true,
  practisedLevel: true,
  defaultLocale: true,
  groupId: true,
  seriesId: true,
  municipality: { select: { code: true, name: true, latitude: true, longitude: true } },
  contents: { select: { locale: true, title: true, summary: true, coverAlt: true } },
  spokenLanguages: { select: { language: true } },
  themes: { select: { theme: true } },
  interests: { select: { interest: true } },
  coverKey: true,
  coverWidth: true,
  coverHeight: true,
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
    // A venue kept for people going is left out of every list; getActivity adds it back for them.
    venue: row.addressForGoingOnly ? null : row.venue,
    addressForGoingOnly: row.addressForGoingOnly,
    municipality: row.municipality ? { code: row.municipality.code, name: row.municipality.name } : null,
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
    cover: pictureView(row.coverKey, row.coverWidth, row.coverHeight, content?.coverAlt),
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
    // With a distance, a municipality chosen as the place is where the distance is measured from (discoverActivities).
    ...(query.place === "online" ? { mode: { in: ["online", "hybrid"] } } : query.place && !query.km ? { municipalityCode: query.place } : {}),
    ...(query.childcare ? { childcare: true } : {}),
    ...(query.theme ? { themes: { some: { theme: query.theme } } } : {}),
    ...(query.interest ? { interests: { some: { interest: query.interest } } } : {}),
    ...(query.group ? { groupId: query.group } : {}),
    // Local time in the activity's own zone, stored at write time (local-facts.ts).
    ...(query.evening ? { localPart: "evening" } : {}),
    ...(query.weekend ? { localWeekday: { in: WEEKEND_DAYS } } : {}),
  };
}

type Where = Prisma.ActivityWhereInput;

/** Profiles read for "for you", by person, with the `updatedAt` they were read at (every saved profile changes it). */
const profiles = new Map<string, { version: number; profile: Promise<Reader | null> }>();
const MAX_PROFILES = 5_000;

/** The reader's profile; with the `updatedAt` their session already carries, read only when it changed. */
function rememberedProfile(userId: string, updatedAt: Date | undefined): Promise<Reader | null> {
  if (!updatedAt) return readerProfile(userId);
  const known = profiles.get(userId);
  if (known && known.version === updatedAt.getTime()) return known.profile;
  const profile = readerProfile(userId);
  profiles.delete(userId);
  profiles.set(userId, { version: updatedAt.getTime(), profile });
  if (profiles.size > MAX_PROFILES) profiles.delete(profiles.keys().next().value!);
  profile.catch(() => profiles.delete(userId));
  return profile;
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

/** One page of a list: ids in order, how many there are in all, and "+ N more dates" per series shown. */
type Slice = { ids: string[]; total: number };

/**
 * The discovery list, filtered and paged in the database. "For you" puts first the activities the
 * reader scores on (forYouCandidates, a bounded set), then every other one in date order.
 */
export async function discoverActivities(
  query: DiscoveryQuery,
  options: { userId: string | null; readerUpdatedAt?: Date; locale: string; now?: Date; collapseSeries?: boolean },
) {
  const now = options.now ?? new Date();
  const perPage = query.perPage ?? PAGE_SIZE;
  const page = query.page ?? 1;
  const reader = options.userId ? await rememberedProfile(options.userId, options.readerUpdatedAt) : null;
  // "Within N km" of the municipality chosen as the place, else of the reader's own (decision 044).
  const chosen = query.near ?? (query.place && query.place !== "online" ? query.place : undefined);
  const origin = query.km ? (chosen ?? reader?.municipalityCode ?? null) : null;
  const sort = query.q ? (query.sort === "date" ? "date" : "relevance") : query.sort === "relevance" ? "date" : (query.sort ?? (reader ? "for-you" : "date"));
  const collapse = Boolean(options.collapseSeries);
  const offset = (page - 1) * perPage;

  const select = async () => {
    const moreDates = new Map<string, number>();
    const [search, nearby] = await Promise.all([
      query.q ? searchActivities(query.q) : null,
      origin && query.km ? municipalitiesWithin(origin, query.km) : null,
    ]);
    const narrowed: Where[] = [...(search ? [{ id: { in: search.ids } }] : []), ...(nearby ? [{ municipalityCode: { in: [...nearby.keys()] } }] : [])];
    const where: Where = narrowed.length ? { AND: [whereFor(query, now), ...narrowed] } : whereFor(query, now);
    let slice: Slice;
    if (search && sort === "relevance") {
      slice = await inSearchOrder(where, search.ids, offset, perPage, collapse, moreDates);
    } else if (sort === "for-you" && reader) {
      const ranked = rankedOnce(await forYouCandidates(where, reader), collapse);
      const rankedPage = ranked.slice(offset, offset + perPage).map((row) => row.id);
      // Everything the reader does not score on follows by date; a series ranked above is not repeated.
      const rest = { AND: [where, { id: { notIn: ranked.map((row) => row.id) } }, { OR: [{ seriesId: null }, { seriesId: { notIn: seriesOf(ranked) } }] }] };
      const restOffset = Math.max(0, offset - ranked.length);
      const restLimit = perPage - rankedPage.length;
      const byDate = await inDateOrder(rest, restOffset, restLimit, collapse, moreDates);
      slice = { ids: [...rankedPage, ...byDate.ids], total: ranked.length + byDate.total };
      await countMoreDates(where, ranked.slice(offset, offset + perPage), moreDates);
    } else {
      slice = await inDateOrder(where, offset, perPage, collapse, moreDates);
    }
    const byId = new Map((await loadCards(slice.ids)).map((row) => [row.id, row]));
    const distances = origin
      ? await distancesFrom(
          origin,
          [...byId.values()].map((row) => row.municipality?.code),
        )
      : null;
    const items = slice.ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      const distanceKm = row.mode !== "online" && row.municipality ? (distances?.get(row.municipality.code) ?? null) : null;
      return [{ ...toCard(row, options.locale), moreDates: (collapse && row.seriesId && moreDates.get(row.seriesId)) || 0, distanceKm }];
    });
    return { items, total: slice.total, terms: search?.terms ?? [] };
  };
  // Pages share one answer per query, language and reader while no activity changes (selection-memo.server.ts);
  // a sign-up changes its activity too, so seats left are never older than the database. Tests that set the clock get a fresh one.
  const key = JSON.stringify({
    query,
    perPage,
    page,
    sort,
    collapse,
    locale: options.locale,
    reader: sort === "for-you" ? { id: options.userId, ...reader } : null,
    origin,
  });
  const { items, total, terms } = options.now ? await select() : await rememberedSelection(key, select);
  return { items, total, page, perPage, pageCount: Math.max(1, Math.ceil(total / perPage)), sort, truncated: false, terms, origin };
}

/** How many of a reason's earliest matches become candidates; the union is at most a few hundred rows. */
const PER_REASON = 100;
type Candidate = { id: string; startsAt: Date; seriesId: string | null; score: number };

/**
 * The activities a reader can score on (forYouScore), chosen in the database: for each thing that
 * earns points (a language they speak, one they are learning, an interest, their municipality,
 * being online, a free moment of theirs) the earliest matches in the window. Scored here, best
 * first; equal scores by date. A far-off match beyond the first hundred of every reason it meets
 * waits in the date-ordered rest: the price of never reading the whole window (decisions/029).
 */
async function forYouCandidates(where: Where, reader: Reader): Promise<Candidate[]> {
  const spoken = reader.languages.map((entry) => entry.language);
  const learning = reader.languages.filter((entry) => LEARNING_LEVELS.has(entry.level)).map((entry) => entry.language);
  const slots = reader.availability.map((slot) => slot.split("-")).map(([weekday, part]) => ({ localWeekday: Number(weekday), localPart: part }));
  const reasons = (
    [
      spoken.length ? { spokenLanguages: { some: { language: { in: spoken } } } } : null,
      learning.length ? { practisedLanguage: { in: learning } } : null,
      reader.interests.length ? { interests: { some: { interest: { in: reader.interests } } } } : null,
      reader.municipalityCode ? { municipalityCode: reader.municipalityCode } : null,
      { mode: { not: "in-person" } },
      slots.length ? { OR: slots } : null,
    ] satisfies (Where | null)[]
  ).filter((reason) => reason !== null) as Where[];
  const idLists = await Promise.all(
    reasons.map((reason) =>
      db().activity.findMany({ where: { AND: [where, reason] }, orderBy: [{ startsAt: "asc" }, { id: "asc" }], take: PER_REASON, select: { id: true } }),
    ),
  );
  const ids = [...new Set(idLists.flat().map((row) => row.id))];
  if (ids.length === 0) return [];
  const rows = await db().activity.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      startsAt: true,
      seriesId: true,
      mode: true,
      municipalityCode: true,
      practisedLanguage: true,
      localWeekday: true,
      localPart: true,
      spokenLanguages: { select: { language: true } },
      interests: { select: { interest: true } },
    },
  });
  return rows
    .map((row) => ({
      id: row.id,
      startsAt: row.startsAt,
      seriesId: row.seriesId,
      score: forYouScore(reader, {
        spokenLanguages: row.spokenLanguages.map((entry) => entry.language),
        interests: row.interests.map((entry) => entry.interest),
        practisedLanguage: row.practisedLanguage,
        municipalityCode: row.municipalityCode,
        mode: row.mode,
        slot: `${row.localWeekday}-${row.localPart}`,
      }),
    }))
    .sort((a, b) => b.score - a.score || a.startsAt.getTime() - b.startsAt.getTime() || (a.id < b.id ? -1 : 1));
}

/** With series collapsed, each series once, at its best-ranked date. */
function rankedOnce(ranked: Candidate[], collapse: boolean): Candidate[] {
  if (!collapse) return ranked;
  const seen = new Set<string>();
  return ranked.filter((row) => !row.seriesId || (!seen.has(row.seriesId) && Boolean(seen.add(row.seriesId))));
}

const seriesOf = (rows: { seriesId: string | null }[]) => [...new Set(rows.flatMap((row) => (row.seriesId ? [row.seriesId] : [])))];

/** "+ N more dates" for the series among `shown`: their other dates in the window. */
async function countMoreDates(where: Where, shown: Candidate[], moreDates: Map<string, number>) {
  const series = seriesOf(shown);
  if (series.length === 0) return;
  const counts = await db().activity.groupBy({ by: ["seriesId"], where: { AND: [where, { seriesId: { in: series } }] }, _count: { _all: true } });
  for (const row of counts) moreDates.set(row.seriesId!, row._count._all - 1);
}

/**
 * Search results in the order of their match (best first; equal matches by date), among those the
 * other filters keep, optionally one card per series at its best-placed date.
 */
async function inSearchOrder(where: Where, ranked: string[], offset: number, limit: number, collapse: boolean, moreDates: Map<string, number>): Promise<Slice> {
  if (ranked.length === 0) return { ids: [], total: 0 };
  const place = new Map(ranked.map((id, i) => [id, i]));
  const rows = await db().activity.findMany({ where, select: { id: true, seriesId: true, startsAt: true } });
  rows.sort((a, b) => place.get(a.id)! - place.get(b.id)! || a.startsAt.getTime() - b.startsAt.getTime());
  const kept = collapse ? [] : rows;
  if (collapse) {
    for (const row of rows) {
      if (!row.seriesId) kept.push(row);
      else if (moreDates.has(row.seriesId)) moreDates.set(row.seriesId, moreDates.get(row.seriesId)! + 1);
      else {
        moreDates.set(row.seriesId, 0);
        kept.push(row);
      }
    }
  }
  return { total: kept.length, ids: kept.slice(offset, offset + limit).map((row) => row.id) };
}

/** `limit` activities from `offset` in date order, optionally one card per series. */
async function inDateOrder(where: Where, offset: number, limit: number, collapse: boolean, moreDates: Map<string, number>): Promise<Slice> {
  if (collapse) return collapsedByDate(where, offset, limit, moreDates);
  const [total, rows] = await Promise.all([
    db().activity.count({ where }),
    limit > 0 ? db().activity.findMany({ where, orderBy: [{ startsAt: "asc" }, { id: "asc" }], skip: offset, take: limit, select: { id: true } }) : [],
  ]);
  return { total, ids: rows.map((row) => row.id) };
}

/**
 * Date order with one card per series, paged in the database: single activities are read in
 * order, each series contributes its first date in the window, and the two lists are merged.
 */
async function collapsedByDate(where: Where, offset: number, limit: number, moreDates: Map<string, number>): Promise<Slice> {
  const singlesWhere = { AND: [where, { seriesId: null }] };
  const [singles, heads] = await Promise.all([
    db().activity.count({ where: singlesWhere }),
    db().activity.groupBy({ by: ["seriesId"], where: { AND: [where, { seriesId: { not: null } }] }, _min: { startsAt: true }, _count: { _all: true } }),
  ]);
  const end = offset + limit;
  const firstSingles =
    limit > 0
      ? await db().activity.findMany({ where: singlesWhere, orderBy: [{ startsAt: "asc" }, { id: "asc" }], take: end, select: { id: true, startsAt: true } })
      : [];
  const seriesHeads = heads.map((head) => ({ seriesId: head.seriesId!, startsAt: head._min.startsAt!, more: head._count._all - 1 }));
  const merged = [
    ...firstSingles.map((row) => ({ startsAt: row.startsAt, id: row.id as string | null, seriesId: null as string | null, more: 0 })),
    ...seriesHeads.map((head) => ({ startsAt: head.startsAt, id: null, seriesId: head.seriesId, more: head.more })),
  ]
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .slice(offset, end);
  const wanted = merged.filter((entry) => entry.seriesId);
  const headRows = wanted.length
    ? await db().activity.findMany({
        where: { AND: [where, { OR: wanted.map((entry) => ({ seriesId: entry.seriesId, startsAt: entry.startsAt })) }] },
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
      contents: { select: { locale: true, title: true, summary: true, description: true, coverAlt: true } },
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
    venue: policy.canSeeVenue(actor, row, mine) ? row.venue : null,
    directionsUrl:
      row.mode === "online" ? null : directionsLink(policy.canSeeVenue(actor, row, mine) ? row.venue : null, row.municipality, row.municipality?.name ?? null),
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
    select: { status: true, position: true, createdAt: true, user: { select: { id: true, displayName: true, ...avatarSelect } } },
  });
  const pick = (status: string) =>
    rsvps
      .filter((r) => r.status === status)
      .map((r) => ({ userId: r.user.id, displayName: r.user.displayName, avatar: avatarOf(r.user), since: r.createdAt.toISOString() }));
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
    addressForGoingOnly: row.addressForGoingOnly,
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

/** Cards for the given activities, in the order of `ids` (the home page's short lists). */
export async function cardsFor(ids: string[], locale: string) {
  if (ids.length === 0) return [];
  const byId = new Map((await loadCards(ids)).map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toCard(row, locale)] : [];
  });
}

/** Which of `ids` the person is going to: the "You're going" badge on cards. */
export async function goingAmong(userId: string | null, ids: string[]): Promise<string[]> {
  if (!userId || ids.length === 0) return [];
  const rows = await db().rsvp.findMany({ where: { userId, status: "going", activityId: { in: ids } }, select: { activityId: true } });
  return rows.map((row) => row.activityId);
}
