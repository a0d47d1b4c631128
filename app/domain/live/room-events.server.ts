import { domainBus } from "~/lib/domain-bus.server";

/** Domain → realtime: something happened in a live room; server/realtime broadcasts it to the room. */
export type RoomEvent = { activityId: string; event: string; payload: unknown };
const roomEvents = domainBus<RoomEvent>("room-event");

export function publishToRoom(activityId: string, event: string, payload: unknown) {
  roomEvents.publish({ activityId, event, payload });
}

export const onRoomEvent = roomEvents.subscribe;

export const liveRoom = (activityId: string) => `live:${activityId}`;
