/**
 * Usage: npm run bench [-- <name>] [--duration 10] [--clients 2000] [--activities 10000] [--occurrences 5000] [--requests N --volunteers M] [--main-thread]
 * Benchmarks print human-readable progress on stderr and one final JSON line per benchmark on stdout.
 */
import { parseArgs } from "node:util";
import { activities } from "./activities.ts";
import { cluster } from "./cluster.ts";
import { foundation } from "./foundation.ts";
import { helpdesk } from "./helpdesk.ts";
import { lighthouseBench } from "./lighthouse.ts";
import { matching } from "./matching.ts";
import { preview } from "./preview.ts";
import { reports } from "./reports.ts";
import { sqliteLock } from "./sqlite-lock.ts";
import { webinar } from "./webinar.ts";

type BenchArgs = {
  duration: number;
  requests?: number;
  volunteers?: number;
  clients?: number;
  activities?: number;
  occurrences?: number;
  mainThread?: boolean;
};
const benches: Record<string, (args: BenchArgs) => Promise<unknown>> = {
  foundation,
  activities,
  matching,
  webinar,
  cluster,
  "sqlite-lock": sqliteLock,
  reports,
  preview,
  helpdesk,
  lighthouse: lighthouseBench,
};

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    duration: { type: "string", default: "10" },
    requests: { type: "string" },
    volunteers: { type: "string" },
    clients: { type: "string" },
    activities: { type: "string" },
    occurrences: { type: "string" },
    "main-thread": { type: "boolean" },
  },
});
const names = positionals.length > 0 ? positionals : Object.keys(benches);
for (const name of names) {
  const bench = benches[name];
  if (!bench) {
    console.error(`Unknown benchmark "${name}". Known: ${Object.keys(benches).join(", ")}`);
    process.exit(1);
  }
  console.error(`Running ${name}…`);
  const args: BenchArgs = {
    duration: Number(values.duration),
    ...(values.requests ? { requests: Number(values.requests) } : {}),
    ...(values.volunteers ? { volunteers: Number(values.volunteers) } : {}),
    ...(values.clients ? { clients: Number(values.clients) } : {}),
    ...(values.activities ? { activities: Number(values.activities) } : {}),
    ...(values.occurrences ? { occurrences: Number(values.occurrences) } : {}),
    ...(values["main-thread"] ? { mainThread: true } : {}),
  };
  console.log(JSON.stringify(await bench(args)));
}
