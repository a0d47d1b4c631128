import { describe, expect, it } from "vitest";
import { DIGEST_MAX, digestPicks, digestWeek, type DigestCandidate } from "~/domain/activities/digest";
import type { Reader } from "~/domain/activities/for-you";

describe("the digest's week", () => {
  it("starts on Monday at 08:00 in Amsterdam, in winter and in summer time", () => {
    // 2026-12-07 is a Monday; Amsterdam is UTC+1 then.
    expect(digestWeek(new Date("2026-12-07T06:59:00Z"))).toBe("2026-11-30");
    expect(digestWeek(new Date("2026-12-07T07:00:00Z"))).toBe("2026-12-07");
    expect(digestWeek(new Date("2026-12-13T22:59:00Z"))).toBe("2026-12-07"); // Sunday night
    // 2026-06-01 is a Monday; UTC+2.
    expect(digestWeek(new Date("2026-06-01T05:59:00Z"))).toBe("2026-05-25");
    expect(digestWeek(new Date("2026-06-01T06:00:00Z"))).toBe("2026-06-01");
    // Across the change to summer time (Sunday 2026-03-29).
    expect(digestWeek(new Date("2026-03-30T06:00:00Z"))).toBe("2026-03-30");
    expect(digestWeek(new Date("2026-03-29T12:00:00Z"))).toBe("2026-03-23");
  });
});

const reader: Reader = {
  languages: [
    { language: "uk", level: "native" },
    { language: "nl", level: "A2" },
  ],
  interests: ["cycling"],
  municipalityCode: "GM0363",
  availability: ["2-evening"],
};
let n = 0;
const activity = (fields: Partial<DigestCandidate>): DigestCandidate => ({
  id: `a${String(++n).padStart(3, "0")}`,
  groupId: null,
  seriesId: null,
  startsAt: new Date(Date.UTC(2026, 11, 10 + n)),
  spokenLanguages: ["fr"],
  practisedLanguage: null,
  interests: [],
  municipalityCode: "GM0080",
  mode: "in-person",
  slot: "5-morning",
  ...fields,
});

describe("the digest's choice", () => {
  it("keeps what fits (a followed group, a language, a practised language, an interest, the place) and leaves the rest", () => {
    const followed = activity({ groupId: "g1" });
    const speaks = activity({ spokenLanguages: ["uk"] });
    const practises = activity({ practisedLanguage: "nl" });
    const interest = activity({ interests: ["cycling"] });
    const place = activity({ municipalityCode: "GM0363" });
    const onlineOnly = activity({ mode: "online", municipalityCode: null }); // scores a point, but fits nothing
    const otherGroup = activity({ groupId: "g2" });
    const picked = digestPicks(reader, new Set(["g1"]), [onlineOnly, otherGroup, place, interest, practises, speaks, followed]);
    expect(picked.map((a) => a.id).sort()).toEqual([followed, speaks, practises, interest, place].map((a) => a.id).sort());
    expect(picked[0]).toBe(followed); // followed groups first
  });

  it("orders by the for-you score after the groups and stops at ten", () => {
    const many = Array.from({ length: 15 }, () => activity({ spokenLanguages: ["uk"] }));
    const best = activity({ spokenLanguages: ["uk"], interests: ["cycling"], municipalityCode: "GM0363", slot: "2-evening" });
    const picked = digestPicks(reader, new Set(), [...many, best]);
    expect(picked).toHaveLength(DIGEST_MAX);
    expect(picked[0]).toBe(best);
    expect(picked.slice(1).map((a) => a.id)).toEqual(many.slice(0, 9).map((a) => a.id)); // equal scores by date
  });

  it("takes a series once, at its best-placed date", () => {
    const club = [1, 2, 3].map(() => activity({ seriesId: "s1", spokenLanguages: ["uk"] }));
    const other = activity({ interests: ["cycling"] });
    expect(digestPicks(reader, new Set(), [...club, other]).map((a) => a.id)).toEqual([club[0].id, other.id]);
  });
});
