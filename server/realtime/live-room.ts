import { z } from "zod";
import {
  closeFinishedSessions,
  heartbeat,
  HEARTBEAT_MS,
  presentCount,
  recordJoin,
  recordLeave,
  recordRemoval,
} from "../../app/domain/attendance/sessions.server.ts";
import {
  askQuestion,
  hideMessage,
  moderateQuestion,
  mutePerson,
  openRoom,
  postMessage,
  roomAccess,
  roomSnapshot,
  vote,
} from "../../app/domain/live/room.server.ts";
import { liveRoom, onRoomEvent } from "../../app/domain/live/room-events.server.ts";
import { RoomRef } from "../../app/domain/live/schemas.server.ts";
import { log } from "../logger.ts";
import { handle } from "./ack.ts";
import { userRoom } from "./rooms.ts";
import type { AppServer, AppSocket } from "./types.ts";

/**
 * Live rooms. Room state (messages, questions, votes, presence) lives in the database and
 * broadcasts go through Socket.IO rooms, so any number of instances can serve the same room.
 */
export function attachLiveRooms(io: AppServer) {
  const countTimers = new Map<string, NodeJS.Timeout>();
  /** The last count per room and when it was read: a join storm must not count the room per join. */
  const lastCount = new Map<string, { count: number; at: number }>();
  const currentCount = async (activityId: string) => {
    const cached = lastCount.get(activityId);
    if (cached && Date.now() - cached.at < 1000) return cached.count;
    const count = await presentCount(activityId);
    lastCount.set(activityId, { count, at: Date.now() });
    return count;
  };
  /**
   * Presence changes in bursts (a thousand people joining at 19:00): tell the room at most once a
   * second, and a big room less often (a millisecond per person here, up to 5 s), since each
   * count is a write to every socket in it.
   */
  const countDelay = (activityId: string) => Math.min(5000, Math.max(1000, io.of("/").adapter.rooms.get(liveRoom(activityId))?.size ?? 0));
  const announceCount = (activityId: string) => {
    if (countTimers.has(activityId)) return;
    countTimers.set(
      activityId,
      setTimeout(() => {
        countTimers.delete(activityId);
        lastCount.delete(activityId);
        currentCount(activityId)
          .then((count) => io.to(liveRoom(activityId)).emit("live:count" as never, { activityId, count } as never))
          .catch((error: Error) => log.warn("live count failed", { error: error.message }));
      }, countDelay(activityId)),
    );
  };

  /**
   * A vote changes a question for everyone; a thousand votes in a second must not become a
   * thousand broadcasts to a thousand sockets. Question updates are coalesced per question and
   * sent at most once a second with the latest state.
   */
  const pendingQuestions = new Map<string, { activityId: string; payload: unknown }>();
  let questionTimer: NodeJS.Timeout | undefined;
  const flushQuestions = () => {
    for (const { activityId, payload } of pendingQuestions.values()) io.to(liveRoom(activityId)).emit("live:question" as never, payload as never);
    pendingQuestions.clear();
  };
  /** Leading edge at once, then whatever piled up during the next second, and so on while busy. */
  const trailingFlush = () => {
    questionTimer = undefined;
    if (pendingQuestions.size === 0) return;
    flushQuestions();
    questionTimer = setTimeout(trailingFlush, 1000);
  };
  const unsubscribe = onRoomEvent(({ activityId, event, payload }) => {
    if (event === "live:question") {
      pendingQuestions.set((payload as { id: string }).id, { activityId, payload });
      if (!questionTimer) {
        flushQuestions();
        questionTimer = setTimeout(trailingFlush, 1000);
      }
      return;
    }
    io.to(liveRoom(activityId)).emit(event as never, payload as never);
  });

  /** Whether the person still has another connection in the room, on any instance. */
  async function stillPresent(userId: string, activityId: string, leaving: string) {
    const sockets = await io.in(userRoom(userId)).fetchSockets();
    return sockets.some((socket) => socket.id !== leaving && socket.rooms.has(liveRoom(activityId)));
  }

  async function leave(socket: AppSocket, activityId: string) {
    void socket.leave(liveRoom(activityId));
    if (!(await stillPresent(socket.data.user.id, activityId, socket.id))) await recordLeave(activityId, socket.data.user.id);
    announceCount(activityId);
  }

  const beat = setInterval(() => {
    const pairs: { activityId: string; userId: string }[] = [];
    for (const socket of io.of("/").sockets.values()) {
      for (const room of socket.rooms) if (room.startsWith("live:")) pairs.push({ activityId: room.slice(5), userId: socket.data.user.id });
    }
    heartbeat(pairs)
      .catch((error: Error) => log.warn("attendance heartbeat failed", { error: error.message }))
      .then(() => closeFinishedSessions())
      .catch((error: Error) => log.warn("closing attendance sessions failed", { error: error.message }));
  }, HEARTBEAT_MS);
  beat.unref();

  /** Takes the person out of the room on every instance, tells their tabs, and ends their presence. */
  async function removeFromRoom(userId: string, activityId: string) {
    io.in(userRoom(userId)).socketsLeave(liveRoom(activityId));
    io.to(userRoom(userId)).emit("live:removed" as never, { activityId } as never);
    await recordRemoval(activityId, userId);
    announceCount(activityId);
  }

  return {
    /** Re-checks the person's right to the room after a change (a cancelled sign-up, say). */
    async recheck(userId: string, activityId: string) {
      // Most changes (a cancelled sign-up for a café) concern nobody in a room: ask the database only when the person is in this one.
      const sockets = await io.in(userRoom(userId)).fetchSockets();
      if (!sockets.some((socket) => socket.rooms.has(liveRoom(activityId)))) return;
      const allowed = await roomAccess(userId, activityId).then(
        () => true,
        () => false,
      );
      if (!allowed) await removeFromRoom(userId, activityId);
    },
    /** Nobody may stay: the activity was cancelled. */
    async closeRoom(activityId: string) {
      const sockets = await io.in(liveRoom(activityId)).fetchSockets();
      const people = new Set(sockets.map((socket) => socket.data.user.id));
      await Promise.all([...people].map((userId) => removeFromRoom(userId, activityId)));
    },
    register(socket: AppSocket) {
      const userId = socket.data.user.id;
      handle(socket, "live:join", RoomRef, async ({ activityId }) => {
        const snapshot = await roomSnapshot(userId, activityId);
        await socket.join(liveRoom(activityId));
        await recordJoin(activityId, userId);
        announceCount(activityId);
        return { ...snapshot, count: await currentCount(activityId) };
      });
      handle(socket, "live:leave", RoomRef, async ({ activityId }) => {
        await leave(socket, activityId);
        return { left: activityId };
      });
      handle(socket, "live:message", z.unknown(), (input) => postMessage(userId, input));
      handle(socket, "live:ask", z.unknown(), (input) => askQuestion(userId, input));
      handle(socket, "live:vote", z.unknown(), (input) => vote(userId, input));
      handle(socket, "live:moderate", z.unknown(), (input) => moderateQuestion(userId, input));
      handle(socket, "live:hide-message", z.unknown(), (input) => hideMessage(userId, input));
      handle(socket, "live:mute", z.unknown(), (input) => mutePerson(userId, input));
      handle(socket, "live:open", RoomRef, async ({ activityId }) => {
        await openRoom(userId, activityId);
        return { opened: activityId };
      });
      socket.on("disconnecting", () => {
        for (const room of socket.rooms) {
          if (!room.startsWith("live:")) continue;
          leave(socket, room.slice(5)).catch((error: Error) => log.warn("live leave failed", { error: error.message }));
        }
      });
    },
    /** On shutdown, people in rooms are marked as dropped now, so a reconnect elsewhere resumes their session. */
    async close() {
      unsubscribe();
      clearInterval(beat);
      if (questionTimer) clearTimeout(questionTimer);
      for (const timer of countTimers.values()) clearTimeout(timer);
      const pairs = new Map<string, { activityId: string; userId: string }>();
      for (const socket of io.of("/").sockets.values()) {
        for (const room of socket.rooms) {
          if (room.startsWith("live:")) pairs.set(`${room}|${socket.data.user.id}`, { activityId: room.slice(5), userId: socket.data.user.id });
        }
      }
      await Promise.all([...pairs.values()].map(({ activityId, userId }) => recordLeave(activityId, userId))).catch(() => undefined);
    },
  };
}
