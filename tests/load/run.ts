/**
 * Usage: npm run bench [-- <name>] [--duration 10]
 * Benchmarks print human-readable progress on stderr and one final JSON line per benchmark on stdout.
 */
import { parseArgs } from "node:util";
import { activities } from "./activities.ts";
import { foundation } from "./foundation.ts";

const benches: Record<string, (args: { duration: number }) => Promise<unknown>> = { foundation, activities };

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { duration: { type: "string", default: "10" } },
});
const names = positionals.length > 0 ? positionals : Object.keys(benches);
for (const name of names) {
  const bench = benches[name];
  if (!bench) {
    console.error(`Unknown benchmark "${name}". Known: ${Object.keys(benches).join(", ")}`);
    process.exit(1);
  }
  console.error(`Running ${name}…`);
  console.log(JSON.stringify(await bench({ duration: Number(values.duration) })));
}
