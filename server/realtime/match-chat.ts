import { z } from "zod";
import { listMessages, sendMessage } from "../../app/domain/matching/chat.server.ts";
import { handle } from "./ack.ts";
import type { AppSocket } from "./types.ts";

/**
 * A buddy pair's private chat. Messages reach both people through their personal rooms
 * (see live events), so nothing here holds state that another instance would need.
 */
export function registerMatchChat(socket: AppSocket) {
  const userId = socket.data.user.id;
  handle(socket, "match:send", z.unknown(), (input) => sendMessage(userId, input));
  handle(socket, "match:history", z.object({ matchId: z.string().min(1).max(64) }).strict(), ({ matchId }) => listMessages(userId, matchId));
}
