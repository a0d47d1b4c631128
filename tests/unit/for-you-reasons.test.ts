import { describe, expect, it } from "vitest";
import { forYouReasons, forYouScore, WEIGHTS, type Candidate, type Reader } from "~/domain/activities/for-you";

const reader: Reader = {
  languages: [
    { language: "uk", level: "native" },
    { language: "nl", level: "A2" },
  ],
  interests: ["cycling", "cooking"],
  municipalityCode: "GM0479",
  availability: ["2-evening"],
};
const activity = (fields: Partial<Candidate> = {}): Candidate => ({
  spokenLanguages: ["en"],
  practisedLanguage: null,
  interests: [],
  municipalityCode: "GM0363",
  mode: "in-person",
  slot: "3-morning",
  ...fields,
});

/** What each reason is worth in forYouScore: the reasons must add up to the score. */
const worth = {
  language: WEIGHTS.language,
  learning: WEIGHTS.learning,
  interest: WEIGHTS.interest,
  place: WEIGHTS.place,
  online: WEIGHTS.online,
  time: WEIGHTS.availability,
};

describe("the reasons behind 'for you'", () => {
  it("names every part of the score and only those", () => {
    const all = activity({ spokenLanguages: ["uk", "nl"], practisedLanguage: "nl", interests: ["cycling"], municipalityCode: "GM0479", slot: "2-evening" });
    expect(forYouReasons(reader, all)).toEqual([
      { kind: "language", language: "uk" },
      { kind: "place", municipalityCode: "GM0479" },
      { kind: "learning", language: "nl" },
      { kind: "interest", interest: "cycling" },
      { kind: "time", part: "evening" },
    ]);
    expect(forYouReasons(reader, activity())).toEqual([]);
    expect(forYouReasons(reader, activity({ mode: "online", municipalityCode: null }))).toEqual([{ kind: "online" }]);
  });

  it("adds up to the score for a spread of activities", () => {
    const cases = [
      activity(),
      activity({ mode: "hybrid", interests: ["cycling", "cooking", "chess"] }),
      activity({ spokenLanguages: ["nl"], practisedLanguage: "nl", slot: "2-evening" }),
      activity({ municipalityCode: "GM0479", mode: "hybrid" }),
    ];
    for (const candidate of cases) {
      const total = forYouReasons(reader, candidate).reduce((sum, reason) => sum + worth[reason.kind], 0);
      expect(total).toBe(forYouScore(reader, candidate));
    }
  });
});
