/**
 * Buddy matching engine: pairs newcomers' buddy requests with volunteers' buddy offers.
 *
 * Pure (no I/O, no clock: `now` is an input). Three layers, one module each under engine/:
 *   1. scoring.ts         — `eligible` (hard constraints) and `score` (0..100 with parts and
 *                           explanation data);
 *   2. candidate-graph.ts — all eligible pairs, built with typed arrays and bitsets so 10k × 2k
 *                           stays fast;
 *   3. solver.ts          — the exact lexicographic optimum (most matches, then highest total
 *                           score) as a min-cost flow per connected component, solved on each
 *                           request's best edges and proven optimal for all (pruning.ts), and
 *                           the greedy baseline to beat.
 * This module is the public face: it turns an assignment into proposals.
 *
 * The explanation carries data only (codes, numbers): the UI renders it in the reader's language.
 */
import { buildGraph, type MatchGraph } from "./engine/candidate-graph";
import { score } from "./engine/scoring";
import { greedyAssignment, optimalAssignment } from "./engine/solver";
import type { MatchInput, MatchResult, Proposal } from "./engine/types";

export type { BuddyKind, Explanation, MatchInput, MatchRequest, MatchResult, Place, Proposal, Slot, VolunteerOffer } from "./engine/types";
export { buildGraph, type MatchGraph } from "./engine/candidate-graph";
export { distanceKm, eligible, MAX_SCORE, pairKey, score, SCORE_WEIGHTS } from "./engine/scoring";

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
  return resultOf(graph, optimalAssignment(graph), input.now);
}

/** Baseline: best pair first (score desc, then request id, then offer id), if both sides are still free. */
export function greedy(input: MatchInput): MatchResult {
  const graph = buildGraph(input);
  return resultOf(graph, greedyAssignment(graph), input.now);
}
