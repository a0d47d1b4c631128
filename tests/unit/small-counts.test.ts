import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatShownCount, shownCount, SMALLEST_SHOWN } from "~/lib/small-counts";

describe("small counts", () => {
  it("never lets a count from 1 to 4 through, and shows every other count as it is", () => {
    fc.assert(
      fc.property(fc.nat(100_000), (count) => {
        const shown = shownCount(count);
        if (count > 0 && count < SMALLEST_SHOWN) expect(shown).toEqual({ kind: "few" });
        else expect(shown).toEqual({ kind: "count", value: count });
      }),
    );
  });

  it("writes a small count as <5 in the reader's digits", () => {
    expect(formatShownCount(shownCount(3), "en")).toBe("<5");
    expect(formatShownCount(shownCount(1200), "nl")).toBe("1.200");
    expect(formatShownCount(shownCount(0), "uk")).toBe("0");
  });
});
