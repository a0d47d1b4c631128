import type { Socket } from "socket.io-client";
import { MAX_SOCKET_PAYLOAD_BYTES } from "./realtime-limits";

let connecting: Promise<Socket> | undefined;

/**
 * One Socket.IO connection per tab, opened on first use. The client library is loaded on demand,
 * so pages that never need live updates never download it.
 */
export function liveSocket(): Promise<Socket> {
  connecting ??= import("socket.io-client").then(({ io }) => io({ transports: ["websocket", "polling"] }));
  return connecting;
}

/** The server's acknowledgement (server/realtime/ack.ts): data, or an error already in the reader's language. */
type Ack<T> = { ok: true; data: T } | { ok: false; error?: { code?: string; message?: string; fieldErrors?: Record<string, string> } };

/** What sending came to: the data, or one sentence for the person, to show next to the form that sent it. */
export type Outcome<T> = { ok: true; data: T } | { ok: false; message: string; code: string };

/** Why sending failed when the server never answered; each is an i18n key under `realtime.`. */
export type NoAnswer = "tooLarge" | "offline" | "timeout" | "disconnected" | "unreadable";

export const ANSWER_TIMEOUT_MS = 10_000;
const encoder = new TextEncoder();

/**
 * Sends an event and waits for its acknowledgement. It never throws: a payload too large for the
 * transport (refused here, so that the connection is not closed by the server), no connection, no
 * answer in time, a connection that drops while waiting, and an error acknowledgement all become
 * an outcome with a translated message. The server's message wins when it sent one; a field
 * error ("at most 500 characters") says more than the form-level one.
 */
export async function sendEvent<T>(
  socket: Socket,
  event: string,
  payload: unknown,
  t: (key: string) => string,
  timeoutMs = ANSWER_TIMEOUT_MS,
): Promise<Outcome<T>> {
  const noAnswer = (reason: NoAnswer): Outcome<T> => ({ ok: false, code: reason, message: t(`realtime.${reason}`) });
  if (encoder.encode(JSON.stringify([event, payload])).length > MAX_SOCKET_PAYLOAD_BYTES) return noAnswer("tooLarge");
  if (!socket.connected) return noAnswer("offline"); // an emit would wait in the buffer and arrive who knows when
  let answer: Ack<T>;
  try {
    answer = (await socket.timeout(timeoutMs).emitWithAck(event, payload)) as Ack<T>;
  } catch {
    // Socket.IO rejects with "operation has timed out" or "socket has been disconnected".
    return noAnswer(socket.connected ? "timeout" : "disconnected");
  }
  if (answer?.ok === true) return { ok: true, data: answer.data };
  if (answer?.ok !== false) return noAnswer("unreadable");
  const fieldMessage = Object.values(answer.error?.fieldErrors ?? {})[0];
  return { ok: false, code: answer.error?.code ?? "internal", message: fieldMessage ?? answer.error?.message ?? t("errors.server") };
}
