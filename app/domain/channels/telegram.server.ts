import { config } from "~/lib/config.server";

/**
 * The two Bot API methods Meedoen uses, against TELEGRAM_API_URL (https://api.telegram.org unless
 * a test points it at a stand-in). The token is part of the address, so it is kept out of every
 * error message that could reach a log or the delivery log.
 */
export type TelegramAnswer = {
  status: number;
  ok: boolean;
  description: string | null;
  result: unknown;
  /** Flood control (429): the seconds Telegram asks to wait before the next message. */
  retryAfterSeconds: number | null;
};

export async function telegramCall(token: string, method: "getMe" | "sendMessage", body: object = {}, timeoutMs = 10_000): Promise<TelegramAnswer> {
  let response: Response;
  try {
    response = await fetch(`${config().TELEGRAM_API_URL}/bot${token}/${method}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new Error(`Telegram unreachable${cause ? ` (${cause})` : ""}: ${String((error as Error).message).replaceAll(token, "…")}`);
  }
  const answer = (await response.json().catch(() => null)) as {
    ok?: boolean;
    description?: string;
    result?: unknown;
    parameters?: { retry_after?: unknown };
  } | null;
  const retryAfter = answer?.parameters?.retry_after;
  return {
    status: response.status,
    ok: response.ok && answer?.ok === true,
    description: typeof answer?.description === "string" ? answer.description.replaceAll(token, "…").slice(0, 300) : null,
    result: answer?.result ?? null,
    retryAfterSeconds: typeof retryAfter === "number" && Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : null,
  };
}

/** A message to a chat, with link previews on for the activity's page. */
export const sendTelegramMessage = (token: string, chatId: string, text: string, url?: string) =>
  telegramCall(token, "sendMessage", { chat_id: chatId, text, ...(url ? { link_preview_options: { url } } : {}) });
