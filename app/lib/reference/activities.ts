export const ACTIVITY_KINDS = ["meetup", "webinar", "language-cafe", "group-session", "workshop", "network-conversation"] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_MODES = ["in-person", "online", "hybrid"] as const;
export type ActivityMode = (typeof ACTIVITY_MODES)[number];

/** The 14 domains of the Indicators of Integration framework (UK Home Office, 2019). */
export const THEMES = [
  "work",
  "housing",
  "education",
  "health-social-care",
  "leisure",
  "social-bonds",
  "social-bridges",
  "social-links",
  "language-communication",
  "culture",
  "digital-skills",
  "safety",
  "stability",
  "rights-responsibilities",
] as const;
export type Theme = (typeof THEMES)[number];

export const CONTENT_LOCALES = ["en", "nl", "uk", "ar"] as const;
export const PRACTISED_LEVELS = ["A0-A1", "A1-A2", "A2-B1", "B1-B2", "B2-C1", "all"] as const;
