import { serverT } from "../../app/lib/i18n.server.ts";
import { direction, type Locale } from "../../app/lib/locales.ts";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * A page for failures that happen before Remix runs (body too large, foreign origin, database
 * down). Self-contained: it must render even when nothing else works.
 */
export function errorPage(locale: Locale, titleKey: string, bodyKey: string): string {
  const t = serverT(locale);
  const title = escapeHtml(t(titleKey));
  return `<!doctype html><html lang="${locale}" dir="${direction(locale)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${title} · Meedoen</title>
<link rel="stylesheet" href="/styles/app.css"></head><body><main class="container error-page" id="main">
<h1>${title}</h1><p>${escapeHtml(t(bodyKey))}</p><p><a href="/">${escapeHtml(t("nav.home"))}</a></p></main></body></html>`;
}
