import { describe, expect, it } from "vitest";
import { calendarDay, formatDate, formatList, formatMessageTime, formatRelativeDay, formatTime, formatTimeRange } from "~/lib/format";
import { LOCALES } from "~/lib/locales";

// 13:34 UTC on 3 December is 14:34 in Amsterdam (winter); 22:30 UTC on 3 July is 00:30 on 4 July (summer).
const winterAfternoon = "2026-12-03T13:34:00Z";
const summerMidnight = "2026-07-03T22:30:00Z";

describe("lists in the reader's language", () => {
  const items = {
    en: ["Dutch", "English", "Arabic"],
    nl: ["Nederlands", "Engels", "Arabisch"],
    uk: ["нідерландська", "англійська", "арабська"],
    ar: ["الهولندية", "الإنجليزية", "العربية"],
  };

  it("joins with the language's own words and commas", () => {
    expect(formatList(items.en, "en")).toBe("Dutch, English and Arabic");
    expect(formatList(items.nl, "nl")).toBe("Nederlands, Engels en Arabisch");
    expect(formatList(items.uk, "uk")).toBe("нідерландська, англійська і арабська");
    expect(formatList(items.ar.slice(0, 2), "ar")).toBe("الهولندية والإنجليزية");
  });

  it("never puts a Latin comma between Arabic items: و joins them, ، separates an enumeration", () => {
    const joined = formatList(items.ar, "ar");
    expect(joined).not.toContain(",");
    expect(joined).toMatch(/^الهولندية[،]? و?الإنجليزية[،]? والعربية$/);
    expect(formatList(items.ar, "ar", "or")).toBe("الهولندية أو الإنجليزية أو العربية");
    expect(formatList(["A: 1", "B: 2"], "ar", "unit")).not.toContain(",");
  });

  it("leaves one item alone and gives nothing for none", () => {
    for (const locale of LOCALES) {
      expect(formatList(["x"], locale)).toBe("x");
      expect(formatList([], locale)).toBe("");
    }
  });
});

describe("times in the reader's zone", () => {
  it("shows Amsterdam time on a 24-hour clock in every language", () => {
    for (const locale of LOCALES) expect(formatTime(winterAfternoon, locale), locale).toBe("14:34");
    for (const locale of LOCALES) expect(formatTime(summerMidnight, locale), locale).toBe("00:30");
  });

  it("keeps the 24-hour clock in dates with a time, including for Ukrainian and Dutch", () => {
    const style = { dateStyle: "medium", timeStyle: "short" } as const;
    expect(formatDate(winterAfternoon, "uk", style)).toMatch(/14:34$/);
    expect(formatDate(winterAfternoon, "nl", style)).toBe("3 dec 2026, 14:34");
    expect(formatDate(winterAfternoon, "en", style)).toBe("3 Dec 2026, 14:34");
    expect(formatDate(winterAfternoon, "ar", style)).toMatch(/14:34/);
    expect(formatDate(winterAfternoon, "ar", style)).not.toMatch(/[صم]$/); // no "PM" in Arabic either
  });

  it("names the day of Amsterdam, not of UTC", () => {
    expect(formatDate(summerMidnight, "nl")).toBe("4 juli 2026");
    expect(calendarDay(summerMidnight)).toBe("2026-07-04");
    expect(calendarDay(summerMidnight, "UTC")).toBe("2026-07-03");
  });

  it("formats an activity in its own zone, naming the zone when it is not Dutch time", () => {
    expect(formatTimeRange("2026-03-03T18:00:00Z", "2026-03-03T20:00:00Z", "Europe/Amsterdam", "nl")).toBe("di 3 mrt, 19:00–21:00");
    expect(formatTimeRange("2026-03-03T18:00:00Z", "2026-03-03T20:00:00Z", "Europe/Kyiv", "uk")).toMatch(/20:00 .+–22:00 /);
    expect(formatTimeRange("2026-03-03T18:00:00Z", "2026-03-03T20:00:00Z", "Europe/Amsterdam", "ar")).toMatch(/، 19:00–21:00$/); // the Arabic comma, not ", "
  });
});

describe("relative days", () => {
  const now = "2026-12-03T22:30:00Z"; // 23:30 in Amsterdam

  it("counts calendar days in Amsterdam: forty minutes later is tomorrow", () => {
    expect(formatRelativeDay("2026-12-03T23:10:00Z", now, "en")).toBe("tomorrow");
    expect(formatRelativeDay("2026-12-03T23:10:00Z", now, "nl")).toBe("morgen");
    expect(formatRelativeDay("2026-12-03T23:10:00Z", now, "uk")).toBe("завтра");
    expect(formatRelativeDay("2026-12-03T23:10:00Z", now, "ar")).toBe("غدًا");
  });

  it("says 'in 6 days' and 'yesterday' in each language", () => {
    const inSix = "2026-12-09T12:00:00Z";
    expect(formatRelativeDay(inSix, now, "en")).toBe("in 6 days");
    expect(formatRelativeDay(inSix, now, "nl")).toBe("over 6 dagen");
    expect(formatRelativeDay(inSix, now, "uk")).toBe("через 6 днів");
    expect(formatRelativeDay(inSix, now, "ar")).toBe("خلال 6 أيام");
    expect(formatRelativeDay("2026-12-02T12:00:00Z", now, "uk")).toBe("учора");
  });
});

describe("chat message times", () => {
  const reference = "2026-12-03T15:00:00Z";
  it("shows only the time today, 'yesterday' with the time, and the date before that", () => {
    expect(formatMessageTime(winterAfternoon, reference, "uk")).toBe("14:34");
    expect(formatMessageTime("2026-12-02T13:34:00Z", reference, "nl")).toBe("gisteren 14:34");
    expect(formatMessageTime("2026-12-02T13:34:00Z", reference, "ar")).toBe("أمس 14:34");
    expect(formatMessageTime("2026-11-28T13:34:00Z", reference, "en")).toBe("28 Nov 14:34");
  });
});
