import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeStats, statsCsv, type HelpStats, type HistoryQuestion } from "~/domain/help/stats.server";
import { HELP_LANGUAGES, HELP_THEMES } from "~/lib/reference/help";
import { formatShownCount, SMALLEST_SHOWN, type ShownCount } from "~/lib/small-counts";
import { LOCALES } from "~/lib/locales";

const START = Date.UTC(2025, 0, 1);
const question: fc.Arbitrary<HistoryQuestion> = fc
  .record({
    createdAt: fc.integer({ min: 0, max: 400 * 86_400_000 }),
    language: fc.constantFrom(...HELP_LANGUAGES),
    municipalityCode: fc.constantFrom(null, "GM0363", "GM0479", "GM0268"),
    status: fc.constantFrom("open", "answered", "closed"),
    answeredAfter: fc.option(fc.integer({ min: 1, max: 14 * 86_400_000 }), { nil: null }),
    themes: fc.uniqueArray(fc.constantFrom(...HELP_THEMES), { maxLength: 3 }),
  })
  .map(({ createdAt, answeredAfter, ...rest }) => ({
    ...rest,
    createdAt: new Date(START + createdAt),
    firstAnsweredAt: answeredAfter === null ? null : new Date(START + createdAt + answeredAfter),
  }));
// Small towns and rare themes are where small counts come from: histories of 0 to 60 questions.
const history = fc.array(question, { maxLength: 60 });

/** Every ShownCount anywhere in the figures. */
function countsIn(value: unknown): ShownCount[] {
  if (!value || typeof value !== "object") return [];
  if ("kind" in value && (value.kind === "few" || value.kind === "count")) return [value as ShownCount];
  return Object.values(value).flatMap(countsIn);
}
const small = (n: number) => n >= 1 && n < SMALLEST_SHOWN;
const label = (section: string, key: string) => `${section}:${key}`;

describe("helpdesk statistics", () => {
  it("never show a count from 1 to 4, on the page's figures or in the CSV, for any history", () => {
    fc.assert(
      fc.property(history, (questions) => {
        const stats: HelpStats = computeStats(questions);
        for (const count of countsIn(stats)) if (count.kind === "count") expect(small(count.value)).toBe(false);
        // What the page prints for each count, in every interface language.
        for (const locale of LOCALES) for (const count of countsIn(stats)) expect(formatShownCount(count, locale)).not.toMatch(/^[1-4١-٤]$/);
        // A share or a time only rests on five questions or more.
        for (const row of stats.themes) if (row.percent !== null) expect(row.count).toMatchObject({ kind: "count" });
        if (stats.firstAnswer.medianHours !== null) expect(stats.firstAnswer.answered).toMatchObject({ kind: "count" });
        const rows = statsCsv(stats, label).trim().split("\r\n").slice(1);
        for (const row of rows) {
          const cells = row.split(",");
          const [section, key] = cells;
          const count = cells.at(-2)!;
          if (section === "first-answer" && key !== "answered") continue; // hours, not counts
          expect(count === "<5" || !small(Number(count)), row).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("gives shares of the labelled questions, and median and p90 hours to the first answer", () => {
    const at = (day: number, hours: number | null, themes: string[]): HistoryQuestion => ({
      createdAt: new Date(START + day * 86_400_000),
      firstAnsweredAt: hours === null ? null : new Date(START + day * 86_400_000 + hours * 3_600_000),
      language: "uk",
      municipalityCode: "GM0363",
      status: hours === null ? "open" : "answered",
      themes,
    });
    const questions = [
      ...Array.from({ length: 6 }, (_, i) => at(i, i + 1, ["work"])),
      ...Array.from({ length: 4 }, (_, i) => at(40 + i, 10, ["housing"])),
      at(50, null, []),
    ];
    const stats = computeStats(questions, new Map([["GM0363", "Amsterdam"]]));
    expect(stats.total).toEqual({ kind: "count", value: 11 });
    expect(stats.themes).toEqual([
      { key: "work", count: { kind: "count", value: 6 }, percent: 60 },
      { key: "housing", count: { kind: "few" }, percent: null },
    ]);
    expect(stats.months.map((m) => m.key)).toEqual(["2025-01", "2025-02"]);
    expect(stats.municipalities).toEqual([{ key: "GM0363", name: "Amsterdam", count: { kind: "count", value: 11 } }]);
    expect(stats.firstAnswer).toEqual({ answered: { kind: "count", value: 10 }, medianHours: 5, p90Hours: 10 }); // nearest rank: the 5th and 9th of ten
    expect(stats.backlog).toEqual({ kind: "few" });
  });

  it("writes CSV cells that a spreadsheet will not run as formulas", () => {
    const csv = statsCsv(computeStats([]), (section, key) => (section === "total" && key === "questions" ? "=HYPERLINK()" : "x"));
    expect(csv).toContain(`"'=HYPERLINK()"`);
  });
});
