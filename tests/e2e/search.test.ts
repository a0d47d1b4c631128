/**
 * Search and nearby in the browser (issue 14): a search in Ukrainian with JavaScript (the
 * suggestions appear while typing), one in Arabic with a typo without JavaScript, and the nearby
 * filter; at 390×844 with the journey guards (console, HTTP, NUL, axe).
 */
import { describe, expect, it } from "vitest";
import { SCREENSHOTS, useBrowser } from "../support/browser";
import { db } from "~/lib/db.server";
import { makePerson, publishedActivity } from "../support/factories";
import { BROWSER_LOCALE, journey, textIn } from "../support/journeys";
import { useServer } from "../support/server";

const target = useServer();
const browser = useBrowser();

const content = (locale: string, title: string, summary: string) => ({
  contentLocales: [locale],
  titles: [title],
  summaries: [summary],
  descriptions: [""],
  spokenLanguages: [locale],
});

describe("search and nearby", () => {
  it("finds a Ukrainian chess club with suggestions while typing, and keeps the nearby filter", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    await publishedActivity(organiser, { ...content("uk", "Шаховий клуб для дорослих", "Граємо в шахи щосуботи"), municipalityCode: "GM0479" });
    await publishedActivity(organiser, { ...content("uk", "Шаховий турнір в Утрехті", "Для всіх рівнів"), municipalityCode: "GM0344" });
    const t = textIn("uk");
    await journey(browser, "search-uk-js", { locale: BROWSER_LOCALE.uk, baseUrl: target.url }, async (page, check) => {
      await page.goto(`${target.url}/activities`);
      const box = page.getByRole("combobox", { name: t("search.activitiesLabel") });
      await box.pressSequentially("шахов", { delay: 30 });
      await expect.poll(() => page.locator("datalist option").count()).toBe(2);
      await Promise.all([page.waitForURL(/q=/), box.press("Enter")]);
      await expect.poll(() => page.locator(".activity-card").count()).toBe(2);
      expect(await page.locator(".activity-card mark").first().textContent()).toBe("Шаховий");
      await check("search results (uk)");
      await page.click(".filters-toggle summary");
      await page.selectOption("#filter-place", "GM0363");
      await page.selectOption("#filter-km", "25");
      await Promise.all([page.waitForURL(/km=25/), page.click('.filters button[type="submit"]')]);
      await expect.poll(() => page.locator(".activity-card").count()).toBe(1);
      expect(new URL(page.url()).searchParams.get("q")).toBe("шахов");
      expect(await page.locator(".activity-card .distance").textContent()).toContain("10,2 км");
      await check("nearby search (uk)");
      await page.screenshot({ path: `${SCREENSHOTS}search-nearby-uk.png`, fullPage: true });
    });
  });

  it("finds an Arabic sewing workshop with a typo, without JavaScript", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    await publishedActivity(organiser, { ...content("ar", "ورشة الخياطة للمبتدئات", "نتعلم الخياطة معًا"), municipalityCode: "GM0363" });
    const t = textIn("ar");
    await journey(browser, "search-ar-nojs", { locale: BROWSER_LOCALE.ar, baseUrl: target.url, javaScriptEnabled: false }, async (page, check) => {
      await page.goto(`${target.url}/activities`);
      await page.getByRole("combobox", { name: t("search.activitiesLabel") }).fill("الخياطه");
      await Promise.all([page.waitForURL(/q=/), page.getByRole("button", { name: t("search.submit") }).click()]);
      await expect.poll(() => page.locator(".activity-card").count()).toBe(1);
      expect(await page.locator(".activity-card h2").textContent()).toContain("ورشة الخياطة");
      expect(await page.locator(".search-summary").textContent()).toContain("الخياطة");
      await check("search with a typo (ar)");
      await page.screenshot({ path: `${SCREENSHOTS}search-typo-ar.png`, fullPage: true });
    });
  });

  it("suggests Arabic group names while typing on the groups page, and shows the cards with their pictures", async () => {
    await db().group.create({
      data: { id: "e2e-g-ar", slug: "khiyata-e2e", name: "مجموعة الخياطة في زانستاد", description: "نلتقي كل أسبوع", municipalityCode: "GM0479" },
    });
    await db().group.create({ data: { id: "e2e-g-nl", slug: "koor-e2e", name: "Koor De Stem", description: "Zingen op dinsdag" } });
    const t = textIn("ar");
    await journey(browser, "group-search-ar-js", { locale: BROWSER_LOCALE.ar, baseUrl: target.url }, async (page, check) => {
      await page.goto(`${target.url}/groups`);
      expect(await page.locator(".cards .card .card-image img").count()).toBeGreaterThanOrEqual(2);
      const box = page.getByRole("combobox", { name: t("search.groupsLabel") });
      await box.pressSequentially("الخيا", { delay: 30 });
      await expect.poll(() => page.locator("datalist option").count()).toBe(1);
      expect(await page.locator("datalist option").getAttribute("value")).toBe("مجموعة الخياطة في زانستاد");
      await Promise.all([page.waitForURL(/q=/), box.press("Enter")]);
      await expect.poll(() => page.locator(".cards .card").count()).toBe(1);
      expect(await page.locator(".cards .card mark").first().textContent()).toBe("الخياطة");
      await check("group search (ar)");
      await page.screenshot({ path: `${SCREENSHOTS}group-search-ar.png`, fullPage: true });
    });
  });
});
