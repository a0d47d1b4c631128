import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { i18nFor } from "~/lib/i18n";
import { LOCALES } from "~/lib/locales";
import { resources } from "~/locales/index.server";

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const localesDir = new URL("../../app/locales/", import.meta.url);

function flatten(value: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (child && typeof child === "object") for (const [k, v] of flatten(child, path)) out.set(k, v);
    else out.set(path, String(child));
  }
  return out;
}

/** Plural keys are compared by their base; each locale must carry exactly its own plural forms. */
function baseKeys(keys: Iterable<string>) {
  return new Set([...keys].map((key) => key.replace(PLURAL_SUFFIX, "")));
}

const namespaces = readdirSync(new URL("en/", localesDir)).filter((file) => file.endsWith(".json"));
const load = (locale: string, file: string) => flatten(JSON.parse(readFileSync(new URL(`${locale}/${file}`, localesDir), "utf8")));

describe.each(namespaces)("locale files %s", (file) => {
  const english = load("en", file);
  const englishBases = baseKeys(english.keys());

  it.each(LOCALES.filter((locale) => locale !== "en"))("%s has exactly the keys English has", (locale) => {
    const keys = load(locale, file);
    const bases = baseKeys(keys.keys());
    expect(
      [...englishBases].filter((key) => !bases.has(key)),
      "missing in " + locale,
    ).toEqual([]);
    expect(
      [...bases].filter((key) => !englishBases.has(key)),
      "not in English",
    ).toEqual([]);
  });

  it.each(LOCALES)("%s has every plural form its grammar needs, and no others", (locale) => {
    const keys = load(locale, file);
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories.sort();
    const plurals = new Map<string, string[]>();
    for (const key of keys.keys()) {
      const match = PLURAL_SUFFIX.exec(key);
      if (!match) continue;
      const base = key.replace(PLURAL_SUFFIX, "");
      plurals.set(base, [...(plurals.get(base) ?? []), match[1]]);
    }
    for (const [base, forms] of plurals) expect(forms.sort(), `${locale} ${base}`).toEqual(categories);
  });

  it.each(LOCALES)("%s has no empty values and keeps every {{placeholder}} of English", (locale) => {
    const keys = load(locale, file);
    for (const [key, value] of keys) {
      expect(value.trim(), `${locale}:${key}`).not.toBe("");
      // "one", "two" and "zero" forms may say the number in words instead of a placeholder.
      if (/_(zero|one|two)$/.test(key)) continue;
      const englishValue = english.get(key) ?? english.get(key.replace(PLURAL_SUFFIX, "_other")) ?? "";
      const wanted = (englishValue.match(/{{\w+}}/g) ?? []).filter((p) => p !== "{{count}}").sort();
      const present = (value.match(/{{\w+}}/g) ?? []).filter((p) => p !== "{{count}}");
      for (const placeholder of wanted) expect(present, `${locale}:${key}`).toContain(placeholder);
    }
  });
});

describe("plural forms in use", () => {
  it("chooses the Ukrainian and Arabic forms by their own rules", () => {
    const uk = i18nFor("uk", resources.uk).t;
    const ar = i18nFor("ar", resources.ar).t;
    const withoutDigits = (text: string) => text.replace(/\d+/g, "#");
    const ukForms = [1, 2, 5, 21, 22, 25].map((count) => withoutDigits(uk("errors.rateLimited", { count })));
    expect(new Set(ukForms).size).toBe(3); // one, few, many
    expect(ukForms[0]).toBe(ukForms[3]); // 1 and 21 take the same form
    expect(ukForms[1]).toBe(ukForms[4]); // 2 and 22 too
    expect(ar("errors.rateLimited", { count: 2 })).toContain("دقيقتين"); // dual
    expect(ar("errors.rateLimited", { count: 3 })).toContain("3 دقائق"); // few: plural noun
    expect(ar("errors.rateLimited", { count: 11 })).toContain("11 دقيقة"); // many: singular noun
    expect(ar("errors.rateLimited", { count: 1 })).not.toContain("1");
  });

  it("renders translations, not keys, in every locale", () => {
    for (const locale of LOCALES) {
      const t = i18nFor(locale, resources[locale]).t;
      expect(t("nav.activities")).not.toBe("nav.activities");
      expect(t("reference:interest.cycling")).not.toBe("interest.cycling");
    }
  });
});
