import { describe, expect, it } from "vitest";
import { chooseLocale } from "~/lib/i18n.server";
import { direction, localeFromAcceptLanguage } from "~/lib/locales";
import { formatDate, formatNumber } from "~/lib/format";

describe("choosing the language", () => {
  it("prefers the account setting, then the cookie, then the browser", () => {
    expect(chooseLocale({ userLocale: "nl", cookieLocale: "ar", acceptLanguage: "uk" })).toBe("nl");
    expect(chooseLocale({ userLocale: null, cookieLocale: "ar", acceptLanguage: "uk" })).toBe("ar");
    expect(chooseLocale({ cookieLocale: "xx", acceptLanguage: "uk-UA,uk;q=0.9" })).toBe("uk");
    expect(chooseLocale({})).toBe("en");
  });

  it("reads Accept-Language by quality, matching regional variants to their language", () => {
    expect(localeFromAcceptLanguage("de-DE,de;q=0.9,ar-SY;q=0.8,en;q=0.7")).toBe("ar");
    expect(localeFromAcceptLanguage("en;q=0.2, nl-BE;q=0.9")).toBe("nl");
    expect(localeFromAcceptLanguage("ru, uk;q=0")).toBeUndefined();
    expect(localeFromAcceptLanguage("*")).toBeUndefined();
    expect(localeFromAcceptLanguage("")).toBeUndefined();
  });

  it("writes Arabic right to left", () => {
    expect(direction("ar")).toBe("rtl");
    expect(direction("uk")).toBe("ltr");
  });
});

describe("formatting for the reader", () => {
  const date = new Date("2026-03-03T18:30:00Z");
  it("formats dates in the reader's language, in Dutch time", () => {
    expect(formatDate(date, "nl")).toBe("3 maart 2026");
    expect(formatDate(date, "uk")).toMatch(/^3 березня 2026/);
    expect(formatDate(date, "en")).toBe("3 March 2026");
    expect(formatDate(date, "ar")).toContain("مارس");
    expect(formatDate(date, "nl", { timeStyle: "short" })).toBe("19:30");
  });
  it("formats numbers with the reader's separators", () => {
    expect(formatNumber(20000, "nl")).toBe("20.000");
    expect(formatNumber(20000, "en")).toBe("20,000");
    expect(formatNumber(20000, "uk").replace(/\s/g, " ")).toBe("20 000");
  });
});
