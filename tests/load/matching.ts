import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { greedy, type MatchInput, type MatchRequest, type Place, type VolunteerOffer } from "../../app/domain/matching/engine.ts";
import { matchJob } from "../../app/domain/matching/engine/job.ts";
import { matchInWorker } from "../../app/domain/matching/matching-thread.server.ts";
import { DAY_PARTS } from "../../app/lib/reference/availability.ts";
import { JOB_GOALS } from "../../app/lib/reference/buddies.ts";
import { INTERESTS } from "../../app/lib/reference/interests.ts";
import { SECTORS } from "../../app/lib/reference/sectors.ts";
import { seededRandom } from "../support/seeded-random.ts";

/**
 * The buddy-matching engine on a synthetic population (default 10,000 requests, 2,000
 * volunteers with 1–3 free slots each): runtime of the exact assignment, how much it gains over
 * the best-pair-first greedy baseline, and how quickly the server answers /healthz while it runs
 * (in its worker thread, as a matching run does; `--main-thread` for the old way). One run of
 * each: the matcher runs as a batch job, so a cold single run is what production sees.
 */

const root = new URL("../../", import.meta.url).pathname;
const DAY_MS = 86_400_000;
const NOW = new Date("2026-03-02T09:00:00Z");

type Municipality = { code: string; name: string; latitude: number; longitude: number };

/** Big cities get most people; the rest spread over all municipalities. */
const BIG_CITIES: Record<string, number> = {
  GM0363: 14, // Amsterdam
  GM0599: 10, // Rotterdam
  GM0518: 9, // Den Haag
  GM0344: 6, // Utrecht
  GM0479: 3, // Zaanstad
  GM0268: 3, // Nijmegen
  GM0034: 3, // Almere
  GM0772: 4, // Eindhoven
};
const BIG_CITY_SHARE = 0.55;

export function population(requests: number, volunteers: number, seed = 20_260_302): MatchInput {
  const rand = seededRandom(seed);
  const chance = (p: number) => rand() < p;
  const between = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)];
  const some = <T>(items: readonly T[], min: number, max: number) => {
    const count = between(min, max);
    return [...new Set(Array.from({ length: count }, () => pick(items)))];
  };
  const weighted = <T extends string>(weights: Record<T, number>) => {
    const entries = Object.entries(weights) as [T, number][];
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    return () => {
      let roll = rand() * total;
      for (const [value, w] of entries) if ((roll -= w) < 0) return value;
      return entries[entries.length - 1][0];
    };
  };

  const municipalities: Municipality[] = JSON.parse(readFileSync(join(root, "prisma/reference/municipalities.json"), "utf8"));
  const byCode = new Map(municipalities.map((m) => [m.code, m]));
  const bigCity = weighted(BIG_CITIES);
  const place = (): Place => {
    const m = chance(BIG_CITY_SHARE) ? byCode.get(bigCity())! : pick(municipalities);
    return { code: m.code, name: m.name, latitude: m.latitude, longitude: m.longitude };
  };
  const allSlots = [1, 2, 3, 4, 5, 6, 7].flatMap((day) => DAY_PARTS.map((part) => `${day}-${part}`));
  const slots = () => some(allSlots, 2, 6);
  const interests = () => some(INTERESTS, 1, 5);
  const homeLanguage = weighted({ uk: 45, ar: 15, ru: 10, tr: 8, fa: 8, ti: 7, so: 7 });
  const targetPractise = weighted({ nl: 85, en: 15 });
  const sector = weighted(Object.fromEntries(SECTORS.map((s, i) => [s, i < 8 ? 3 : 1])) as Record<string, number>);
  const level = weighted({ A1: 30, A2: 30, B1: 25, B2: 15 });

  const newcomers: MatchRequest[] = Array.from({ length: requests }, (_, i) => {
    const home = homeLanguage();
    const speaks: string[] = [home];
    if (home === "uk" && chance(0.4)) speaks.push("ru");
    if (chance(0.55)) speaks.push("en");
    if (chance(0.15)) speaks.push("nl");
    const language = chance(0.7);
    return {
      id: `req-${String(i).padStart(6, "0")}`,
      newcomerId: `newcomer-${i}`,
      kind: language ? "language" : "job",
      targetLanguage: language ? targetPractise() : null,
      targetLevel: language ? level() : null,
      targetSector: language ? null : sector(),
      goals: language ? [] : some(JOB_GOALS, 0, 3),
      speaks: [...new Set(speaks)],
      interests: interests(),
      place: chance(0.97) ? place() : null,
      onlineOk: chance(0.4),
      availability: slots(),
      waitingSince: new Date(NOW.getTime() - between(0, 200) * DAY_MS),
    };
  });

  const offers: VolunteerOffer[] = Array.from({ length: volunteers }, (_, i) => {
    const language = chance(0.7);
    const speaks = ["nl"];
    if (chance(0.85)) speaks.push("en");
    for (const extra of ["de", "fr", "ar", "uk"]) if (chance(0.07)) speaks.push(extra);
    const helpsWith = language ? (chance(0.3) ? ["nl", "en"] : chance(0.9) ? ["nl"] : ["en"]) : some(JOB_GOALS, 1, 4);
    const onlineOk = chance(0.4);
    return {
      id: `offer-${String(i).padStart(5, "0")}`,
      volunteerId: `volunteer-${i}`,
      kind: language ? "language" : "job",
      helpsWith,
      sectors: language ? [] : some(SECTORS, 1, 3),
      speaks,
      interests: interests(),
      place: place(),
      travelKm: between(5, 25),
      onlineOk,
      onlineOnly: onlineOk && chance(0.1),
      availability: slots(),
      capacity: between(1, 3),
      verified: chance(0.95),
      paused: chance(0.03),
    };
  });

  // A few hundred pairs that must never be proposed again (declined, ended, or blocked).
  const excludedPairs = Array.from({ length: Math.round(requests / 20) }, () => ({
    newcomerId: `newcomer-${between(0, requests - 1)}`,
    volunteerId: `volunteer-${between(0, volunteers - 1)}`,
  }));
  return { requests: newcomers, offers, excludedPairs, now: NOW };
}

