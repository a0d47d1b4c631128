import { randomBytes } from "node:crypto";
import { db } from "~/lib/db.server";
import { NotFound } from "../errors";
import { policy, type Actor } from "../policy/rules";
import { pickContent } from "./content";
import { buildCalendar, type IcsEvent } from "./ics";
import { placeOf } from "./whereabouts";

const DAY = 24 * 3600_000;

type EventRow = {
  id: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
  updatedAt: Date;
  organiserId: string;
  venue: string | null;
  addressForGoingOnly: boolean;
  mode: string;
  defaultLocale: string;
  municipality: { name: string } | null;
  contents: { locale: string; title: string; summary: string }[];
};

const eventSelect = {
  id: true,
  status: true,
  startsAt: true,
  endsAt: true,
  updatedAt: true,
  organiserId: true,
  venue: true,
  addressForGoingOnly: true,
  mode: true,
  defaultLocale: true,
  municipality: { select: { name: true } },
  contents: { select: { locale: true, title: true, summary: true } },
} as const;

/** A venue kept for people going is in the event only with `venueShown`: feeds, shared by address, never have it (decision 044). */
function toEvent(row: EventRow, locale: string, baseUrl: string, venueShown = false): IcsEvent {
  const content = pickContent(row.contents, locale, row.defaultLocale);
  return {
    uid: `${row.id}@meedoen`,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    summary: content?.title ?? "Meedoen",
    description: `${content?.summary ?? ""}\n\n${baseUrl}/activities/${row.id}`.trim(),
    location: row.mode === "online" ? "Online" : (placeOf(row, venueShown) ?? undefined),
    url: `${baseUrl}/activities/${row.id}`,
    status: row.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
    // Seconds since 2026 keep SEQUENCE a growing integer, so calendar apps take the newest version.
    sequence: Math.max(0, Math.floor((row.updatedAt.getTime() - Date.UTC(2026, 0, 1)) / 1000)),
    lastModified: row.updatedAt,
  };
}

type Reader = Pick<ReturnType<typeof db>, "activity">;

/**
 * One activity, read once, as an .ics in a language, built with or without a venue kept for
 * people going (the caller asks policy.canSeeVenue: a mail to people going and waiting needs
 * both); `client` may be a transaction (a mail written inside one).
 */
export async function activityCalendars(activityId: string, locale: string, baseUrl: string, client: Reader = db()) {
  const row = await client.activity.findUnique({ where: { id: activityId }, select: eventSelect });
  if (!row || row.status === "draft") throw NotFound("activities.errors.notFound");
  return {
    activity: { organiserId: row.organiserId, addressForGoingOnly: row.addressForGoingOnly },
    build(venueShown: boolean) {
      const event = toEvent(row, locale, baseUrl, venueShown);
      return buildCalendar({ name: event.summary, events: [event] });
    },
  };
}

/**
 * The .ics a reader downloads from the activity's page: with a kept venue for a reader the
 * policy lets see it, and then `personal` (never cached for anyone else); else the public one.
 */
export async function activityCalendarFor(activityId: string, viewer: Actor | null, locale: string, baseUrl: string) {
  const calendars = await activityCalendars(activityId, locale, baseUrl);
  const { activity } = calendars;
  const mine =
    viewer && activity.addressForGoingOnly
      ? await db().rsvp.findUnique({ where: { activityId_userId: { activityId, userId: viewer.id } }, select: { status: true } })
      : null;
  const personal = activity.addressForGoingOnly && policy.canSeeVenue(viewer, activity, mine);
  return { body: calendars.build(personal), personal };
}

/** The secret address of a person's own feed; created on first use. */
export async function calendarToken(userId: string, rotate = false) {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { calendarToken: true } });
  if (user.calendarToken && !rotate) return user.calendarToken;
  const token = randomBytes(24).toString("base64url");
  await db().user.update({ where: { id: userId }, data: { calendarToken: token } });
  return token;
}

export async function personalCalendar(token: string, baseUrl: string) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) throw NotFound();
  const user = await db().user.findUnique({ where: { calendarToken: token }, select: { id: true, locale: true, displayName: true } });
  if (!user) throw NotFound();
  const rows = await db().activity.findMany({
    where: {
      rsvps: { some: { userId: user.id, status: "going" } },
      status: { not: "draft" },
      startsAt: { gte: new Date(Date.now() - 30 * DAY) },
    },
    orderBy: { startsAt: "asc" },
    take: 500,
    select: eventSelect,
  });
  return buildCalendar({ name: "Meedoen", events: rows.map((row) => toEvent(row, user.locale, baseUrl)), refreshHours: 6 });
}

export async function groupCalendar(slug: string, locale: string, baseUrl: string) {
  const group = await db().group.findUnique({ where: { slug }, select: { id: true, name: true } });
  if (!group) throw NotFound("groups.errors.notFound");
  const rows = await db().activity.findMany({
    where: { groupId: group.id, status: { in: ["published", "cancelled"] }, startsAt: { gte: new Date(Date.now() - 30 * DAY) } },
    orderBy: { startsAt: "asc" },
    take: 500,
    select: eventSelect,
  });
  return buildCalendar({ name: group.name, events: rows.map((row) => toEvent(row, locale, baseUrl)), refreshHours: 12 });
}
