import { EventEmitter } from "node:events";
import { singleton } from "./singleton.server";

/**
 * Domain code announces what happened to a person; the realtime layer (server/realtime)
 * listens and forwards it to that person's sockets. The domain never imports Socket.IO.
 */
export type UserEvent = { userId: string; event: string; payload: unknown };

const bus = () => singleton("live-events", () => new EventEmitter().setMaxListeners(50));

export function publishToUser(userId: string, event: string, payload: unknown): void {
  bus().emit("user-event", { userId, event, payload } satisfies UserEvent);
}

export function onUserEvent(listener: (event: UserEvent) => void): () => void {
  bus().on("user-event", listener);
  return () => bus().off("user-event", listener);
}
