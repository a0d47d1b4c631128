/**
 * Reports over a long series (decision 030): a weekly series of 5,000 dates with a random
 * attendance history on each (tests/support/series-history.ts), on a fresh SQLite file, in this
 * process. Times, in turns:
 *
 * - read: the baseline, reading the rows the reports count (the period's activities with their
 *   themes, then sign-ups, check-ins and online sessions of those dates) without counting them;
 * - reach: the reach per theme over a period holding every date (`themeReach`);
 * - series: the trend over every date of the series (`trendOf`; the page shows the first 60).
 *
 * Interleaved (read, reach, series, read, …) so that a busy machine slows all three alike; the
 * load average is recorded at each run, and the medians and their ratios are reported.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { ACTIVITY_TIMES, attendanceRowsOf } from "../../app/domain/attendance/attendance.server.ts";
import { themeReach, trendOf } from "../../app/domain/attendance/reports.server.ts";
import { forgetConfig } from "../../app/lib/config.server.ts";
import { closeDb, db } from "../../app/lib/db.server.ts";
import { migrate } from "../../server/db/migrate.ts";
import { seriesWithHistory } from "../support/series-history.ts";

// Nine rounds: on a shared machine single runs vary by a factor of two, the median much less.
const ROUNDS = 9;
const progress = (message: string) => process.stderr.write(`  [reports] ${message}\n`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value: number, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;

export async function reports(args: { occurrences?: number }) {
  const occurrences = args.occurrences ?? 5_000;
  const dir = mkdtempSync(join(tmpdir(), "meedoen-reports-bench-"));
  const file = join(dir, "bench.db");
  await migrate({ provider: "sqlite", file });
  const previousUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = `file:${file}`;
  forgetConfig();
  try {
    let started = performance.now();
    const history = await seriesWithHistory({ occurrences, people: 400 });
    const [signUps, checkIns, sessions] = await Promise.all([db().rsvp.count(), db().checkIn.count(), db().attendanceSession.count()]);
    progress(
      `${occurrences} dates, ${signUps} sign-ups, ${checkIns} check-ins, ${sessions} online sessions written in ${round(performance.now() - started)} ms`,
    );

    const { organiserId, first, after } = history;
    const period = { startsAt: { gte: first, lt: after }, status: "published", organiserId };
    const runs: Record<string, () => Promise<unknown>> = {
      // What themeReach reads: the period's dates with their themes, then the rows of those dates.
      read: async () => {
        const dates = await db().activity.findMany({ where: period, select: { ...ACTIVITY_TIMES, themes: { select: { theme: true } } }, take: 5000 });
        return attendanceRowsOf(
          dates.map((date) => date.id),
          true,
        );
      },
      reach: () => themeReach(organiserId, first, after, after),
      series: async () => trendOf(await db().activity.findMany({ where: period, orderBy: { startsAt: "asc" }, select: ACTIVITY_TIMES }), after),
    };
    const log: { run: string; ms: number; load1: number }[] = [];
    for (let turn = 0; turn <= ROUNDS; turn++) {
      for (const [name, run] of Object.entries(runs)) {
        const load1 = round(loadavg()[0], 2);
        started = performance.now();
        await run();
        const ms = round(performance.now() - started, 1);
        // The first round warms the caches (SQLite's pages, Prisma's query plans) and is not counted.
        if (turn > 0) log.push({ run: name, ms, load1 });
        progress(`${turn === 0 ? "warm-up " : ""}${name}: ${ms} ms (load ${load1})`);
      }
    }
    const ms = (name: string) => median(log.filter((entry) => entry.run === name).map((entry) => entry.ms));
    return {
      bench: "reports",
      occurrences,
      sign_ups: signUps,
      check_ins: checkIns,
      online_sessions: sessions,
      rounds: ROUNDS,
      read_ms: ms("read"),
      report_ms: ms("reach"),
      series_ms: ms("series"),
      report_vs_read: round(ms("reach") / ms("read"), 2),
      series_vs_read: round(ms("series") / ms("read"), 2),
      runs: log,
    };
  } finally {
    await closeDb();
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
    forgetConfig();
    rmSync(dir, { recursive: true, force: true });
  }
}
