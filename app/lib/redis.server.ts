import { Redis } from "ioredis";
import { config } from "./config.server";

/**
 * The shared Redis connection for quick commands (rate limits), or null without REDIS_URL.
 * Commands fail at once while Redis is unreachable (no offline queue), so callers can fall back
 * instead of hanging a request.
 */
let connection: Redis | undefined;

export function redis(): Redis | null {
  const url = config().REDIS_URL;
  if (!url) return null;
  if (!connection) {
    connection = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
    connection.on("error", () => undefined); // reconnects by itself; failures surface where commands are used
  }
  return connection;
}

/** A separate connection for blocking reads (the Socket.IO streams adapter). */
export function newRedisConnection(): Redis {
  const client = new Redis(config().REDIS_URL!, { maxRetriesPerRequest: null });
  client.on("error", () => undefined);
  return client;
}

export async function closeRedis() {
  const client = connection;
  connection = undefined;
  await client?.quit().catch(() => client.disconnect());
}

/** Waits briefly for the first connection at start-up; the app runs without Redis if it is late. */
export async function warmUpRedis(timeoutMs = 3000) {
  const client = redis();
  if (!client || client.status === "ready") return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    client.once("ready", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
