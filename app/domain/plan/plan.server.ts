/**
 * Perspective plans (issue 13, decisions/042): a newcomer's own plan, shared only with the
 * supporters they choose. Every change goes through `changePlan`, which checks the policy, counts
 * against the edit limit and records who made it in the same transaction.
 */
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { db } from "~/lib/db.server";
import { hit, type RateLimitRule } from "~/lib/rate-limit.server";
import { parseInput } from "~/lib/validation.server";
import { THEMES } from "~/lib/reference/activities";
import { NotFound, ValidationFailed } from "../errors";
import { actorSelect, allow, loadActor, requirePlan } from "../policy/guards.server";
import { holdersOfOrganiserRight, policy } from "../policy/rules";
import { deliver, recordNotifications } from "../notifications/notifications.server";
import type { Tx } from "../activities/seats.server";
import { BreakthroughInput, DomainInput, ItemInput, PerspectiveInput, ShareInput, StepInput } from "./schemas.server";

/** Edits one person may make to plans, across all of them: generous for writing, a wall for scripts. */
export const PLAN_EDITS: RateLimitRule = { name: "plan-edits:person", limit: 60, windowMs: 10 * 60_000 };

export const PLAN_INTENTS = [
  "perspective",
  "domain",
  "breakthrough",
  "remove-breakthrough",
  "step",
  "step-done",
  "remove-step",
  "share",
  "revoke",
  "delete-plan",
] as const;
export type PlanIntent = (typeof PLAN_INTENTS)[number];
/** What only the owner may do; everything else is an edit that supporters with edit rights may make too. */
const OWNER_INTENTS: readonly PlanIntent[] = ["share", "revoke", "delete-plan"];

/** History kinds whose detail is a supporter's id (shown as their name, blanked when they are deleted). */
export const PERSON_CHANGES = ["share", "revoke", "lapsed"];
const personOf = (change: { kind: string; detail: string }) => (PERSON_CHANGES.includes(change.kind) ? change.detail.split(":")[0] : null);

const short = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

/** The plan `/plan` works on: the actor's own, made on their first change. */
async function ownPlanId(actorId: string, create: boolean) {
  const actor = await loadActor(actorId);
  allow(policy.canKeepPlan(actor), "plan.errors.notNewcomer");
  const existing = await db().perspectivePlan.findUnique({ where: { ownerId: actorId }, select: { id: true } });
  if (existing || !create) return existing?.id ?? null;
  const id = randomUUID();
  await db().perspectivePlan.upsert({ where: { ownerId: actorId }, create: { id, ownerId: actorId }, update: {} });
  return (await db().perspectivePlan.findUniqueOrThrow({ where: { ownerId: actorId }, select: { id: true } })).id;
}

/** Who may be chosen as a supporter: the owner's active buddies and the people with the organiser right. */
export async function supporterCandidates(ownerId: string) {
  const buddies = await db().buddyMatch.findMany({ where: { newcomerId: ownerId, status: "active" }, select: { volunteerId: true } });
  const buddyIds = new Set(buddies.map((match) => match.volunteerId));
  const people = await db().user.findMany({
    where: { OR: [{ id: { in: [...buddyIds] } }, holdersOfOrganiserRight()], NOT: { id: ownerId } },
    select: { ...actorSelect, displayName: true },
    orderBy: { displayName: "asc" },
    take: 100,
  });
  return people
    .filter((person) => policy.canSupportPlan(person, { activeBuddy: buddyIds.has(person.id) }))
    .map((person) => ({ id: person.id, displayName: person.displayName, buddy: buddyIds.has(person.id) }));
}

/**
 * One change to a plan, by its owner or a supporter. `planId` null is the actor's own plan, made
 * on the first change. Returns the plan's id (null once deleted).
 */
export async function changePlan(actorId: string, planId: string | null, intent: PlanIntent, raw: unknown): Promise<string | null> {
  const id = planId ?? (await ownPlanId(actorId, intent !== "delete-plan" && intent !== "revoke"));
  if (!id) throw NotFound("plan.errors.notFound");
  await requirePlan(actorId, id, OWNER_INTENTS.includes(intent) ? "canManagePlan" : "canEditPlan");
  await hit(PLAN_EDITS, actorId, "plan.errors.tooManyEdits");
  if (intent === "delete-plan") {
    await db().perspectivePlan.delete({ where: { id } });
    return null;
  }
  const change = CHANGES[intent];
  const input = parseInput(change.schema, raw);
  const supporter = intent === "share" ? (input as { userId: string }).userId : null;
  if (supporter) await requireCandidate(id, supporter);
  const notices = await db().$transaction(async (tx) => {
    const isNew = supporter !== null && (await tx.planSupporter.count({ where: { planId: id, userId: supporter } })) === 0;
    const detail = await change.apply(tx, id, input);
    await tx.planChange.create({ data: { id: randomUUID(), planId: id, actorId, kind: intent, detail } });
    await tx.perspectivePlan.update({ where: { id }, data: { updatedAt: new Date() } });
    // A new supporter is told (notice and mail), once; a change of rights is not news. The notice
    // names no one (mails are read in shared inboxes; the page shows the name after sign-in).
    return isNew ? recordNotifications(tx, [{ userId: supporter, kind: "plan-shared", data: { planId: id } }]) : [];
  });
  deliver(notices);
  return id;
}

