/**
 * Group channels end to end, without mocks (decision 037): a stand-in Telegram Bot API and a
 * webhook receiver on 127.0.0.1 (reachable because this file sets WEBHOOK_ALLOW_PRIVATE_HOSTS,
 * which only tests do), the real database, and the real worker. The refusals of private
 * addresses are in channels-http.test.ts, where the switch is off.
 */
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { cancelActivity, createActivity, publishActivity, updateActivity } from "~/domain/activities/activities.server";
import { announceToChannels } from "~/domain/channels/announce.server";
import { addWebhook, connectTelegram, sendTest } from "~/domain/channels/channels.server";
import { deliverDueChannels, pruneDeliveries } from "~/domain/channels/worker.server";
import { isDomainError } from "~/domain/errors";
import { forgetConfig, publicOrigin } from "~/lib/config.server";
import { db } from "~/lib/db.server";
import { checkOutboundUrl, postToCheckedUrl } from "~/lib/outbound/safe-http.server";
import { MAX_ATTEMPTS } from "~/lib/outbox/queue.server";
import { seal, unseal } from "~/lib/sealed.server";
import { GOOD_TOKEN, REFUSED_CHAT, signatureValid, startTelegramStandIn, startWebhookReceiver } from "../support/channel-stand-ins";
import { activityForm, localDate, makePerson } from "../support/factories";

const telegram = await startTelegramStandIn();
process.env.TELEGRAM_API_URL = telegram.url;
process.env.WEBHOOK_ALLOW_PRIVATE_HOSTS = "true";
forgetConfig();

afterAll(async () => {
  await telegram.stop();
  delete process.env.TELEGRAM_API_URL;
  delete process.env.WEBHOOK_ALLOW_PRIVATE_HOSTS;
  forgetConfig();
});

type Group = { id: string; slug: string; organiser: string };
async function makeGroup(): Promise<Group> {
  const organiser = await makePerson({ isOrganiser: true });
  await db().user.update({ where: { id: organiser }, data: { locale: "uk" } });
  const id = randomUUID();
  const slug = `channels-${id.slice(0, 8)}`;
  await db().group.create({ data: { id, slug, name: "Fietsen Utrecht", description: "", members: { create: { userId: organiser, role: "organiser" } } } });
  return { id, slug, organiser };
}

/** An activity in Dutch and Ukrainian, in the group. */
const twoLanguages = (group: Group, overrides: Record<string, unknown> = {}) =>
  activityForm({
    groupId: group.id,
    contentLocales: ["nl", "uk"],
    titles: ["Fietstocht langs de Vecht", "Велопрогулянка вздовж Вехту"],
    summaries: ["Samen fietsen", "Разом на велосипедах"],
    descriptions: ["", ""],
    ...overrides,
  });

async function refusal(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, fields: Object.fromEntries(Object.entries(error.fieldErrors).map(([field, e]) => [field, e.key])) };
    throw error;
  }
  throw new Error("expected a refusal");
}

/** Runs the worker until nothing is due now (the server's own worker is not running in this file). */
async function drain(now?: Date) {
  for (let pass = 0; pass < 10; pass++) {
    const { sent, failed } = await deliverDueChannels({ now });
    if (sent + failed === 0) return;
  }
}

beforeEach(async () => {
  telegram.calls.length = 0;
});

