import { RateLimited } from "~/domain/errors";
import { singleton } from "./singleton.server";

/**
 * Fixed-window counters in this process's memory. Good for one instance; the scale-out work
 * swaps the store for Redis behind the same `hit` call so limits hold across instances.
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
export function hit(rule: RateLimitRule, key: string, now = Date.now()): void {
  const id = `${rule.name}:${key}`;
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

export function reset(rule: RateLimitRule, key: string): void {
  windows().delete(`${rule.name}:${key}`);
}

function sweep(store: Map<string, Window>, now: number) {
  for (const [id, window] of store) if (window.resetAt <= now) store.delete(id);
}
