import { db } from "~/lib/db.server";
import { formatTimeRange } from "~/lib/format";
import { serverT } from "~/lib/i18n.server";
import { DEFAULT_LOCALE, isLocale, type Locale } from "~/lib/locales";
import type { SharePreview } from "~/lib/meta";
import { previewTag, type PreviewCard } from "~/lib/preview-image.server";
import { NotFound } from "../errors";
import { pickContent } from "./content";
import { placeOf } from "./whereabouts";
import { kindTimePlaceSelect } from "./queries.server";

/**
 * What a link preview (Open Graph, Twitter card, the preview image) says about an activity or a
 * group, in the language the activity is written in (the reader's if it has it: pickContent).
 * Drafts have none: their image is a 404 and their page no preview tags.
 */
export type ActivityFacts = {
  kind: string;
  status: string;
  startsAt: Date | string;
  endsAt: Date | string;
  timeZone: string;
  mode: string;
  venue: string | null;
  addressForGoingOnly?: boolean;
  municipality: { name: string } | null;
  title: string;
  contentLocale: string;
};

export const hasPreview = (status: string) => status !== "draft";

/** The card of an activity: its kind (or "cancelled"), title, when in its own zone, and where. */
export function activityCard(facts: ActivityFacts): PreviewCard {
  const locale: Locale = isLocale(facts.contentLocale) ? facts.contentLocale : DEFAULT_LOCALE;
  const t = serverT(locale);
  const place = facts.mode === "online" ? t("activities.mode.online") : (placeOf(facts) ?? "");
  const where = facts.mode === "hybrid" ? `${place} · ${t("activities.mode.alsoOnline")}` : place;
  return {
    locale,
    badge: facts.status === "cancelled" ? t("activities.status.cancelled") : t(`activities.kind.${facts.kind}`),
    title: facts.title,
    lines: [formatTimeRange(facts.startsAt, facts.endsAt, facts.timeZone, locale), where].filter(Boolean),
  };
}

/** The words a preview image stands for, for its alt text. */
export function cardAlt(card: PreviewCard) {
  const [when, where] = card.lines;
  return serverT(card.locale)("preview.imageAlt", { title: card.title, when, where: where ?? "" });
}

/** An activity's card for the image route; a missing or draft activity is NotFound. */
export async function activityPreview(activityId: string, readerLocale: string): Promise<PreviewCard> {
  const row = await db().activity.findUnique({
    where: { id: activityId },
    select: {
      ...kindTimePlaceSelect,
      defaultLocale: true,
      municipality: { select: { name: true } },
      contents: { select: { locale: true, title: true } },
    },
  });
  if (!row || !hasPreview(row.status)) throw NotFound("activities.errors.notFound");
  const content = pickContent(row.contents, readerLocale, row.defaultLocale);
  return activityCard({ ...row, title: content?.title ?? "Meedoen", contentLocale: content?.locale ?? row.defaultLocale });
}

/** A group's card: its name, how many activities are coming up, and its town. */
export async function groupPreview(slug: string, locale: Locale, now = new Date()): Promise<PreviewCard> {
  const group = await db().group.findUnique({ where: { slug }, select: { id: true, name: true, municipality: { select: { name: true } } } });
  if (!group) throw NotFound("groups.errors.notFound");
  const upcoming = await db().activity.count({ where: { groupId: group.id, status: "published", startsAt: { gte: now } } });
  const t = serverT(locale);
  return {
    locale,
    badge: t("preview.group"),
    title: group.name,
    lines: [upcoming > 0 ? t("preview.upcoming", { count: upcoming }) : t("preview.noUpcoming"), group.municipality?.name ?? ""].filter(Boolean),
  };
}

/** The alt text of a group's card. */
export function groupCardAlt(card: PreviewCard) {
  return serverT(card.locale)("preview.groupImageAlt", { name: card.title, upcoming: card.lines[0] });
}

/** The image's address: the card's language and a version that changes with the card, so caches may keep it long. */
const imageUrl = (origin: string, path: string, card: PreviewCard) =>
  `${origin}${path}?${new URLSearchParams({ lang: card.locale, v: previewTag(card).slice(1, 12) })}`;

/** Open Graph and Twitter card facts of an activity's page (null for a draft: no preview). */
export function activitySharePreview(
  activity: ActivityFacts & { id: string; summary: string; availableLocales: string[] },
  origin: string,
): SharePreview | null {
  if (!hasPreview(activity.status)) return null;
  const card = activityCard(activity);
  return {
    url: `${origin}/activities/${activity.id}`,
    title: card.title,
    description: activity.summary || card.lines.join(" · "),
    image: imageUrl(origin, `/activities/${activity.id}/preview.png`, card),
    imageAlt: cardAlt(card),
    locale: card.locale,
    alternateLocales: activity.availableLocales.filter((locale) => locale !== card.locale),
  };
}

/** Open Graph and Twitter card facts of a group's page, in the reader's language (a group has one name). */
export async function groupSharePreview(group: { slug: string; description: string }, locale: Locale, origin: string): Promise<SharePreview> {
  const card = await groupPreview(group.slug, locale);
  const description = group.description.trim().split(/\n/)[0] || serverT(locale)("preview.groupDescription");
  return {
    url: `${origin}/groups/${group.slug}`,
    title: card.title,
    description: description.length > 200 ? `${description.slice(0, 199).trimEnd()}…` : description,
    image: imageUrl(origin, `/groups/${group.slug}/preview.png`, card),
    imageAlt: groupCardAlt(card),
    locale,
    alternateLocales: [],
  };
}
