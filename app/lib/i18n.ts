import i18next, { type i18n as I18n, type Resource } from "i18next";
import { DEFAULT_LOCALE, type Locale } from "./locales";

export const NAMESPACES = ["common", "reference"] as const;
export type Resources = Record<(typeof NAMESPACES)[number], Record<string, unknown>>;

const instances = new Map<string, I18n>();

/**
 * One i18next instance per locale, initialised synchronously from resources already in memory:
 * the server imports them (`serverI18n`); the browser fetches its one language as a hashed,
 * immutable file (`loadTranslations`) before it hydrates or switches language, so that a page
 * and its client navigations do not carry the whole bundle again (decision 032).
 */
export function i18nFor(locale: Locale, resources?: Resources): I18n {
  const cached = instances.get(locale);
  if (cached) return cached;
  if (!resources) throw new Error(`The translations for "${locale}" have not been loaded.`);
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: locale === DEFAULT_LOCALE ? false : DEFAULT_LOCALE,
    supportedLngs: [locale, DEFAULT_LOCALE],
    ns: [...NAMESPACES],
    defaultNS: "common",
    resources: { [locale]: resources } as Resource,
    initImmediate: false,
    interpolation: { escapeValue: false }, // React escapes; i18next must not double-escape.
    returnNull: false,
  });
  instances.set(locale, instance);
  return instance;
}

/** In the browser: fetches a language's file (once) so that `i18nFor(locale)` can answer. */
export async function loadTranslations(locale: Locale, href: string): Promise<void> {
  if (instances.has(locale)) return;
  const response = await fetch(href);
  if (!response.ok) throw new Error(`Translations at ${href} answered ${response.status}.`);
  i18nFor(locale, (await response.json()) as Resources);
}
