/**
 * The organisers' view of all plans (decisions/042): only aggregates, and every count through
 * shownCount, so that no number from 1 to 4 ever leaves this module. Raw counts stay inside:
 * the result carries ShownCount values only. Pure, so a property test can run it over random
 * plan histories.
 */
import { shownCount, SMALLEST_SHOWN, type ShownCount } from "~/lib/small-counts";
import { THEMES } from "~/lib/reference/activities";

/** One plan as the insights see it: no owner, no text, only keys, a municipality and months. */
export type PlanFactsForInsights = {
  municipality: { code: string; name: string } | null;
  /** "work:diploma" keys the plan lists (each at most once per plan). */
  obstacles: string[];
  /** "2026-03" for each breakthrough. */
  breakthroughMonths: string[];
};

export type ObstacleCount = { domain: string; obstacle: string; count: ShownCount };
export type Insights = {
  plans: ShownCount;
  byDomain: { domain: string; plans: ShownCount; obstacles: ObstacleCount[] }[];
  byMunicipality: { code: string | null; name: string | null; plans: ShownCount; obstacles: ObstacleCount[] }[];
  breakthroughsPerMonth: { month: string; count: ShownCount }[];
};

const TOP = 5;

/**
 * Most common first. Only counts that may be shown are ranked by size; the small ones follow in
 * the order of the curated list, so their order says nothing about which is bigger.
 */
function ranked(counts: Map<string, number>, limit: number): ObstacleCount[] {
  const entries = [...counts.entries()].filter(([, count]) => count > 0);
  const big = entries.filter(([, n]) => n >= SMALLEST_SHOWN).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const small = entries.filter(([, n]) => n < SMALLEST_SHOWN).sort((a, b) => a[0].localeCompare(b[0]));
  return [...big, ...small].slice(0, limit).map(([key, count]) => {
    const [domain, obstacle] = key.split(":");
    return { domain, obstacle, count: shownCount(count) };
  });
}

function tally(plans: PlanFactsForInsights[]) {
  const counts = new Map<string, number>();
  for (const plan of plans) for (const key of new Set(plan.obstacles)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

export function aggregateInsights(plans: PlanFactsForInsights[], months: string[]): Insights {
  const all = tally(plans);
  const byDomain = THEMES.map((domain) => {
    const inDomain = new Map([...all].filter(([key]) => key.startsWith(`${domain}:`)));
    const withDomain = plans.filter((plan) => plan.obstacles.some((key) => key.startsWith(`${domain}:`))).length;
    return { domain, plans: shownCount(withDomain), obstacles: ranked(inDomain, TOP) };
  }).filter((entry) => entry.obstacles.length > 0);

  const places = new Map<string, { code: string | null; name: string | null; plans: PlanFactsForInsights[] }>();
  for (const plan of plans) {
    const key = plan.municipality?.code ?? "";
    const place = places.get(key) ?? { code: plan.municipality?.code ?? null, name: plan.municipality?.name ?? null, plans: [] };
    place.plans.push(plan);
    places.set(key, place);
  }
  const byMunicipality = [...places.values()]
    .sort((a, b) => b.plans.length - a.plans.length || (a.name ?? "~").localeCompare(b.name ?? "~"))
    .map((place) => ({ code: place.code, name: place.name, plans: shownCount(place.plans.length), obstacles: ranked(tally(place.plans), 3) }));

  const perMonth = new Map<string, number>();
  for (const plan of plans) for (const month of plan.breakthroughMonths) perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
  const breakthroughsPerMonth = months.map((month) => ({ month, count: shownCount(perMonth.get(month) ?? 0) }));

  return { plans: shownCount(plans.length), byDomain, byMunicipality, breakthroughsPerMonth };
}

/** The last `n` calendar months up to `now`, oldest first, as "YYYY-MM" (UTC). */
export function lastMonths(now: Date, n: number) {
  return Array.from({ length: n }, (_, index) => {
    const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (n - 1 - index), 1));
    return date.toISOString().slice(0, 7);
  });
}
