import { domainBus } from "./domain-bus.server";

/**
 * Domain code announces what happened to a person; the realtime layer (server/realtime)
 * listens and forwards it to that person's sockets.
 */
export type UserEvent = { userId: string; event: string; payload: unknown };
const userEvents = domainBus<UserEvent>("user-event");

export function publishToUser(userId: string, event: string, payload: unknown): void {
  userEvents.publish({ userId, event, payload });
}

export const onUserEvent = userEvents.subscribe;
