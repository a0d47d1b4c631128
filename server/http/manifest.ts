import { readFileSync } from "node:fs";
import type { RequestHandler } from "express";
import { resources } from "../../app/locales/index.server.ts";
import { DEFAULT_LOCALE, direction, isLocale, LOCALES, type Locale } from "../../app/lib/locales.ts";

/**
 * /manifest.webmanifest in the reader's language (decision 046): the name "Meedoen" is the same
 * everywhere, but the description an install dialog or app store listing shows, `lang` and `dir`
 * follow `?lang=`, which every page's link carries. The language is in the address, not taken from
 * a header, so caches keep one copy per language without a Vary.
 */
export function webManifest(file: string): RequestHandler {
  const shape = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  const bodies = Object.fromEntries(LOCALES.map((locale) => [locale, JSON.stringify(manifestIn(shape, locale))])) as Record<Locale, string>;
  return (req, res) => {
    const asked = req.query.lang;
    const locale = isLocale(asked) ? asked : DEFAULT_LOCALE;
    res.set("Cache-Control", "public, max-age=3600").type("application/manifest+json").send(bodies[locale]);
  };
}

function manifestIn(shape: Record<string, unknown>, locale: Locale) {
  const offline = resources[locale].common.offline as Record<string, string>;
  return { ...shape, lang: locale, dir: direction(locale), description: offline.manifestDescription };
}
