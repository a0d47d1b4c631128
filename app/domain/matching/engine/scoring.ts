/**
 * The rules for one pair: hard constraints (`eligible`) and the score 0..100 with its parts and
 * the explanation data. The part formulas are exported for the candidate graph, which computes
 * the same points from bitsets and must agree with `score` exactly.
 */
import { DAY_PARTS } from "../../../lib/reference/availability";
import type { Explanation, MatchRequest, Place, Slot, VolunteerOffer } from "./types";

/**
 * Every scoring weight in one place. Parts are rounded to integers and capped; the caps add up
 * to 100 (25 + 20 + 20 + 15 + 10 + 10), so a score is an integer in 0..100.
 *
 * - interests:    `perShared` per shared interest, at most `max`.
 * - language:     `common` when they share a language to talk in, plus `strongest` when the
 *                 volunteer speaks the newcomer's first-listed (strongest) language — for the
 *                 language kind only when the volunteer also helps with the target language.
 * - sector:       job kind only: `match` for the sector, plus `goals` × the fraction of the
 *                 newcomer's goals the volunteer helps with (no goals listed counts as all covered).
 * - distance:     `nearby` at 0 km, falling linearly to 0 at the volunteer's travel distance;
 *                 pairs that would meet online get `online`.
 * - availability: `perShared` per shared slot, at most `max`.
 * - waiting:      `perPeriod` per full `periodDays` waited, at most `max`.
 */
export const SCORE_WEIGHTS = {
  interests: { perShared: 8, max: 25 },
  language: { common: 10, strongest: 10 },
  sector: { match: 12, goals: 8 },
  distance: { nearby: 15, online: 5 },
  availability: { perShared: 4, max: 10 },
  waiting: { perPeriod: 1, periodDays: 14, max: 10 },
} as const;

export const MAX_SCORE = 100;

const DAY_MS = 86_400_000;
const W = SCORE_WEIGHTS;

// The part formulas, shared by `score` (objects) and the graph builder (bitsets), so both agree exactly.
export const interestPoints = (shared: number) => Math.min(W.interests.max, W.interests.perShared * shared);
export const languagePoints = (hasCommon: boolean, strongest: boolean) => (hasCommon ? W.language.common : 0) + (strongest ? W.language.strongest : 0);
export const sectorPoints = (sectorMatch: boolean, covered: number, goals: number) =>
  sectorMatch ? Math.round(W.sector.match + W.sector.goals * (goals === 0 ? 1 : covered / goals)) : 0;
export const availabilityPoints = (shared: number) => Math.min(W.availability.max, W.availability.perShared * shared);
export const waitingDaysBetween = (since: Date, now: Date) => Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS));
export const waitingPoints = (days: number) => Math.min(W.waiting.max, Math.floor(days / W.waiting.periodDays) * W.waiting.perPeriod);
/** `km === null` means online. */
export function distancePoints(km: number | null, travelKm: number): number {
  if (km === null) return W.distance.online;
  if (travelKm <= 0) return W.distance.nearby; // eligible only at 0 km
  return Math.round(W.distance.nearby * Math.max(0, 1 - km / travelKm));
}

// ---------------------------------------------------------------------------------------------
// Rules