const progress = (message: string) => process.stderr.write(`  [matching] ${message}\n`);

type ProbeStats = { requests: number; errors: number; p50_ms: number; p99_ms: number; max_ms: number };

/** Latencies of /healthz, asked by a separate process from now until `stop`. */
function probeHealthz(url: string) {
  const child = spawn(process.execPath, [join(root, "tests/load/healthz-probe.mjs"), url], { stdio: ["pipe", "pipe", "inherit"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    stop: async (): Promise<ProbeStats> => {
      child.stdin.end();
      await exited;
      return JSON.parse(output) as ProbeStats;
    },
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The real server in this process (so that /healthz shares the event loop with the matching, as
 * in production), on a fresh SQLite file unless the environment names a database.
 */
async function startBenchServer() {
  process.env.NODE_ENV ??= "production";
  process.env.LOG_LEVEL ??= "warn";
  process.env.SQLITE_PATH ??= join(mkdtempSync(join(tmpdir(), "meedoen-bench-")), "bench.db");
  const { startServer } = await import("../../server/app.ts");
  return startServer({ port: 0, host: "127.0.0.1" });
}

/**
 * How long the server takes to answer /healthz, idle and while `work` runs: the matching in its
 * worker thread, or (`--main-thread`, for comparison) on the event loop as before.
 */
async function healthzAround<T>(url: string, work: () => Promise<T>) {
  const idleProbe = probeHealthz(url);
  await pause(IDLE_PROBE_MS);
  const idle = await idleProbe.stop();
  const duringProbe = probeHealthz(url);
  await pause(200); // the probe process is up and asking before the work starts
  const outcome = await work();
  const during = await duringProbe.stop();
  return { idle, during, outcome };
}
const IDLE_PROBE_MS = 5_000;

export async function matching(args: { duration: number; requests?: number; volunteers?: number; mainThread?: boolean }) {
  const requests = args.requests ?? 10_000;
  const volunteers = args.volunteers ?? 2_000;
  const input = population(requests, volunteers);
  const slots = input.offers.reduce((sum, o) => sum + o.capacity, 0);
  progress(`${requests} requests, ${volunteers} volunteers with ${slots} slots`);

  const server = await startBenchServer();
  let started = 0;
  let measured;
  try {
    measured = await healthzAround(server.url, async () => {
      started = performance.now();
      // The same call a matching run makes (matches.server.ts), or the engine inline, as before.
      return args.mainThread ? matchJob(input) : await matchInWorker(input);
    });
  } finally {
    await server.close();
  }
  const wall = Math.round(performance.now() - started);
  const { idle, during, outcome: job } = measured;
  const optimal = job.result;
  progress(`assign: ${job.runtimeMs} ms (${wall} ms with the reasons and the thread), ${optimal.matched} matched, score ${optimal.totalScore}`);
  progress(`/healthz p99: ${idle.p99_ms} ms idle, ${during.p99_ms} ms during the run (${during.requests} requests)`);

  started = performance.now();
  const baseline = greedy(input);
  const greedyRuntime = Math.round(performance.now() - started);
  progress(`greedy: ${greedyRuntime} ms, ${baseline.matched} matched, score ${baseline.totalScore}`);

  return {
    bench: "matching",
    requests,
    volunteers,
    slots,
    thread: args.mainThread ? "main" : "worker",
    runtime_ms: job.runtimeMs,
    run_ms: wall,
    matched: optimal.matched,
    score: optimal.totalScore,
    healthz_p99_ms_idle: idle.p99_ms,
    healthz_p99_ms_during: during.p99_ms,
    healthz_during: during,
    greedy: { runtime_ms: greedyRuntime, matched: baseline.matched, score: baseline.totalScore },
  };
}
