import { describe, expect, it } from "vitest";
import { SIGN_IN_THROTTLE } from "~/domain/auth/sign-in-throttle.server";
import { delayAfter } from "~/lib/progressive-delay.server";

const schedule = (policy: Parameters<typeof delayAfter>[0], attempts: number) => Array.from({ length: attempts }, (_, index) => delayAfter(policy, index + 1));

describe("progressive sign-in delays", () => {
  it("lets an address try an account five times at once, then doubles the wait after each failure up to a quarter of an hour", () => {
    // The wait after attempt n: after the fifth wrong password, one second before the sixth try.
    expect(schedule(SIGN_IN_THROTTLE.place, 16)).toEqual([0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
  });

  it("slows an account over every address only after many failures, and never by more than a minute", () => {
    const waits = schedule(SIGN_IN_THROTTLE.account, 60);
    expect(waits.slice(0, 50).every((wait) => wait === 0)).toBe(true);
    expect(waits.slice(50)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60, 60]);
  });
});
