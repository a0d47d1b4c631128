import { describe, expect, it } from "vitest";
import { OBSTACLES, PLATFORM_LINKS, isObstacleOf, obstacleLabel } from "~/domain/plan/obstacles";
import { serverT } from "~/lib/i18n.server";
import { THEMES } from "~/lib/reference/activities";
import { LOCALES } from "../support/journeys";

describe("curated plan obstacles", () => {
  it("cover every integration domain, and every obstacle has its own words in every language", () => {
    expect(Object.keys(OBSTACLES).sort()).toEqual([...THEMES].sort());
    for (const locale of LOCALES) {
      const t = serverT(locale);
      const words = THEMES.flatMap((domain) => OBSTACLES[domain].map((obstacle) => t(obstacleLabel(domain, obstacle))));
      expect(
        words.filter((text) => text.startsWith("plan.obstacle.")),
        locale,
      ).toEqual([]);
      expect(new Set(words).size, `${locale}: two obstacles with the same words`).toBe(words.length);
    }
  });

  it("link only obstacles that exist to the platform's activities and buddies", () => {
    for (const key of Object.keys(PLATFORM_LINKS)) {
      const [domain, obstacle] = key.split(":");
      expect(isObstacleOf(domain as (typeof THEMES)[number], obstacle), key).toBe(true);
    }
  });
});
