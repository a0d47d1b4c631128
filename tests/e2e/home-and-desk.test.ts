/**
 * The signed-in home and the organiser's desk in a phone-sized browser (decisions/045), with the
 * journey guards: no console or page errors, no 4xx/5xx, no NUL, axe on each page.
 */
import { describe, expect, it } from "vitest";
import { createActivity } from "~/domain/activities/activities.server";
import { rsvp } from "~/domain/activities/rsvp.server";
import { db } from "~/lib/db.server";
import { useBrowser } from "../support/browser";
import { activityForm, localDate, personIn, publishedActivity } from "../support/factories";
import { BROWSER_LOCALE, exactly, journey, textIn } from "../support/journeys";
import { useServer } from "../support/server";

const target = useServer();
const browser = useBrowser();

describe("the signed-in home", () => {
  it("leads a newcomer without activities to a first step (Arabic)", async () => {
    const t = textIn("ar");
    const newcomer = await personIn("ar", { isNewcomer: true });
    await journey(browser, "home-empty-ar", { locale: BROWSER_LOCALE.ar, baseUrl: target.url, userId: newcomer.id }, async (page, check) => {
      await page.goto(`${target.url}/`);
      expect(await page.getAttribute("html", "dir")).toBe("rtl");
      await page.getByRole("heading", { name: t("desk.home.firstSteps") }).waitFor();
      for (const step of ["profile", "activity", "buddy"]) expect(await page.getByRole("link", { name: t(`desk.home.step.${step}`) }).count()).toBe(1);
      await page.screenshot({ path: "/tmp/desk-home-empty-ar.png", fullPage: true });
      await check("the empty home");
      await page.getByRole("link", { name: t("desk.home.step.profile") }).click();
      await page.waitForURL(/\/profile$/);
    });
  });

  it("shows a newcomer's next activity with ticket and calendar, and marks it on the list (Arabic)", async () => {
    const t = textIn("ar");
    const organiser = await personIn("nl", { isOrganiser: true });
    const newcomer = await personIn("ar", { isNewcomer: true, municipalityCode: "GM0344" });
    const activityId = await publishedActivity(organiser.id, {
      contentLocales: ["ar"],
      titles: ["مقهى اللغة في أوتريخت"],
      summaries: ["نتحدث الهولندية معًا"],
      spokenLanguages: ["ar", "nl"],
      municipalityCode: "GM0344",
      date: localDate(4),
    });
    await rsvp(newcomer.id, activityId);
    await journey(browser, "home-next-ar", { locale: BROWSER_LOCALE.ar, baseUrl: target.url, userId: newcomer.id }, async (page, check) => {
      await page.goto(`${target.url}/`);
      const next = page.locator("section", { has: page.getByRole("heading", { name: t("desk.home.next") }) });
      await next.getByRole("link", { name: "مقهى اللغة في أوتريخت" }).waitFor();
      expect(await next.getByText(t("desk.going"), { exact: true }).count()).toBe(1);
      const ics = await next.getByRole("link", { name: t("activities.addToCalendar") }).getAttribute("href");
      expect((await page.request.get(target.url + ics)).headers()["content-type"]).toMatch(/^text\/calendar/);
      expect(await next.getByRole("link", { name: t("share.google") }).getAttribute("href")).toMatch(/^https:\/\/calendar\.google\.com\//);
      await page.screenshot({ path: "/tmp/desk-home-next-ar.png", fullPage: true });
      await check("the home with a next activity");
      await next.getByRole("link", { name: t("desk.home.ticket") }).click();
      await page.getByRole("heading", { level: 1, name: t("checkin.myTicket") }).waitFor();

      await page.goto(`${target.url}/activities?place=GM0344`);
      const card = page.locator(".activity-card", { hasText: "مقهى اللغة في أوتريخت" });
      expect(await card.getByText(t("desk.going"), { exact: true }).count()).toBe(1);
    });
  });
});

describe.each([{ javaScriptEnabled: true }, { javaScriptEnabled: false }])("the organiser's desk (JavaScript $javaScriptEnabled)", ({ javaScriptEnabled }) => {
  it("shows a series as one row with its dates and duplicates from the row", async () => {
    const t = textIn("nl");
    const organiser = await personIn("nl", { isOrganiser: true });
    const title = `Taalcafé ${javaScriptEnabled ? "met" : "zonder"} JS`;
    const { id: first } = await createActivity(
      organiser.id,
      activityForm({ titles: [title], repeat: "1", date: localDate(3), repeatUntil: localDate(31), capacity: "8" }),
      {
        publish: true,
      },
    );
    const guest = await personIn("uk");
    await rsvp(guest.id, first);
    await journey(
      browser,
      `desk-${javaScriptEnabled}`,
      { locale: BROWSER_LOCALE.nl, javaScriptEnabled, baseUrl: target.url, userId: organiser.id },
      async (page, check) => {
        await page.goto(`${target.url}/organise`);
        const rows = page.locator(".desk-row", { hasText: title });
        expect(await rows.count()).toBe(1);
        const row = rows.first();
        expect(await row.getByText(t("desk.organise.dates", { count: 5 }), { exact: true }).count()).toBe(1);
        expect(await row.getByText(t("desk.organise.goingOf", { count: 8, going: 1, capacity: 8 })).count()).toBeGreaterThan(0);
        await check("the desk");
        await row.locator("summary").click();
        expect(await row.locator(".desk-dates li").count()).toBe(5);
        // "Message attendees" lands on the message form with its label in view (and, with JavaScript, the box focused).
        await row.getByRole("link", { name: t("desk.organise.message") }).click();
        await page.waitForURL(/#message$/);
        const label = await page.locator('label[for="field-message"]').boundingBox();
        expect(label!.y).toBeGreaterThanOrEqual(0);
        expect(label!.y).toBeLessThan(844);
        if (javaScriptEnabled) await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("field-message");
        await page.goBack();
        const exportHref = await row.getByRole("link", { name: t("desk.organise.export") }).getAttribute("href");
        expect((await page.request.get(target.url + exportHref)).headers()["content-type"]).toMatch(/^text\/csv/);
        // Keyboard: the duplicate button is reached and pressed without a mouse.
        await row.getByRole("button", { name: exactly(t("organise.duplicate")) }).focus();
        await page.keyboard.press("Enter");
        await page.waitForURL((url) => /\/organise\/activities\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith(first));
        expect(await db().activity.count({ where: { organiserId: organiser.id, status: "draft" } })).toBe(1);
      },
    );
  });
});
