/**
 * A formatted date can end in its own full stop (Ukrainian "3 грудня 2026 р."), so a sentence
 * that puts {{date}} right before its full stop reads "2026 р.." in that language. Every
 * sentence with a date, in every language, is rendered with a real date and checked.
 */
import { describe, expect, it } from "vitest";
import { formatDate } from "~/lib/format";
import { LOCALES } from "~/lib/locales";
import { i18nFor } from "~/lib/i18n";
import { resources } from "~/locales/index.server";

function keysWithDate(tree: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? (value.includes("{{date}}") ? [`${prefix}${key}`] : []) : keysWithDate(value as Record<string, unknown>, `${prefix}${key}.`),
  );
}

describe.each(LOCALES)("sentences with a date in %s", (locale) => {
  const i18n = i18nFor(locale, resources[locale]);
  const keys = keysWithDate(resources[locale].common as Record<string, unknown>);

  it("exist (the check below has something to read)", () => {
    expect(keys.length).toBeGreaterThan(0);
  });

  it("end in one full stop at most, whatever the date looks like", () => {
    const date = formatDate(new Date("2026-12-09T12:00:00Z"), locale);
    const doubled = keys.map((key) => i18n.t(key, { date })).filter((text) => /\.\.(?!\.)|\.\s*\./.test(text));
    expect(doubled).toEqual([]);
  });
});
