import type { BrowserContextOptions, Page } from "playwright-core";
import { expect } from "vitest";
import { serverT } from "~/lib/i18n.server";
import type { Locale } from "~/lib/locales";
import { expectAccessible, signInWithSession, watchForProblems, type useBrowser } from "./browser";

/** Every interface language, with the browser language a person of that language would send. */
export const LOCALES = ["en", "nl", "uk", "ar"] as const satisfies readonly Locale[];
export const BROWSER_LOCALE: Record<Locale, string> = { en: "en-GB", nl: "nl-NL", uk: "uk-UA", ar: "ar" };

/** The app's own translations, so that a test finds buttons and notices by what the reader sees. */
export const textIn = (locale: Locale) => serverT(locale);

/** Case and spacing aside, exactly this text: for role names that must not match a longer label. */
export const exactly = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`, "i");

export type Check = (label: string) => Promise<void>;

/**
 * A journey in a fresh context at the phone size of `useBrowser`: fails on any console error,
 * uncaught page error, answer of 400 or more, or NUL character, and `check(label)` runs axe on
 * each significant page (axe needs JavaScript, so only with it on) and looks for NUL there too.
 */
export async function journey(
  browser: ReturnType<typeof useBrowser>,
  name: string,
  options: BrowserContextOptions & { locale: string; baseUrl: string; userId?: string },
  steps: (page: Page, check: Check) => Promise<void>,
) {
  const { baseUrl, userId, ...context } = options;
  await browser.flow(name, context, async (page) => {
    const watch = watchForProblems(page, name);
    if (userId) await signInWithSession(page, baseUrl, userId);
    await steps(page, async (label) => {
      const html = await page.content();
      expect(html.indexOf("\u0000"), `NUL character on ${label} (${page.url()})`).toBe(-1);
      if (context.javaScriptEnabled !== false) await expectAccessible(page, `${label} in ${name}`);
    });
    await watch.expectNone();
  });
}

/** Waits until the page's notice (role=status) is shown; with JavaScript it may arrive after the click. */
export async function noticeText(page: Page) {
  const notice = page.getByRole("status").filter({ hasText: /\S/ }).first();
  await notice.waitFor();
  return (await notice.textContent()) ?? "";
}
