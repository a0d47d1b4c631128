import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { Server } from "socket.io";
import { MAX_SOCKET_PAYLOAD_BYTES } from "../../app/lib/realtime-limits.ts";

/**
 * The webinar benchmark's baseline: a bare Socket.IO 4.8 server that answers the same events with
 * the same shapes as Meedoen's live room (join a room; a message is broadcast to it) and does
 * nothing else: no session, no database, no rules. Started as a child process; it tells its
 * parent the port over IPC.
 */
const http = createServer();
const io = new Server(http, { serveClient: false, maxHttpBufferSize: MAX_SOCKET_PAYLOAD_BYTES });

io.on("connection", (socket) => {
  socket.on("live:join", ({ activityId }: { activityId: string }, ack: (answer: unknown) => void) => {
    void socket.join(`live:${activityId}`);
    ack({ ok: true, data: { activityId, messages: [], questions: [], count: io.of("/").sockets.size } });
  });
  socket.on("live:message", ({ activityId, body }: { activityId: string; body: string }, ack: (answer: unknown) => void) => {
    const message = { id: randomUUID(), userId: socket.id, name: "", body, createdAt: new Date().toISOString(), hidden: false };
    io.to(`live:${activityId}`).emit("live:message", message);
    ack({ ok: true, data: message });
  });
});

http.listen(0, "127.0.0.1", () => {
  const address = http.address() as { port: number };
  process.send!({ port: address.port });
});
process.on("SIGTERM", () => io.close(() => process.exit(0)));
process.on("disconnect", () => process.exit(0));
