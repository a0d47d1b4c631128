/**
 * One matching run's computation, everything a run needs from the engine: the assignment and
 * the reasons for the requests left over. Plain data in and out, so that it can run in a worker
 * thread (worker.mjs) and cross the thread boundary by structured clone.
 */
import { assign } from "../engine";
import type { MatchInput, MatchResult } from "./types";
import { unmatchedReasons, type UnmatchedCounts } from "./unmatched";

export type MatchJobResult = { result: MatchResult; unmatched: UnmatchedCounts; runtimeMs: number };

export function matchJob(input: MatchInput): MatchJobResult {
  const started = performance.now();
  const result = assign(input);
  const runtimeMs = Math.round(performance.now() - started);
  const unmatched = unmatchedReasons(input, new Set(result.proposals.map((proposal) => proposal.requestId)));
  return { result, unmatched, runtimeMs };
}
