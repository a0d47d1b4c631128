/**
 * Buddy matching engine: pairs newcomers' buddy requests with volunteers' buddy offers.
 *
 * Pure (no I/O, no clock: `now` is an input). Three layers:
 *   1. rules    — `eligible` (hard constraints) and `score` (0..100 with parts and explanation data);
 *   2. graph    — all eligible pairs, built with typed arrays and bitsets so 10k × 2k stays fast;
 *   3. solver   — `assign`: exact lexicographic optimum (most matches, then highest total score),
 *                 as a min-cost flow per connected component; `greedy` is the baseline to beat.
 *
 * The explanation carries data only (codes, numbers): the UI renders it in the reader's language.
 */
import { DAY_PARTS } from "../../lib/reference/availability";

// ---------------------------------------------------------------------------------------------
// Types

export type BuddyKind = "language" | "job";
/** "weekday-part", e.g. "2-evening" (ISO weekday 1..7, part morning|afternoon|evening). */
export type Slot = string;
export type Place = { code: string; latitude: number; longitude: number; name?: string };

export type MatchRequest = {
  id: string;
  newcomerId: string;
  kind: BuddyKind;
  /** Language kind: language to practise, e.g. "nl". */
  targetLanguage: string | null;
  /** Newcomer's current level, "A1".."C2". */
  targetLevel: string | null;
  /** Job kind: sector key, e.g. "it". */
  targetSector: string | null;
  /** Job kind: "cv" | "network" | "job-search" | "trial-day" (may be empty). */
  goals: string[];
  /** Languages the newcomer can talk in (ISO 639-1), strongest first. */
  speaks: string[];
  interests: string[];
  place: Place | null;
  onlineOk: boolean;
  availability: Slot[];
  /** When the request was filed. */
  waitingSince: Date;
};

export type VolunteerOffer = {
  id: string;
  volunteerId: string;
  kind: BuddyKind;
  /** Language kind: languages they help practise ("nl", "en"); job kind: goals they help with. */
  helpsWith: string[];
  /** Job kind: sectors they know. */
  sectors: string[];
  /** Languages they can explain in. */
  speaks: string[];
  interests: string[];
  place: Place | null;
  travelKm: number;
  onlineOk: boolean;
  onlineOnly: boolean;
  availability: Slot[];
  /** Free slots right now (already reduced by active matches). */
  capacity: number;
  verified: boolean;
  paused: boolean;
};

export type MatchInput = {
  requests: MatchRequest[];
  offers: VolunteerOffer[];
  /** Blocked, declined before, or ended before. */
  excludedPairs: { newcomerId: string; volunteerId: string }[];
  now: Date;
};

export type Explanation = {
  sharedInterests: string[];
  /** Rounded to 1 decimal; null when they would meet online. */
  distanceKm: number | null;
  online: boolean;
  sharedSlots: Slot[];
  /** Languages they can talk together in, in the newcomer's order (strongest first). */
  commonLanguages: string[];
  practise: string | null;
  sector: string | null;
  waitingDays: number;
};

export type Proposal = { requestId: string; offerId: string; score: number; explanation: Explanation; parts: Record<string, number> };
export type MatchResult = { proposals: Proposal[]; matched: number; totalScore: number; unmatched: string[] };

// ---------------------------------------------------------------------------------------------
// Weights

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
const interestPoints = (shared: number) => Math.min(W.interests.max, W.interests.perShared * shared);
const languagePoints = (hasCommon: boolean, strongest: boolean) =>
  (hasCommon ? W.language.common : 0) + (strongest ? W.language.strongest : 0);
const sectorPoints = (sectorMatch: boolean, covered: number, goals: number) =>
  sectorMatch ? Math.round(W.sector.match + W.sector.goals * (goals === 0 ? 1 : covered / goals)) : 0;
const availabilityPoints = (shared: number) => Math.min(W.availability.max, W.availability.perShared * shared);
const waitingDaysBetween = (since: Date, now: Date) => Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS));
const waitingPoints = (days: number) =>
  Math.min(W.waiting.max, Math.floor(days / W.waiting.periodDays) * W.waiting.perPeriod);