describe("connecting Telegram", () => {
  it("checks the token and the chat, says hello in the organiser's language, and keeps the token sealed", async () => {
    const group = await makeGroup();
    const { id } = await connectTelegram(group.organiser, group.slug, { token: GOOD_TOKEN, chatId: "@meedoen_utrecht" }, "uk");
    expect(telegram.calls.map((call) => call.method)).toEqual(["getMe", "sendMessage"]);
    expect(telegram.calls[1].body).toMatchObject({ chat_id: "@meedoen_utrecht" });
    expect(String(telegram.calls[1].body.text)).toBe("Meedoen оголошуватиме тут заходи групи Fietsen Utrecht.");

    const row = await db().groupChannel.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ kind: "telegram", target: "@meedoen_utrecht", label: "@meedoen_test_bot" });
    // Nowhere in the row in clear, not even a part of it; it opens only with this row's id.
    expect(JSON.stringify(row)).not.toContain(GOOD_TOKEN.split(":")[1].slice(0, 12));
    expect(row.sealedSecret).toMatch(/^v1\.[\w-]+$/);
    expect(await unseal(row.sealedSecret, id)).toBe(GOOD_TOKEN);
    await expect(unseal(row.sealedSecret, randomUUID())).rejects.toThrow();
  });

  it("seals with CHANNEL_SECRET_KEY when it is set, and still opens what was sealed before it", async () => {
    const before = await seal("123:before", "row-1");
    process.env.CHANNEL_SECRET_KEY = "k".repeat(40);
    forgetConfig();
    try {
      const after = await seal("123:after", "row-2");
      expect(await unseal(before, "row-1")).toBe("123:before");
      expect(await unseal(after, "row-2")).toBe("123:after");
      process.env.CHANNEL_SECRET_KEY = "another key of forty characters, not it!";
      forgetConfig();
      await expect(unseal(after, "row-2")).rejects.toThrow(); // only the configured key opens it
    } finally {
      delete process.env.CHANNEL_SECRET_KEY;
      forgetConfig();
    }
  });

  it("stores nothing when Telegram refuses the token or the chat, and says which", async () => {
    const group = await makeGroup();
    expect(
      await refusal(connectTelegram(group.organiser, group.slug, { token: "123456789:AAH-this-token-was-revoked-by-botfather_0", chatId: "@x_channel" }, "en")),
    ).toEqual({
      code: "validation",
      fields: { token: "channels.errors.tokenRefused" },
    });
    expect(await refusal(connectTelegram(group.organiser, group.slug, { token: GOOD_TOKEN, chatId: REFUSED_CHAT }, "en"))).toEqual({
      code: "validation",
      fields: { chatId: "channels.errors.chatRefused" },
    });
    expect(await db().groupChannel.count({ where: { groupId: group.id } })).toBe(0);
  });

  it("stores nothing when Telegram cannot be reached", async () => {
    const group = await makeGroup();
    const nowhere = await startWebhookReceiver();
    await nowhere.stop(); // a port where nobody listens any more
    process.env.TELEGRAM_API_URL = nowhere.url;
    forgetConfig();
    try {
      expect(await refusal(connectTelegram(group.organiser, group.slug, { token: GOOD_TOKEN, chatId: "@meedoen_utrecht" }, "nl"))).toEqual({
        code: "validation",
        fields: { token: "channels.errors.telegramUnreachable" },
      });
    } finally {
      process.env.TELEGRAM_API_URL = telegram.url;
      forgetConfig();
    }
    expect(await db().groupChannel.count({ where: { groupId: group.id } })).toBe(0);
  });

  it("refuses someone who does not organise the group, and stores nothing", async () => {
    const group = await makeGroup();
    const member = await makePerson({ isOrganiser: true });
    await db().groupMember.create({ data: { groupId: group.id, userId: member } });
    expect((await refusal(connectTelegram(member, group.slug, { token: GOOD_TOKEN, chatId: "@meedoen_utrecht" }, "en"))).code).toBe("not_allowed");
    expect((await refusal(addWebhook(member, group.slug, { url: "http://127.0.0.1:9/hook" }))).code).toBe("not_allowed");
    expect(telegram.calls).toEqual([]);
    expect(await db().groupChannel.count({ where: { groupId: group.id } })).toBe(0);
  });
});