const EARTH_RADIUS_KM = 6371.0088;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance (haversine) in km. */
export function distanceKm(a: Place, b: Place): number {
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export const pairKey = (newcomerId: string, volunteerId: string) => `${newcomerId}|${volunteerId}`;

/** Offers that may take anyone at all right now. */
export const available = (o: VolunteerOffer) => o.verified && !o.paused && capacityOf(o) > 0;
export const capacityOf = (o: VolunteerOffer) => (Number.isFinite(o.capacity) ? Math.max(0, Math.floor(o.capacity)) : 0);

/**
 * How they would meet: in person when both have a place within the volunteer's travel distance,
 * otherwise online when both accept that; null when neither works. Online-only volunteers never
 * meet in person. The in-person rule is evaluated with the request's place first, as the graph
 * builder does, so both compute the very same distance.
 */
function meeting(r: MatchRequest, o: VolunteerOffer): { online: boolean; km: number | null } | null {
  if (o.onlineOnly) return r.onlineOk ? { online: true, km: null } : null;
  if (r.place && o.place) {
    const km = distanceKm(r.place, o.place);
    if (km <= o.travelKm) return { online: false, km };
  }
  return r.onlineOk && o.onlineOk ? { online: true, km: null } : null;
}

/** The subject they would work on is one the volunteer offers. */
function subjectFits(r: MatchRequest, o: VolunteerOffer): boolean {
  if (r.kind === "language") return r.targetLanguage !== null && o.helpsWith.includes(r.targetLanguage);
  return r.targetSector !== null && o.sectors.includes(r.targetSector);
}

const intersect = <T>(a: readonly T[], b: readonly T[]): T[] => {
  const other = new Set(b);
  return [...new Set(a)].filter((item) => other.has(item));
};

/**
 * Whether two lists share an item, without building the intersection: constraints are checked
 * for every request against every offer (unmatched.ts), so each list's Set is built once.
 */
const setsOf = new WeakMap<readonly string[], Set<string>>();
function sharesAny(a: readonly string[], b: readonly string[]): boolean {
  let other = setsOf.get(b);
  if (!other) setsOf.set(b, (other = new Set(b)));
  return a.some((item) => other.has(item));
}

type Constraint = (r: MatchRequest, o: VolunteerOffer, excluded: Set<string>) => boolean;

/**
 * The hard constraints for a pair, each named by what fails when no volunteer meets it, in the
 * order an organiser would look (is there anyone of this kind, are they verified, ...): the
 * first one that leaves a request with nobody is the reason it was not matched (./unmatched.ts).
 */
export const CONSTRAINTS = [
  ["noVolunteer", (r, o) => r.kind === o.kind && r.newcomerId !== o.volunteerId],
  ["notVerified", (_r, o) => o.verified],
  ["full", (_r, o) => !o.paused && capacityOf(o) > 0],
  ["subject", (r, o) => subjectFits(r, o)],
  // Only languages the newcomer actually speaks count: practising Dutch is not talking in Dutch.
  ["noCommonLanguage", (r, o) => sharesAny(r.speaks, o.speaks)],
  ["noCommonTime", (r, o) => sharesAny(r.availability, o.availability)],
  ["cannotMeet", (r, o) => meeting(r, o) !== null],
  ["onlyPastPairs", (r, o, excluded) => !excluded.has(pairKey(r.newcomerId, o.volunteerId))],
] as const satisfies readonly (readonly [string, Constraint])[];

export type ConstraintName = (typeof CONSTRAINTS)[number][0];

/** Hard constraints for a pair; `excluded` holds `pairKey(newcomerId, volunteerId)` keys. */
export function eligible(r: MatchRequest, o: VolunteerOffer, excluded: Set<string>): boolean {
  return CONSTRAINTS.every(([, holds]) => holds(r, o, excluded));
}

/** Canonical order of slots (Monday morning first), for stable explanations. */
function slotOrder(slot: Slot): number {
  const [day, part] = slot.split("-");
  const partIndex = DAY_PARTS.indexOf(part as (typeof DAY_PARTS)[number]);
  const weekday = Number(day);
  return Number.isInteger(weekday) && weekday >= 1 && weekday <= 7 && partIndex >= 0 ? (weekday - 1) * 3 + partIndex : 1000;
}
const bySlotOrder = (a: Slot, b: Slot) => slotOrder(a) - slotOrder(b) || (a < b ? -1 : a > b ? 1 : 0);

/**
 * Score a pair (assumed eligible) from 0 to 100, with its parts and the explanation data.
 * An ineligible pair still gets a score, with no distance points when they cannot meet.
 */
export function score(r: MatchRequest, o: VolunteerOffer, now: Date): { score: number; parts: Record<string, number>; explanation: Explanation } {
  const sharedInterests = intersect(r.interests, o.interests);
  const commonLanguages = intersect(r.speaks, o.speaks);
  const sharedSlots = intersect(r.availability, o.availability).sort(bySlotOrder);
  const how = meeting(r, o);
  const waitingDays = waitingDaysBetween(r.waitingSince, now);

  const strongest =
    r.speaks.length > 0 && o.speaks.includes(r.speaks[0]) && (r.kind !== "language" || (r.targetLanguage !== null && o.helpsWith.includes(r.targetLanguage)));
  const isJob = r.kind === "job" && o.kind === "job";
  const goals = [...new Set(r.goals)];
  const covered = goals.filter((goal) => o.helpsWith.includes(goal)).length;

  const parts = {
    interests: interestPoints(sharedInterests.length),
    language: languagePoints(commonLanguages.length > 0, strongest),
    sector: sectorPoints(isJob && r.targetSector !== null && o.sectors.includes(r.targetSector), covered, goals.length),
    distance: how ? distancePoints(how.km, o.travelKm) : 0,
    availability: availabilityPoints(sharedSlots.length),
    waiting: waitingPoints(waitingDays),
  };
  const inPersonKm = how ? how.km : r.place && o.place ? distanceKm(r.place, o.place) : null;
  return {
    score: Object.values(parts).reduce((sum, part) => sum + part, 0),
    parts,
    explanation: {
      sharedInterests,
      distanceKm: inPersonKm === null ? null : Math.round(inPersonKm * 10) / 10,
      online: how?.online ?? false,
      sharedSlots,
      commonLanguages,
      practise: r.kind === "language" ? r.targetLanguage : null,
      sector: r.kind === "job" ? r.targetSector : null,
      waitingDays,
    },
  };
}
