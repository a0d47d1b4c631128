import i18next, { type i18n as I18n, type Resource } from "i18next";
import { DEFAULT_LOCALE, type Locale } from "./locales";

export const NAMESPACES = ["common", "reference"] as const;
export type Resources = Record<(typeof NAMESPACES)[number], Record<string, unknown>>;

const instances = new Map<string, I18n>();

/**
 * One i18next instance per locale, initialised synchronously from resources already in memory
 * (the server imports them; the browser receives its one language from the root loader).
 */
export function i18nFor(locale: Locale, resources: Resources): I18n {
  const cached = instances.get(locale);
  if (cached) return cached;
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
