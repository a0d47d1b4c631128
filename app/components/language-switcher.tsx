import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LOCALE_NAMES, LOCALES, type Locale } from "~/lib/locales";

/** A plain form with one button per language, so switching works without JavaScript. */
export function LanguageSwitcher({ current, returnTo }: { current: Locale; returnTo: string }) {
  const { t } = useTranslation();
  return (
    <details className="menu language-menu">
      <summary>
        <GlobeIcon />
        <span className="visually-hidden">{t("nav.language")}: </span>
        <span className="lang-name">{LOCALE_NAMES[current]}</span>
        <span className="lang-code" aria-hidden="true">
          {current.toUpperCase()}
        </span>
      </summary>
      <Form method="post" action="/language" className="menu-list" reloadDocument>
        <input type="hidden" name="returnTo" value={returnTo} />
        {LOCALES.map((locale) => (
          <button
            key={locale}
            type="submit"
            name="locale"
            value={locale}
            lang={locale}
            dir={locale === "ar" ? "rtl" : "ltr"}
            aria-current={locale === current ? "true" : undefined}
            className="link-button"
          >
            {LOCALE_NAMES[locale]}
          </button>
        ))}
      </Form>
    </details>
  );
}

/** Drawn, not an emoji: many phones and fonts have no globe glyph. */
function GlobeIcon() {
  return (
    <svg className="icon" aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
      <circle cx="12" cy="12" r="9.5" />
      <path d="M2.5 12h19M12 2.5c2.6 2.8 3.9 6 3.9 9.5s-1.3 6.7-3.9 9.5c-2.6-2.8-3.9-6-3.9-9.5s1.3-6.7 3.9-9.5z" />
    </svg>
  );
}
