export const BUDDY_KINDS = ["language", "job"] as const;
export type BuddyKind = (typeof BUDDY_KINDS)[number];
/** Languages volunteers help practise; the ones newcomers need for work and daily life here. */
export const PRACTISE_LANGUAGES = ["nl", "en"] as const;
export const JOB_GOALS = ["cv", "network", "job-search", "trial-day"] as const;
export const COMMITMENTS = ["1h-week-3-months", "1h-week-6-months", "2h-week-3-months", "flexible"] as const;
export const END_REASONS = ["goal-reached", "no-time", "no-click", "moved", "found-work", "other"] as const;
export const PROPOSAL_DAYS = 7;
