import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { RateLimited } from "~/domain/errors";
import { config } from "./config.server";
import { redis } from "./redis.server";

/**
 * Fixed-window counters from rate-limiter-flexible. With REDIS_URL they live in Redis, so a limit
 * holds across every instance, with an in-memory limiter as insurance: while Redis is unreachable
 * each instance counts on its own, which weakens limits for a while instead of taking sign-in down.
 * Without REDIS_URL they live in this process's memory.
 */
export type RateLimitRule = { name: string; limit: number; windowMs: number };

export const RULES = {
  registerPerAddress: { name: "register:address", limit: 10, windowMs: 60 * 60_000 },
  /** Reset links asked for from one address (any accounts): refused with a message beyond this. */
  passwordResetPerAddress: { name: "password-reset:address", limit: 10, windowMs: 60 * 60_000 },
  /** Reset mails to one account: beyond this nothing is sent, and the answer stays the same. */
  passwordResetPerAccount: { name: "password-reset:account", limit: 3, windowMs: 60 * 60_000 },
  /** New confirmation links one account may ask for: the link is valid a week, three an hour is plenty. */
  verificationPerAccount: { name: "verify-address:account", limit: 3, windowMs: 60 * 60_000 },
  chatPerPerson: { name: "chat:person", limit: 20, windowMs: 60_000 },
  liveChatPerPerson: { name: "live-chat:person", limit: 5, windowMs: 10_000 },
  questionsPerPerson: { name: "questions:person", limit: 3, windowMs: 60_000 },
  /** New helpdesk questions per person: a real need rarely takes more than a few an hour (decision 041). */
  helpQuestionsPerPerson: { name: "help-questions:person", limit: 5, windowMs: 60 * 60_000 },
  /** Replies under one's own helpdesk questions, per person. */
  helpRepliesPerPerson: { name: "help-replies:person", limit: 30, windowMs: 60 * 60_000 },
  /** Answers per helpdesk volunteer or organiser: a busy evening at the queue, not a script. */
  helpAnswersPerPerson: { name: "help-answers:person", limit: 200, windowMs: 60 * 60_000 },
  /** Wrong spoken check-in codes per person and activity. */
  checkInCodeGuesses: { name: "check-in-code:person", limit: 5, windowMs: 10 * 60_000 },
} satisfies Record<string, RateLimitRule>;

type Built = { client: ReturnType<typeof redis>; limiter: RateLimiterAbstract };

/** Every limiter of the process, built on first use. */
const built = new Map<string, Built>();
const limiters = () => built;

/** The limiter for a rule, built once; rebuilt only if the Redis connection was replaced. */
export function limiterFor(rule: RateLimitRule): RateLimiterAbstract {
  const client = redis();
  const known = limiters().get(rule.name);
  if (known && known.client === client) return known.limiter;
  // Redis expiries are whole seconds: a shorter window would never expire.
  const options = { points: rule.limit, duration: Math.max(1, Math.ceil(rule.windowMs / 1000)) };
  const keyPrefix = `${config().REDIS_PREFIX}rl:${rule.name}`;
  const limiter = client
    ? new RateLimiterRedis({
        ...options,
        keyPrefix,
        storeClient: client,
        rejectIfRedisNotReady: true, // go to the insurance at once instead of waiting on a reconnect
        insuranceLimiter: new RateLimiterMemory({ ...options, keyPrefix }),
      })
    : new RateLimiterMemory({ ...options, keyPrefix });
  limiters().set(rule.name, { client, limiter });
  return limiter;
}

/** A refusal from rate-limiter-flexible (over the limit), as opposed to a store failure. */
export function isRefusal(error: unknown): error is RateLimiterRes {
  return error instanceof RateLimiterRes;
}

/** Turns a limiter's refusal into the domain's RateLimited error; anything else is rethrown. */
export function asRateLimited(error: unknown, messageKey?: string): never {
  if (isRefusal(error)) throw RateLimited(error.msBeforeNext / 1000, messageKey);
  throw error;
}

/** Counts one attempt and throws RateLimited once the rule's limit is passed. */
export async function hit(rule: RateLimitRule, key: string, messageKey?: string): Promise<void> {
  await limiterFor(rule)
    .consume(key)
    .catch((error: unknown) => asRateLimited(error, messageKey));
}

/** Gives back an attempt counted by `hit` that turned out not to count (it succeeded). */
export async function refund(rule: RateLimitRule, key: string): Promise<void> {
  await limiterFor(rule).reward(key);
}

/** Throws RateLimited if the rule's limit is already used up, without counting anything. */
export async function requireRoom(rule: RateLimitRule, key: string): Promise<void> {
  const used = await limiterFor(rule).get(key);
  if (used && used.msBeforeNext > 0 && used.consumedPoints >= rule.limit) throw RateLimited(used.msBeforeNext / 1000);
}

/** Counts an event (one that already happened) towards the rule without refusing it. */
export async function record(rule: RateLimitRule, key: string): Promise<void> {
  await limiterFor(rule).penalty(key);
}
