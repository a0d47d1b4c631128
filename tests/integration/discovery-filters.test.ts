import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACTIVITY_KINDS, THEMES } from "~/lib/reference/activities";
import { INTERESTS } from "~/lib/reference/interests";
import { LANGUAGES } from "~/lib/reference/languages";
import { makePerson, publishedActivity } from "../support/factories";
import { TestClient } from "../support/http-client";
import { useServer } from "../support/server";

const target = useServer();

const LOCALES = ["en", "nl", "uk", "ar"] as const;
type Locale = (typeof LOCALES)[number];
const labels = Object.fromEntries(
  LOCALES.map((locale) => {
    const common = JSON.parse(readFileSync(new URL(`../../app/locales/${locale}/common.json`, import.meta.url), "utf8"));
    return [locale, { ...common.activities.filters, ...common.search.filter } as Record<string, string>];
  }),
) as Record<Locale, Record<string, string>>;

const pad = (value: number, length = 2) => String(value).padStart(length, "0");
const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** Text a person could put in any query parameter: anything printable, markup, odd numbers (NUL is refused earlier, by the address guard). */
const anyText = fc
  .oneof(
    fc.string({ minLength: 1, maxLength: 30 }),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }),
    fc.constantFrom("<script>alert(1)</script>", "'; DROP TABLE x; --", "-1", "0", "1e309", "NaN", "1.5", " 3 ", "0x10", "%", "ла", "🇺🇦", "x".repeat(500)),
  )
  .filter((value) => value.trim() !== "" && !value.includes("\u0000"));

