// The matching worker thread: receives a MatchInput, runs `matchJob` on it and sends the result
// back (job.ts#serve). Plain JavaScript, so that Node can start it without a loader; the
// engine's TypeScript is loaded through tsx, whatever runs the main thread (tsx, vitest).
import { parentPort } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

// A worker whose event loop runs empty ends with code 0, even inside an unsettled top-level
// await. tsx's loader talks to its hooks over a port that does not keep the thread alive, so on
// a loaded machine the import could be left waiting with nothing holding the loop: the thread
// ended "without a result" (decision 031, amendment). This timer holds it until the answer is out.
const keepAlive = setInterval(() => {}, 60_000);
try {
  const { serve } = await tsImport("./job.ts", import.meta.url);
  await serve(parentPort);
} finally {
  clearInterval(keepAlive);
}
