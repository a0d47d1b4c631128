import { existsSync } from "node:fs";
import pg from "pg";

/** Set by .ci/run: a test that would skip for want of a service fails instead. */
export const servicesRequired = () => process.env.MEEDOEN_REQUIRE_SERVICES === "1";

export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function postgresProblem(): Promise<string | null> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return `PostgreSQL at ${POSTGRES_ADMIN_URL.replace(/\/\/[^@]*@/, "//")} is not reachable (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export async function redisProblem(): Promise<string | null> {
  const { Redis } = await import("ioredis");
  const client = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2000, retryStrategy: () => null });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.ping();
    return null;
  } catch (error) {
    return `Redis at ${REDIS_URL} is not reachable (${(error as Error).message})`;
  } finally {
    client.disconnect();
  }
}

export function chromiumProblem(): string | null {
  return existsSync(CHROMIUM_PATH) ? null : `no browser at ${CHROMIUM_PATH} (apt-get install -y chromium)`;
}

/** Either skips a group of tests with a visible reason, or fails the run when CI requires it. */
export function skipOrFail(what: string, problem: string | null): boolean {
  if (!problem) return false;
  if (servicesRequired()) throw new Error(`${what} are required here (MEEDOEN_REQUIRE_SERVICES=1), but ${problem}.`);
  console.warn(`\n⚠ Skipping ${what}: ${problem}. Set up the service to run them.\n`);
  return true;
}
