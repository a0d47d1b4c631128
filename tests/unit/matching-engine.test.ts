import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  MAX_SCORE,
  SCORE_WEIGHTS,
  assign,
  buildGraph,
  distanceKm,
  eligible,
  greedy,
  pairKey,
  score,
  type MatchGraph,
  type MatchInput,
  type MatchRequest,
  type MatchResult,
  type Place,
  type VolunteerOffer,
} from "~/domain/matching/engine";
import { optimalAssignment } from "~/domain/matching/engine/solver";
import { reasonUnmatched, unmatchedReasons } from "~/domain/matching/engine/unmatched";
import { population } from "../load/matching";

const DAY_MS = 86_400_000;
const NOW = new Date("2026-03-02T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS);

const AMSTERDAM: Place = { code: "GM0363", name: "Amsterdam", latitude: 52.374, longitude: 4.8897 };
const ZAANSTAD: Place = { code: "GM0479", name: "Zaanstad", latitude: 52.4531, longitude: 4.8136 }; // ~10 km from Amsterdam
const UTRECHT: Place = { code: "GM0344", name: "Utrecht", latitude: 52.0908, longitude: 5.1222 }; // ~35 km from Amsterdam
const NIJMEGEN: Place = { code: "GM0268", name: "Nijmegen", latitude: 51.8425, longitude: 5.8528 };

function request(overrides: Partial<MatchRequest> = {}): MatchRequest {
  return {
    id: "r1",
    newcomerId: "n1",
    kind: "language",
    targetLanguage: "nl",
    targetLevel: "A2",
    targetSector: null,
    goals: [],
    speaks: ["uk", "en"],
    interests: ["cycling"],
    place: AMSTERDAM,
    onlineOk: false,
    availability: ["2-evening"],
    waitingSince: NOW,
    ...overrides,
  };
}

function offer(overrides: Partial<VolunteerOffer> = {}): VolunteerOffer {
  return {
    id: "o1",
    volunteerId: "v1",
    kind: "language",
    helpsWith: ["nl"],
    sectors: [],
    speaks: ["nl", "en"],
    interests: ["cycling"],
    place: AMSTERDAM,
    travelKm: 10,
    onlineOk: false,
    onlineOnly: false,
    availability: ["2-evening"],
    capacity: 1,
    verified: true,
    paused: false,
    ...overrides,
  };
}

const jobRequest = (overrides: Partial<MatchRequest> = {}) =>
  request({ kind: "job", targetLanguage: null, targetLevel: null, targetSector: "it", goals: ["cv"], ...overrides });
const jobOffer = (overrides: Partial<VolunteerOffer> = {}) => offer({ kind: "job", helpsWith: ["cv"], sectors: ["it"], ...overrides });

const none = new Set<string>();

// ---------------------------------------------------------------------------------------------

describe("distanceKm", () => {
  it("measures Amsterdam–Nijmegen as about 90 km", () => {
    expect(distanceKm(AMSTERDAM, NIJMEGEN)).toBeGreaterThan(85);
    expect(distanceKm(AMSTERDAM, NIJMEGEN)).toBeLessThan(92);
  });
  it("is zero for the same place and symmetric", () => {
    expect(distanceKm(AMSTERDAM, AMSTERDAM)).toBe(0);
    expect(distanceKm(NIJMEGEN, AMSTERDAM)).toBeCloseTo(distanceKm(AMSTERDAM, NIJMEGEN), 9);
  });
});

describe("eligible: one hard constraint at a time", () => {
  type Case = [name: string, yes: [MatchRequest, VolunteerOffer, Set<string>?], no: [MatchRequest, VolunteerOffer, Set<string>?]];
  const cases: Case[] = [
    ["same kind", [request(), offer()], [request(), jobOffer({ helpsWith: ["nl"] })]],
    ["volunteer is verified", [request(), offer({ verified: true })], [request(), offer({ verified: false })]],
    ["offer is not paused", [request(), offer({ paused: false })], [request(), offer({ paused: true })]],
    ["offer has capacity", [request(), offer({ capacity: 1 })], [request(), offer({ capacity: 0 })]],
    ["pair is not excluded", [request(), offer(), new Set([pairKey("n1", "v2")])], [request(), offer(), new Set([pairKey("n1", "v1")])]],
    [
      "newcomer is not their own volunteer",
      [request({ newcomerId: "p1" }), offer({ volunteerId: "p2" })],
      [request({ newcomerId: "p1" }), offer({ volunteerId: "p1" })],
    ],
    [
      "language kind: volunteer helps with the target language",
      [request({ targetLanguage: "nl" }), offer({ helpsWith: ["en", "nl"] })],
      [request({ targetLanguage: "nl" }), offer({ helpsWith: ["en"] })],
    ],
    [
      "job kind: volunteer knows the target sector",
      [jobRequest({ targetSector: "it" }), jobOffer({ sectors: ["care", "it"] })],
      [jobRequest({ targetSector: "it" }), jobOffer({ sectors: ["care"] })],
    ],
    [
      "a common language to talk in",
      [request({ speaks: ["uk", "en"] }), offer({ speaks: ["en"] })],
      [request({ speaks: ["uk", "ru"] }), offer({ speaks: ["nl", "en"] })],
    ],
    // Practising Dutch is not talking in Dutch: only counts when the newcomer lists it.
    [
      "the language practised counts only when the newcomer speaks it",
      [request({ speaks: ["uk", "nl"] }), offer({ speaks: ["nl"] })],
      [request({ speaks: ["uk"] }), offer({ speaks: ["nl"] })],
    ],
    [
      "availability overlaps",
      [request({ availability: ["1-morning", "2-evening"] }), offer({ availability: ["2-evening"] })],
      [request({ availability: ["1-morning"] }), offer({ availability: ["2-evening"] })],
    ],
    [
      "in person within the volunteer's travel distance",
      [request({ place: ZAANSTAD }), offer({ place: AMSTERDAM, travelKm: 15 })],
      [request({ place: UTRECHT }), offer({ place: AMSTERDAM, travelKm: 15 })],
    ],
    [
      "too far: online only when both accept online",
      [request({ place: UTRECHT, onlineOk: true }), offer({ travelKm: 15, onlineOk: true })],
      [request({ place: UTRECHT, onlineOk: true }), offer({ travelKm: 15, onlineOk: false })],
    ],
    [
      "no place: online only when both accept online",
      [request({ place: null, onlineOk: true }), offer({ onlineOk: true })],
      [request({ place: null, onlineOk: false }), offer({ onlineOk: true })],
    ],
    [
      "online-only volunteer needs a newcomer who accepts online",
      [request({ onlineOk: true }), offer({ onlineOk: true, onlineOnly: true })],
      [request({ onlineOk: false }), offer({ onlineOk: true, onlineOnly: true })],
    ],
  ];
  it.each(cases)("%s", (_, [r1, o1, x1], [r2, o2, x2]) => {
    expect(eligible(r1, o1, x1 ?? none)).toBe(true);
    expect(eligible(r2, o2, x2 ?? none)).toBe(false);
  });
});

describe("score", () => {
  it("adds up the parts of a language pair and explains them", () => {
    const r = request({
      speaks: ["uk", "en"],
      interests: ["cycling", "it", "cooking"],
      availability: ["4-morning", "2-evening", "6-afternoon"],
      place: { code: "A", latitude: 52.0, longitude: 5.0 },
      waitingSince: daysAgo(30),
    });
    const o = offer({
      speaks: ["nl", "en", "uk"],
      interests: ["it", "cycling", "music"],
      availability: ["2-evening", "4-morning"],
      place: { code: "B", latitude: 52.05, longitude: 5.0 }, // 5.56 km
      travelKm: 10,
    });
    const result = score(r, o, NOW);
    expect(result.parts).toEqual({
      interests: 16, // 2 shared × 8
      language: 20, // a common language, and the volunteer speaks Ukrainian, the newcomer's first
      sector: 0,
      distance: 7, // 15 × (1 − 5.56 / 10)
      availability: 8, // 2 shared × 4
      waiting: 2, // 30 days = 2 full fortnights
    });
    expect(result.score).toBe(53);
    expect(result.explanation).toEqual({
      sharedInterests: ["cycling", "it"],
      distanceKm: 5.6,
      online: false,
      sharedSlots: ["2-evening", "4-morning"],
      commonLanguages: ["uk", "en"],
      practise: "nl",
      sector: null,
      waitingDays: 30,
    });
  });

  it("caps interests, availability and waiting time", () => {
    const many = ["cycling", "it", "cooking", "music"];
    const slots = ["1-morning", "2-evening", "3-afternoon"];
    const { parts } = score(
      request({ interests: many, availability: slots, waitingSince: daysAgo(400) }),
      offer({ interests: many, availability: slots }),
      NOW,
    );
    expect(parts.interests).toBe(SCORE_WEIGHTS.interests.max);
    expect(parts.availability).toBe(SCORE_WEIGHTS.availability.max);
    expect(parts.waiting).toBe(SCORE_WEIGHTS.waiting.max);
  });

  it("gives the strongest-language bonus only for the newcomer's first language", () => {
    expect(score(request({ speaks: ["en", "uk"] }), offer({ speaks: ["nl", "en"] }), NOW).parts.language).toBe(20);
    expect(score(request({ speaks: ["uk", "en"] }), offer({ speaks: ["nl", "en"] }), NOW).parts.language).toBe(10);
  });

  it("scores sector fit and goal coverage for job buddies", () => {
    expect(score(jobRequest({ goals: ["cv", "network"] }), jobOffer({ helpsWith: ["cv"] }), NOW).parts.sector).toBe(16);
    expect(score(jobRequest({ goals: ["cv", "network"] }), jobOffer({ helpsWith: ["cv", "network"] }), NOW).parts.sector).toBe(20);
    expect(score(jobRequest({ goals: [] }), jobOffer(), NOW).parts.sector).toBe(20);
    expect(score(request(), offer(), NOW).parts.sector).toBe(0);
  });

  it("gives full distance points at 0 km and the online points when they meet online", () => {
    expect(score(request(), offer(), NOW).parts.distance).toBe(15);
    const online = score(request({ place: NIJMEGEN, onlineOk: true }), offer({ onlineOk: true }), NOW);
    expect(online.parts.distance).toBe(SCORE_WEIGHTS.distance.online);
    expect(online.explanation).toMatchObject({ online: true, distanceKm: null });
    const onlineOnly = score(request({ onlineOk: true }), offer({ onlineOk: true, onlineOnly: true }), NOW);
    expect(onlineOnly.parts.distance).toBe(SCORE_WEIGHTS.distance.online);
    expect(onlineOnly.explanation).toMatchObject({ online: true, distanceKm: null });
  });

  it("has weights whose caps add up to 100", () => {
    const best = score(
      jobRequest({
        interests: ["a", "b", "c", "d"],
        availability: ["1-morning", "2-morning", "3-morning"],
        goals: [],
        waitingSince: daysAgo(365),
        speaks: ["en"],
      }),
      jobOffer({ interests: ["a", "b", "c", "d"], availability: ["1-morning", "2-morning", "3-morning"], speaks: ["en"] }),
      NOW,
    );
    expect(best.score).toBe(MAX_SCORE);
  });
});

// ---------------------------------------------------------------------------------------------
// Random small instances

const LANGUAGES = ["nl", "en", "uk"];
const SLOTS = ["1-morning", "2-evening", "5-afternoon"];
const KINDS = ["language", "language", "language", "language", "language", "job"] as const;
const INTERESTS = ["cycling", "it", "cooking", "music", "chess"];
const PLACES = [AMSTERDAM, ZAANSTAD, UTRECHT];
const SECTORS = ["it", "care"];
const GOALS = ["cv", "network", "job-search"];
const NEWCOMERS = ["n0", "n1", "n2", "n3", "n4", "v0"]; // "v0" is also a volunteer: never their own buddy
const VOLUNTEERS = ["v0", "v1", "v2", "v3"];

const place = fc.option(fc.constantFrom(AMSTERDAM, ...PLACES), { nil: null, freq: 8 });
const requestFields = fc.record({
  newcomerId: fc.constantFrom(...NEWCOMERS),
  kind: fc.constantFrom(...KINDS),
  targetLanguage: fc.constantFrom("nl", "nl", "nl", "en"),
  targetSector: fc.constantFrom(...SECTORS),
  goals: fc.subarray(GOALS),
  speaks: fc.shuffledSubarray(LANGUAGES, { minLength: 1 }),
  interests: fc.subarray(INTERESTS),
  place,
  onlineOk: fc.constantFrom(true, true, true, false),
  availability: fc.subarray(SLOTS, { minLength: 1 }),
  waitingDays: fc.integer({ min: 0, max: 200 }),
});
const offerFields = fc.record({
  volunteerId: fc.constantFrom(...VOLUNTEERS),
  kind: fc.constantFrom(...KINDS),
  practise: fc.constantFrom<string[]>(["nl"], ["nl"], ["nl", "en"], ["en"]),
  goals: fc.subarray(GOALS),
  sectors: fc.subarray(SECTORS, { minLength: 1 }),
  speaks: fc.shuffledSubarray(LANGUAGES, { minLength: 1 }),
  interests: fc.subarray(INTERESTS),
  place,
  travelKm: fc.integer({ min: 5, max: 50 }),
  onlineOk: fc.constantFrom(true, true, true, false),
  onlineOnly: fc.constantFrom(false, false, false, false, false, true),
  availability: fc.subarray(SLOTS, { minLength: 1 }),
  capacity: fc.integer({ min: 1, max: 3 }),
  verified: fc.constantFrom(true, true, true, true, true, true, true, true, true, false),
  paused: fc.constantFrom(false, false, false, false, false, false, false, false, false, true),
});
const allPairs = NEWCOMERS.flatMap((newcomerId) => VOLUNTEERS.map((volunteerId) => ({ newcomerId, volunteerId })));

function instance(maxRequests: number, maxOffers: number): fc.Arbitrary<MatchInput> {
  return fc
    .record({
      requests: fc.array(requestFields, { minLength: 4, maxLength: maxRequests, size: "max" }),
      offers: fc.array(offerFields, { minLength: 2, maxLength: maxOffers, size: "max" }),
      excludedPairs: fc.subarray(allPairs, { maxLength: 4 }),
    })
    .map(({ requests, offers, excludedPairs }) => ({
      requests: requests.map(({ waitingDays, ...r }, i) => ({
        id: `r${i}`,
        ...r,
        targetLanguage: r.kind === "language" ? r.targetLanguage : null,
        targetLevel: r.kind === "language" ? "A2" : null,
        targetSector: r.kind === "job" ? r.targetSector : null,
        goals: r.kind === "job" ? r.goals : [],
        waitingSince: daysAgo(waitingDays),
      })),
      offers: offers.map(({ practise, goals, ...o }, i) => ({
        id: `o${i}`,
        ...o,
        helpsWith: o.kind === "language" ? practise : goals,
        sectors: o.kind === "job" ? o.sectors : [],
      })),
      excludedPairs,
      now: NOW,
    }));
}

const excludedSet = (input: MatchInput) => new Set(input.excludedPairs.map((p) => pairKey(p.newcomerId, p.volunteerId)));

/** Exhaustive search over every assignment: each request unmatched or on an eligible offer with room. */
function bruteForce(input: MatchInput): { matched: number; totalScore: number } {
  const excluded = excludedSet(input);
  const options = input.requests.map((r) => input.offers.flatMap((o, j) => (eligible(r, o, excluded) ? [{ j, points: score(r, o, input.now).score }] : [])));
  const left = input.offers.map((o) => o.capacity);
  let best = { matched: 0, totalScore: 0 };
  const visit = (i: number, matched: number, total: number) => {
    if (i === options.length) {
      if (matched > best.matched || (matched === best.matched && total > best.totalScore)) best = { matched, totalScore: total };
      return;
    }
    visit(i + 1, matched, total);
    for (const { j, points } of options[i]) {
      if (left[j] === 0) continue;
      left[j]--;
      visit(i + 1, matched + 1, total + points);
      left[j]++;
    }
  };
  visit(0, 0, 0);
  return best;
}

/**
 * Independent reference for medium instances: plain successive shortest paths with
 * Bellman–Ford on an explicit residual graph (no potentials, no early stop, no decomposition).
 */
function referenceFlow(input: MatchInput): { matched: number; totalScore: number } {
  const excluded = excludedSet(input);
  const n = input.requests.length;
  const m = input.offers.length;
  const [source, sink] = [n + m, n + m + 1];
  const big = (MAX_SCORE + 1) * (n + 1);
  const edges: { to: number; cap: number; cost: number; score: number }[] = [];
  const out: number[][] = Array.from({ length: n + m + 2 }, () => []);
  const add = (from: number, to: number, cap: number, cost: number, points = 0) => {
    out[from].push(edges.length);
    edges.push({ to, cap, cost, score: points });
    out[to].push(edges.length);
    edges.push({ to: from, cap: 0, cost: -cost, score: -points });
  };
  for (let i = 0; i < n; i++) add(source, i, 1, 0);
  input.requests.forEach((r, i) =>
    input.offers.forEach((o, j) => {
      if (eligible(r, o, excluded)) {
        const points = score(r, o, input.now).score;
        add(i, n + j, 1, -(big + points), points);
      }
    }),
  );
  input.offers.forEach((o, j) => add(n + j, sink, o.capacity, 0));
  let [matched, totalScore] = [0, 0];
  for (;;) {
    const dist = new Array<number>(n + m + 2).fill(Infinity);
    const via = new Array<number>(n + m + 2).fill(-1);
    dist[source] = 0;
    for (let round = 0, changed = true; changed && round < n + m + 2; round++) {
      changed = false;
      for (let v = 0; v < n + m + 2; v++) {
        if (dist[v] === Infinity) continue;
        for (const e of out[v]) {
          if (edges[e].cap > 0 && dist[v] + edges[e].cost < dist[edges[e].to]) {
            dist[edges[e].to] = dist[v] + edges[e].cost;
            via[edges[e].to] = e;
            changed = true;
          }
        }
      }
    }
    if (!(dist[sink] < 0)) break;
    for (let v = sink; v !== source; v = edges[via[v] ^ 1].to) {
      edges[via[v]].cap--;
      edges[via[v] ^ 1].cap++;
      totalScore += edges[via[v]].score;
    }
    matched++;
  }
  return { matched, totalScore };
}

function checkFeasible(input: MatchInput, result: MatchResult) {
  const excluded = excludedSet(input);
  const requests = new Map(input.requests.map((r) => [r.id, r]));
  const offers = new Map(input.offers.map((o) => [o.id, o]));
  const load = new Map<string, number>();
  const seen = new Set<string>();
  for (const p of result.proposals) {
    const [r, o] = [requests.get(p.requestId)!, offers.get(p.offerId)!];
    expect(eligible(r, o, excluded)).toBe(true);
    expect(seen.has(p.requestId)).toBe(false);
    seen.add(p.requestId);
    load.set(o.id, (load.get(o.id) ?? 0) + 1);
    expect(load.get(o.id)).toBeLessThanOrEqual(o.capacity);
    const expected = score(r, o, input.now);
    expect(p.score).toBe(expected.score);
    expect(p.parts).toEqual(expected.parts);
    expect(p.explanation).toEqual(expected.explanation);
  }
  expect(result.matched).toBe(result.proposals.length);
  expect(result.totalScore).toBe(result.proposals.reduce((sum, p) => sum + p.score, 0));
  expect([...result.unmatched, ...seen].sort()).toEqual(input.requests.map((r) => r.id).sort());
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    const j = seed % (i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

const summary = (result: MatchResult) => ({ matched: result.matched, totalScore: result.totalScore });

describe("assign on random small instances", () => {
  it("builds exactly the eligible pairs, with their scores", () => {
    fc.assert(
      fc.property(instance(7, 4), (input) => {
        const graph = buildGraph(input);
        const excluded = excludedSet(input);
        const fromGraph: string[] = [];
        graph.requests.forEach((r, i) => {
          for (let e = graph.rowStart[i]; e < graph.rowStart[i + 1]; e++) {
            const o = graph.offers[graph.edgeOffer[e]];
            fromGraph.push(`${r.id}>${o.id}:${graph.edgeScore[e]}`);
          }
        });
        const expected = input.requests.flatMap((r) =>
          input.offers.filter((o) => eligible(r, o, excluded)).map((o) => `${r.id}>${o.id}:${score(r, o, NOW).score}`),
        );
        expect(fromGraph.sort()).toEqual(expected.sort());
      }),
      { numRuns: 300 },
    );
  });

  it("(a) never violates a hard constraint or a capacity, and matches a request at most once", () => {
    fc.assert(
      fc.property(instance(7, 4), (input) => checkFeasible(input, assign(input))),
      { numRuns: 300 },
    );
  });

  it("(b) reaches the exhaustive optimum: most matches, then highest total score", () => {
    fc.assert(
      fc.property(instance(7, 4), (input) => {
        expect(summary(assign(input))).toEqual(bruteForce(input));
      }),
      { numRuns: 500 },
    );
  });

  it("(b') agrees with a plain Bellman–Ford min-cost flow on medium instances", () => {
    fc.assert(
      fc.property(instance(40, 12), (input) => {
        const result = assign(input);
        checkFeasible(input, result);
        expect(summary(result)).toEqual(referenceFlow(input));
      }),
      { numRuns: 200 },
    );
  });

  it("(c) is deterministic, whatever the order of the input", () => {
    fc.assert(
      fc.property(instance(7, 4), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (input, seed) => {
        const first = assign(input);
        expect(assign(input)).toEqual(first);
        const reordered = assign({
          ...input,
          requests: shuffled(input.requests, seed),
          offers: shuffled(input.offers, seed + 1),
          excludedPairs: shuffled(input.excludedPairs, seed + 2),
        });
        expect(summary(reordered)).toEqual(summary(first));
        // Inputs are sorted by id first, so even the chosen pairs are the same.
        expect(reordered).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  it("(d) matches at least as many as greedy, and scores at least as high when it matches as many", () => {
    fc.assert(
      fc.property(instance(7, 4), (input) => {
        const [optimal, baseline] = [assign(input), greedy(input)];
        checkFeasible(input, baseline);
        expect(optimal.matched).toBeGreaterThanOrEqual(baseline.matched);
        if (optimal.matched === baseline.matched) expect(optimal.totalScore).toBeGreaterThanOrEqual(baseline.totalScore);
      }),
      { numRuns: 300 },
    );
  });

  it("generates instances where the choice matters (so the properties above are not vacuous)", () => {
    const samples = fc.sample(instance(7, 4), { numRuns: 300, seed: 42 });
    const edges = samples.map((input) => buildGraph(input).edgeOffer.length);
    const beatsGreedy = samples.filter((input) => {
      const [optimal, baseline] = [assign(input), greedy(input)];
      return optimal.matched > baseline.matched || optimal.totalScore > baseline.totalScore;
    });
    expect(edges.reduce((a, b) => a + b, 0) / samples.length).toBeGreaterThan(2);
    expect(beatsGreedy.length).toBeGreaterThanOrEqual(10); // 22 with this seed
  });
});

/** Matched requests and total score of an assignment of the graph's rows. */
function graphSummary(graph: MatchGraph, matchOf: Int32Array) {
  let [matched, totalScore] = [0, 0];
  for (let i = 0; i < graph.requests.length; i++) {
    for (let e = graph.rowStart[i]; e < graph.rowStart[i + 1]; e++) {
      if (graph.edgeOffer[e] !== matchOf[i]) continue;
      matched++;
      totalScore += graph.edgeScore[e];
    }
  }
  return { matched, totalScore };
}

describe("solving on the best edges only, checked against the full graph", () => {
  // As little as possible at first: one edge per request, none per offer, so that the check and
  // the widening do all the work.
  const tightest = { perRequest: 1, perSlot: 0 };
  const everything = { perRequest: 2 ** 30, perSlot: 2 ** 20 };

  it("reaches the exhaustive optimum from one edge per request", () => {
    fc.assert(
      fc.property(instance(7, 4), (input) => {
        const graph = buildGraph(input);
        expect(graphSummary(graph, optimalAssignment(graph, tightest))).toEqual(bruteForce(input));
      }),
      { numRuns: 500, seed: 20_261_203 },
    );
  });

  it("matches as many, with the same total score, as the unpruned solver on medium instances", () => {
    let widened = 0;
    fc.assert(
      fc.property(instance(40, 12), (input) => {
        const graph = buildGraph(input);
        let rounds = 0;
        const pruned = optimalAssignment(graph, { ...tightest, onRound: () => rounds++ });
        if (rounds > 1) widened++;
        expect(graphSummary(graph, pruned)).toEqual(graphSummary(graph, optimalAssignment(graph, everything)));
        expect(graphSummary(graph, pruned)).toEqual(referenceFlow(input));
      }),
      { numRuns: 200, seed: 20_261_203 },
    );
    // The first, pruned solution was often not optimal: the check caught it each time.
    expect(widened).toBeGreaterThan(50);
  });

  it("starts a synthetic population from a fraction of its edges, and ends at the unpruned optimum", () => {
    const graph = buildGraph(population(3_000, 600));
    const edges: number[] = [];
    const pruned = optimalAssignment(graph, { onRound: (solvedOn) => edges.push(solvedOn) });
    expect(graphSummary(graph, pruned)).toEqual(graphSummary(graph, optimalAssignment(graph, everything)));
    expect(edges[0]).toBeLessThan(graph.edgeOffer.length / 4);
  });
});

describe("assign versus greedy", () => {
  it("places a newcomer that greedy leaves unmatched", () => {
    // A can take X or Y; B only X (the only evening slot). A–X is the best pair, so greedy gives
    // X to A and B is left out; the optimum moves A to Y and gives X to B.
    const input: MatchInput = {
      requests: [
        request({ id: "A", newcomerId: "nA", interests: ["cycling", "it", "music"], availability: ["1-morning", "2-evening"] }),
        request({ id: "B", newcomerId: "nB", interests: [], availability: ["2-evening"] }),
      ],
      offers: [
        offer({ id: "X", volunteerId: "vX", interests: ["cycling", "it", "music"], availability: ["1-morning", "2-evening"] }),
        offer({ id: "Y", volunteerId: "vY", interests: [], availability: ["1-morning"] }),
      ],
      excludedPairs: [],
      now: NOW,
    };
    const baseline = greedy(input);
    expect(baseline.proposals.map((p) => [p.requestId, p.offerId])).toEqual([["A", "X"]]);
    expect(baseline.unmatched).toEqual(["B"]);

    const optimal = assign(input);
    expect(optimal.proposals.map((p) => [p.requestId, p.offerId])).toEqual([
      ["A", "Y"],
      ["B", "X"],
    ]);
    expect(optimal.matched).toBe(2);
    expect(optimal.unmatched).toEqual([]);
  });

  it("uses capacity fully and prefers the higher total score among equally many matches", () => {
    // X has room for two; three newcomers want X; the two that share the most interests get it.
    const input: MatchInput = {
      requests: [
        request({ id: "A", newcomerId: "nA", interests: [] }),
        request({ id: "B", newcomerId: "nB", interests: ["cycling", "it"] }),
        request({ id: "C", newcomerId: "nC", interests: ["it"] }),
      ],
      offers: [offer({ id: "X", volunteerId: "vX", interests: ["cycling", "it"], capacity: 2 })],
      excludedPairs: [],
      now: NOW,
    };
    const result = assign(input);
    expect(result.proposals.map((p) => p.requestId)).toEqual(["B", "C"]);
    expect(result.unmatched).toEqual(["A"]);
  });

  it("handles empty input and requests without any eligible offer", () => {
    expect(assign({ requests: [], offers: [], excludedPairs: [], now: NOW })).toEqual({ proposals: [], matched: 0, totalScore: 0, unmatched: [] });
    const lonely = assign({ requests: [request({ id: "A" })], offers: [offer({ paused: true })], excludedPairs: [], now: NOW });
    expect(lonely).toMatchObject({ matched: 0, unmatched: ["A"] });
  });
});

describe("why a request was left over", () => {
  it.each([
    ["noVolunteer", request({ kind: "job", targetSector: "it" }), offer()],
    ["notVerified", request(), offer({ verified: false })],
    ["full", request(), offer({ capacity: 0 })],
    ["full", request(), offer({ paused: true })],
    ["subject", request({ targetLanguage: "en" }), offer()],
    ["noCommonLanguage", request({ speaks: ["uk"] }), offer()],
    ["noCommonTime", request({ availability: ["6-morning"] }), offer()],
    ["cannotMeet", request({ place: NIJMEGEN }), offer()],
    ["taken", request(), offer()],
  ] as const)("names %s when that is what rules the only volunteer out", (reason, r, o) => {
    expect(reasonUnmatched(r, [o], none)).toBe(reason);
  });

  it("names a pair that declined or ended before", () => {
    expect(reasonUnmatched(request(), [offer()], new Set([pairKey("n1", "v1")]))).toBe("onlyPastPairs");
  });

  it("goes by the first check that leaves nobody, over all volunteers together", () => {
    // One volunteer is unverified, the other verified but never free at the newcomer's times.
    const offers = [offer({ id: "o1", verified: false }), offer({ id: "o2", volunteerId: "v2", availability: ["7-morning"] })];
    expect(reasonUnmatched(request(), offers, none)).toBe("noCommonTime");
  });

  it("counts only the requests a run left over", () => {
    const input: MatchInput = {
      requests: [request({ id: "r1" }), request({ id: "r2", newcomerId: "n2" }), request({ id: "r3", newcomerId: "n3", speaks: ["uk"] })],
      offers: [offer()],
      excludedPairs: [],
      now: NOW,
    };
    const result = assign(input);
    const counts = unmatchedReasons(input, new Set(result.proposals.map((p) => p.requestId)));
    expect(result.matched).toBe(1);
    expect(counts).toEqual({ taken: 1, noCommonLanguage: 1 });
    expect(Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0)).toBe(input.requests.length - result.matched);
  });
});