/** Read before the transaction: on SQLite a plain query inside one would wait for its own lock. */
async function requireCandidate(planId: string, userId: string) {
  const plan = await db().perspectivePlan.findUniqueOrThrow({ where: { id: planId }, select: { ownerId: true } });
  const candidates = await supporterCandidates(plan.ownerId);
  if (!candidates.some((candidate) => candidate.id === userId)) throw ValidationFailed({ userId: { key: "plan.errors.notASupporter" } });
}

type Change<S extends z.ZodTypeAny> = {
  schema: S;
  /** Writes the change and returns what the history says about it. */
  apply: (tx: Tx, planId: string, input: z.output<S>) => Promise<string>;
};
const change = <S extends z.ZodTypeAny>(definition: Change<S>) => definition as unknown as Change<z.ZodTypeAny>;

/** An item of this plan, or a 404: ids from another plan are never touched. */
async function itemOf<T extends { planId: string }>(found: Promise<T | null>, planId: string): Promise<T> {
  const item = await found;
  if (!item || item.planId !== planId) throw NotFound("plan.errors.notFound");
  return item;
}

const CHANGES: Record<Exclude<PlanIntent, "delete-plan">, Change<z.ZodTypeAny>> = {
  perspective: change({
    schema: PerspectiveInput,
    apply: async (tx, planId, input) => {
      await tx.perspectivePlan.update({ where: { id: planId }, data: { perspective: input.perspective } });
      return short(input.perspective);
    },
  }),
  domain: change({
    schema: DomainInput,
    apply: async (tx, planId, input) => {
      const { domain, ...fields } = input;
      const data = { ...fields, obstacles: JSON.stringify(fields.obstacles) };
      const empty = !fields.situation && !fields.goals && !fields.obstacleNote && fields.obstacles.length === 0;
      if (empty) await tx.planDomain.deleteMany({ where: { planId, domain } });
      else await tx.planDomain.upsert({ where: { planId_domain: { planId, domain } }, create: { id: randomUUID(), planId, domain, ...data }, update: data });
      return domain;
    },
  }),
  breakthrough: change({
    schema: BreakthroughInput,
    apply: async (tx, planId, input) => {
      await tx.planBreakthrough.create({ data: { id: randomUUID(), planId, ...input, domain: input.domain ?? null } });
      return short(input.text);
    },
  }),
  "remove-breakthrough": change({
    schema: ItemInput,
    apply: async (tx, planId, { id }) => {
      await itemOf(tx.planBreakthrough.findUnique({ where: { id } }), planId);
      const removed = await tx.planBreakthrough.delete({ where: { id } });
      return short(removed.text);
    },
  }),
  step: change({
    schema: StepInput,
    apply: async (tx, planId, input) => {
      await tx.planStep.create({ data: { id: randomUUID(), planId, text: input.text, owner: input.owner, dueOn: input.dueOn ?? null } });
      return short(input.text);
    },
  }),
  "step-done": change({
    schema: ItemInput,
    apply: async (tx, planId, { id }) => {
      const step = await itemOf(tx.planStep.findUnique({ where: { id } }), planId);
      await tx.planStep.update({ where: { id }, data: { doneAt: step.doneAt ? null : new Date() } });
      return short(step.text);
    },
  }),
  "remove-step": change({
    schema: ItemInput,
    apply: async (tx, planId, { id }) => {
      await itemOf(tx.planStep.findUnique({ where: { id } }), planId);
      return short((await tx.planStep.delete({ where: { id } })).text);
    },
  }),
  share: change({
    schema: ShareInput,
    apply: async (tx, planId, { userId, access }) => {
      const canEdit = access === "edit";
      await tx.planSupporter.upsert({
        where: { planId_userId: { planId, userId } },
        create: { id: randomUUID(), planId, userId, canEdit },
        update: { canEdit },
      });
      return `${userId}:${access}`;
    },
  }),
  revoke: change({
    schema: ItemInput,
    apply: async (tx, planId, { id: userId }) => {
      const { count } = await tx.planSupporter.deleteMany({ where: { planId, userId } });
      if (count === 0) throw NotFound("plan.errors.notFound");
      return userId;
    },
  }),
};

