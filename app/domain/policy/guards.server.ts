import { db } from "~/lib/db.server";
import { NotAllowed, NotFound, ValidationFailed } from "../errors";
import { holdersOfOrganiserRight, policy, ROLE_FLAGS, type Actor, type MatchFacts, type PlanFacts } from "./rules";

/**
 * The I/O half of the policy: loads the facts a rule needs and throws a typed refusal. Domain
 * functions call these with the id of the person acting and never trust the route to have checked.
 */

/** The columns the rules read, for queries that load a person together with other fields. */
export const actorSelect = { id: true, ...Object.fromEntries(ROLE_FLAGS.map((flag) => [flag, true])) } as { id: true } & Record<
  (typeof ROLE_FLAGS)[number],
  true
>;

/** The person acting, as the rules see them; a deleted account acts as nobody. */
export async function loadActor(actorId: string | null | undefined): Promise<Actor | null> {
  if (!actorId) return null;
  return db().user.findUnique({ where: { id: actorId }, select: actorSelect });
}

/** Throws NotAllowed (with the reader-facing reason) unless the rule said yes. */
export function allow(allowed: boolean, messageKey?: string): asserts allowed {
  if (!allowed) throw NotAllowed(messageKey);
}

export async function requireActor(actorId: string, check: (actor: Actor | null) => boolean, messageKey?: string) {
  const actor = await loadActor(actorId);
  allow(check(actor), messageKey);
  return actor!;
}

/** Edit, cancel, door, reports and the people going: the activity's organiser, or an admin. */
export async function requireManageActivity(actorId: string, activityId: string) {
  const [actor, activity] = await Promise.all([
    loadActor(actorId),
    db().activity.findUnique({
      where: { id: activityId },
      select: { id: true, organiserId: true, seriesId: true, startsAt: true, endsAt: true, status: true, groupId: true, mode: true },
    }),
  ]);
  if (!activity) throw NotFound("activities.errors.notFound");
  allow(policy.canManageActivity(actor, activity), "activities.errors.notYourActivity");
  return { actor: actor!, activity };
}

/** The actor's role in a group, for the group rules. */
export async function groupFacts(actorId: string, groupId: string) {
  const membership = await db().groupMember.findUnique({ where: { groupId_userId: { groupId, userId: actorId } }, select: { role: true } });
  return { actorRole: membership?.role ?? null };
}

/** A group's channels (Telegram, webhooks): the group found by its address, for its organisers and admins. */
export async function requireManageGroupChannels(actorId: string, slug: string) {
  return requireGroupRule(actorId, slug, "canManageGroupChannels", "channels.errors.notAllowed");
}

/** A group's cover picture (decision 043). */
export async function requireManageGroupCover(actorId: string, slug: string) {
  return requireGroupRule(actorId, slug, "canManageGroupCover", "errors.notAllowed");
}

async function requireGroupRule(actorId: string, slug: string, rule: "canManageGroupChannels" | "canManageGroupCover", messageKey: string) {
  const group = await db().group.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
  if (!group) throw NotFound("groups.errors.notFound");
  const [actor, facts] = await Promise.all([loadActor(actorId), groupFacts(actorId, group.id)]);
  allow(policy[rule](actor, facts), messageKey);
  return { actor: actor!, group };
}

/** Creating or publishing an activity, in a group or on its own. */
export async function requirePublishIn(actorId: string, groupId: string | null) {
  const actor = await loadActor(actorId);
  allow(policy.canCreateActivity(actor), "activities.errors.notOrganiser");
  if (groupId) {
    const group = await db().group.findUnique({ where: { id: groupId }, select: { id: true } });
    if (!group) throw ValidationFailed({ groupId: { key: "activities.errors.unknownGroup" } });
    allow(policy.canPublishIn(actor, await groupFacts(actorId, groupId)), "activities.errors.notYourGroup");
  }
  return actor!;
}

/** A match as the rules see it, with the organiser who made it (through its matching run). */
export async function matchFacts(matchId: string) {
  const match = await db().buddyMatch.findUnique({ where: { id: matchId } });
  if (!match) return null;
  const run = match.runId ? await db().matchRun.findUnique({ where: { id: match.runId }, select: { actorId: true } }) : null;
  return { ...match, coordinatorId: run?.actorId ?? null } satisfies MatchFacts;
}

/** Everyone who holds `policy.canCoordinateBuddies`, as a query: they are told when someone is reported. */
export async function buddyCoordinators() {
  const candidates = await db().user.findMany({ where: holdersOfOrganiserRight(), select: actorSelect, take: 50 });
  return candidates.filter((actor) => policy.canCoordinateBuddies(actor));
}

/** A plan as the rules see it, for the person asking: its owner and their own supporter row. */
export async function planFacts(actorId: string, planId: string) {
  const [plan, supporter] = await Promise.all([
    db().perspectivePlan.findUnique({ where: { id: planId }, select: { id: true, ownerId: true } }),
    db().planSupporter.findUnique({ where: { planId_userId: { planId, userId: actorId } }, select: { canEdit: true } }),
  ]);
  if (!plan) return null;
  return { ...plan, supporter } satisfies PlanFacts & { id: string };
}

/**
 * Viewing, editing or managing a plan. Read from the database on every request, so a revoked
 * supporter is refused on the very next one. Nobody else learns whether the plan exists.
 */
export async function requirePlan(actorId: string, planId: string, rule: "canViewPlan" | "canEditPlan" | "canManagePlan") {
  const facts = await planFacts(actorId, planId);
  allow(facts !== null && policy[rule]({ id: actorId }, facts), "plan.errors.notYours");
  return facts;
}