describe("announcements", () => {
  it("tells Telegram and a webhook about a published activity, in its languages, signed", async () => {
    const group = await makeGroup();
    const receiver = await startWebhookReceiver();
    try {
      await connectTelegram(group.organiser, group.slug, { token: GOOD_TOKEN, chatId: "-1001234567890" }, "nl");
      const { secret } = await addWebhook(group.organiser, group.slug, { url: `${receiver.url}/hook?group=1` });
      telegram.calls.length = 0;
      const { id } = await createActivity(group.organiser, twoLanguages(group), { publish: true });
      const written = await db().channelDelivery.findMany({ where: { activityId: id } });
      expect(written.map((row) => row.event)).toEqual(["activity.published", "activity.published"]);
      await drain();

      const [message] = telegram.messages();
      expect(telegram.messages()).toHaveLength(1);
      expect(message.token).toBe(GOOD_TOKEN);
      expect(message.body.chat_id).toBe("-1001234567890");
      const text = String(message.body.text);
      expect(text).toContain("Nieuwe activiteit: Fietstocht langs de Vecht");
      expect(text).toContain("Новий захід: Велопрогулянка вздовж Вехту");
      expect(text).toContain("10:00–11:30"); // the activity's own zone, Amsterdam
      expect(text).toContain("Buurthuis");
      expect(text).toContain(`${publicOrigin()}/activities/${id}`);
      expect(text.indexOf("Fietstocht")).toBeLessThan(text.indexOf("Велопрогулянка")); // its first language first

      expect(receiver.received).toHaveLength(1);
      const [hook] = receiver.received;
      expect(signatureValid(secret, hook.headers, hook.body)).toBe(true);
      expect(signatureValid("whsec_someone-else", hook.headers, hook.body)).toBe(false);
      expect(signatureValid(secret, hook.headers, hook.body.replace("Vecht", "Rijn"))).toBe(false);
      expect(Math.abs(Number(hook.headers["x-meedoen-timestamp"]) - Date.now() / 1000)).toBeLessThan(60);
      expect(hook.headers["content-type"]).toBe("application/json");
      expect(hook.headers["x-meedoen-event"]).toBe("activity.published");
      const body = JSON.parse(hook.body);
      const activity = await db().activity.findUniqueOrThrow({ where: { id } });
      expect(body).toEqual({
        event: "activity.published",
        activityId: id,
        titles: { nl: "Fietstocht langs de Vecht", uk: "Велопрогулянка вздовж Вехту" },
        startsAt: activity.startsAt.toISOString(),
        endsAt: activity.endsAt.toISOString(),
        timeZone: "Europe/Amsterdam",
        mode: "in-person",
        place: expect.stringContaining("Buurthuis"),
        url: `${publicOrigin()}/activities/${id}`,
        group: { slug: group.slug, name: "Fietsen Utrecht" },
      });
      expect(await db().channelDelivery.count({ where: { activityId: id, status: "sent", lastStatus: 200 } })).toBe(2);
    } finally {
      await receiver.stop();
    }
  });

  it("announces a new time, place or link and a cancellation, but not a new title or a draft; never the online link", async () => {
    const group = await makeGroup();
    const receiver = await startWebhookReceiver();
    try {
      await addWebhook(group.organiser, group.slug, { url: `${receiver.url}/hook` });
      const events = async () =>
        (await db().channelDelivery.findMany({ orderBy: { createdAt: "asc" }, where: { channel: { groupId: group.id } } })).map((row) => row.event);

      const draft = await createActivity(group.organiser, twoLanguages(group, { mode: "hybrid", joinUrl: "https://meet.example.org/secret-room" }), {
        publish: false,
      });
      expect(await events()).toEqual([]);
      await publishActivity(group.organiser, draft.id, "one");
      expect(await events()).toEqual(["activity.published"]);
      await publishActivity(group.organiser, draft.id, "one").catch(() => undefined); // already public: nothing more
      expect(await events()).toEqual(["activity.published"]);

      const form = twoLanguages(group, { mode: "hybrid", joinUrl: "https://meet.example.org/secret-room" });
      await updateActivity(group.organiser, draft.id, { ...form, titles: ["Fietstocht langs de Vecht!", "Велопрогулянка!"] }, "one");
      expect(await events()).toEqual(["activity.published"]);
      await updateActivity(group.organiser, draft.id, { ...form, startTime: "14:00", endTime: "16:00" }, "one");
      expect(await events()).toEqual(["activity.published", "activity.changed"]);
      await updateActivity(group.organiser, draft.id, { ...form, startTime: "14:00", endTime: "16:00", joinUrl: "https://meet.example.org/new-room" }, "one");
      expect(await events()).toEqual(["activity.published", "activity.changed", "activity.changed"]);
      await cancelActivity(group.organiser, draft.id, "one");
      expect(await events()).toEqual(["activity.published", "activity.changed", "activity.changed", "activity.cancelled"]);

      await drain();
      expect(receiver.received.map((entry) => JSON.parse(entry.body).event)).toEqual([
        "activity.published",
        "activity.changed",
        "activity.changed",
        "activity.cancelled",
      ]);
      expect(receiver.received.every((entry) => !entry.body.includes("meet.example.org"))).toBe(true);
      expect(JSON.parse(receiver.received[1].body).startsAt).toMatch(/T13:00:00.000Z$/); // 14:00 in Amsterdam in December
    } finally {
      await receiver.stop();
    }
  });

  it("reaches a webhook by host name, connecting to the address it checked", async () => {
    const group = await makeGroup();
    const receiver = await startWebhookReceiver();
    try {
      const { id } = await addWebhook(group.organiser, group.slug, { url: `http://localhost:${receiver.port}/hook` });
      await sendTest(group.organiser, group.slug, { channelId: id }, "en");
      await drain();
      expect(receiver.received).toHaveLength(1);
      expect(receiver.received[0].headers.host).toBe(`localhost:${receiver.port}`);
      expect(JSON.parse(receiver.received[0].body)).toMatchObject({ event: "channel.test", activityId: null, url: `${publicOrigin()}/groups/${group.slug}` });
    } finally {
      await receiver.stop();
    }
  });

  it("writes in the caller's transaction: a change that is rolled back announces nothing", async () => {
    const group = await makeGroup();
    await addWebhook(group.organiser, group.slug, { url: "http://127.0.0.1:9/hook" });
    const { id } = await createActivity(group.organiser, twoLanguages(group), { publish: false });
    await db().activity.update({ where: { id }, data: { status: "published" } });
    await expect(
      db().$transaction(async (tx) => {
        expect(await announceToChannels(tx, "activity.cancelled", [id])).toBe(1);
        throw new Error("the change fails after the announcement was written");
      }),
    ).rejects.toThrow("the change fails");
    expect(await db().channelDelivery.count({ where: { activityId: id } })).toBe(0);
  });

  it("a test message goes through the log like an announcement", async () => {
    const group = await makeGroup();
    const { id } = await connectTelegram(group.organiser, group.slug, { token: GOOD_TOKEN, chatId: "@meedoen_utrecht" }, "ar");
    telegram.calls.length = 0;
    await sendTest(group.organiser, group.slug, { channelId: id }, "ar");
    await drain();
    expect(String(telegram.messages()[0].body.text)).toContain("رسالة تجريبية من Meedoen لمجموعة Fietsen Utrecht");
    expect(await db().channelDelivery.findFirstOrThrow({ where: { channelId: id } })).toMatchObject({ event: "channel.test", status: "sent", attempts: 1 });
  });
});