const dayOf = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** A plan as its owner or a supporter sees it; the supporters, candidates and history only for its owner. */
export async function planView(actorId: string, planId: string) {
  const facts = await requirePlan(actorId, planId, "canViewPlan");
  const isOwner = policy.canManagePlan({ id: actorId }, facts);
  const plan = await db().perspectivePlan.findUniqueOrThrow({
    where: { id: planId },
    include: {
      owner: { select: { displayName: true } },
      domains: true,
      breakthroughs: { orderBy: [{ happenedOn: "desc" }, { createdAt: "desc" }] },
      steps: { orderBy: [{ doneAt: "asc" }, { dueOn: "asc" }, { createdAt: "asc" }] },
      supporters: { include: { user: { select: { displayName: true } } }, orderBy: { createdAt: "asc" } },
      changes: isOwner ? { orderBy: { createdAt: "desc" }, take: 50 } : false,
    },
  });
  const domains = THEMES.flatMap((domain) => {
    const row = plan.domains.find((entry) => entry.domain === domain);
    return row
      ? [{ domain, situation: row.situation, goals: row.goals, obstacles: JSON.parse(row.obstacles) as string[], obstacleNote: row.obstacleNote }]
      : [];
  });
  const names = isOwner ? await historyNames(plan.changes ?? [], plan.ownerId) : new Map<string, string>();
  return {
    id: plan.id,
    ownerName: plan.owner.displayName,
    isOwner,
    canEdit: policy.canEditPlan({ id: actorId }, facts),
    perspective: plan.perspective,
    updatedAt: plan.updatedAt.toISOString(),
    domains,
    breakthroughs: plan.breakthroughs.map((b) => ({ id: b.id, text: b.text, happenedOn: dayOf(b.happenedOn)!, helpedBy: b.helpedBy, domain: b.domain })),
    steps: plan.steps.map((s) => ({ id: s.id, text: s.text, owner: s.owner, dueOn: dayOf(s.dueOn), done: s.doneAt !== null })),
    supporters: isOwner ? plan.supporters.map((s) => ({ userId: s.userId, displayName: s.user.displayName, canEdit: s.canEdit })) : [],
    candidates: isOwner ? await supporterCandidates(plan.ownerId) : [],
    history: (plan.changes ?? []).map((c) => ({
      id: c.id,
      kind: c.kind,
      // Sharing names the supporter by id; everything else keeps the words of the change.
      detail: personOf(c) !== null ? (names.get(personOf(c)!) ?? "?") : c.detail,
      access: c.kind === "share" ? (c.detail.split(":")[1] ?? "view") : null,
      // A lapse is Meedoen's doing (the buddy match ended); a null actor otherwise is a deleted account.
      by: c.kind === "lapsed" ? "meedoen" : c.actorId === null ? null : c.actorId === plan.ownerId ? "owner" : (names.get(c.actorId) ?? null),
      at: c.createdAt.toISOString(),
    })),
  };
}
export type PlanView = Awaited<ReturnType<typeof planView>>;

async function historyNames(changes: { actorId: string | null; kind: string; detail: string }[], ownerId: string) {
  const ids = new Set<string>();
  for (const c of changes) {
    if (c.actorId && c.actorId !== ownerId) ids.add(c.actorId);
    const person = personOf(c);
    if (person) ids.add(person);
  }
  const people = await db().user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, displayName: true } });
  return new Map(people.map((p) => [p.id, p.displayName]));
}

/** What `/plan` shows: the person's own plan (if they keep one) and the plans others shared with them. */
export async function planHome(actorId: string) {
  const actor = await loadActor(actorId);
  const canKeep = policy.canKeepPlan(actor);
  const ownId = canKeep ? await ownPlanId(actorId, false) : null;
  const shared = await db().planSupporter.findMany({
    where: { userId: actorId },
    include: { plan: { select: { id: true, updatedAt: true, owner: { select: { displayName: true } } } } },
    orderBy: { createdAt: "asc" },
  });
  return {
    canKeep,
    plan: ownId ? await planView(actorId, ownId) : null,
    shared: shared.map((s) => ({ planId: s.plan.id, ownerName: s.plan.owner.displayName, canEdit: s.canEdit, updatedAt: s.plan.updatedAt.toISOString() })),
  };
}

/**
 * A buddy sees the plan as the newcomer's active buddy: when their match ends, so does that access,
 * unless they may support the plan otherwise (the organiser right, another active match). Runs in
 * the transaction that ends the match, and says so in the plan's history.
 */
export async function endBuddyAccess(tx: Tx, newcomerId: string, volunteerId: string) {
  const plan = await tx.perspectivePlan.findUnique({ where: { ownerId: newcomerId }, select: { id: true } });
  if (!plan) return;
  const volunteer = await tx.user.findUnique({ where: { id: volunteerId }, select: actorSelect });
  const stillBuddies = await tx.buddyMatch.count({ where: { newcomerId, volunteerId, status: "active" } });
  if (policy.canSupportPlan(volunteer, { activeBuddy: stillBuddies > 0 })) return;
  const { count } = await tx.planSupporter.deleteMany({ where: { planId: plan.id, userId: volunteerId } });
  if (count > 0) await tx.planChange.create({ data: { id: randomUUID(), planId: plan.id, actorId: null, kind: "lapsed", detail: volunteerId } });
}