/** `km === null` means online. */
function distancePoints(km: number | null, travelKm: number): number {
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
const available = (o: VolunteerOffer) => o.verified && !o.paused && capacityOf(o) > 0;
const capacityOf = (o: VolunteerOffer) => (Number.isFinite(o.capacity) ? Math.max(0, Math.floor(o.capacity)) : 0);

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

/** Hard constraints for a pair; `excluded` holds `pairKey(newcomerId, volunteerId)` keys. */
export function eligible(r: MatchRequest, o: VolunteerOffer, excluded: Set<string>): boolean {
  return (
    r.kind === o.kind &&
    available(o) &&
    r.newcomerId !== o.volunteerId &&
    !excluded.has(pairKey(r.newcomerId, o.volunteerId)) &&
    subjectFits(r, o) &&
    // Only languages the newcomer actually speaks count: practising Dutch is not talking in Dutch.
    intersect(r.speaks, o.speaks).length > 0 &&
    intersect(r.availability, o.availability).length > 0 &&
    meeting(r, o) !== null
  );
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
    r.speaks.length > 0 &&
    o.speaks.includes(r.speaks[0]) &&
    (r.kind !== "language" || (r.targetLanguage !== null && o.helpsWith.includes(r.targetLanguage)));
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

// ---------------------------------------------------------------------------------------------
// Graph: every eligible pair, with its score, in compressed sparse rows (one row per request)

/** Assigns small integer ids to strings so sets become bitsets of `words` 32-bit words. */
class Vocabulary {
  private ids = new Map<string, number>();
  add(items: readonly string[]) {
    for (const item of items) if (!this.ids.has(item)) this.ids.set(item, this.ids.size);
  }
  id(item: string): number {
    return this.ids.get(item) ?? -1;
  }
  get words() {
    return Math.max(1, Math.ceil(this.ids.size / 32));
  }
  /** One bitset per list, laid out back to back. */
  bitsets(lists: readonly (readonly string[])[]): Uint32Array {
    const words = this.words;
    const bits = new Uint32Array(lists.length * words);
    lists.forEach((list, i) => {
      for (const item of list) {
        const id = this.ids.get(item);
        if (id !== undefined) bits[i * words + (id >>> 5)] |= 1 << (id & 31);
      }
    });
    return bits;
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
function sharedBits(a: Uint32Array, i: number, b: Uint32Array, j: number, words: number): number {
  let count = 0;
  for (let w = 0; w < words; w++) count += popcount(a[i * words + w] & b[j * words + w]);
  return count;
}
function anyShared(a: Uint32Array, i: number, b: Uint32Array, j: number, words: number): boolean {
  for (let w = 0; w < words; w++) if ((a[i * words + w] & b[j * words + w]) !== 0) return true;
  return false;
}
const hasBit = (bits: Uint32Array, i: number, words: number, id: number) =>
  id >= 0 && (bits[i * words + (id >>> 5)] & (1 << (id & 31))) !== 0;

/** Growable Int32Array, for edge lists of unknown length. */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(value: number) {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

/**
 * Distances between distinct places (by coordinates), computed once per pair of places: with
 * a few hundred municipalities that is a small table, and it replaces millions of haversines.
 */
class PlaceDistances {
  private index = new Map<string, number>();
  private places: Place[] = [];
  private table: Float64Array | null = null;
  id(place: Place | null): number {
    if (!place) return -1;
    const key = `${place.latitude},${place.longitude}`;
    let id = this.index.get(key);
    if (id === undefined) {
      id = this.places.length;
      this.index.set(key, id);
      this.places.push(place);
    }
    return id;
  }
  /** Call after all ids are assigned. */
  seal() {
    const count = this.places.length;
    if (count * count <= 4_000_000) this.table = new Float64Array(count * count).fill(NaN);
  }
  /** Distance from a request's place to an offer's place (argument order as in `meeting`). */
  km(from: number, to: number): number {
    if (!this.table) return distanceKm(this.places[from], this.places[to]);
    const cell = from * this.places.length + to;
    let km = this.table[cell];
    if (Number.isNaN(km)) km = this.table[cell] = distanceKm(this.places[from], this.places[to]);
    return km;
  }
}

export type MatchGraph = {
  requests: MatchRequest[]; // sorted by id
  offers: VolunteerOffer[]; // available offers, sorted by id
  capacity: Int32Array; // per offer
  rowStart: Int32Array; // edges of request i: rowStart[i] .. rowStart[i + 1]
  edgeOffer: Int32Array;
  edgeScore: Int32Array;
};

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const subjectKey = (kind: BuddyKind, subject: string) => `${kind}\u0000${subject}`;

/** Merge two ascending lists of offer indices into one without duplicates. */
function mergeAscending(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let [i, j, k] = [0, 0, 0];
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
    if (k === 0 || out[k - 1] !== next) out[k++] = next;
  }
  return out.subarray(0, k);
}

/**
 * The offers for one subject (kind + language to practise or sector), split by how they can
 * meet, so a request only visits offers it could possibly meet: those open to online meetings
 * (when the request is too), and those within their own travel distance of the request's place.
 */
class SubjectBucket {
  private online: Int32Array;
  private nearbyByPlace = new Map<number, Int32Array>();
  private candidatesByPlace = new Map<number, Int32Array>();
  constructor(
    private readonly members: Int32Array, // ascending offer indices
    private readonly offers: readonly VolunteerOffer[],
    private readonly offerPlace: Int32Array,
    private readonly places: PlaceDistances,
  ) {
    this.online = members.filter((j) => offers[j].onlineOnly || offers[j].onlineOk);
  }
  /** Offers that could meet a request at `place` in person (exactly the in-person rule of `meeting`). */
  private nearby(place: number): Int32Array {
    let list = this.nearbyByPlace.get(place);
    if (!list) {
      list = place < 0 ? new Int32Array(0) : this.members.filter((j) => {
        const o = this.offers[j];
        return !o.onlineOnly && this.offerPlace[j] >= 0 && this.places.km(place, this.offerPlace[j]) <= o.travelKm;
      });
      this.nearbyByPlace.set(place, list);
    }
    return list;
  }
  /** A superset of the offers a request can meet; `candidates` for online-ok requests are cached per place. */
  candidates(place: number, onlineOk: boolean): Int32Array {
    if (!onlineOk) return this.nearby(place);
    let list = this.candidatesByPlace.get(place);
    if (!list) this.candidatesByPlace.set(place, (list = mergeAscending(this.online, this.nearby(place))));
    return list;
  }
}

/** Bitsets for the set-valued fields, so intersections are a few word ANDs and popcounts. */
function encodeSets(requests: readonly MatchRequest[], offers: readonly VolunteerOffer[]) {
  const languages = new Vocabulary();
  const slots = new Vocabulary();
  const interests = new Vocabulary();
  const tags = new Vocabulary(); // goals, and what volunteers help with
  for (const r of requests) [languages.add(r.speaks), slots.add(r.availability), interests.add(r.interests), tags.add(r.goals)];
  for (const o of offers) [languages.add(o.speaks), slots.add(o.availability), interests.add(o.interests), tags.add(o.helpsWith)];
  return {
    words: { languages: languages.words, slots: slots.words, interests: interests.words, tags: tags.words },
    rSpeaks: languages.bitsets(requests.map((r) => r.speaks)),
    oSpeaks: languages.bitsets(offers.map((o) => o.speaks)),
    rStrongest: Int32Array.from(requests, (r) => (r.speaks.length > 0 ? languages.id(r.speaks[0]) : -1)),
    rSlots: slots.bitsets(requests.map((r) => r.availability)),
    oSlots: slots.bitsets(offers.map((o) => o.availability)),
    rInterests: interests.bitsets(requests.map((r) => r.interests)),
    oInterests: interests.bitsets(offers.map((o) => o.interests)),
    rGoals: tags.bitsets(requests.map((r) => r.goals)),
    oHelps: tags.bitsets(offers.map((o) => o.helpsWith)),
  };
}

function bucketOffers(offers: readonly VolunteerOffer[], offerPlace: Int32Array, places: PlaceDistances) {
  const members = new Map<string, number[]>();
  offers.forEach((o, j) => {
    for (const subject of new Set(o.kind === "language" ? o.helpsWith : o.sectors)) {
      const key = subjectKey(o.kind, subject);
      const list = members.get(key);
      if (list) list.push(j);
      else members.set(key, [j]);
    }
  });
  const buckets = new Map<string, SubjectBucket>();
  for (const [key, list] of members) buckets.set(key, new SubjectBucket(Int32Array.from(list), offers, offerPlace, places));
  return buckets;
}

function excludedByNewcomer(pairs: MatchInput["excludedPairs"]) {
  const excluded = new Map<string, Set<string>>();
  for (const { newcomerId, volunteerId } of pairs) {
    const set = excluded.get(newcomerId) ?? new Set<string>();
    excluded.set(newcomerId, set.add(volunteerId));
  }
  return excluded;
}

/**
 * All eligible pairs with their scores. A request visits only the offers of its subject that it
 * could meet (see `SubjectBucket`); the remaining hard constraints are bitset tests. Only hard
 * constraints remove pairs: any eligible pair may be part of an optimal assignment.
 */
export function buildGraph(input: MatchInput): MatchGraph {
  const requests = [...input.requests].sort(byId);
  const offers = input.offers.filter(available).sort(byId);
  const n = requests.length;
  const sets = encodeSets(requests, offers);
  const { languages: lw, slots: sw, interests: iw, tags: tw } = sets.words;
  const places = new PlaceDistances();
  const rPlace = Int32Array.from(requests, (r) => places.id(r.place));
  const oPlace = Int32Array.from(offers, (o) => places.id(o.place));
  places.seal();
  const buckets = bucketOffers(offers, oPlace, places);
  const excluded = excludedByNewcomer(input.excludedPairs);

  const rowStart = new Int32Array(n + 1);
  const edgeOffer = new IntList();
  const edgeScore = new IntList();
  for (let i = 0; i < n; i++) {
    rowStart[i] = edgeOffer.length;
    const r = requests[i];
    const subject = r.kind === "language" ? r.targetLanguage : r.targetSector;
    const bucket = subject === null ? undefined : buckets.get(subjectKey(r.kind, subject));
    if (!bucket) continue;
    const blocked = excluded.get(r.newcomerId);
    const isJob = r.kind === "job";
    const goals = sharedBits(sets.rGoals, i, sets.rGoals, i, tw);
    const waiting = waitingPoints(waitingDaysBetween(r.waitingSince, input.now));
    for (const j of bucket.candidates(rPlace[i], r.onlineOk)) {
      if (!anyShared(sets.rSlots, i, sets.oSlots, j, sw) || !anyShared(sets.rSpeaks, i, sets.oSpeaks, j, lw)) continue;
      const o = offers[j];
      if (r.newcomerId === o.volunteerId || blocked?.has(o.volunteerId)) continue;
      // How they meet, as in `meeting`: candidates already passed the place rule, so an offer
      // that is not online-only meets in person exactly when it is within its travel distance.
      let km: number | null = null;
      if (!o.onlineOnly && rPlace[i] >= 0 && oPlace[j] >= 0) {
        km = places.km(rPlace[i], oPlace[j]);
        if (km > o.travelKm) km = null;
      }
      const points =
        interestPoints(sharedBits(sets.rInterests, i, sets.oInterests, j, iw)) +
        languagePoints(true, hasBit(sets.oSpeaks, j, lw, sets.rStrongest[i])) +
        sectorPoints(isJob, isJob ? sharedBits(sets.rGoals, i, sets.oHelps, j, tw) : 0, goals) +
        distancePoints(km, o.travelKm) +
        availabilityPoints(sharedBits(sets.rSlots, i, sets.oSlots, j, sw)) +
        waiting;
      edgeOffer.push(j);
      edgeScore.push(points);
    }
  }
  rowStart[n] = edgeOffer.length;
  return {
    requests,
    offers,
    capacity: Int32Array.from(offers, capacityOf),
    rowStart,
    edgeOffer: edgeOffer.data.subarray(0, edgeOffer.length),
    edgeScore: edgeScore.data.subarray(0, edgeScore.length),
  };
}

// ---------------------------------------------------------------------------------------------
// Components: requests and offers that can never compete are solved separately

/** Connected components of the eligibility graph; returns, per component, its requests in id order. */
function componentsOf(graph: MatchGraph): Int32Array[] {
  const n = graph.requests.length;
  const parent = Int32Array.from({ length: n + graph.offers.length }, (_, i) => i);
  const find = (x: number) => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (let i = 0; i < n; i++) {
    for (let e = graph.rowStart[i]; e < graph.rowStart[i + 1]; e++) {
      const a = find(i);
      const b = find(n + graph.edgeOffer[e]);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (graph.rowStart[i] === graph.rowStart[i + 1]) continue; // no eligible offer at all
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  }
  return [...groups.values()].map((rows) => Int32Array.from(rows));
}

// ---------------------------------------------------------------------------------------------
// Solver: maximum-weight b-matching as min-cost flow, by successive shortest paths

/** Binary min-heap of (key, node) with lazy deletion. */
class MinHeap {
  keys = new Float64Array(1024);
  nodes = new Int32Array(1024);
  size = 0;
  push(key: number, node: number) {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      const nodes = new Int32Array(this.size * 2);
      keys.set(this.keys);
      nodes.set(this.nodes);
      [this.keys, this.nodes] = [keys, nodes];
    }
    let i = this.size++;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (this.keys[up] <= key) break;
      this.keys[i] = this.keys[up];
      this.nodes[i] = this.nodes[up];
      i = up;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }
  /** Removes the minimum; read `keys[0]`/`nodes[0]` first. */
  pop() {
    const key = this.keys[--this.size];
    const node = this.nodes[this.size];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1] < this.keys[child]) child++;
      if (this.keys[child] >= key) break;
      this.keys[i] = this.keys[child];
      this.nodes[i] = this.nodes[child];
      i = child;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }
}

/**
 * Exact lexicographic optimum: most matched requests, then highest total score.
 *
 * Each edge weighs BIG + score with BIG above any total score of the component, so one more
 * match always beats any score gain; we find a maximum-weight b-matching. As a flow network:
 * source → request (cap 1), request → offer (cap 1, cost −weight), offer → sink (cap = capacity),
 * and request → sink (cap 1, cost 0): the "stay unmatched" option that lets every request be
 * routed. Requests join one at a time (the Hungarian method): the new request's shortest
 * residual path to the sink — Dijkstra on reduced costs with Johnson potentials — turns the
 * optimal flow of the previous requests into an optimal flow including the new one. The path
 * may move earlier requests to other offers or, when that is better, leave one unmatched.
 *
 * Dijkstra stops at the sink; only settled nodes get their potential moved, the rest keep
 * theirs (a uniform shift), which keeps every residual reduced cost non-negative. A new
 * request's potential starts at 0, so only its own edges may have negative reduced costs —
 * harmless, as Dijkstra settles the start node first. The search is local: it only visits
 * offers and requests that are cheaper to reach than the best way to the sink found so far.
 */
class Solver {
  private readonly n: number;
  private readonly cap: Int32Array;
  private readonly pot: Float64Array; // potentials; rows 0..n-1 then offers n..n+m-1; the sink's stays 0
  private readonly dist: Float64Array;
  private readonly labelled: Int32Array; // search stamp: dist/pred valid in this search
  private readonly settled: Int32Array; // search stamp: popped in this search
  private readonly pred: Int32Array; // offer node ← row it was reached from; row ← offer it was reached from
  private readonly predScore: Int32Array; // per offer: score of the edge it was reached by
  private readonly heap = new MinHeap();
  private settledNodes = new Int32Array(1024); // settled in this search, in order
  private stamp = 0;

  readonly matchOf: Int32Array; // offer of each request, -1 = unmatched
  readonly matchScore: Int32Array;
  private readonly holderStart: Int32Array; // requests held by offer o: holders[holderStart[o] .. + load[o]]
  private readonly holders: Int32Array;
  private readonly load: Int32Array;

  constructor(private readonly graph: MatchGraph) {
    const n = (this.n = graph.requests.length);
    const m = graph.offers.length;
    // An offer can never hold more requests than it has edges.
    const degree = new Int32Array(m);
    for (let e = 0; e < graph.edgeOffer.length; e++) degree[graph.edgeOffer[e]]++;
    this.cap = Int32Array.from(graph.capacity, (c, o) => Math.min(c, degree[o]));
    this.holderStart = new Int32Array(m + 1);
    for (let o = 0; o < m; o++) this.holderStart[o + 1] = this.holderStart[o] + this.cap[o];
    this.holders = new Int32Array(this.holderStart[m]);
    this.load = new Int32Array(m);
    this.pot = new Float64Array(n + m);
    this.dist = new Float64Array(n + m);
    this.labelled = new Int32Array(n + m);
    this.settled = new Int32Array(n + m);
    this.pred = new Int32Array(n + m);
    this.predScore = new Int32Array(m);
    this.matchOf = new Int32Array(n).fill(-1);
    this.matchScore = new Int32Array(n);
  }

  /**
   * Solves one component. Any order of requests gives an optimum; requests with the fewest
   * options go first because that keeps the later searches short (measured: ~40% fewer
   * settled nodes than id order). Ties stay in id order, so the result is deterministic.
   */
  solve(rows: Int32Array) {
    const big = (MAX_SCORE + 1) * (rows.length + 1);
    const { rowStart } = this.graph;
    const degree = (row: number) => rowStart[row + 1] - rowStart[row];
    const order = Int32Array.from(rows).sort((a, b) => degree(a) - degree(b) || a - b);
    for (const row of order) this.addRequest(row, big);
  }

  private relax(node: number, key: number, from: number) {
    if (this.labelled[node] === this.stamp && this.dist[node] <= key) return false;
    this.labelled[node] = this.stamp;
    this.dist[node] = key;
    this.pred[node] = from;
    this.heap.push(key, node);
    return true;
  }

  /** Shortest augmenting path from a new request to the sink, then augment and update potentials. */
  private addRequest(start: number, big: number) {
    const { n, pot, dist, heap, graph } = this;
    const { rowStart, edgeOffer, edgeScore } = graph;
    this.stamp++;
    heap.size = 0;
    let settledCount = 0;
    let best = Infinity; // reduced length of the best path to the sink found so far
    let end = -1; // last node before the sink on that path
    this.relax(start, 0, -1);
    while (heap.size > 0 && heap.keys[0] < best) {
      const d = heap.keys[0];
      const v = heap.nodes[0];
      heap.pop();
      if (this.settled[v] === this.stamp) continue;
      this.settled[v] = this.stamp;
      if (settledCount === this.settledNodes.length) {
        const grown = new Int32Array(settledCount * 2);
        grown.set(this.settledNodes);
        this.settledNodes = grown;
      }
      this.settledNodes[settledCount++] = v;

      if (v < n) {
        // A request: it may drop out (to the sink at cost 0) or move to another offer.
        if (d + pot[v] < best) [best, end] = [d + pot[v], v];
        const current = this.matchOf[v];
        for (let e = rowStart[v]; e < rowStart[v + 1]; e++) {
          const o = edgeOffer[e];
          if (o === current || this.settled[n + o] === this.stamp) continue;
          const key = d - (big + edgeScore[e]) + pot[v] - pot[n + o];
          // Nodes at or beyond the best path found so far cannot improve it: no need to queue them.
          if (key < best && this.relax(n + o, key, v)) this.predScore[o] = edgeScore[e];
        }
      } else {
        // An offer: free capacity reaches the sink; otherwise one of its requests may move on.
        const o = v - n;
        if (this.load[o] < this.cap[o] && d + pot[v] < best) [best, end] = [d + pot[v], v];
        for (let k = this.holderStart[o], last = k + this.load[o]; k < last; k++) {
          const x = this.holders[k];
          const key = d + big + this.matchScore[x] + pot[v] - pot[x];
          if (key < best && this.settled[x] !== this.stamp) this.relax(x, key, v);
        }
      }
    }
    for (let k = 0; k < settledCount; k++) {
      const v = this.settledNodes[k];
      pot[v] += dist[v] - best;
    }
    this.augment(start, end);
  }

  /** Walk the path back from its last node, moving each request on it to its new offer. */
  private augment(start: number, end: number) {
    const n = this.n;
    let offer: number;
    if (end < n) {
      // The path ends with request `end` dropping out.
      offer = this.matchOf[end];
      if (offer >= 0) this.release(end, offer);
      this.matchOf[end] = -1;
      if (end === start) return;
    } else {
      offer = end - n;
    }
    for (;;) {
      const row = this.pred[n + offer];
      const previous = this.matchOf[row];
      if (previous >= 0) this.release(row, previous);
      this.matchOf[row] = offer;
      this.matchScore[row] = this.predScore[offer];
      this.holders[this.holderStart[offer] + this.load[offer]++] = row;
      if (row === start) return;
      offer = previous;
    }
  }

  private release(row: number, offer: number) {
    const first = this.holderStart[offer];
    const last = first + --this.load[offer];
    for (let k = first; k <= last; k++) {
      if (this.holders[k] === row) {
        this.holders[k] = this.holders[last];
        return;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Results

function resultOf(graph: MatchGraph, matchOf: Int32Array, now: Date): MatchResult {
  const proposals: Proposal[] = [];
  const unmatched: string[] = [];
  graph.requests.forEach((r, i) => {
    if (matchOf[i] < 0) return void unmatched.push(r.id);
    const o = graph.offers[matchOf[i]];
    const scored = score(r, o, now);
    proposals.push({ requestId: r.id, offerId: o.id, score: scored.score, explanation: scored.explanation, parts: scored.parts });
  });
  const totalScore = proposals.reduce((sum, p) => sum + p.score, 0);
  return { proposals, matched: proposals.length, totalScore, unmatched };
}

/**
 * Globally optimal assignment: the most requests matched, and among those assignments the
 * highest total score, within every offer's capacity. Deterministic: inputs are sorted by id.
 */
export function assign(input: MatchInput): MatchResult {
  const graph = buildGraph(input);
  const solver = new Solver(graph);
  for (const rows of componentsOf(graph)) solver.solve(rows);
  return resultOf(graph, solver.matchOf, input.now);
}

/** Baseline: best pair first (score desc, then request id, then offer id), if both sides are still free. */
export function greedy(input: MatchInput): MatchResult {
  const graph = buildGraph(input);
  const { rowStart, edgeOffer, edgeScore } = graph;
  const n = graph.requests.length;
  // Counting sort by score: edges are already in (request, offer) id order within a score.
  const byScore: number[][] = Array.from({ length: MAX_SCORE + 1 }, () => []);
  for (let i = 0; i < n; i++) for (let e = rowStart[i]; e < rowStart[i + 1]; e++) byScore[edgeScore[e]].push(e);
  const rowOf = new Int32Array(edgeOffer.length);
  for (let i = 0; i < n; i++) rowOf.fill(i, rowStart[i], rowStart[i + 1]);
  const left = Int32Array.from(graph.capacity);
  const matchOf = new Int32Array(n).fill(-1);
  for (let s = MAX_SCORE; s >= 0; s--) {
    for (const e of byScore[s]) {
      const i = rowOf[e];
      const o = edgeOffer[e];
      if (matchOf[i] < 0 && left[o] > 0) [matchOf[i], left[o]] = [o, left[o] - 1];
    }
  }
  return resultOf(graph, matchOf, input.now);
}
