/**
 * Lighthouse 12 in mobile mode (its default: a mid-range phone, simulated slow 4G, 4× CPU
 * slowdown) against the production build with the demo community, on Debian's Chromium, for the
 * start page, the activity list and one activity page. Scores 0–100 for performance,
 * accessibility and best practices; the largest findings of each page go to stderr.
 *
 * The server runs as `npm start` runs it (its own process, NODE_ENV=production, DEMO_DATA) on a
 * fresh SQLite file, so that the benchmark's own work does not share its event loop.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CATEGORIES = { performance: "performance", accessibility: "accessibility", best_practices: "best-practices" } as const;
const progress = (message: string) => process.stderr.write(`  [lighthouse] ${message}\n`);

async function startDemoServer(dir: string) {
  const { DATABASE_URL: _postgres, ...env } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    env: { ...env, SQLITE_PATH: join(dir, "demo.db"), DEMO_DATA: "true", PORT: "0", HOST: "127.0.0.1", NODE_ENV: "production", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const found = /Meedoen is running: open (http:\/\/\S+)/.exec(output);
      if (found) resolve(found[1]!.replace("localhost", "127.0.0.1"));
    });
    child.once("exit", (code) => reject(new Error(`the server stopped (${code}): ${output}`)));
  });
  return { url, stop: () => new Promise((resolve) => (child.exitCode === null ? (child.once("exit", resolve), child.kill("SIGTERM")) : resolve(null))) };
}

export async function lighthouseBench() {
  const dir = mkdtempSync(join(tmpdir(), "meedoen-lighthouse-"));
  const server = await startDemoServer(dir);
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    const list = await (await fetch(`${server.url}/activities`)).text();
    const activity = /href="(\/activities\/[0-9a-f-]{36})"/.exec(list)?.[1];
    if (!activity) throw new Error("no activity on the list page");
    const pages: Record<string, Record<keyof typeof CATEGORIES, number>> = {};
    for (const [name, path] of [
      ["/", "/"],
      ["/activities", "/activities"],
      ["/activities/:id", activity],
    ] as const) {
      const result = await lighthouse(`${server.url}${path}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: Object.values(CATEGORIES),
      });
      if (!result) throw new Error(`no result for ${path}`);
      const { categories, audits } = result.lhr;
      pages[name] = Object.fromEntries(Object.entries(CATEGORIES).map(([key, id]) => [key, Math.round((categories[id]?.score ?? 0) * 100)])) as Record<
        keyof typeof CATEGORIES,
        number
      >;
      const failing = Object.values(audits)
        .filter((audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== "informative" && audit.scoreDisplayMode !== "notApplicable")
        .map((audit) => `${audit.id}${audit.displayValue ? ` (${audit.displayValue})` : ""}`);
      const metric = (id: string) => audits[id]?.displayValue ?? "?";
      progress(
        `${name}: ${JSON.stringify(pages[name])}; FCP ${metric("first-contentful-paint")}, LCP ${metric("largest-contentful-paint")}, TBT ${metric("total-blocking-time")}, CLS ${metric("cumulative-layout-shift")}`,
      );
      if (failing.length > 0) progress(`  below 90: ${failing.join(", ")}`);
    }
    return { bench: "lighthouse", pages };
  } finally {
    await chrome.kill();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
