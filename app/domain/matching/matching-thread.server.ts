/**
 * Runs a matching job in a worker thread of its own, so that the server keeps answering while a
 * large run takes seconds of CPU (decisions/031). One worker per run: runs are rare, and starting
 * a worker costs a fraction of a second next to the matching itself.
 */
import { Worker } from "node:worker_threads";
import { matchJob, receiveResult, sendInput, type MatchJobResult } from "./engine/job";
import type { MatchInput } from "./engine/types";

/** Rejects, never hangs, when the worker throws, cannot start, or exits without an answer. */
export function matchInWorker(input: MatchInput): Promise<MatchJobResult> {
  return new Promise((resolve, reject) => {
    // Resolved here, not at module load: the Remix build bundles this module elsewhere and never calls it.
    const worker = new Worker(new URL("./engine/worker.mjs", import.meta.url));
    // Once the result is in, the rejections below come too late to matter.
    receiveResult(worker).then(resolve);
    worker.once("error", (error) => reject(new Error(`The matching worker failed: ${error.message}`, { cause: error })));
    worker.once("exit", (code) => reject(new Error(`The matching worker exited (code ${code}) without a result.`)));
    sendInput(worker, input).catch((error: Error) => {
      reject(error);
      void worker.terminate(); // it would wait for the rest of its input forever
    });
  });
}

/**
 * Below this many request × offer pairs a run takes a few milliseconds (a town's matching), less
 * than starting a worker, and runs on the calling thread. It also keeps small runs clear of an
 * intermittent "exited (code 0) without a result" of the worker seen under heavy test load
 * (2 of ~40 runs of account-data-rights on a loaded machine; cause not found, see decision 031).
 */
export const SMALL_RUN_PAIRS = 250_000;

/** A matching run: on this thread when it is small, in a worker thread otherwise. */
export function runMatchJob(input: MatchInput): Promise<MatchJobResult> {
  if (input.requests.length * input.offers.length <= SMALL_RUN_PAIRS) return Promise.resolve(matchJob(input));
  return matchInWorker(input);
}
