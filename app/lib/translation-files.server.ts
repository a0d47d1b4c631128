import { createHash } from "node:crypto";
import { resources } from "~/locales/index.server";
import { isLocale, type Locale } from "./locales";

export type TranslationFile = { locale: Locale; href: string; body: string };

const files = new Map<Locale, TranslationFile>();

/**
 * A language's translations as one JSON file whose name carries a hash of its content, so that
 * browsers and proxies may keep it for a year: a new text is a new name. The page links it
 * instead of inlining the bundle (about 59 KB of a 76 KB page) into every answer.
 */
export function translationFile(locale: Locale): TranslationFile {
  let file = files.get(locale);
  if (!file) {
    const body = JSON.stringify(resources[locale]);
    const hash = createHash("sha256").update(body).digest("base64url").slice(0, 12);
    file = { locale, href: `/locales/${locale}-${hash}.json`, body };
    files.set(locale, file);
  }
  return file;
}

/** `uk-AbC123xYz_-q.json` → the current file of that language and whether the name is its current one. */
export function translationFileNamed(name: string): { file: TranslationFile; current: boolean } | null {
  const match = /^([a-z]{2})-[\w-]{12}\.json$/.exec(name);
  if (!match || !isLocale(match[1])) return null;
  const file = translationFile(match[1]);
  return { file, current: file.href === `/locales/${name}` };
}
