import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { INTERESTS } from "../../app/lib/reference/interests";
import { SECTORS } from "../../app/lib/reference/sectors";
import { LANGUAGES, LANGUAGE_LEVELS } from "../../app/lib/reference/languages";
import { WEEKDAYS, DAY_PARTS } from "../../app/lib/reference/availability";

const LOCALES = ["en", "nl", "uk", "ar"] as const;

type Section = Record<string, unknown>;
type ReferenceFile = Record<string, Section>;

function load(locale: string): ReferenceFile {
  const url = new URL(`../../app/locales/${locale}/reference.json`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as ReferenceFile;
}

const files = Object.fromEntries(LOCALES.map((locale) => [locale, load(locale)])) as Record<(typeof LOCALES)[number], ReferenceFile>;

const SECTIONS: Record<string, readonly (string | number)[]> = {
  interest: INTERESTS,
  sector: SECTORS,
  language: LANGUAGES,
  level: LANGUAGE_LEVELS,
  weekday: WEEKDAYS,
  weekdayShort: WEEKDAYS,
  dayPart: DAY_PARTS,
};

function keyPaths(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object") return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

describe("reference lists", () => {
  it("has at least 30 interests", () => {
    expect(INTERESTS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(Object.entries(SECTIONS))("%s keys are unique", (_section, keys) => {
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("uses lowercase kebab-case keys for interests, sectors and day parts", () => {
    for (const key of [...INTERESTS, ...SECTORS, ...DAY_PARTS]) {
      expect(key).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
  });

  it("uses two-letter ISO 639-1 language codes", () => {
    for (const code of LANGUAGES) expect(code).toMatch(/^[a-z]{2}$/);
  });
});

describe.each(LOCALES)("%s/reference.json", (locale) => {
  const file = files[locale];

  it.each(Object.entries(SECTIONS))("translates every %s key", (section, keys) => {
    const translations = file[section];
    expect(translations, section).toBeTypeOf("object");
    for (const key of keys) {
      const value = translations?.[String(key)];
      expect(value, `${section}.${key}`).toBeTypeOf("string");
      expect((value as string).trim(), `${section}.${key}`).not.toBe("");
    }
  });

  it("contains no sections or keys beyond the reference lists", () => {
    expect(Object.keys(file).sort()).toEqual(Object.keys(SECTIONS).sort());
    for (const [section, keys] of Object.entries(SECTIONS)) {
      expect(Object.keys(file[section] ?? {}).sort(), section).toEqual(keys.map(String).sort());
    }
  });
});

describe("locale key sets", () => {
  it("are identical across all reference.json files", () => {
    const expected = keyPaths(files.en).sort();
    for (const locale of LOCALES) {
      expect(keyPaths(files[locale]).sort(), locale).toEqual(expected);
    }
  });
});
