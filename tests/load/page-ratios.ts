import { spawn, type ChildProcess } from "node:child_process";
import { loadavg } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { freePort, load, root } from "./support.ts";

/**
 * What the activity pages cost next to what they cannot beat: twenty static cards through the
 * app's own layout (`/bench/static-cards`) and the same cards from a bare Remix app
 * (tests/load/baseline). Phases run interleaved (A, B, C, A, B, C), each with the load average at
 * its start, so that a busy neighbour on the machine slows every side alike.
 */

const BASELINE = join(root, "tests/load/baseline");
const progress = (message: string) => process.stderr.write(`  [pages] ${message}\n`);

export type Phase = { name: string; url: string; headers?: Record<string, string> };
export type PhaseResult = { rps: number; p50_ms: number; p99_ms: number; errors: number; load1: number };

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", 2, 2] });
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

/** Builds and starts the bare Remix app in a process of its own; resolves once it answers. */
export async function startBaseline(): Promise<{ url: string; stop: () => Promise<void> }> {
  await run(process.execPath, [join(root, "node_modules/@remix-run/dev/dist/cli.js"), "build"], BASELINE);
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: BASELINE,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port) },
    stdio: ["ignore", 2, 2],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null) throw new Error(`the baseline exited with ${child.exitCode}`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Each phase `rounds` times, interleaved; results per phase in run order. */
export async function interleaved(phases: Phase[], rounds: number, duration: number, settle: () => Promise<void>) {
  const results: Record<string, PhaseResult[]> = Object.fromEntries(phases.map((phase) => [phase.name, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const phase of phases) {
      const load1 = Math.round(loadavg()[0] * 100) / 100;
      const result = await load(phase.url, { duration, headers: phase.headers });
      results[phase.name].push({ ...result, load1 });
      progress(
        `round ${round} ${phase.name}: ${result.rps} req/s, p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms, load ${load1}${result.errors ? `, ${result.errors} errors` : ""}`,
      );
      await settle();
    }
  }
  return results;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
export const medianOf = (results: PhaseResult[], key: "rps" | "p99_ms") => median(results.map((result) => result[key]));
export const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : null);

/**
 * What a first visit to `path` downloads, gzip-compressed as a phone would get it: the HTML, the
 * scripts it loads (entry, route modules and their shared chunks) and the translations file.
 */
export async function firstVisitBytes(baseUrl: string, path: string, headers: Record<string, string> = {}) {
  const html = await (await fetch(baseUrl + path, { headers })).text();
  // What the browser fetches: the module preloads (entry, manifest, route modules, their chunks), not every route the manifest names.
  const scripts = [...new Set([...html.matchAll(/<link rel="modulepreload" href="(\/build\/[^"]+\.js)"/g)].map((match) => match[1]))];
  const gzipped = async (url: string) => gzipSync(Buffer.from(await (await fetch(baseUrl + url)).arrayBuffer())).length;
  const scriptBytes = (await Promise.all(scripts.map(gzipped))).reduce((sum, bytes) => sum + bytes, 0);
  const translations = /href="(\/locales\/[^"]+\.json)"/.exec(html)?.[1];
  return {
    html_kb: Math.round(Buffer.byteLength(html) / 1024),
    html_gzip_kb: Math.round(gzipSync(html).length / 1024),
    js_gzip_kb: Math.round(scriptBytes / 1024),
    scripts: scripts.length,
    translations_gzip_kb: translations ? Math.round((await gzipped(translations)) / 1024) : 0,
  };
}
