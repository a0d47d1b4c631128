import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import { config } from "../../app/lib/config.server.ts";
import { newRedisConnection } from "../../app/lib/redis.server.ts";
import { z } from "zod";
import { authenticate } from "../../app/domain/auth/lucia.server.ts";
import { serverT } from "../../app/lib/i18n.server.ts";
import { isForeignOrigin } from "../http/security.ts";
import { localeFromAcceptLanguage } from "../../app/lib/locales.ts";
import { onUserEvent } from "../../app/lib/live-events.server.ts";
import { handle } from "./ack.ts";
import { registerMatchChat } from "./match-chat.ts";
import { attachLiveRooms } from "./live-room.ts";
import { enforceAccess, sessionRoom } from "./access.ts";
import type { AppServer, AppSocket } from "./types.ts";

import { MAX_SOCKET_PAYLOAD_BYTES } from "../../app/lib/realtime-limits.ts";
export { MAX_SOCKET_PAYLOAD_BYTES };

export { userRoom } from "./rooms.ts";
import { userRoom } from "./rooms.ts";

export function attachRealtime(http: HttpServer, options: { allowedOrigins: string[] }) {
  // With Redis, broadcasts and socket look-ups span every instance; the streams adapter (unlike
  // plain pub/sub) resumes after a Redis hiccup and stores sessions for connection-state recovery.
  const adapterConnection = config().REDIS_URL ? newRedisConnection() : null;
  const io: AppServer = new Server(http, {
    ...(adapterConnection
      ? {
          adapter: createAdapter(adapterConnection, {
            streamName: `${config().REDIS_PREFIX}socket.io`,
            sessionKeyPrefix: `${config().REDIS_PREFIX}sio:session:`,
            maxLen: 50_000,
          }),
        }
      : {}),
    // A phone that loses signal for a moment gets the missed events instead of a gap.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
    serveClient: false,
    maxHttpBufferSize: MAX_SOCKET_PAYLOAD_BYTES,
    allowRequest: (req, callback) => {
      const foreign = isForeignOrigin(req, options.allowedOrigins);
      callback(foreign ? "foreign origin" : null, !foreign);
    },
  });

  // The handshake carries the same session cookie as HTTP; no session, no connection.
  io.use(async (socket, next) => {
    try {
      const { user, session } = await authenticate(socket.handshake.headers.cookie);
      if (!user) {
        const locale = localeFromAcceptLanguage(socket.handshake.headers["accept-language"]) ?? "en";
        const error = new Error(serverT(locale)("errors.unauthenticated")) as Error & { data?: unknown };
        error.data = { code: "unauthenticated", messageKey: "errors.unauthenticated" };
        return next(error);
      }
      socket.data.user = user;
      socket.data.session = { id: session.id };
      next();
    } catch (error) {
      next(error as Error);
    }
  });

  const liveRooms = attachLiveRooms(io);
  const access = enforceAccess(io, liveRooms);

  io.on("connection", (socket: AppSocket) => {
    void socket.join([userRoom(socket.data.user.id), sessionRoom(socket.data.session.id)]);
    handle(socket, "session:whoami", z.object({}).strict().optional(), () => ({
      id: socket.data.user.id,
      displayName: socket.data.user.displayName,
    }));
    registerMatchChat(socket);
    liveRooms.register(socket);
  });

  // Whatever the domain tells a person reaches every tab and device they have open.
  const unsubscribe = onUserEvent(({ userId, event, payload }) => {
    io.to(userRoom(userId)).emit(event as never, payload as never);
  });

  return {
    io,
    checkSockets: access.checkSockets,
    close: () =>
      new Promise<void>((done) => {
        unsubscribe();
        access.close();
        void liveRooms.close().finally(() =>
          io.close(() => {
            adapterConnection?.disconnect();
            done();
          }),
        );
      }),
  };
}
