/**
 * Why requests were left without a match, for the organiser who ran the matching: "0 of 1
 * matched" alone sends them looking, "1: the volunteer's VOG is not checked yet" tells them what to do.
 */
import { CONSTRAINTS, pairKey, type ConstraintName } from "./scoring";
import type { MatchInput, MatchRequest, VolunteerOffer } from "./types";

/** A constraint that ruled out every volunteer, or "taken": suitable volunteers went to other requests. */
export type UnmatchedReason = ConstraintName | "taken";
export type UnmatchedCounts = Partial<Record<UnmatchedReason, number>>;

/**
 * The first constraint, in CONSTRAINTS order, after which no volunteer is left for the request.
 * A volunteer left after constraint k is one whose first failing constraint comes later than k,
 * so the answer is the latest first failure over all volunteers: one pass, no lists, and it
 * stops at the first volunteer who meets every constraint ("taken").
 */
export function reasonUnmatched(request: MatchRequest, offers: readonly VolunteerOffer[], excluded: Set<string>): UnmatchedReason {
  let latest = -1;
  for (const offer of offers) {
    const failsAt = CONSTRAINTS.findIndex(([, holds]) => !holds(request, offer, excluded));
    if (failsAt === -1) return "taken";
    latest = Math.max(latest, failsAt);
  }
  return CONSTRAINTS[Math.max(0, latest)][0];
}

/** Counts per reason over the requests not in `matchedRequestIds`. */
export function unmatchedReasons(input: MatchInput, matchedRequestIds: ReadonlySet<string>): UnmatchedCounts {
  const excluded = new Set(input.excludedPairs.map((pair) => pairKey(pair.newcomerId, pair.volunteerId)));
  const byKind = new Map<string, VolunteerOffer[]>();
  for (const offer of input.offers) {
    const ofKind = byKind.get(offer.kind) ?? [];
    ofKind.push(offer);
    byKind.set(offer.kind, ofKind);
  }
  const counts: UnmatchedCounts = {};
  for (const request of input.requests) {
    if (matchedRequestIds.has(request.id)) continue;
    // Offers of another kind fail the first constraint anyway; starting from the request's kind saves the work.
    const reason = reasonUnmatched(request, byKind.get(request.kind) ?? [], excluded);
    counts[reason] = (counts[reason] ?? 0) + 1;
  }
  return counts;
}
