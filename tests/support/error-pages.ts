import { readFileSync } from "node:fs";
import { expect } from "vitest";

const common = (locale: string) => JSON.parse(readFileSync(new URL(`../../app/locales/${locale}/common.json`, import.meta.url), "utf8"));
const escaped = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

/** What every error page must keep of the app: the header, the language switcher, the main navigation and a way home, in the reader's language. */
export function expectShell(html: string, locale: string, titleKey: "notFound" | "forbidden" | "server" | "unavailable") {
  const t = common(locale);
  expect(html).toContain(`<html lang="${locale}" dir="${locale === "ar" ? "rtl" : "ltr"}"`);
  expect(html).toContain('class="site-header"');
  expect(html).toMatch(/<form[^>]*action="\/language"/);
  for (const area of ["/activities", "/groups", "/buddies", "/organise"]) expect(html).toContain(`href="${area}"`);
  expect(html).toContain(`>${escaped(t.nav.activities)}<`);
  const main = /<main[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? "";
  expect(main).toContain(`<h1>${escaped(t.errors[`${titleKey}Title`])}</h1>`);
  const home = escaped(t.nav.home).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  expect(main).toMatch(new RegExp(`<a[^>]*href="/"[^>]*>${home}</a>`));
}
