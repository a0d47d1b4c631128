/**
 * One matching run's computation, everything a run needs from the engine: the assignment and
 * the reasons for the requests left over. Plain data in and out, so that it can run in a worker
 * thread (worker.mjs); both directions go in slices (sliced-messages.ts).
 */
import { assign } from "../engine";
import { postSliced, receiveSliced } from "./sliced-messages";
import type { MatchInput, MatchResult, Proposal } from "./types";
import { unmatchedReasons, type UnmatchedCounts } from "./unmatched";

export type MatchJobResult = { result: MatchResult; unmatched: UnmatchedCounts; runtimeMs: number };

export function matchJob(input: MatchInput): MatchJobResult {
  const started = performance.now();
  const result = assign(input);
  const runtimeMs = Math.round(performance.now() - started);
  const unmatched = unmatchedReasons(input, new Set(result.proposals.map((proposal) => proposal.requestId)));
  return { result, unmatched, runtimeMs };
}

type Port = Parameters<typeof postSliced>[0];

export function sendInput(port: Port, input: MatchInput) {
  const { requests, offers, excludedPairs, ...rest } = input;
  return postSliced(port, { requests, offers, excludedPairs }, rest);
}

async function receiveInput(port: Port): Promise<MatchInput> {
  const { arrays, rest } = await receiveSliced(port);
  return {
    ...(rest as Omit<MatchInput, "requests" | "offers" | "excludedPairs">),
    requests: (arrays.requests ?? []) as MatchInput["requests"],
    offers: (arrays.offers ?? []) as MatchInput["offers"],
    excludedPairs: (arrays.excludedPairs ?? []) as MatchInput["excludedPairs"],
  };
}

function sendResult(port: Port, job: MatchJobResult) {
  const { proposals, unmatched, ...result } = job.result;
  return postSliced(port, { proposals, unmatchedIds: unmatched }, { ...job, result });
}

export async function receiveResult(port: Port): Promise<MatchJobResult> {
  const { arrays, rest } = await receiveSliced(port);
  const job = rest as { result: Omit<MatchResult, "proposals" | "unmatched"> } & Omit<MatchJobResult, "result">;
  const result = { ...job.result, proposals: (arrays.proposals ?? []) as Proposal[], unmatched: (arrays.unmatchedIds ?? []) as string[] };
  return { ...job, result };
}

/** The worker thread's side: the input in, the job's result out. */
export async function serve(port: Port) {
  await sendResult(port, matchJob(await receiveInput(port)));
}
