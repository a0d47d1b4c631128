import { describe, expect, it } from "vitest";
import { retryAfterMs } from "~/domain/channels/worker.server";

describe("a receiver's Retry-After", () => {
  const now = new Date("2026-12-07T10:00:00Z");
  it("reads seconds and HTTP dates, a date in the past as no wait", () => {
    expect(retryAfterMs("120", now)).toBe(120_000);
    expect(retryAfterMs(" 0 ", now)).toBe(0);
    expect(retryAfterMs("Mon, 07 Dec 2026 10:05:00 GMT", now)).toBe(300_000);
    expect(retryAfterMs("Mon, 07 Dec 2026 09:00:00 GMT", now)).toBe(0);
  });
  it("ignores what it cannot read", () => {
    for (const header of [null, "", "soon", "-5", "1.5", "12 seconds"]) expect(retryAfterMs(header, now), String(header)).toBeNull();
  });
});
