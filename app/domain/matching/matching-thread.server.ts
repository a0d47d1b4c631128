/**
 * Runs a matching job in a worker thread of its own, so that the server keeps answering while a
 * large run takes seconds of CPU (decisions/031). One worker per run: runs are rare, and starting
 * a worker costs a fraction of a second next to the matching itself.
 */
import { Worker } from "node:worker_threads";
import { receiveResult, sendInput, type MatchJobResult } from "./engine/job";
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
