import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { APP_STYLES_ID, AppStylesProvider } from "./components/app-styles";
import { loadTranslations } from "./lib/i18n";
import { isLocale } from "./lib/locales";

function hydrate() {
  const appStyles = document.getElementById(APP_STYLES_ID)?.textContent ?? "";
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <AppStylesProvider value={appStyles}>
          <RemixBrowser />
        </AppStylesProvider>
      </StrictMode>,
    );
  });
}

// The page's language arrives as its own cached file (root.tsx links it); hydrating without it
// would render keys. Should it fail to load, the page stays as the server sent it: every page
// works without JavaScript.
const locale = document.documentElement.lang;
const translations = document.querySelector<HTMLLinkElement>("link#translations")?.href;
if (isLocale(locale) && translations) {
  loadTranslations(locale, translations).then(hydrate, (error: unknown) => console.warn("translations did not load", error));
} else {
  hydrate();
}
