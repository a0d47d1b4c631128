/**
 * The candidate graph: every eligible pair with its score, in compressed sparse rows (one row per
 * request), built with typed arrays and bitsets so that 10k requests × 2k offers stays fast.
 */
import { anyShared, hasBit, sharedBits, Vocabulary } from "./bitsets";
import {
  availabilityPoints,
  available,
  capacityOf,
  distanceKm,
  distancePoints,
  interestPoints,
  languagePoints,
  sectorPoints,
  waitingDaysBetween,
  waitingPoints,
} from "./scoring";
import type { BuddyKind, MatchInput, MatchRequest, Place, VolunteerOffer } from "./types";

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
      list =
        place < 0
          ? new Int32Array(0)
          : this.members.filter((j) => {
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
  for (const r of requests) {
    languages.add(r.speaks);
    slots.add(r.availability);
    interests.add(r.interests);
    tags.add(r.goals);
  }
  for (const o of offers) {
    languages.add(o.speaks);
    slots.add(o.availability);
    interests.add(o.interests);
    tags.add(o.helpsWith);
  }
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
