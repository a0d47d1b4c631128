/** The engine's input and output: plain data, no behaviour. */

export type BuddyKind = "language" | "job";
/** "weekday-part", e.g. "2-evening" (ISO weekday 1..7, part morning|afternoon|evening). */
export type Slot = string;
export type Place = { code: string; latitude: number; longitude: number; name?: string };

export type MatchRequest = {
  id: string;
  newcomerId: string;
  kind: BuddyKind;
  /** Language kind: language to practise, e.g. "nl". */
  targetLanguage: string | null;
  /** Newcomer's current level, "A1".."C2". */
  targetLevel: string | null;
  /** Job kind: sector key, e.g. "it". */
  targetSector: string | null;
  /** Job kind: "cv" | "network" | "job-search" | "trial-day" (may be empty). */
  goals: string[];
  /** Languages the newcomer can talk in (ISO 639-1), strongest first. */
  speaks: string[];
  interests: string[];
  place: Place | null;
  onlineOk: boolean;
  availability: Slot[];
  /** When the request was filed. */
  waitingSince: Date;
};

export type VolunteerOffer = {
  id: string;
  volunteerId: string;
  kind: BuddyKind;
  /** Language kind: languages they help practise ("nl", "en"); job kind: goals they help with. */
  helpsWith: string[];
  /** Job kind: sectors they know. */
  sectors: string[];
  /** Languages they can explain in. */
  speaks: string[];
  interests: string[];
  place: Place | null;
  travelKm: number;
  onlineOk: boolean;
  onlineOnly: boolean;
  availability: Slot[];
  /** Free slots right now (already reduced by active matches). */
  capacity: number;
  verified: boolean;
  paused: boolean;
};

export type MatchInput = {
  requests: MatchRequest[];
  offers: VolunteerOffer[];
  /** Blocked, declined before, or ended before. */
  excludedPairs: { newcomerId: string; volunteerId: string }[];
  now: Date;
};

export type Explanation = {
  sharedInterests: string[];
  /** Rounded to 1 decimal; null when they would meet online. */
  distanceKm: number | null;
  online: boolean;
  sharedSlots: Slot[];
  /** Languages they can talk together in, in the newcomer's order (strongest first). */
  commonLanguages: string[];
  practise: string | null;
  sector: string | null;
  waitingDays: number;
};

export type Proposal = { requestId: string; offerId: string; score: number; explanation: Explanation; parts: Record<string, number> };
export type MatchResult = { proposals: Proposal[]; matched: number; totalScore: number; unmatched: string[] };
