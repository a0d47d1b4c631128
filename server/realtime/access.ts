import { createHash } from "node:crypto";
import { onAccessChange } from "../../app/lib/access-events.server.ts";
import { liveSessionIds } from "../../app/domain/auth/session-liveness.server.ts";
import { log } from "../logger.ts";
import { userRoom } from "./rooms.ts";
import type { AppServer, AppSocket } from "./types.ts";

/** How often sockets are held against their sessions, for expiry and anything no event announced. */
export const SESSION_CHECK_MS = 60_000;

/** A room per session, named by a hash: session ids are secrets and room names travel through Redis. */
export const sessionRoom = (sessionId: string) => `session:${createHash("sha256").update(sessionId).digest("base64url").slice(0, 32)}`;

type LiveRooms = { recheck(userId: string, activityId: string): Promise<void>; closeRoom(activityId: string): Promise<void> };

/**
 * A socket keeps the rights of the moment it connected unless someone takes them away: this
 * ends sockets whose session ended and takes people out of rooms they may no longer be in.
 * Disconnects and room changes go through the adapter, so they reach every instance.
 */
export function enforceAccess(io: AppServer, liveRooms: LiveRooms) {
  const unsubscribe = onAccessChange((change) => {
    const work = (async () => {
      switch (change.kind) {
        case "session-ended":
          io.in(sessionRoom(change.sessionId)).disconnectSockets(true);
          return;
        case "all-sessions-ended":
          io.in(userRoom(change.userId)).disconnectSockets(true);
          return;
        case "room-access-changed":
          return liveRooms.recheck(change.userId, change.activityId);
        case "room-closed":
          return liveRooms.closeRoom(change.activityId);
      }
    })();
    work.catch((error: Error) => log.warn("access change failed", { kind: change.kind, error: error.message }));
  });

  /** Sockets of this instance whose session expired or disappeared are disconnected. */
  async function checkSockets(now = new Date()) {
    const sockets = [...io.of("/").sockets.values()] as AppSocket[];
    // Expiry is read from the database too, so a session Lucia extended since the handshake counts as live.
    const live = await liveSessionIds(
      sockets.map((socket) => socket.data.session.id),
      now,
    );
    for (const socket of sockets) if (!live.has(socket.data.session.id)) socket.disconnect(true);
  }
  const timer = setInterval(() => {
    checkSockets().catch((error: Error) => log.warn("socket session check failed", { error: error.message }));
  }, SESSION_CHECK_MS);
  timer.unref();

  return {
    checkSockets,
    close() {
      unsubscribe();
      clearInterval(timer);
    },
  };
}
