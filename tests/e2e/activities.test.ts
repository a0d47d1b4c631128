import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { utcToZonedParts } from "~/domain/activities/recurrence";
import { db } from "~/lib/db.server";
import { choosePlace, expectAccessible, SCREENSHOTS, signInAs, submitForNotice, useBrowser } from "../support/browser";
import { textIn } from "../support/journeys";
import { useServer } from "../support/server";

const target = useServer();
const browser = useBrowser();

function localDate(days: number) {
  return utcToZonedParts(new Date(Date.now() + days * 86_400_000), "Europe/Amsterdam").date;
}

describe.each([
  { javaScriptEnabled: true, label: "js", newcomer: "mykola" },
  { javaScriptEnabled: false, label: "nojs", newcomer: "iryna" },
])("activities ($label)", ({ javaScriptEnabled, label, newcomer }) => {
  it("a newcomer finds a Dutch language café on a Tuesday evening in Zaanstad, signs up and adds it to the calendar", async () => {
    await browser.flow(`find-cafe-${label}`, { javaScriptEnabled, locale: "uk-UA", bypassCSP: true }, async (page) => {
      await signInAs(page, target.url, newcomer);
      await page.goto(`${target.url}/activities`);
      await page.click(".filters-toggle summary");
      await page.selectOption("#filter-kind", "language-cafe");
      await choosePlace(page, "filter-place", "GM0479");
      await page.check('input[name="evening"]');
      await Promise.all([page.waitForURL(/kind=language-cafe/), page.click('.filters button[type="submit"]')]);
      // The fields left at "any" are not in the address (decision 046), with JavaScript or without.
      expect(new URL(page.url()).search).toBe("?view=list&kind=language-cafe&place=GM0479&evening=1");
      const cards = page.locator(".activity-card");
      await expect.poll(() => cards.count()).toBe(1);
      const card = cards.first();
      expect(await card.textContent()).toContain("Мовне кафе Заандам"); // shown in the reader's Ukrainian
      expect(await card.locator("time").textContent()).toMatch(/вт/i); // a Tuesday
      expect(await card.locator("time").textContent()).toContain("19:00");
      await page.screenshot({ path: `${SCREENSHOTS}activities-filtered-uk-${label}.png`, fullPage: true });

      await Promise.all([page.waitForURL(/\/activities\/[^/?]+$/), card.locator("h2 a").click()]);
      expect(await submitForNotice(page, '.rsvp-box button[value="rsvp"]')).toMatch(/[\u0400-\u04FF]/);
      expect(new URL(page.url()).search).toBe(""); // the notice is not in the address
      expect(await page.textContent(".rsvp-status")).toMatch(/[\u0400-\u04FF]/);
      if (javaScriptEnabled) await expectAccessible(page, "activity page (uk)"); // axe itself needs JavaScript

      const icsHref = await page.getAttribute('a[href$="/calendar.ics"]', "href");
      const ics = await (await page.request.get(target.url + icsHref)).text();
      const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent")!);
      expect(event.summary).toBe("Мовне кафе Заандам");
      expect(utcToZonedParts(event.startDate.toJSDate(), "Europe/Amsterdam").time).toBe("19:00");

      // The notice belongs to the page the sign-up led to: the next page does not repeat it.
      await Promise.all([page.waitForURL(/\/activities$/), page.click('nav.main-nav a[href="/activities"]')]);
      // The address changes before the new page is drawn: wait for the list's own heading, not any h1.
      await page.getByRole("heading", { level: 1, name: "Заходи", exact: true }).waitFor();
      expect(await page.locator(".page-notice").count()).toBe(0);
    });
  });

  it("an organiser creates a weekly series in Ukrainian and cancels one date", async () => {
    await browser.flow(`organiser-series-${label}`, { javaScriptEnabled, locale: "uk-UA", bypassCSP: true }, async (page) => {
      await signInAs(page, target.url, "oksana");
      await page.goto(`${target.url}/organise/activities/new`);
      const title = `Розмовний клуб ${label}`;
      await page.selectOption("#field-kind", "meetup");
      await page.fill("#title-uk", title);
      await page.fill("#summary-uk", "Говоримо нідерландською про повсякденне життя.");
      await page.fill("#field-date", localDate(3));
      await page.fill("#field-startTime", "18:00");
      await page.fill("#field-endTime", "19:30");
      await page.selectOption("#field-repeat", "1");
      await page.fill("#field-repeatUntil", localDate(3 + 28));
      await page.fill("#field-venue", "Бібліотека");
      await choosePlace(page, "field-municipality", "GM0268");
      await page.check('input[name="spokenLanguages"][value="uk"]', { force: true });
      await page.check('input[name="spokenLanguages"][value="nl"]', { force: true });
      await page.check('input[name="themes"][value="language-communication"]', { force: true });
      expect(await submitForNotice(page, 'button[name="intent"][value="publish"]')).toContain("5");

      const dates = await db().activity.findMany({ where: { contents: { some: { title } } }, orderBy: { startsAt: "asc" } });
      expect(dates).toHaveLength(5);
      await page.goto(`${target.url}/organise/activities/${dates[1].id}`);
      await Promise.all([page.waitForURL(/confirm=cancel/), page.click('a[href$="?confirm=cancel"]')]);
      await page.check('input[name="scope"][value="one"]');
      await submitForNotice(page, 'button[name="intent"][value="cancel"]');
      await page.screenshot({ path: `${SCREENSHOTS}organiser-cancelled-uk-${label}.png`, fullPage: false });
      const statuses = (await db().activity.findMany({ where: { seriesId: dates[0].seriesId }, orderBy: { startsAt: "asc" } })).map((a) => a.status);
      expect(statuses).toEqual(["published", "cancelled", "published", "published", "published"]);
    });
  });
});

describe("a long form that comes back with errors", () => {
  it("puts the focus on the first problem, in view, with a message that says what to do (JavaScript on)", async () => {
    await browser.flow("form-errors-focus", { locale: "en-GB" }, async (page) => {
      await signInAs(page, target.url, "oksana");
      await page.goto(`${target.url}/organise/activities/new`);
      await page.waitForFunction(() => "__remixRouter" in window);
      const publish = page.locator('button[name="intent"][value="publish"]');
      await publish.scrollIntoViewIfNeeded();
      await publish.click();
      // The form's summary of what to check comes first (the fields follow, each with its message).
      await expect.poll(() => page.evaluate(() => document.activeElement?.matches(".alert-error, [aria-invalid='true']") ?? false)).toBe(true);
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const box = element.getBoundingClientRect();
        return { id: element.id, inView: box.top >= 0 && box.bottom <= window.innerHeight };
      });
      expect(focused.inView).toBe(true);
      expect(await page.locator("#field-date-error").textContent()).toBe(textIn("uk")("validation.chooseDate")); // Oksana reads Ukrainian
    });
  });
});
