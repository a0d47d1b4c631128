import { db } from "~/lib/db.server";
import { formatTimeRange } from "~/lib/format";
import { serverT } from "~/lib/i18n.server";
import type { Locale } from "~/lib/locales";
import { NotFound } from "../errors";
import { buildAtom } from "./atom";
import { discoverActivities } from "./queries.server";
import type { DiscoveryQuery } from "./schemas.server";

const ENTRIES = 50;

/**
 * Upcoming public activities as Atom, in the reader's language (titles and summaries where the
 * organiser wrote them, times in each activity's zone), all of them or those of a group, a kind
 * or a municipality: the discovery list's own filters, so feed and page never disagree.
 */
export async function activityFeed(options: { query: DiscoveryQuery; groupSlug?: string; locale: Locale; baseUrl: string; selfUrl: string }) {
  const t = serverT(options.locale);
  let query: DiscoveryQuery = { ...options.query, sort: "date", perPage: ENTRIES, page: 1 };
  let title = t("feeds.allTitle");
  let alternateUrl = `${options.baseUrl}/activities`;
  if (options.groupSlug) {
    const group = await db().group.findUnique({ where: { slug: options.groupSlug }, select: { id: true, name: true } });
    if (!group) throw NotFound("groups.errors.notFound");
    query = { ...query, group: group.id };
    title = t("feeds.groupTitle", { name: group.name });
    alternateUrl = `${options.baseUrl}/groups/${options.groupSlug}`;
  }
  const { items } = await discoverActivities(query, { userId: null, locale: options.locale });
  const changed = new Map(
    (await db().activity.findMany({ where: { id: { in: items.map((item) => item.id) } }, select: { id: true, updatedAt: true, publishedAt: true } })).map(
      (row) => [row.id, row],
    ),
  );
  const entries = items.map((item) => {
    const when = formatTimeRange(item.startsAt, item.endsAt, item.timeZone, options.locale);
    const where = item.mode === "online" ? t("activities.mode.online") : (item.municipality?.name ?? "");
    const row = changed.get(item.id);
    return {
      id: `urn:meedoen:activity:${item.id}`,
      title: `${item.title} · ${when}`,
      url: `${options.baseUrl}/activities/${item.id}`,
      updated: row?.updatedAt ?? new Date(item.startsAt),
      published: row?.publishedAt ?? new Date(item.startsAt),
      summary: [item.summary, where].filter(Boolean).join(" · "),
      lang: item.contentLocale,
    };
  });
  const updated = entries.reduce((latest, entry) => (entry.updated > latest ? entry.updated : latest), new Date(0));
  return buildAtom({
    id: options.selfUrl,
    title: `${title} · Meedoen`,
    subtitle: t("feeds.subtitle"),
    selfUrl: options.selfUrl,
    alternateUrl,
    updated: entries.length ? updated : new Date(Date.UTC(2026, 0, 1)),
    lang: options.locale,
    entries,
  });
}
