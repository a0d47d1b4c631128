import { asRateLimited, limiterFor } from "./rate-limit.server";

/**
 * Progressive delays (OWASP authentication cheat sheet) on top of two rate-limiter-flexible
 * counters per key: the attempts since the last success, and a gate that stays shut for the
 * current delay. Nothing is locked for long: each failure past the free ones only doubles the
 * wait before the next attempt, up to a ceiling.
 */
export type ProgressiveDelayPolicy = {
  name: string;
  /** Failures in a row that cost nothing: the next attempt may follow at once. */
  freeFailures: number;
  /** The wait after the first failure past the free ones; it doubles with every further one. */
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  /** Attempts are forgotten this long after the first one of a run. */
  windowSeconds: number;
  /**
   * Whether a success ends the run (true), or only does not count as a failure (false: for a key
   * that attackers share with the owner, whose success must not wipe the attackers' record).
   */
  successEndsRun: boolean;
};

/** Seconds to wait after attempt number `attempt` (1-based) if it fails. */
export function delayAfter(policy: ProgressiveDelayPolicy, attempt: number): number {
  if (attempt <= policy.freeFailures) return 0;
  return Math.min(policy.maxDelaySeconds, policy.firstDelaySeconds * 2 ** (attempt - policy.freeFailures - 1));
}

/** An admitted attempt: `withdraw` if it was never tried after all, `succeed` when it succeeded. */
export type Turn = { withdraw: () => Promise<void>; succeed: () => Promise<void> };

export class ProgressiveDelay {
  constructor(readonly policy: ProgressiveDelayPolicy) {}

  private attempts() {
    return limiterFor({ name: `${this.policy.name}:attempts`, limit: Number.MAX_SAFE_INTEGER, windowMs: this.policy.windowSeconds * 1000 });
  }

  private gate() {
    return limiterFor({ name: `${this.policy.name}:gate`, limit: 1, windowMs: this.policy.maxDelaySeconds * 1000 });
  }

  /**
   * Counts the attempt and, when it has to, shuts the gate behind it *before* the caller checks
   * anything: two attempts sent at once cannot both slip through an open gate, and an attempt
   * that waits is refused without being tried, so a right password teaches nothing while it waits.
   * Throws RateLimited with the time left.
   */
  async admit(key: string): Promise<Turn> {
    const attempt = (await this.attempts().consume(key)).consumedPoints;
    const delay = delayAfter(this.policy, attempt);
    try {
      if (delay > 0) {
        // The gate admits one attempt per opening; the first to arrive shuts it for `delay`.
        await this.gate().consume(key, 1, { customDuration: delay });
      } else {
        const shut = await this.gate().get(key);
        if (shut && shut.msBeforeNext > 0 && shut.consumedPoints > 0) throw shut;
      }
    } catch (error) {
      await this.attempts().reward(key); // a refused attempt was never tried: it does not grow the wait
      asRateLimited(error);
    }
    return {
      withdraw: async () => {
        await this.attempts().reward(key);
        if (delay > 0) await this.gate().delete(key);
      },
      succeed: async () => {
        if (this.policy.successEndsRun) await Promise.all([this.attempts().delete(key), this.gate().delete(key)]);
        else await this.attempts().reward(key);
      },
    };
  }
}
