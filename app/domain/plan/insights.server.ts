import { db } from "~/lib/db.server";
import { readInChunks } from "~/lib/read-in-chunks.server";
import { requireActor } from "../policy/guards.server";
import { policy } from "../policy/rules";
import { aggregateInsights, lastMonths, type PlanFactsForInsights } from "./insights";

/** Anonymised aggregates over every plan, for people with the organiser right; no plan's text or owner is read. */
export async function planInsights(actorId: string, now = new Date()) {
  await requireActor(actorId, policy.canViewPlanInsights, "plan.errors.insightsForOrganisers");
  const plans = await db().perspectivePlan.findMany({ select: { id: true, owner: { select: { municipality: { select: { code: true, name: true } } } } } });
  const ids = plans.map((plan) => plan.id);
  const months = lastMonths(now, 12);
  const since = new Date(`${months[0]}-01T00:00:00.000Z`);
  const [domains, breakthroughs] = await Promise.all([
    readInChunks(ids, (chunk) => db().planDomain.findMany({ where: { planId: { in: chunk } }, select: { planId: true, domain: true, obstacles: true } })),
    readInChunks(ids, (chunk) =>
      db().planBreakthrough.findMany({ where: { planId: { in: chunk }, happenedOn: { gte: since } }, select: { planId: true, happenedOn: true } }),
    ),
  ]);
  const facts = new Map<string, PlanFactsForInsights>(
    plans.map((plan) => [plan.id, { municipality: plan.owner.municipality, obstacles: [], breakthroughMonths: [] }]),
  );
  for (const row of domains) facts.get(row.planId)?.obstacles.push(...(JSON.parse(row.obstacles) as string[]).map((key) => `${row.domain}:${key}`));
  for (const row of breakthroughs) facts.get(row.planId)?.breakthroughMonths.push(row.happenedOn.toISOString().slice(0, 7));
  return aggregateInsights([...facts.values()], months);
}
