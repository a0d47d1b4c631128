import { createHmac } from "node:crypto";
import { db } from "~/lib/db.server";
import { checkOutboundUrl, postToCheckedUrl } from "~/lib/outbound/safe-http.server";
import { claimDue, markFailed, markSent, MAX_ASKED_WAIT_MS, putBack, startPolling } from "~/lib/outbox/queue.server";
import { unseal } from "~/lib/sealed.server";
import type { TelegramPayload } from "./announce.server";
import { sendTelegramMessage } from "./telegram.server";

type Claimed = { id: string; attempts: number; channelId: string; event: string; payload: string };
type Channel = { id: string; kind: string; target: string; sealedSecret: string };
const CLAIMED = ["channelId", "event", "payload"] as const;

/** The headers that sign a webhook's body: see decision 037 for how a receiver checks them. */
export function signatureHeaders(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)) {
  const signature = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return { "X-Meedoen-Timestamp": String(timestamp), "X-Meedoen-Signature": `sha256=${signature}` };
}

class Refused extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    /** How long the receiver asked us to wait (Telegram's retry_after, a Retry-After header). */
    readonly askedWaitMs: number | null = null,
  ) {
    super(message);
  }
}

/** Retry-After as seconds or as an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: Date): number | null {
  if (!header) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // Only the IMF-fixdate form: Date.parse also takes "-5" or "1.5" for dates.
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(value)) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

/** Sends one delivery; resolves with the HTTP status of an answer that accepted it, throws otherwise. */
async function send(channel: Channel, delivery: Claimed): Promise<number> {
  const secret = await unseal(channel.sealedSecret, channel.id);
  if (channel.kind === "telegram") {
    const message = JSON.parse(delivery.payload) as TelegramPayload;
    const answer = await sendTelegramMessage(secret, channel.target, message.text, message.url);
    if (!answer.ok)
      throw new Refused(
        `Telegram ${answer.status}: ${answer.description ?? "not accepted"}`,
        answer.status,
        answer.retryAfterSeconds === null ? null : answer.retryAfterSeconds * 1000,
      );
    return answer.status;
  }
  // Checked again at each attempt, and the connection goes to the address just checked.
  const target = await checkOutboundUrl(channel.target);
  const answer = await postToCheckedUrl(
    target,
    {
      "content-type": "application/json",
      "user-agent": "Meedoen-Webhook/1",
      "X-Meedoen-Event": delivery.event,
      "X-Meedoen-Delivery": delivery.id,
      ...signatureHeaders(secret, delivery.payload),
    },
    delivery.payload,
  );
  if (answer.status < 200 || answer.status >= 300)
    throw new Refused(
      `HTTP ${answer.status}${answer.body ? `: ${answer.body.slice(0, 200)}` : ""}`,
      answer.status,
      retryAfterMs(answer.retryAfter, new Date()),
    );
  return answer.status;
}

/**
 * Sends the due deliveries: each channel's in order, the channels side by side. A delivery is
 * marked sent only after the receiver accepted it (2xx; Telegram's `ok`); anything else waits and
 * tries again with the outbox's backoff, and after the last attempt stays `failed` in the log.
 */
export async function deliverDueChannels(options: { now?: Date } = {}) {
  const now = options.now ?? new Date();
  const due = await claimDue<Claimed>("ChannelDelivery", CLAIMED, now);
  if (due.length === 0) return { sent: 0, failed: 0 };
  const channels = new Map(
    (
      await db().groupChannel.findMany({
        where: { id: { in: [...new Set(due.map((row) => row.channelId))] } },
        select: { id: true, kind: true, target: true, sealedSecret: true },
      })
    ).map((channel) => [channel.id, channel]),
  );
  const byChannel = new Map<string, Claimed[]>();
  for (const row of due) byChannel.set(row.channelId, [...(byChannel.get(row.channelId) ?? []), row]);
  let sent = 0;
  let failed = 0;
  await Promise.all(
    [...byChannel].map(async ([channelId, rows]) => {
      const channel = channels.get(channelId);
      if (!channel) return; // removed meanwhile: its deliveries went with it
      for (const [index, row] of rows.entries()) {
        try {
          const status = await send(channel, row);
          await markSent("ChannelDelivery", row, { lastStatus: status });
          sent++;
        } catch (error) {
          const asked = error instanceof Refused ? error.askedWaitMs : null;
          await markFailed("ChannelDelivery", row, now, error, { lastStatus: error instanceof Refused ? error.status : null }, asked);
          failed++;
          // A receiver that asked for quiet gets it: the channel's other messages wait as long, in order, unattempted.
          if (asked !== null) {
            await putBack("ChannelDelivery", rows.slice(index + 1), new Date(now.getTime() + Math.min(asked, MAX_ASKED_WAIT_MS)));
            return;
          }
        }
      }
    }),
  );
  return { sent, failed };
}

/** Delivered announcements are kept for the log this long; failed ones stay until their channel goes. */
const KEEP_SENT_MS = 30 * 86_400_000;

export async function pruneDeliveries(now = new Date()) {
  const { count } = await db().channelDelivery.deleteMany({ where: { status: "sent", sentAt: { lt: new Date(now.getTime() - KEEP_SENT_MS) } } });
  return count;
}

/** How often each instance looks for due deliveries, and for old ones to forget. */
const POLL_MS = 3_000;
const PRUNE_MS = 3600_000;

export function startChannelWorker(onError: (error: Error) => void): () => void {
  const stopSending = startPolling(() => deliverDueChannels(), POLL_MS, onError);
  const stopPruning = startPolling(() => pruneDeliveries(), PRUNE_MS, onError);
  return () => {
    stopSending();
    stopPruning();
  };
}
