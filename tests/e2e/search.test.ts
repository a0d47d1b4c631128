/**
 * Search and nearby in the browser (issue 14): a search in Ukrainian with JavaScript (the
 * suggestions appear while typing), one in Arabic with a typo without JavaScript, and the nearby
 * filter; at 390×844 with the journey guards (console, HTTP, NUL, axe).
 */
import { describe, expect, it } from "vitest";
import { choosePlace, SCREENSHOTS, useBrowser } from "../support/browser";
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
    const club = await publishedActivity(organiser, { ...content("uk", "Шаховий клуб для дорослих", "Граємо в шахи щосуботи"), municipalityCode: "GM0479" });
    await publishedActivity(organiser, { ...content("uk", "Шаховий турнір в Утрехті", "Для всіх рівнів"), municipalityCode: "GM0344" });
    const t = textIn("uk");
    await journey(browser, "search-uk-js", { locale: BROWSER_LOCALE.uk, baseUrl: target.url }, async (page, check) => {
      await page.goto(`${target.url}/activities`);
      const box = page.getByRole("combobox", { name: t("search.activitiesLabel") });
      // A typo still lists what the search finds for it (a <datalist> hid those), and choosing one opens it.
      await box.pressSequentially("шахвий клу", { delay: 30 });
      const options = page.getByRole("listbox").getByRole("option");
      await expect.poll(() => options.allTextContents()).toEqual(["Шаховий клуб для дорослих"]);
      await box.press("ArrowDown");
      expect(await box.getAttribute("aria-activedescendant")).toBe("search-q-option-0");
      await Promise.all([page.waitForURL(new RegExp(`/activities/${club}$`)), box.press("Enter")]);
      await page.goBack();
      // Enter without choosing searches for what was typed.
      await box.fill("");
      await box.pressSequentially("шахов", { delay: 30 });
      await expect.poll(() => options.count()).toBe(2);
      await Promise.all([page.waitForURL(/q=/), box.press("Enter")]);
      await expect.poll(() => page.locator(".activity-card").count()).toBe(2);
      expect(await page.locator(".activity-card mark").first().textContent()).toBe("Шаховий");
      await check("search results (uk)");
      await page.click(".filters-toggle summary");
      await choosePlace(page, "filter-place", "GM0363");
      await page.selectOption("#filter-km", "25");
      await Promise.all([page.waitForURL(/km=25/), page.click('.filters button[type="submit"]')]);
      await expect.poll(() => page.locator(".activity-card").count()).toBe(1);
      expect(new URL(page.url()).searchParams.get("q")).toBe("шахов");
      expect(await page.locator(".activity-card .distance").textContent()).toContain("10,2 км");
      await check("nearby search (uk)");
      await page.screenshot({ path: `${SCREENSHOTS}search-nearby-uk.png`, fullPage: true });
    });
  });

  it('finds \'s-Gravenhage in the place filter by typing "gravenhage" or "den haag", by keyboard (Arabic)', async () => {
    const organiser = await makePerson({ isOrganiser: true });
    await publishedActivity(organiser, { ...content("ar", "مقهى اللغة في لاهاي", "نتحدث الهولندية معًا"), municipalityCode: "GM0518" });
    const t = textIn("ar");
    await journey(browser, "place-typeahead-ar", { locale: BROWSER_LOCALE.ar, baseUrl: target.url }, async (page, check) => {
      await page.goto(`${target.url}/activities`);
      await page.click(".filters-toggle summary");
      const place = page.getByRole("combobox", { name: t("activities.filters.place"), exact: true });
      const options = page.locator("#filter-place-listbox").getByRole("option");
      await place.fill("gravenhage");
      await expect.poll(() => options.allTextContents()).toEqual(["'s-Gravenhage", "Den Haag ('s-Gravenhage)"]);
      await place.fill("den haag");
      await expect.poll(() => options.allTextContents()).toEqual(["Den Haag ('s-Gravenhage)"]);
      await check("place type-ahead (ar)");
      await place.press("ArrowDown");
      await place.press("Enter");
      expect(await place.inputValue()).toBe("Den Haag ('s-Gravenhage)");
      expect(await place.getAttribute("aria-expanded")).toBe("false");
      await Promise.all([page.waitForURL(/place=GM0518/), page.click('.filters button[type="submit"]')]);
      await expect.poll(() => page.locator(".activity-card").count()).toBe(1);
      expect(await page.locator(".activity-card h2").textContent()).toContain("مقهى اللغة في لاهاي");
      // Applying folds the panel away and brings the results into view (they were 1,500 px down on a phone).
      expect(await page.locator(".filters-toggle").evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
      const count = await page.locator("#results-count").boundingBox();
      expect(count!.y).toBeGreaterThanOrEqual(0);
      expect(count!.y).toBeLessThan(844);
      // The page of results keeps the place as the person chose it.
      expect(await page.locator("input#filter-place").inputValue()).toBe("Den Haag ('s-Gravenhage)");
      expect(await page.locator('.filters input[type="hidden"][name="place"]').inputValue()).toBe("GM0518");
    });
  });

  it("finds an Arabic sewing workshop with a typo, without JavaScript", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    await publishedActivity(organiser, { ...content("ar", "ورشة الخياطة للمبتدئات", "نتعلم الخياطة معًا"), municipalityCode: "GM0363" });
    const t = textIn("ar");
    await journey(browser, "search-ar-nojs", { locale: BROWSER_LOCALE.ar, baseUrl: target.url, javaScriptEnabled: false }, async (page, check) => {
      await page.goto(`${target.url}/activities`);
      // Without JavaScript it is a plain search field: nothing would open a list of suggestions.
      await page.getByRole("searchbox", { name: t("search.activitiesLabel") }).fill("الخياطه");
      await Promise.all([page.waitForURL(/q=/), page.getByRole("button", { name: t("search.submit") }).click()]);
      await expect.poll(() => page.locator(".activity-card").count()).toBe(1);
      expect(await page.locator(".activity-card h2").textContent()).toContain("ورشة الخياطة");
      // The close match is marked where it was found (the summary says there were close matches).
      expect(await page.locator(".activity-card mark").first().textContent()).toBe("الخياطة");
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
      await expect.poll(() => page.getByRole("listbox").getByRole("option").allTextContents()).toEqual(["مجموعة الخياطة في زانستاد"]);
      await Promise.all([page.waitForURL(/q=/), box.press("Enter")]);
      await expect.poll(() => page.locator(".cards .card").count()).toBe(1);
      expect(await page.locator(".cards .card mark").first().textContent()).toBe("الخياطة");
      // Choosing a suggestion opens the group.
      const again = page.getByRole("combobox", { name: t("search.groupsLabel") });
      await again.fill("");
      await again.pressSequentially("الخيا", { delay: 30 });
      await page.getByRole("listbox").getByRole("option").first().waitFor();
      await again.press("ArrowDown");
      await Promise.all([page.waitForURL(/\/groups\/khiyata-e2e$/), again.press("Enter")]);
      await check("group search (ar)");
      await page.screenshot({ path: `${SCREENSHOTS}group-search-ar.png`, fullPage: true });
    });
  });
});
