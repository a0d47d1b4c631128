import { randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { publicOrigin } from "~/lib/config.server";
import { db } from "~/lib/db.server";
import { serverT } from "~/lib/i18n.server";
import type { Locale } from "~/lib/locales";
import { checkOutboundUrl, RefusedUrl } from "~/lib/outbound/safe-http.server";
import { hostOf } from "~/lib/outbound/public-address";
import { retryFailed } from "~/lib/outbox/queue.server";
import { seal } from "~/lib/sealed.server";
import { checkbox, parseInput } from "~/lib/validation.server";
import { DomainError, NotFound, ValidationFailed } from "../errors";
import { requireManageGroupChannels } from "../policy/guards.server";
import type { TelegramPayload, WebhookPayload } from "./announce.server";
import { sendTelegramMessage, telegramCall } from "./telegram.server";

/** A group's channels (decision 037): a Telegram chat, outgoing webhooks; each with its delivery log. */
const MAX_CHANNELS = 10;
const LOG_SIZE = 20;

const custom = (key: string) => ({ params: { key } });
export const TelegramInput = z.object({
  token: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((value) => /^\d{1,20}:[A-Za-z0-9_-]{30,100}$/.test(value), custom("channels.errors.tokenFormat")),
  chatId: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .refine((value) => /^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{4,31})$/.test(value), custom("channels.errors.chatFormat")),
});
export const WebhookInput = z.object({ url: z.string().trim().min(1).max(2000) });
const ChannelRef = z.object({ channelId: z.string().min(1).max(64) });
const RemoveInput = ChannelRef.extend({ confirm: checkbox });

export async function listChannels(actorId: string, slug: string) {
  const { group } = await requireManageGroupChannels(actorId, slug);
  const channels = await db().groupChannel.findMany({
    where: { groupId: group.id },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      kind: true,
      target: true,
      label: true,
      createdAt: true,
      deliveries: {
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        take: LOG_SIZE,
        select: { id: true, event: true, status: true, attempts: true, lastStatus: true, lastError: true, createdAt: true, sentAt: true },
      },
    },
  });
  const iso = (value: Date | null) => value?.toISOString() ?? null;
  return {
    group,
    channels: channels.map((channel) => ({
      ...channel,
      createdAt: channel.createdAt.toISOString(),
      deliveries: channel.deliveries.map((row) => ({ ...row, createdAt: row.createdAt.toISOString(), sentAt: iso(row.sentAt) })),
    })),
  };
}

async function roomFor(groupId: string) {
  if ((await db().groupChannel.count({ where: { groupId } })) >= MAX_CHANNELS) {
    throw new DomainError("conflict", "channels.errors.tooMany", {}, { max: MAX_CHANNELS });
  }
}

/**
 * Connects a Telegram chat: the token must be a bot's (getMe) that may write to the chat (a first
 * message, in the organiser's language, says so). Nothing is kept unless both worked; the token
 * is kept sealed.
 */
export async function connectTelegram(actorId: string, slug: string, raw: unknown, locale: Locale) {
  const { group } = await requireManageGroupChannels(actorId, slug);
  const input = parseInput(TelegramInput, raw);
  await roomFor(group.id);
  const t = serverT(locale);
  const ask = async (work: () => ReturnType<typeof telegramCall>, field: string) => {
    try {
      return await work();
    } catch {
      throw ValidationFailed({ [field]: { key: "channels.errors.telegramUnreachable" } });
    }
  };
  const me = await ask(() => telegramCall(input.token, "getMe"), "token");
  if (!me.ok) throw ValidationFailed({ token: { key: "channels.errors.tokenRefused" } });
  const username = (me.result as { username?: unknown } | null)?.username;
  const hello = await ask(() => sendTelegramMessage(input.token, input.chatId, t("channels.telegram.hello", { group: group.name })), "chatId");
  if (!hello.ok) throw ValidationFailed({ chatId: { key: "channels.errors.chatRefused", values: { reason: hello.description ?? String(hello.status) } } });
  const id = randomUUID();
  await db().groupChannel.create({
    data: {
      id,
      groupId: group.id,
      kind: "telegram",
      target: input.chatId,
      label: typeof username === "string" ? `@${username.slice(0, 64)}` : "Telegram",
      sealedSecret: await seal(input.token, id),
    },
  });
  return { id };
}

/** Adds a webhook to a URL that passes the outbound check; its signing secret is returned once. */
export async function addWebhook(actorId: string, slug: string, raw: unknown) {
  const { group } = await requireManageGroupChannels(actorId, slug);
  const input = parseInput(WebhookInput, raw);
  let url: URL;
  try {
    url = (await checkOutboundUrl(input.url)).url;
  } catch (error) {
    if (error instanceof RefusedUrl) throw ValidationFailed({ url: { key: `channels.errors.url.${error.reason}` } });
    throw error;
  }
  await roomFor(group.id);
  const id = randomUUID();
  const secret = `whsec_${randomBytes(32).toString("base64url")}`;
  await db().groupChannel.create({
    data: { id, groupId: group.id, kind: "webhook", target: url.href, label: hostOf(url), sealedSecret: await seal(secret, id) },
  });
  return { id, secret };
}

async function channelOf(groupId: string, channelId: string) {
  const channel = await db().groupChannel.findFirst({ where: { id: channelId, groupId }, select: { id: true, kind: true } });
  if (!channel) throw NotFound("channels.errors.notFound");
  return channel;
}

export async function removeChannel(actorId: string, slug: string, raw: unknown) {
  const { group } = await requireManageGroupChannels(actorId, slug);
  const input = parseInput(RemoveInput, raw);
  const channel = await channelOf(group.id, input.channelId);
  if (!input.confirm) throw ValidationFailed({ [`confirm-${channel.id}`]: { key: "channels.errors.confirmRemove" } });
  await db().groupChannel.deleteMany({ where: { id: channel.id } }); // removed twice at once: once is enough
}

/** A test message through the worker, like any announcement, so that the log shows how it went. */
export async function sendTest(actorId: string, slug: string, raw: unknown, locale: Locale) {
  const { group } = await requireManageGroupChannels(actorId, slug);
  const channel = await channelOf(group.id, parseInput(ChannelRef, raw).channelId);
  const url = `${publicOrigin()}/groups/${group.slug}`;
  const payload: TelegramPayload | WebhookPayload =
    channel.kind === "telegram"
      ? { text: `${serverT(locale)("channels.telegram.test", { group: group.name })}\n\n${url}`, url }
      : {
          event: "channel.test",
          activityId: null,
          titles: {},
          startsAt: null,
          endsAt: null,
          timeZone: null,
          mode: null,
          place: null,
          url,
          group: { slug: group.slug, name: group.name },
        };
  await db().channelDelivery.create({ data: { id: randomUUID(), channelId: channel.id, event: "channel.test", payload: JSON.stringify(payload) } });
}

/** "Try again" for a delivery that was given up on. */
export async function retryDelivery(actorId: string, slug: string, raw: unknown) {
  const { group } = await requireManageGroupChannels(actorId, slug);
  const { deliveryId } = parseInput(z.object({ deliveryId: z.string().min(1).max(64) }), raw);
  if ((await retryFailed("ChannelDelivery", { id: deliveryId, channel: { groupId: group.id } })) !== 1) throw NotFound("channels.errors.notFound");
}
