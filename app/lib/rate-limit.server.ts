import { RateLimited } from "~/domain/errors";
import { config } from "./config.server";
import { redis } from "./redis.server";
import { singleton } from "./singleton.server";

/**
 * Fixed-window counters. With REDIS_URL they live in Redis, so a limit holds across every
 * instance; without it (or while Redis is unreachable) in this process's memory, so that a Redis
 * outage weakens limits instead of taking sign-in down.
 */
type Window = { count: number; resetAt: number };
export type RateLimitRule = { name: string; limit: number; windowMs: number };

export const RULES = {
  signInPerAccount: { name: "sign-in:account", limit: 5, windowMs: 15 * 60_000 },
  signInPerAddress: { name: "sign-in:address", limit: 30, windowMs: 15 * 60_000 },
  registerPerAddress: { name: "register:address", limit: 10, windowMs: 60 * 60_000 },
  chatPerPerson: { name: "chat:person", limit: 20, windowMs: 60_000 },
  liveChatPerPerson: { name: "live-chat:person", limit: 5, windowMs: 10_000 },
  questionsPerPerson: { name: "questions:person", limit: 3, windowMs: 60_000 },
} satisfies Record<string, RateLimitRule>;

const windows = () => singleton("rate-limit-windows", () => new Map<string, Window>());

/** Counts one attempt and throws RateLimited once the rule's limit is passed. */
export async function hit(rule: RateLimitRule, key: string, now = Date.now()): Promise<void> {
  const id = `${rule.name}:${key}`;
  const shared = redis();
  if (shared?.status === "ready") {
    const redisKey = `${config().REDIS_PREFIX}rl:${id}`;
    const counted = await shared
      .multi()
      .incr(redisKey)
      .pexpire(redisKey, rule.windowMs, "NX")
      .pttl(redisKey)
      .exec()
      .catch(() => null);
    if (counted && !counted.some(([error]) => error)) {
      const count = Number(counted[0][1]);
      const ttl = Number(counted[2][1]);
      if (count > rule.limit) throw RateLimited(Math.max(ttl, 1000) / 1000);
      return;
    }
  }
  hitLocally(rule, id, now);
}

function hitLocally(rule: RateLimitRule, id: string, now: number) {
  const store = windows();
  let window = store.get(id);
  if (!window || window.resetAt <= now) {
    window = { count: 0, resetAt: now + rule.windowMs };
    store.set(id, window);
  }
  window.count += 1;
  if (window.count > rule.limit) throw RateLimited((window.resetAt - now) / 1000);
  if (store.size > 50_000) sweep(store, now);
}

export async function reset(rule: RateLimitRule, key: string): Promise<void> {
  windows().delete(`${rule.name}:${key}`);
  await redis()?.del(`${config().REDIS_PREFIX}rl:${rule.name}:${key}`).catch(() => undefined);
}

function sweep(store: Map<string, Window>, now: number) {
  for (const [id, window] of store) if (window.resetAt <= now) store.delete(id);
}
