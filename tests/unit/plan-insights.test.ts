/**
 * The organisers' insights over random plan histories (decisions/042): whatever the plans, no
 * aggregate ever carries a count from 1 to 4, and every count that is shown is the true one.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregateInsights, lastMonths, type PlanFactsForInsights } from "~/domain/plan/insights";
import { OBSTACLES, obstacleKey } from "~/domain/plan/obstacles";
import { THEMES } from "~/lib/reference/activities";
import { SMALLEST_SHOWN, type ShownCount } from "~/lib/small-counts";

const ALL_OBSTACLES = THEMES.flatMap((domain) => OBSTACLES[domain].map((obstacle) => obstacleKey(domain, obstacle)));
const MONTHS = lastMonths(new Date("2026-12-04T12:00:00Z"), 12);
const PLACES = [null, { code: "GM0363", name: "Amsterdam" }, { code: "GM0479", name: "Zaanstad" }, { code: "GM0268", name: "Nijmegen" }];

/** A plan as its history leaves it: some obstacles (a few domains, often the same ones), some breakthroughs. */
const plan: fc.Arbitrary<PlanFactsForInsights> = fc.record({
  municipality: fc.constantFrom(...PLACES),
  // Few distinct obstacles make small groups likely: the case the rule is for.
  obstacles: fc.uniqueArray(fc.constantFrom(...ALL_OBSTACLES.slice(0, 6), ...ALL_OBSTACLES), { maxLength: 6 }),
  breakthroughMonths: fc.array(fc.constantFrom(...MONTHS, "2025-01"), { maxLength: 4 }),
});

/** Every ShownCount anywhere in the result. */
function counts(value: unknown, found: ShownCount[] = []): ShownCount[] {
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (record.kind === "few" || record.kind === "count") found.push(record as ShownCount);
    else for (const item of Object.values(record)) counts(item, found);
  }
  return found;
}

describe("plan insights", () => {
  it("never show a count from 1 to 4, over any set of plans", () => {
    fc.assert(
      fc.property(fc.array(plan, { maxLength: 40 }), (plans) => {
        const shown = counts(aggregateInsights(plans, MONTHS));
        for (const count of shown) {
          if (count.kind === "count") expect(count.value === 0 || count.value >= SMALLEST_SHOWN).toBe(true);
        }
        // Nothing else in the result is a number that could be a small count.
        expect(JSON.stringify(aggregateInsights(plans, MONTHS))).not.toMatch(/"value":[1-4]\b/);
      }),
      { numRuns: 500 },
    );
  });

  it("show the true number whenever it may be shown, and '<5' exactly when it is 1 to 4", () => {
    fc.assert(
      fc.property(fc.array(plan, { maxLength: 40 }), (plans) => {
        const insights = aggregateInsights(plans, MONTHS);
        const truth = (key: string) => plans.filter((p) => p.obstacles.includes(key)).length;
        for (const domain of insights.byDomain) {
          for (const entry of domain.obstacles) {
            const real = truth(`${entry.domain}:${entry.obstacle}`);
            expect(entry.count).toEqual(real >= SMALLEST_SHOWN ? { kind: "count", value: real } : { kind: "few" });
          }
        }
        for (const row of insights.breakthroughsPerMonth) {
          const real = plans.flatMap((p) => p.breakthroughMonths).filter((m) => m === row.month).length;
          expect(row.count).toEqual(real === 0 || real >= SMALLEST_SHOWN ? { kind: "count", value: real } : { kind: "few" });
        }
        expect(insights.plans).toEqual(plans.length === 0 || plans.length >= SMALLEST_SHOWN ? { kind: "count", value: plans.length } : { kind: "few" });
      }),
      { numRuns: 300 },
    );
  });

  it("rank only counts that may be shown; small ones follow in list order, so their order tells nothing", () => {
    const make = (obstacles: string[], n: number) => Array.from({ length: n }, () => ({ municipality: null, obstacles, breakthroughMonths: [] }));
    const plans = [...make(["work:diploma"], 1), ...make(["work:agency-work"], 4), ...make(["work:dutch-level"], 7)];
    const work = aggregateInsights(plans, MONTHS).byDomain.find((entry) => entry.domain === "work")!;
    expect(work.obstacles.map((entry) => entry.obstacle)).toEqual(["dutch-level", "agency-work", "diploma"]);
  });
});