describe("delivery", () => {
  it("retries a receiver that answered 500 after the backoff, and delivers once", async () => {
    const group = await makeGroup();
    const receiver = await startWebhookReceiver([500]);
    try {
      await addWebhook(group.organiser, group.slug, { url: `${receiver.url}/hook` });
      const { id } = await createActivity(group.organiser, twoLanguages(group), { publish: true });
      expect(await deliverDueChannels()).toEqual({ sent: 0, failed: 1 });
      const first = await db().channelDelivery.findFirstOrThrow({ where: { activityId: id } });
      expect(first).toMatchObject({ status: "pending", attempts: 1, lastStatus: 500 });
      expect(first.lastError).toContain("HTTP 500");
      expect(first.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);

      expect(await deliverDueChannels()).toEqual({ sent: 0, failed: 0 }); // not before its time
      expect(await deliverDueChannels({ now: new Date(Date.now() + 31_000) })).toEqual({ sent: 1, failed: 0 });
      expect(await deliverDueChannels({ now: new Date(Date.now() + 3600_000) })).toEqual({ sent: 0, failed: 0 });

      expect(receiver.received.map((entry) => entry.status)).toEqual([500, 200]);
      expect(new Set(receiver.received.map((entry) => entry.headers["x-meedoen-delivery"])).size).toBe(1);
      expect(receiver.accepted()).toHaveLength(1);
      expect(await db().channelDelivery.findFirstOrThrow({ where: { activityId: id } })).toMatchObject({
        status: "sent",
        attempts: 2,
        lastStatus: 200,
        lastError: null,
      });
    } finally {
      await receiver.stop();
    }
  });

  it("waits as long as Telegram's flood control asks (retry_after), and sends the channel's other messages no sooner", async () => {
    const group = await makeGroup();
    await connectTelegram(group.organiser, group.slug, { token: GOOD_TOKEN, chatId: "@meedoen_flood" }, "nl");
    const other = await makeGroup();
    await connectTelegram(other.organiser, other.slug, { token: GOOD_TOKEN, chatId: "@meedoen_other" }, "nl");
    telegram.calls.length = 0;
    const first = await createActivity(group.organiser, twoLanguages(group), { publish: true });
    const second = await createActivity(group.organiser, twoLanguages(group, { titles: ["Tweede tocht", "Друга прогулянка"] }), { publish: true });
    const elsewhere = await createActivity(other.organiser, twoLanguages(other), { publish: true });
    telegram.floodWaits.push(3600);
    const now = new Date();
    expect(await deliverDueChannels({ now })).toEqual({ sent: 1, failed: 1 }); // the other group's chat is not held up
    const rows = async () => await db().channelDelivery.findMany({ where: { activityId: { in: [first.id, second.id] } }, orderBy: { createdAt: "asc" } });
    const [limited, waiting] = await rows();
    expect(limited).toMatchObject({ status: "pending", attempts: 1, lastStatus: 429 });
    expect(limited.lastError).toContain("retry after 3600");
    expect(limited.nextAttemptAt.getTime()).toBe(now.getTime() + 3600_000); // not the 30 s backoff
    // The same chat's next message was not sent into the flood wait, and no attempt is counted for it.
    expect(waiting).toMatchObject({ status: "pending", attempts: 0 });
    expect(waiting.nextAttemptAt.getTime()).toBe(now.getTime() + 3600_000);
    expect(telegram.messages().map((call) => call.body.chat_id)).toEqual(["@meedoen_flood", "@meedoen_other"]);
    expect(await deliverDueChannels({ now: new Date(now.getTime() + 60_000) })).toEqual({ sent: 0, failed: 0 });
    expect(await deliverDueChannels({ now: new Date(now.getTime() + 3601_000) })).toEqual({ sent: 2, failed: 0 });
    expect((await rows()).map((row) => row.status)).toEqual(["sent", "sent"]);
    expect(await db().channelDelivery.count({ where: { activityId: elsewhere.id, status: "sent" } })).toBe(1);
  });

  it("waits as long as a webhook's Retry-After says, within six hours", async () => {
    const group = await makeGroup();
    const receiver = await startWebhookReceiver([503, 429], "120");
    try {
      await addWebhook(group.organiser, group.slug, { url: `${receiver.url}/hook` });
      const { id } = await createActivity(group.organiser, twoLanguages(group), { publish: true });
      const now = new Date();
      await deliverDueChannels({ now });
      const row = await db().channelDelivery.findFirstOrThrow({ where: { activityId: id } });
      expect(row).toMatchObject({ status: "pending", attempts: 1, lastStatus: 503 });
      expect(row.nextAttemptAt.getTime()).toBe(now.getTime() + 120_000);
    } finally {
      await receiver.stop();
    }
    const far = await startWebhookReceiver([429], "999999");
    try {
      const next = await makeGroup();
      await addWebhook(next.organiser, next.slug, { url: `${far.url}/hook` });
      const { id } = await createActivity(next.organiser, twoLanguages(next), { publish: true });
      const now = new Date();
      await deliverDueChannels({ now });
      const row = await db().channelDelivery.findFirstOrThrow({ where: { activityId: id } });
      expect(row.nextAttemptAt.getTime()).toBe(now.getTime() + 6 * 3600_000);
    } finally {
      await far.stop();
    }
  });

  it("gives a receiver that answers a byte at a time no more than the deadline", async () => {
    const drip = createServer((_request, response) => {
      response.writeHead(200);
      const timer = setInterval(() => response.write("."), 50);
      response.on("close", () => clearInterval(timer));
    });
    await new Promise<void>((resolve) => drip.listen(0, "127.0.0.1", resolve));
    try {
      const started = Date.now();
      const url = `http://127.0.0.1:${(drip.address() as AddressInfo).port}/hook`;
      await expect(postToCheckedUrl(await checkOutboundUrl(url), {}, "{}", 400)).rejects.toThrow("no complete answer within 0.4 s");
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      drip.closeAllConnections();
      await new Promise((resolve) => drip.close(resolve));
    }
  });

  it("forgets delivered announcements after 30 days, and keeps failed ones", async () => {
    const group = await makeGroup();
    const { id } = await addWebhook(group.organiser, group.slug, { url: "http://127.0.0.1:9/hook" });
    const old = new Date(Date.now() - 31 * 86_400_000);
    await db().channelDelivery.createMany({
      data: [
        { id: randomUUID(), channelId: id, event: "channel.test", payload: "{}", status: "sent", sentAt: old },
        { id: randomUUID(), channelId: id, event: "channel.test", payload: "{}", status: "sent", sentAt: new Date() },
        { id: randomUUID(), channelId: id, event: "channel.test", payload: "{}", status: "failed", attempts: 8, createdAt: old },
      ],
    });
    expect(await pruneDeliveries()).toBe(1);
    expect((await db().channelDelivery.findMany({ where: { channelId: id } })).map((row) => row.status).sort()).toEqual(["failed", "sent"]);
  });

  it("gives up after the last attempt and keeps the error in the log", async () => {
    const group = await makeGroup();
    const receiver = await startWebhookReceiver(Array(MAX_ATTEMPTS).fill(503));
    try {
      await addWebhook(group.organiser, group.slug, { url: `${receiver.url}/hook` });
      await createActivity(group.organiser, twoLanguages(group), { publish: true });
      for (let attempt = 0; attempt < MAX_ATTEMPTS + 2; attempt++) await deliverDueChannels({ now: new Date(Date.now() + attempt * 7 * 3600_000) });
      expect(receiver.received).toHaveLength(MAX_ATTEMPTS);
      const row = await db().channelDelivery.findFirstOrThrow({ where: { channel: { groupId: group.id } } });
      expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, lastStatus: 503 });
    } finally {
      await receiver.stop();
    }
  });

  it("sends each of 30 deliveries exactly once with two workers at once; a chat hears of a series once", async () => {
    const group = await makeGroup();
    const receiver = await startWebhookReceiver();
    try {
      await addWebhook(group.organiser, group.slug, { url: `${receiver.url}/hook` });
      const chat = await connectTelegram(group.organiser, group.slug, { token: GOOD_TOKEN, chatId: "@series_chat" }, "uk");
      telegram.calls.length = 0;
      const { count } = await createActivity(group.organiser, twoLanguages(group, { repeat: "1", repeatUntil: localDate(7 + 7 * 29) }), { publish: true });
      const total = await db().channelDelivery.count({ where: { channel: { groupId: group.id, kind: "webhook" } } });
      expect(await db().channelDelivery.count({ where: { channelId: chat.id } })).toBe(1);
      expect(total).toBe(count);
      expect(total).toBe(30); // more than one batch of 20
      for (let round = 0; round < 5; round++) await Promise.all([deliverDueChannels(), deliverDueChannels()]);
      const ids = receiver.received.map((entry) => String(entry.headers["x-meedoen-delivery"]));
      expect(ids).toHaveLength(total);
      expect(new Set(ids).size).toBe(total);
      expect(await db().channelDelivery.count({ where: { channel: { groupId: group.id }, status: "sent" } })).toBe(total + 1);
      expect(telegram.messages()).toHaveLength(1);
      const text = String(telegram.messages()[0].body.text);
      expect(text).toContain("Новий захід: Велопрогулянка вздовж Вехту\n");
      expect(text).toContain("і ще 29 дат"); // Ukrainian "many" form
      expect(text).toContain("en nog 29 data");
    } finally {
      await receiver.stop();
    }
  });
});
