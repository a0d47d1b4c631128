/**
 * "For you" ordering: a transparent score from the reader's profile. Pure, so the weights
 * can be tested and tuned without a database.
 */
export type Reader = {
  languages: { language: string; level: string }[];
  interests: string[];
  municipalityCode: string | null;
  /** "weekday-part" slots, e.g. "2-evening" */
  availability: string[];
};

export type Candidate = {
  spokenLanguages: string[];
  practisedLanguage: string | null;
  interests: string[];
  municipalityCode: string | null;
  mode: string;
  /** The activity's local weekday (1 = Monday) and part of day at its start. */
  slot: string;
};

export const WEIGHTS = { language: 3, learning: 2, interest: 2, maxInterests: 3, place: 3, online: 1, availability: 2 } as const;
/** Levels at which a language counts as one the reader is learning (a café practising it scores). */
export const LEARNING_LEVELS = new Set(["A1", "A2", "B1", "B2"]);

export function forYouScore(reader: Reader, activity: Candidate): number {
  const spoken = new Set(reader.languages.map((entry) => entry.language));
  const learning = new Set(reader.languages.filter((entry) => LEARNING_LEVELS.has(entry.level)).map((entry) => entry.language));
  let score = 0;
  if (activity.spokenLanguages.some((language) => spoken.has(language))) score += WEIGHTS.language;
  if (activity.practisedLanguage && learning.has(activity.practisedLanguage)) score += WEIGHTS.learning;
  const shared = activity.interests.filter((interest) => reader.interests.includes(interest)).length;
  score += Math.min(shared, WEIGHTS.maxInterests) * WEIGHTS.interest;
  if (reader.municipalityCode && activity.municipalityCode === reader.municipalityCode) score += WEIGHTS.place;
  else if (activity.mode !== "in-person") score += WEIGHTS.online;
  if (reader.availability.includes(activity.slot)) score += WEIGHTS.availability;
  return score;
}

export function partOfDay(hour: number): "morning" | "afternoon" | "evening" {
  return hour < 12 ? "morning" : hour < 17 ? "afternoon" : "evening";
}

/** One thing an activity earns "for you" points on, in words the home page can translate. */
export type ForYouReason =
  | { kind: "language"; language: string }
  | { kind: "learning"; language: string }
  | { kind: "interest"; interest: string }
  | { kind: "place"; municipalityCode: string }
  | { kind: "online" }
  | { kind: "time"; part: string };

/**
 * Why forYouScore scores an activity, part by part and in the same order of weight: the reasons
 * are the score's own terms, so a reason is never shown for points the activity did not earn.
 */
export function forYouReasons(reader: Reader, activity: Candidate): ForYouReason[] {
  const reasons: ForYouReason[] = [];
  const spoken = reader.languages.map((entry) => entry.language);
  const learning = new Set(reader.languages.filter((entry) => LEARNING_LEVELS.has(entry.level)).map((entry) => entry.language));
  const language = spoken.find((code) => activity.spokenLanguages.includes(code));
  if (language) reasons.push({ kind: "language", language });
  if (reader.municipalityCode && activity.municipalityCode === reader.municipalityCode)
    reasons.push({ kind: "place", municipalityCode: reader.municipalityCode });
  else if (activity.mode !== "in-person") reasons.push({ kind: "online" });
  if (activity.practisedLanguage && learning.has(activity.practisedLanguage)) reasons.push({ kind: "learning", language: activity.practisedLanguage });
  for (const interest of activity.interests.filter((entry) => reader.interests.includes(entry)).slice(0, WEIGHTS.maxInterests))
    reasons.push({ kind: "interest", interest });
  if (reader.availability.includes(activity.slot)) reasons.push({ kind: "time", part: activity.slot.split("-")[1] ?? "" });
  return reasons;
}
