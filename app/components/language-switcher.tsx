import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LOCALE_NAMES, LOCALES, type Locale } from "~/lib/locales";

/** A plain form with one button per language, so switching works without JavaScript. */
export function LanguageSwitcher({ current, returnTo }: { current: Locale; returnTo: string }) {
  const { t } = useTranslation();
  return (
    <details className="menu language-menu">
      <summary>
        <span aria-hidden="true">🌐 </span>
        <span className="visually-hidden">{t("nav.language")}: </span>
        {LOCALE_NAMES[current]}
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
