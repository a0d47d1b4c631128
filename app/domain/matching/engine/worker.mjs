// The matching worker thread: runs `matchJob` (job.ts) on the input it was started with and
// posts the result back. Plain JavaScript, so that Node can start it without a loader; the
// engine's TypeScript is loaded through tsx, whatever runs the main thread (tsx, vitest).
import { parentPort, workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const { matchJob } = await tsImport("./job.ts", import.meta.url);
parentPort.postMessage(matchJob(workerData));
