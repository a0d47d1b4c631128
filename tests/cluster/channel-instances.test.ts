/**
 * Decision 037: three real server processes on one PostgreSQL database, each with its own channel
 * worker, announce a published series to one webhook receiver and one stand-in Telegram: every
 * delivery arrives exactly once, whichever instance claimed it, and the receiver's first 500 is
 * retried by whichever instance comes next.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActivity } from "~/domain/activities/activities.server";
import { addWebhook, connectTelegram } from "~/domain/channels/channels.server";
import { forgetConfig } from "~/lib/config.server";
import { db } from "~/lib/db.server";
import { startServerProcess, type StartedServer } from "../load/support";
import { GOOD_TOKEN, signatureValid, startTelegramStandIn, startWebhookReceiver } from "../support/channel-stand-ins";
import { activityForm, localDate, makePerson } from "../support/factories";

let servers: StartedServer[] = [];
const telegram = await startTelegramStandIn();
const receiver = await startWebhookReceiver([500]);
process.env.TELEGRAM_API_URL = telegram.url;
process.env.WEBHOOK_ALLOW_PRIVATE_HOSTS = "true";
forgetConfig();

beforeAll(async () => {
  const env = {
    DATABASE_URL: process.env.DATABASE_URL!,
    LOG_LEVEL: "error",
    TELEGRAM_API_URL: telegram.url,
    WEBHOOK_ALLOW_PRIVATE_HOSTS: "true",
    REDIS_PREFIX: `channels-${randomBytes(4).toString("hex")}:`,
  };
  servers = await Promise.all([0, 1, 2].map(() => startServerProcess(env)));
});
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await receiver.stop();
  await telegram.stop();
});

describe("channel workers of several instances on PostgreSQL", () => {
  it("deliver each announcement exactly once between them", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const groupId = randomUUID();
    const slug = `cluster-${groupId.slice(0, 8)}`;
    await db().group.create({ data: { id: groupId, slug, name: "Cluster", description: "", members: { create: { userId: organiser, role: "organiser" } } } });
    const { secret } = await addWebhook(organiser, slug, { url: `${receiver.url}/hook` });
    await connectTelegram(organiser, slug, { token: GOOD_TOKEN, chatId: "@cluster_chat" }, "nl");
    telegram.calls.length = 0;
    // Three series of 20 weekly dates, published while the workers poll.
    for (let i = 0; i < 3; i++) {
      await createActivity(organiser, activityForm({ groupId, repeat: "1", repeatUntil: localDate(7 + 7 * 19), titles: [`Reeks ${i}`] }), { publish: true });
    }
    const webhookDeliveries = 60;
    // The first delivery met a 500 and waits 30 s for its retry; everything else arrives at once.
    await expect.poll(() => receiver.accepted().length, { timeout: 90_000, interval: 500 }).toBeGreaterThanOrEqual(webhookDeliveries);
    await new Promise((resolve) => setTimeout(resolve, 4_000)); // one more poll of every worker: nothing may follow
    const accepted = receiver.accepted().map((entry) => String(entry.headers["x-meedoen-delivery"]));
    expect(accepted).toHaveLength(webhookDeliveries);
    expect(new Set(accepted).size).toBe(webhookDeliveries);
    expect(receiver.received).toHaveLength(webhookDeliveries + 1); // the one 500, then its retry
    expect(receiver.received.every((entry) => signatureValid(secret, entry.headers, entry.body))).toBe(true);
    expect(telegram.messages()).toHaveLength(3); // one per series
    const rows = await db().channelDelivery.findMany({ select: { status: true, claimedBy: true } });
    expect(rows.every((row) => row.status === "sent")).toBe(true);
    const byInstance = new Map<string, number>();
    for (const row of rows) byInstance.set(row.claimedBy!, (byInstance.get(row.claimedBy!) ?? 0) + 1);
    console.info(`deliveries per instance: ${[...byInstance.values()].join(", ")}`);
    expect(byInstance.size).toBeGreaterThanOrEqual(2);
  });
});
