import { domainBus } from "./domain-bus.server";

/**
 * Domain → realtime: a person's right to a connection or to a room has ended. The realtime layer
 * (server/realtime) disconnects or removes the sockets concerned on every instance. HTTP checks
 * each request anyway; a socket lives for hours, so it has to be told.
 */
export type AccessChange =
  /** One session ended (sign-out): its sockets go; the person's other devices stay. */
  | { kind: "session-ended"; sessionId: string }
  /** Every session of the person ended (password change, account deletion). */
  | { kind: "all-sessions-ended"; userId: string }
  /** The person may no longer be in this activity's live room (their sign-up was cancelled, say). */
  | { kind: "room-access-changed"; userId: string; activityId: string }
  /** Nobody may be in the room any more (the activity was cancelled). */
  | { kind: "room-closed"; activityId: string };

const accessChanges = domainBus<AccessChange>("access-change");

export const publishAccessChange = accessChanges.publish;
export const onAccessChange = accessChanges.subscribe;
