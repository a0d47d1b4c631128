import { readFileSync } from "node:fs";
import { join } from "node:path";
import { assign, greedy, type MatchInput, type MatchRequest, type Place, type VolunteerOffer } from "../../app/domain/matching/engine.ts";
import { unmatchedReasons } from "../../app/domain/matching/engine/unmatched.ts";
import { DAY_PARTS } from "../../app/lib/reference/availability.ts";
import { JOB_GOALS } from "../../app/lib/reference/buddies.ts";
import { INTERESTS } from "../../app/lib/reference/interests.ts";
import { SECTORS } from "../../app/lib/reference/sectors.ts";
import { seededRandom } from "../support/seeded-random.ts";

/**
 * The buddy-matching engine on a synthetic population (default 10,000 requests, 2,000
 * volunteers with 1–3 free slots each): runtime of the exact assignment, and how much it gains
 * over the best-pair-first greedy baseline. Pure CPU, no server or database. One run of each:
 * the matcher runs as a batch job, so a cold single run is what production sees.
 */

const root = new URL("../../", import.meta.url).pathname;
const DAY_MS = 86_400_000;
const NOW = new Date("2026-03-02T09:00:00Z");

type Municipality = { code: string; name: string; latitude: number; longitude: number };

/** Big cities get most people; the rest spread over all municipalities. */
const BIG_CITIES: Record<string, number> = {
  GM0363: 14, // Amsterdam
  GM0599: 10, // Rotterdam
  GM0518: 9, // Den Haag
  GM0344: 6, // Utrecht
  GM0479: 3, // Zaanstad
  GM0268: 3, // Nijmegen
  GM0034: 3, // Almere
  GM0772: 4, // Eindhoven
};
const BIG_CITY_SHARE = 0.55;

export function population(requests: number, volunteers: number, seed = 20_260_302): MatchInput {
  const rand = seededRandom(seed);
  const chance = (p: number) => rand() < p;
  const between = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)];
  const some = <T>(items: readonly T[], min: number, max: number) => {
    const count = between(min, max);
    return [...new Set(Array.from({ length: count }, () => pick(items)))];
  };
  const weighted = <T extends string>(weights: Record<T, number>) => {
    const entries = Object.entries(weights) as [T, number][];
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    return () => {
      let roll = rand() * total;
      for (const [value, w] of entries) if ((roll -= w) < 0) return value;
      return entries[entries.length - 1][0];
    };
  };

  const municipalities: Municipality[] = JSON.parse(readFileSync(join(root, "prisma/reference/municipalities.json"), "utf8"));
  const byCode = new Map(municipalities.map((m) => [m.code, m]));
  const bigCity = weighted(BIG_CITIES);
  const place = (): Place => {
    const m = chance(BIG_CITY_SHARE) ? byCode.get(bigCity())! : pick(municipalities);
    return { code: m.code, name: m.name, latitude: m.latitude, longitude: m.longitude };
  };
  const allSlots = [1, 2, 3, 4, 5, 6, 7].flatMap((day) => DAY_PARTS.map((part) => `${day}-${part}`));
  const slots = () => some(allSlots, 2, 6);
  const interests = () => some(INTERESTS, 1, 5);
  const homeLanguage = weighted({ uk: 45, ar: 15, ru: 10, tr: 8, fa: 8, ti: 7, so: 7 });
  const targetPractise = weighted({ nl: 85, en: 15 });
  const sector = weighted(Object.fromEntries(SECTORS.map((s, i) => [s, i < 8 ? 3 : 1])) as Record<string, number>);
  const level = weighted({ A1: 30, A2: 30, B1: 25, B2: 15 });

  const newcomers: MatchRequest[] = Array.from({ length: requests }, (_, i) => {
    const home = homeLanguage();
    const speaks: string[] = [home];
    if (home === "uk" && chance(0.4)) speaks.push("ru");
    if (chance(0.55)) speaks.push("en");
    if (chance(0.15)) speaks.push("nl");
    const language = chance(0.7);
    return {
      id: `req-${String(i).padStart(6, "0")}`,
      newcomerId: `newcomer-${i}`,
      kind: language ? "language" : "job",
      targetLanguage: language ? targetPractise() : null,
      targetLevel: language ? level() : null,
      targetSector: language ? null : sector(),
      goals: language ? [] : some(JOB_GOALS, 0, 3),
      speaks: [...new Set(speaks)],
      interests: interests(),
      place: chance(0.97) ? place() : null,
      onlineOk: chance(0.4),
      availability: slots(),
      waitingSince: new Date(NOW.getTime() - between(0, 200) * DAY_MS),
    };
  });

  const offers: VolunteerOffer[] = Array.from({ length: volunteers }, (_, i) => {
    const language = chance(0.7);
    const speaks = ["nl"];
    if (chance(0.85)) speaks.push("en");
    for (const extra of ["de", "fr", "ar", "uk"]) if (chance(0.07)) speaks.push(extra);
    const helpsWith = language ? (chance(0.3) ? ["nl", "en"] : chance(0.9) ? ["nl"] : ["en"]) : some(JOB_GOALS, 1, 4);
    const onlineOk = chance(0.4);
    return {
      id: `offer-${String(i).padStart(5, "0")}`,
      volunteerId: `volunteer-${i}`,
      kind: language ? "language" : "job",
      helpsWith,
      sectors: language ? [] : some(SECTORS, 1, 3),
      speaks,
      interests: interests(),
      place: place(),
      travelKm: between(5, 25),
      onlineOk,
      onlineOnly: onlineOk && chance(0.1),
      availability: slots(),
      capacity: between(1, 3),
      verified: chance(0.95),
      paused: chance(0.03),
    };
  });

  // A few hundred pairs that must never be proposed again (declined, ended, or blocked).
  const excludedPairs = Array.from({ length: Math.round(requests / 20) }, () => ({
    newcomerId: `newcomer-${between(0, requests - 1)}`,
    volunteerId: `volunteer-${between(0, volunteers - 1)}`,
  }));
  return { requests: newcomers, offers, excludedPairs, now: NOW };
}

const progress = (message: string) => process.stderr.write(`  [matching] ${message}\n`);

export async function matching(args: { duration: number; requests?: number; volunteers?: number }) {
  const requests = args.requests ?? 10_000;
  const volunteers = args.volunteers ?? 2_000;
  const input = population(requests, volunteers);
  const slots = input.offers.reduce((sum, o) => sum + o.capacity, 0);
  progress(`${requests} requests, ${volunteers} volunteers with ${slots} slots`);

  let started = performance.now();
  const optimal = assign(input);
  const runtime = Math.round(performance.now() - started);
  progress(`assign: ${runtime} ms, ${optimal.matched} matched, score ${optimal.totalScore}`);

  // The reasons for the requests left over are computed on every run, beside the matching itself.
  started = performance.now();
  unmatchedReasons(input, new Set(optimal.proposals.map((proposal) => proposal.requestId)));
  const reasonsRuntime = Math.round(performance.now() - started);
  progress(`reasons for the unmatched: ${reasonsRuntime} ms`);

  started = performance.now();
  const baseline = greedy(input);
  const greedyRuntime = Math.round(performance.now() - started);
  progress(`greedy: ${greedyRuntime} ms, ${baseline.matched} matched, score ${baseline.totalScore}`);

  return {
    bench: "matching",
    requests,
    volunteers,
    slots,
    runtime_ms: runtime,
    unmatched_reasons_ms: reasonsRuntime,
    matched: optimal.matched,
    score: optimal.totalScore,
    greedy: { runtime_ms: greedyRuntime, matched: baseline.matched, score: baseline.totalScore },
  };
}
