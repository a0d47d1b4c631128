import { onRoomEvent } from "./room-events.server";

/**
 * The part of a room's snapshot that is the same for everyone who may see it (chat, questions,
 * names), built at most once per room and audience per MAX_AGE_MS and handed to every joiner in
 * between (decision 033): five thousand people joining in a minute read the room a few dozen
 * times instead of five thousand. The per-person parts (own votes, muted, may moderate) are not
 * in it. Anything published to the room in this process (a message, a hidden message, a
 * question) forgets the view at once; another instance's change shows within MAX_AGE_MS.
 */
export const MAX_AGE_MS = 1000;

type Entry<V> = { at: number; view: Promise<V> };
const views = new Map<string, Entry<unknown>>();
const key = (activityId: string, moderator: boolean) => `${activityId}|${moderator ? "moderator" : "audience"}`;

export function forgetRoomView(activityId: string) {
  views.delete(key(activityId, false));
  views.delete(key(activityId, true));
}
onRoomEvent(({ activityId }) => forgetRoomView(activityId));

/** The shared view, from memory when it is fresh; concurrent callers share the one being built. */
export function sharedView<V>(activityId: string, moderator: boolean, build: () => Promise<V>, now = Date.now()): Promise<V> {
  const id = key(activityId, moderator);
  const known = views.get(id) as Entry<V> | undefined;
  if (known && now - known.at < MAX_AGE_MS) return known.view;
  if (views.size > 1000) for (const [other, entry] of views) if (now - entry.at >= MAX_AGE_MS) views.delete(other);
  const view = build();
  views.set(id, { at: now, view });
  // A failed read is not remembered: the next joiner tries again.
  view.catch(() => views.get(id)?.view === view && views.delete(id));
  return view;
}
