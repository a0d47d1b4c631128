/**
 * The perspective plan in a phone browser (issue 13 part 2): a newcomer starts a plan, shares it
 * with their buddy to edit, the buddy adds a breakthrough, the newcomer sees who did and stops
 * sharing, after which the buddy is refused. In Ukrainian and Arabic, once without JavaScript,
 * with the journey guards (console, answers of 400 and more, NUL, axe).
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import type { Locale } from "~/lib/locales";
import { submitForNotice, useBrowser } from "../support/browser";
import { buddyPair } from "../support/buddy-factories";
import { BROWSER_LOCALE, journey, textIn } from "../support/journeys";
import { useServer } from "../support/server";

const target = useServer();
const browser = useBrowser();

const MATRIX: { locale: Locale; javaScriptEnabled: boolean; label: string }[] = [
  { locale: "uk", javaScriptEnabled: true, label: "uk, JavaScript on" },
  { locale: "ar", javaScriptEnabled: true, label: "ar, JavaScript on" },
  { locale: "ar", javaScriptEnabled: false, label: "ar, JavaScript off" },
];

const PERSPECTIVE: Record<string, string> = {
  uk: "Через рік я працюю медсестрою в Амстердамі",
  ar: "بعد عام أريد أن أعمل ممرضة في أمستردام",
};
const submitIn = (page: Page, intent: string) => submitForNotice(page, `form:has(input[name="intent"][value="${intent}"]) button[type="submit"]`);

describe.each(MATRIX)("a perspective plan ($label)", ({ locale, javaScriptEnabled, label }) => {
  const t = textIn(locale);
  const name = label.replace(/\W+/g, "-");

  it("is started, shared with the buddy, added to by the buddy, and no longer open to the buddy once revoked", async () => {
    const pair = await buddyPair({ newcomer: { displayName: `Olena ${name}`, locale }, volunteer: { displayName: `Sanne ${name}`, locale: "nl" } });
    const options = { locale: BROWSER_LOCALE[locale], javaScriptEnabled, baseUrl: target.url };

    await journey(browser, `plan-start-${name}`, { ...options, userId: pair.newcomerId }, async (page, check) => {
      await page.goto(`${target.url}/plan`);
      expect(await page.getAttribute("html", "dir")).toBe(locale === "ar" ? "rtl" : "ltr");
      expect(await page.textContent("main")).toContain(t("plan.start.title"));
      await check("empty plan");
      await page.fill("#perspective", PERSPECTIVE[locale]);
      expect(await submitIn(page, "perspective")).toContain(t("plan.notice.perspective"));
      await page.click('details:has(input[name="domain"][value="language-communication"]) > summary');
      await page.check('details:has(input[name="domain"][value="language-communication"]) input[value="no-practice"]');
      await submitForNotice(page, 'details:has(input[name="domain"][value="language-communication"]) button[type="submit"]');
      // The obstacle brings the platform's help: language cafés and a language buddy.
      expect(await page.textContent("#plan-suggestions")).toBe(t("plan.suggest.title"));
      await page.selectOption("#share-person", pair.volunteerId);
      await page.check('input[name="access"][value="edit"]');
      expect(await submitIn(page, "share")).toContain(t("plan.notice.share"));
      expect(await page.textContent("#plan-sharing + p + ul")).toContain(`Sanne ${name}`);
      await check("shared plan");
    });

    const planId = (await db().perspectivePlan.findUniqueOrThrow({ where: { ownerId: pair.newcomerId } })).id;
    const nl = textIn("nl");
    await journey(browser, `plan-buddy-adds-${name}`, { ...options, locale: BROWSER_LOCALE.nl, userId: pair.volunteerId }, async (page, check) => {
      await page.goto(`${target.url}/plan`);
      await Promise.all([page.waitForURL(/\/plan\/[\w-]+$/), page.click(`a[href="/plan/${planId}"]`)]);
      expect(await page.textContent("main")).toContain(PERSPECTIVE[locale]);
      await check("plan shared with the buddy");
      await page.fill("#breakthrough-text", "Eerste taalcafé samen bezocht");
      await page.fill("#breakthrough-date", new Date().toISOString().slice(0, 10));
      await page.fill("#breakthrough-helped", `Sanne ${name}`);
      expect(await submitIn(page, "breakthrough")).toContain(nl("plan.notice.breakthrough"));
      expect(await page.textContent('section[aria-labelledby="plan-breakthroughs"]')).toContain("Eerste taalcafé samen bezocht");
    });

    await journey(browser, `plan-revoke-${name}`, { ...options, userId: pair.newcomerId }, async (page, check) => {
      await page.goto(`${target.url}/plan`);
      expect(await page.textContent("main")).toContain("Eerste taalcafé samen bezocht");
      expect(await page.textContent(".plan-history")).toContain(`Sanne ${name}`); // who added it
      if (locale === "ar" && javaScriptEnabled) await page.screenshot({ path: "/tmp/plan-journey-ar.png", fullPage: true });
      await page.click(`a[href*="confirm=revoke"][href*="${pair.volunteerId}"]`);
      await page.locator('button[name="intent"][value="revoke"]').waitFor();
      await check("confirm stopping sharing");
      expect(await submitForNotice(page, 'button[name="intent"][value="revoke"]')).toContain(t("plan.notice.revoke"));
      expect(await page.textContent("#plan-sharing + p")).toBe(t("plan.share.private"));
    });

    // The buddy's next request is refused, and their list no longer offers the plan.
    await journey(browser, `plan-buddy-refused-${name}`, { ...options, locale: BROWSER_LOCALE.nl, userId: pair.volunteerId }, async (page) => {
      const refused = await page.request.get(`${target.url}/plan/${planId}`);
      expect(refused.status()).toBe(403);
      expect(await refused.text()).not.toContain(PERSPECTIVE[locale]);
      await page.goto(`${target.url}/plan`);
      expect(await page.locator(`a[href="/plan/${planId}"]`).count()).toBe(0);
    });
  });
});
