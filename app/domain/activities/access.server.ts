import { db } from "~/lib/db.server";
import { NotAllowed, NotFound } from "../errors";

export async function actorOf(actorId: string) {
  const actor = await db().user.findUnique({ where: { id: actorId }, select: { id: true, isOrganiser: true, isAdmin: true } });
  if (!actor) throw NotAllowed();
  return actor;
}

/** Organisers create activities; a group's organisers may create them for that group. */
export async function requireMayOrganise(actorId: string, groupId: string | null) {
  const actor = await actorOf(actorId);
  if (actor.isAdmin || actor.isOrganiser) return actor;
  if (groupId) {
    const membership = await db().groupMember.findUnique({ where: { groupId_userId: { groupId, userId: actorId } } });
    if (membership?.role === "organiser") return actor;
  }
  throw NotAllowed("activities.errors.notOrganiser");
}

/** Only the activity's own organiser, or an admin, may change it or see who is coming. */
export async function requireOrganiserOf(actorId: string, activityId: string) {
  const [actor, activity] = await Promise.all([
    actorOf(actorId),
    db().activity.findUnique({ where: { id: activityId }, select: { id: true, organiserId: true, seriesId: true, startsAt: true, status: true } }),
  ]);
  if (!activity) throw NotFound("activities.errors.notFound");
  if (activity.organiserId !== actor.id && !actor.isAdmin) throw NotAllowed("activities.errors.notYourActivity");
  return { actor, activity };
}
