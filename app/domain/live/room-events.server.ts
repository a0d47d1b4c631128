import { EventEmitter } from "node:events";
import { singleton } from "~/lib/singleton.server";

/** Domain → realtime: something happened in a live room; server/realtime broadcasts it to the room. */
export type RoomEvent = { activityId: string; event: string; payload: unknown };
const bus = () => singleton("room-events", () => new EventEmitter().setMaxListeners(50));

export function publishToRoom(activityId: string, event: string, payload: unknown) {
  bus().emit("room-event", { activityId, event, payload } satisfies RoomEvent);
}

export function onRoomEvent(listener: (event: RoomEvent) => void): () => void {
  bus().on("room-event", listener);
  return () => bus().off("room-event", listener);
}

export const liveRoom = (activityId: string) => `live:${activityId}`;
