import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { uniqueEmail } from "../support/http-client";
import { choosePlace, expectAccessible, SCREENSHOTS, submitForNotice, useBrowser } from "../support/browser";
import { useServer } from "../support/server";

const target = useServer();
const browser = useBrowser();

/** Registers from the start page; the page speaks the browser's language (Accept-Language). */
async function register(page: Page, expectedLocale: string) {
  await page.goto(target.url);
  expect(await page.getAttribute("html", "lang")).toBe(expectedLocale);
  await page.click('main a[href="/register"]');
  await page.fill("#field-displayName", "Олена");
  await page.fill("#field-email", uniqueEmail("olena"));
  await page.fill("#field-password", "correct horse battery");
  expect(await submitForNotice(page, 'main form[method="post"] button[type="submit"]')).toContain("Олена");
  expect(new URL(page.url()).pathname).toBe("/profile");
}

const registerInUkrainian = (page: Page) => register(page, "uk");

async function fillProfile(page: Page) {
  await choosePlace(page, "field-municipality", "GM0479");
  await page.selectOption("#language-0", "uk");
  await page.selectOption("#level-0", "native");
  await page.selectOption("#language-1", "nl");
  await page.selectOption("#level-1", "A2");
  await page.check('input[name="interests"][value="cycling"]', { force: true });
  await page.check('input[name="interests"][value="book-club"]', { force: true });
  await page.check('input[name="availability"][value="2-evening"]');
  await page.check('input[name="sectors"][value="it"]', { force: true });
  await submitForNotice(page, ".form-actions button[type=submit]");
}

async function switchTo(page: Page, locale: string) {
  await page.click(".language-menu summary");
  await Promise.all([page.waitForNavigation(), page.click(`.language-menu button[value="${locale}"]`)]);
}

async function expectProfileKept(page: Page) {
  expect(await page.inputValue('[name="municipalityCode"]')).toBe("GM0479");
  expect(await page.inputValue("#language-0")).toBe("nl");
  expect(await page.inputValue("#level-1")).toBe("native");
  expect(await page.isChecked('input[name="availability"][value="2-evening"]')).toBe(true);
  expect(await page.isChecked('input[name="interests"][value="cycling"]')).toBe(true);
}

describe.each([
  { javaScriptEnabled: true, label: "with JavaScript" },
  { javaScriptEnabled: false, label: "without JavaScript" },
])("a newcomer $label", ({ javaScriptEnabled, label }) => {
  it("registers in Ukrainian, fills the profile and switches to a right-to-left Arabic page", async () => {
    const page = await browser.page({ javaScriptEnabled, locale: "uk-UA" });
    await registerInUkrainian(page);
    await fillProfile(page);
    expect(await page.textContent("[role=status]")).toMatch(/[\u0400-\u04FF]/);
    await expectProfileKept(page);

    await switchTo(page, "ar");
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    expect(await page.getAttribute("html", "lang")).toBe("ar");
    expect(await page.textContent("h1")).toMatch(/[\u0600-\u06FF]/);
    await expectProfileKept(page);
    // In a right-to-left page the brand sits at the right edge.
    const brand = await page.locator(".brand").boundingBox();
    expect(brand!.x).toBeGreaterThan(390 / 2);
    await page.screenshot({ path: `${SCREENSHOTS}profile-ar-${javaScriptEnabled ? "js" : "nojs"}.png`, fullPage: true });
    await page.context().close();
  });

  it("sees errors next to the field, in their language, and keeps what they typed", async () => {
    const page = await browser.page({ javaScriptEnabled, locale: "nl-NL" });
    await page.goto(`${target.url}/register`);
    await page.fill("#field-displayName", "Daan");
    await page.fill("#field-email", "not-an-address");
    await page.fill("#field-password", "short");
    await page.click('main form[method="post"] button[type="submit"]');
    await expect.poll(() => page.locator("#field-email-error").textContent()).toMatch(/e-mailadres/i);
    expect(await page.locator("#field-password-error").textContent()).toContain("10");
    expect(await page.getAttribute("#field-email", "aria-invalid")).toBe("true");
    expect(await page.inputValue("#field-displayName")).toBe("Daan");
    await page.screenshot({ path: `${SCREENSHOTS}register-errors-nl-${label.replace(/\s/g, "-")}.png`, fullPage: true });
    await page.context().close();
  });
});

describe("accessibility", () => {
  it("has no serious axe violations on the main pages, in English and Arabic", async () => {
    for (const locale of ["en-GB", "ar"]) {
      const page = await browser.page({ locale, bypassCSP: true });
      for (const path of ["/", "/register", "/login", "/activities", "/groups", "/buddies"]) {
        await page.goto(target.url + path);
        await expectAccessible(page, `${path} (${locale})`);
      }
      await register(page, locale.slice(0, 2));
      for (const path of ["/profile", "/account", "/account/delete", "/organise"]) {
        await page.goto(target.url + path);
        await expectAccessible(page, `${path} (${locale}, signed in)`);
      }
      await page.context().close();
    }
  });
});
