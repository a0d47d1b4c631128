import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import { hashSessionToken } from "../../app/domain/auth/session-adapter.server.ts";

export const root = new URL("../../", import.meta.url).pathname;

/**
 * Signed-in people without the sign-in form: session rows as Lucia writes them (the row holds the
 * token's hash, decisions/017) and the tokens their cookies carry.
 */
export function sessionsFor(userIds: string[], expiresAt: Date) {
  const tokens = userIds.map(() => randomBytes(20).toString("hex"));
  return { rows: userIds.map((userId, i) => ({ id: hashSessionToken(tokens[i]), userId, expiresAt })), tokens };
}

export type StartedServer = { url: string; process: ChildProcess; startMs: number; stop: () => Promise<void> };

/** Starts `server/index.ts` as production would, on a fresh SQLite file unless env says otherwise. */
/** A port nobody listens on right now (the OS picks it), so parallel servers never collide. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export async function startServerProcess(env: Record<string, string> = {}, chosenPort?: number): Promise<StartedServer> {
  const port = chosenPort ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), "meedoen-bench-"));
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn", PORT: String(port), SQLITE_PATH: join(dir, "bench.db"), ...env },
    // The server's own log lines go to stderr, so stdout carries only the benchmark's JSON.
    stdio: ["ignore", 2, 2],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const startMs = Math.round(performance.now() - started);
  return {
    url,
    process: child,
    startMs,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export async function load(url: string, options: { connections?: number; duration?: number; headers?: Record<string, string> } = {}) {
  const result = await autocannon({ url, connections: options.connections ?? 50, duration: options.duration ?? 10, headers: options.headers });
  return {
    rps: Math.round(result.requests.average),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}
