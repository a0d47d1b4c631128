// The matching worker thread: receives a MatchInput, runs `matchJob` on it and sends the result
// back (job.ts#serve). Plain JavaScript, so that Node can start it without a loader; the
// engine's TypeScript is loaded through tsx, whatever runs the main thread (tsx, vitest).
import { parentPort } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const { serve } = await tsImport("./job.ts", import.meta.url);
await serve(parentPort);