const notIn = (allowed: readonly string[]) => anyText.filter((value) => !allowed.includes(value));
/** Dates that look like dates but are not: month 13, day 45, 30 February, year 0 or 20255. */
const impossibleDate = fc
  .oneof(
    fc.record({ y: fc.integer({ min: 2000, max: 2100 }), m: fc.integer({ min: 13, max: 99 }), d: fc.integer({ min: 1, max: 28 }) }),
    fc.record({ y: fc.integer({ min: 2000, max: 2100 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 32, max: 99 }) }),
    fc.record({ y: fc.integer({ min: 2000, max: 2100 }), m: fc.constant(2), d: fc.constantFrom(30, 31) }),
    fc.record({ y: fc.constantFrom(0, 1, 99999, 20255), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) }),
  )
  .map(({ y, m, d }) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`);
const badDate = fc.oneof(
  impossibleDate,
  anyText.filter((value) => !/^\d{4}-\d{2}-\d{2}$/.test(value)),
);
const wholeOutside = (min: number, max: number) =>
  fc.oneof(
    fc.constantFrom(String(min - 1), String(max + 1), "-5", "2.5", "1e2", "10 000"),
    anyText.filter((value) => !/^\d+$/.test(value) || Number(value) < min || Number(value) > max),
  );

/** Every parameter the activities page reads: how a good value and a garbage one look. */
const PARAMETERS: Record<string, { good: fc.Arbitrary<string>; bad: fc.Arbitrary<string> }> = {
  kind: { good: fc.constantFrom(...ACTIVITY_KINDS), bad: notIn(ACTIVITY_KINDS) },
  language: { good: fc.constantFrom(...LANGUAGES), bad: notIn(LANGUAGES) },
  place: { good: fc.constantFrom("online", "GM0363", "GM0479"), bad: anyText.filter((value) => !/^(GM\d{4}|online)$/.test(value)) },
  from: { good: fc.date({ min: new Date("2024-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map(isoDate), bad: badDate },
  to: { good: fc.date({ min: new Date("2024-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map(isoDate), bad: badDate },
  evening: { good: fc.constant("1"), bad: notIn(["1"]) },
  weekend: { good: fc.constant("1"), bad: notIn(["1"]) },
  childcare: { good: fc.constant("1"), bad: notIn(["1"]) },
  theme: { good: fc.constantFrom(...THEMES), bad: notIn(THEMES) },
  interest: { good: fc.constantFrom(...INTERESTS), bad: notIn(INTERESTS) },
  group: { good: fc.uuid(), bad: anyText.filter((value) => !/^[A-Za-z0-9_-]{1,64}$/.test(value)) },
  sort: { good: fc.constantFrom("for-you", "date", "relevance"), bad: notIn(["for-you", "date", "relevance"]) },
  near: { good: fc.constantFrom("GM0363", "GM0479", "GM9999"), bad: anyText.filter((value) => !/^GM\d{4}$/.test(value)) },
  km: { good: fc.integer({ min: 1, max: 300 }).map(String), bad: wholeOutside(1, 300) },
  page: { good: fc.integer({ min: 1, max: 30 }).map(String), bad: wholeOutside(1, 10_000) },
  perPage: { good: fc.integer({ min: 1, max: 100 }).map(String), bad: wholeOutside(1, 100) },
  view: { good: fc.constantFrom("list", "calendar"), bad: notIn(["list", "calendar"]) },
  month: {
    good: fc.record({ y: fc.integer({ min: 2024, max: 2030 }), m: fc.integer({ min: 1, max: 12 }) }).map(({ y, m }) => `${y}-${pad(m)}`),
    bad: fc.oneof(
      fc.constantFrom("2025-13", "2025-00", "0000-01", "99999-01", "2025-1"),
      anyText.filter((value) => !/^\d{4}-\d{2}$/.test(value)),
    ),
  },
};

type Choice = { name: string; value: string; bad: boolean };
const choice = (name: string) =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom("", " ").map((value): Choice => ({ name, value, bad: false })) }, // "any", as the form sends it
    { weight: 2, arbitrary: PARAMETERS[name].good.map((value): Choice => ({ name, value, bad: false })) },
    { weight: 3, arbitrary: PARAMETERS[name].bad.map((value): Choice => ({ name, value, bad: true })) },
  );
const queries = fc.record({
  locale: fc.constantFrom(...LOCALES),
  choices: fc.tuple(...Object.keys(PARAMETERS).map(choice)).map((list) => list.filter((entry): entry is Choice => entry !== null)),
  // Parameters that are no filter at all (tracking tags, typos) are left alone without a note.
  extra: fc.dictionary(fc.constantFrom("utm_source", "q", "lang", "fromm"), anyText, { maxKeys: 2 }),
});

const decode = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();

/** The names the page's note says it left out, as the reader sees them (empty without a note). */
function ignoredNames(html: string): string[] {
  const note = /<div[^>]*id="ignored-filters"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1];
  if (!note) return [];
  return [...note.matchAll(/<span class="filter-name">([\s\S]*?)<\/span>/g)].map((match) => decode(match[1]));
}

describe("activity filters from the address", () => {
  it("ignores impossible dates with a note in the reader's language instead of an error page", async () => {
    const client = new TestClient(target.url, { "accept-language": "nl" });
    const response = await client.get("/activities?from=2025-13-45&to=notadate&kind=meetup");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(ignoredNames(html)).toEqual([labels.nl.from, labels.nl.to]);
    expect(html).toContain("notadate");
    // The public API reads the same filters and does not fail on them either.
    expect((await fetch(`${target.url}/api/activities?from=2025-13-45&to=notadate`)).status).toBe(200);
  });

  it("answers any query string with 200 (after leaving out empty values, and a page past the end) and names exactly the filters it left out", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    await publishedActivity(organiser);
    await publishedActivity(organiser, { kind: "language-cafe", practisedLanguage: "nl", childcare: "on" });
    await fc.assert(
      fc.asyncProperty(queries, async ({ locale, choices, extra }) => {
        const search = new URLSearchParams(extra);
        for (const { name, value } of choices) search.append(name, value);
        const path = `/activities?${search}`;
        const client = new TestClient(target.url, { "accept-language": locale });
        let response = await client.get(path);
        // Empty values ("any") are dropped from the address first, with one redirect (decision 046).
        if (response.status === 302) {
          const location = response.headers.get("location")!;
          expect(new URLSearchParams(location.split("?")[1] ?? "").toString(), path).not.toMatch(/(^|&)[^=&]+=(&|$)/);
          response = await client.get(location);
        }
        // A page past the end of the list goes to its last page, with one more redirect that changes only the page.
        if (response.status === 302) {
          const before = new URLSearchParams(new URL(response.url).search);
          const location = response.headers.get("location")!;
          const after = new URLSearchParams(location.split("?")[1] ?? "");
          for (const params of [before, after]) params.delete("page");
          expect(after.toString(), path).toBe(before.toString());
          response = await client.get(location);
        }
        expect(response.status, path).toBe(200);
        const expected = choices.filter((entry) => entry.bad).map((entry) => labels[locale][entry.name]);
        expect(ignoredNames(await response.text()).sort(), path).toEqual(expected.sort());
      }),
      { numRuns: 80 },
    );
  });
});
