import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A bot token the stand-in Telegram accepts, and the chat it refuses (like a chat the bot is not in). */
export const GOOD_TOKEN = "123456789:AAH-good-token_for_the_stand_in_server_0123";
export const REFUSED_CHAT = "@notmember";

const readBody = (request: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });

async function listen(server: Server) {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, port, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export type TelegramCall = { token: string; method: string; body: Record<string, unknown> };

/**
 * The Bot API as far as Meedoen uses it (getMe, sendMessage), recording every call. The real API
 * is unreachable from here; TELEGRAM_API_URL points at this instead.
 */
export async function startTelegramStandIn() {
  const calls: TelegramCall[] = [];
  /** The next sendMessage calls answered 429 "Too Many Requests" with this retry_after, one per entry. */
  const floodWaits: number[] = [];
  const server = createServer(async (request, response) => {
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(request.url ?? "");
    const raw = await readBody(request);
    const answer = (status: number, body: object) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (!match) return answer(404, { ok: false, error_code: 404, description: "Not Found" });
    const [, token, method] = match;
    calls.push({ token, method, body: raw ? JSON.parse(raw) : {} });
    if (token !== GOOD_TOKEN) return answer(401, { ok: false, error_code: 401, description: "Unauthorized" });
    if (method === "getMe") return answer(200, { ok: true, result: { id: 123456789, is_bot: true, first_name: "Meedoen test", username: "meedoen_test_bot" } });
    if (method === "sendMessage") {
      const body = JSON.parse(raw) as { chat_id: string };
      if (body.chat_id === REFUSED_CHAT) return answer(400, { ok: false, error_code: 400, description: "Bad Request: chat not found" });
      const wait = floodWaits.shift();
      if (wait !== undefined)
        return answer(429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${wait}`, parameters: { retry_after: wait } });
      return answer(200, { ok: true, result: { message_id: calls.length, chat: { id: body.chat_id }, date: 0 } });
    }
    return answer(404, { ok: false, error_code: 404, description: "Not Found" });
  });
  return { ...(await listen(server)), calls, floodWaits, messages: () => calls.filter((call) => call.method === "sendMessage") };
}

export type Received = { headers: IncomingMessage["headers"]; body: string; status: number };

/**
 * A webhook receiver on 127.0.0.1 that records every request and answers with the statuses of
 * `answers` in turn (then 200), like a server that fails and comes back.
 */
export async function startWebhookReceiver(answers: number[] = [], retryAfter?: string) {
  const received: Received[] = [];
  const queue = [...answers];
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const status = queue.shift() ?? 200;
    received.push({ headers: request.headers, body, status });
    response.writeHead(status, { "content-type": "text/plain", ...(status !== 200 && retryAfter ? { "retry-after": retryAfter } : {}) });
    response.end(status === 200 ? "ok" : "not now");
  });
  const accepted = () => received.filter((entry) => entry.status === 200);
  return { ...(await listen(server)), received, accepted };
}

/** What a receiver does with the secret it was shown once: recompute the signature of timestamp "." body. */
export function signatureValid(secret: string, headers: IncomingMessage["headers"], body: string) {
  const timestamp = String(headers["x-meedoen-timestamp"] ?? "");
  const given = String(headers["x-meedoen-signature"] ?? "");
  const expected = `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}
