/**
 * The curated obstacles a plan offers per integration domain (THEMES), written from what the
 * action research saw most (docs/decisions/042). Keys are stable: they are stored in plans and
 * counted in the organisers' insights; their words live under `plan.obstacle.<domain>.<key>`.
 * Pure, so the plan page and the insights share it.
 */
import { THEMES, type Theme } from "~/lib/reference/activities";

/** Length limits of plan texts: the schemas enforce them, the forms show them. */
export const PLAN_LIMITS = {
  perspective: 2000,
  situation: 2000,
  goals: 2000,
  obstacleNote: 500,
  breakthrough: 500,
  helpedBy: 120,
  step: 300,
  owner: 120,
} as const;

export const OBSTACLES = {
  work: ["fitting-work", "dutch-level", "diploma", "residence-status", "labour-rights", "experience", "agency-work", "childcare"],
  housing: ["moving", "no-private-space", "unstable"],
  education: ["no-course", "children-school"],
  "health-social-care": ["stress", "support-own-language", "rehabilitation", "finding-care"],
  leisure: ["no-energy", "where-to-go"],
  "social-bonds": ["family-far", "lonely"],
  "social-bridges": ["own-community-only", "helpers-only"],
  "social-links": ["services", "paperwork"],
  "language-communication": ["no-practice", "no-lessons", "no-evening-lessons", "english-or-dutch"],
  culture: ["how-things-work"],
  "digital-skills": ["digid", "no-device"],
  safety: ["unfair-treatment", "unsafe-home"],
  stability: ["residence-uncertain", "income"],
  "rights-responsibilities": ["rights-duties", "allowances-taxes"],
} as const satisfies Record<Theme, readonly string[]>;

/** "work:diploma": how an obstacle is stored and counted. */
export type ObstacleKey = `${Theme}:${string}`;

export const obstacleKey = (domain: Theme, obstacle: string) => `${domain}:${obstacle}` as ObstacleKey;

export function isObstacleOf(domain: Theme, key: string) {
  return (OBSTACLES[domain] as readonly string[]).includes(key);
}

/** The translation key of an obstacle's words. */
export const obstacleLabel = (domain: string, obstacle: string) => `plan.obstacle.${domain}.${obstacle}`;

export const isTheme = (value: string): value is Theme => (THEMES as readonly string[]).includes(value);

/**
 * Obstacles the platform can help with directly: the plan suggests these activities (upcoming,
 * from discovery) and a buddy request of this kind.
 */
export const PLATFORM_LINKS = {
  "language-communication:no-practice": { activityKind: "language-cafe", buddyKind: "language" },
  "work:fitting-work": { activityKind: "network-conversation", buddyKind: "job" },
} as const satisfies Record<string, { activityKind: string; buddyKind: "language" | "job" }>;
export type LinkedObstacle = keyof typeof PLATFORM_LINKS;
