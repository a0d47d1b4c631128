import { createHash } from "node:crypto";
import { hit, limiterFor, record, refund, requireRoom, type RateLimitRule } from "~/lib/rate-limit.server";
import { ProgressiveDelay, type Turn } from "~/lib/progressive-delay.server";

/**
 * Sign-in throttling that slows an attacker without locking the owner out (decisions/016):
 * - per (account, address): failures in a row earn waits that double (the owner typing at home is
 *   not slowed by guesses from elsewhere); a success wipes them;
 * - per account over every address: a high threshold, then short waits only, and not for an
 *   address the account signed in from before, so a distributed attack cannot keep the owner out;
 * - per address: failed attempts over every account (one machine trying many accounts), and a much
 *   higher ceiling for successful ones (a library or reception centre where many people sign in).
 * A waiting attempt is refused before its password is looked at, so it reveals nothing.
 */
const HOUR = 3600;
const DAY = 24 * HOUR;

export const SIGN_IN_THROTTLE = {
  place: { name: "sign-in:place", freeFailures: 4, firstDelaySeconds: 1, maxDelaySeconds: 15 * 60, windowSeconds: DAY, successEndsRun: true },
  account: { name: "sign-in:account", freeFailures: 50, firstDelaySeconds: 1, maxDelaySeconds: 60, windowSeconds: HOUR, successEndsRun: false },
  failuresPerAddress: { name: "sign-in:address-failures", limit: 100, windowMs: HOUR * 1000 },
  successesPerAddress: { name: "sign-in:address-successes", limit: 300, windowMs: HOUR * 1000 },
  /** How long an address where the account signed in stays its owner's (under 24.8 days: Node timers). */
  knownPlace: { name: "sign-in:known-place", limit: 1, windowMs: 14 * DAY * 1000 },
} as const;

const byPlace = new ProgressiveDelay(SIGN_IN_THROTTLE.place);
const byAccount = new ProgressiveDelay(SIGN_IN_THROTTLE.account);

/** Keys are hashed so that Redis holds no e-mail addresses; the address has no "|" in it. */
const keyOf = (...parts: string[]) => createHash("sha256").update(parts.join("|")).digest("base64url");

/** A single-limit rule as a Turn: counted now, given back if the attempt succeeds or is withdrawn. */
async function admitWithin(rule: RateLimitRule, key: string): Promise<Turn> {
  await hit(rule, key);
  const giveBack = () => refund(rule, key);
  return { withdraw: giveBack, succeed: giveBack };
}

const isKnownPlace = async (place: string) => {
  const known = await limiterFor(SIGN_IN_THROTTLE.knownPlace).get(place);
  return Boolean(known && known.msBeforeNext > 0);
};

export type SignInAttempt = { succeeded: () => Promise<void> };

/**
 * Admits one sign-in attempt or throws RateLimited. A failed attempt needs no call: it was
 * counted on admission. Call `succeeded` when the password was right.
 */
export async function admitSignIn(email: string, address: string): Promise<SignInAttempt> {
  const account = keyOf(email);
  const place = keyOf(address, email);
  const turns: Turn[] = [];
  try {
    turns.push(await admitWithin(SIGN_IN_THROTTLE.failuresPerAddress, keyOf(address)));
    await requireRoom(SIGN_IN_THROTTLE.successesPerAddress, keyOf(address));
    turns.push(await byPlace.admit(place));
    if (!(await isKnownPlace(place))) turns.push(await byAccount.admit(account));
  } catch (error) {
    // Refused by one rule: the attempt was never tried, so the rules that counted it give it back.
    await Promise.all(turns.map((turn) => turn.withdraw()));
    throw error;
  }
  return {
    succeeded: async () => {
      await Promise.all([
        ...turns.map((turn) => turn.succeed()),
        record(SIGN_IN_THROTTLE.successesPerAddress, keyOf(address)),
        limiterFor(SIGN_IN_THROTTLE.knownPlace).set(place, 1, SIGN_IN_THROTTLE.knownPlace.windowMs / 1000),
      ]);
    },
  };
}
