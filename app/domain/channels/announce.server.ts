import { randomUUID } from "node:crypto";
import { publicOrigin } from "~/lib/config.server";
import { formatTimeRange } from "~/lib/format";
import { serverT } from "~/lib/i18n.server";
import { isLocale, type Locale } from "~/lib/locales";
import type { Tx } from "../activities/seats.server";
import { changesOf, HEADLINE, placeOf, type Headline, type Whereabouts } from "../activities/whereabouts";

/**
 * What a group's channels are told when one of its activities is published, changed or cancelled
 * (decision 037). Called inside the transaction of the change, so that a delivery exists exactly
 * when the change does; the channel worker sends it afterwards (./worker.server.ts).
 */
export type ChannelEvent = "activity.published" | "activity.changed" | "activity.cancelled";

/** The JSON body a webhook receives (docs/decisions/037-community-channels.md lists every field). */
export type WebhookPayload = {
  event: ChannelEvent | "channel.test";
  activityId: string | null;
  titles: Record<string, string>;
  startsAt: string | null;
  endsAt: string | null;
  timeZone: string | null;
  mode: string | null;
  place: string | null;
  url: string;
  group: { slug: string; name: string };
};
/** A Telegram message before it is sent: the text and the link it points to. */
export type TelegramPayload = { text: string; url: string };

const ANNOUNCED = {
  id: true,
  status: true,
  groupId: true,
  ...HEADLINE,
  municipalityCode: true,
  joinUrl: true,
  group: { select: { slug: true, name: true, channels: { select: { id: true, kind: true } } } },
} as const;

/**
 * Writes the deliveries for those of `activityIds` that are public at the moment of the call
 * (published; for a cancellation, call it before the status changes): per webhook one for each,
 * per Telegram chat one for them all. With `before` (the activities as they were), only those
 * whose time, place or online link changed (`changesOf`, the rule the notices to people follow).
 */
export async function announceToChannels(tx: Tx, event: ChannelEvent, activityIds: string[], before?: (Whereabouts & { id: string })[]) {
  if (activityIds.length === 0) return 0;
  const rows = await tx.activity.findMany({
    where: { id: { in: activityIds }, status: "published", group: { channels: { some: {} } } },
    select: ANNOUNCED,
    orderBy: { startsAt: "asc" },
  });
  const was = new Map(before?.map((row) => [row.id, row]));
  const changed = before ? rows.filter((row) => was.has(row.id) && changesOf(was.get(row.id)!, row).length > 0) : rows;
  const deliveries: { id: string; channelId: string; event: string; activityId: string; payload: string }[] = [];
  for (const group of new Set(changed.map((row) => row.groupId))) {
    const dates = changed.filter((row) => row.groupId === group);
    for (const channel of dates[0].group!.channels) {
      // A webhook hears of every date (machines sort them out); a chat of people gets one message
      // for a series, about its first date, saying how many more there are.
      const announced = channel.kind === "telegram" ? [telegramMessage(event, dates[0], dates.length - 1)] : dates.map((row) => webhookBody(event, row));
      announced.forEach((payload, index) =>
        deliveries.push({ id: randomUUID(), channelId: channel.id, event, activityId: dates[index].id, payload: JSON.stringify(payload) }),
      );
    }
  }
  if (deliveries.length > 0) await tx.channelDelivery.createMany({ data: deliveries });
  return deliveries.length;
}

type Announced = Headline & { id: string; group: { slug: string; name: string } | null };

const activityUrl = (id: string) => `${publicOrigin()}/activities/${id}`;

/** The activity's languages, its default first, at most the four Meedoen speaks. */
function languagesOf(row: Announced): { locale: Locale; title: string }[] {
  const known = row.contents.filter((content): content is { locale: Locale; title: string } => isLocale(content.locale));
  return known.sort((a, b) => Number(b.locale === row.defaultLocale) - Number(a.locale === row.defaultLocale));
}

export function webhookBody(event: WebhookPayload["event"], row: Announced): WebhookPayload {
  return {
    event,
    activityId: row.id,
    titles: Object.fromEntries(row.contents.map((content) => [content.locale, content.title])),
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    timeZone: row.timeZone,
    mode: row.mode,
    // Channels are public broadcasts: a venue kept for people going is never in them.
    place: placeOf(row),
    url: activityUrl(row.id),
    group: { slug: row.group!.slug, name: row.group!.name },
  };
}

/**
 * A short text in each of the activity's languages: what happened and the title, the date and
 * time in the activity's zone, the place or "online", how many more dates a series has; then the
 * link once.
 */
export function telegramMessage(event: ChannelEvent, row: Announced, moreDates = 0): TelegramPayload {
  const place = placeOf(row);
  const blocks = languagesOf(row).map(({ locale, title }) => {
    const t = serverT(locale);
    const where = [place, row.mode === "in-person" ? null : t("channels.announce.online")].filter(Boolean).join(" · ");
    const more = moreDates > 0 ? t("channels.announce.moreDates", { count: moreDates }) : null;
    return [`${t(`channels.announce.${event}`)}: ${title}`, formatTimeRange(row.startsAt, row.endsAt, row.timeZone, locale), where, more]
      .filter(Boolean)
      .join("\n");
  });
  const url = activityUrl(row.id);
  return { text: `${blocks.join("\n\n")}\n\n${url}`.slice(0, 4000), url };
}
