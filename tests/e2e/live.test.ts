import { describe, expect, it } from "vitest";
import { rsvp } from "~/domain/activities/rsvp.server";
import { db } from "~/lib/db.server";
import { activityForm, localDate, publishedActivity } from "../support/factories";
import { SCREENSHOTS, useBrowser, signInAs } from "../support/browser";
import { useServer } from "../support/server";

const target = useServer();
const browser = useBrowser();

const idOf = async (name: string) => (await db().user.findFirstOrThrow({ where: { email: `${name}@demo.meedoen.nl` } })).id;

describe("live room and attendance", () => {
  it("an organiser opens the room, two attendees in different languages ask and upvote, and the organiser marks one answered", async () => {
    const organiser = await idOf("oksana");
    const activityId = await publishedActivity(organiser, {
      kind: "webinar",
      mode: "online",
      joinUrl: "https://meet.example.org/live",
      venue: "",
      municipalityCode: "",
      titles: ["Werk zoeken"],
    });
    for (const name of ["olena", "yara"]) await rsvp(await idOf(name), activityId);
    await db().activity.update({ where: { id: activityId }, data: { startsAt: new Date(Date.now() - 60_000), endsAt: new Date(Date.now() + 3600_000) } });

    const host = await browser.page({ locale: "uk-UA" });
    const olena = await browser.page({ locale: "uk-UA" });
    const yara = await browser.page({ locale: "ar" });
    try {
      await signInAs(host, target.url, "oksana");
      await host.goto(`${target.url}/activities/${activityId}/live`);
      await host.click('button[value="open"]');
      await signInAs(olena, target.url, "olena");
      await olena.goto(`${target.url}/activities/${activityId}/live`);
      await signInAs(yara, target.url, "yara");
      await yara.goto(`${target.url}/activities/${activityId}/live`);
      await expect.poll(() => host.textContent(".live-room .title-row .badge"), { timeout: 10_000 }).toMatch(/3/);

      await olena.fill("#ask-body", "Як підтвердити диплом у Нідерландах?");
      await olena.click('form:has(#ask-body) button[type="submit"]');
      await yara.fill("#ask-body", "هل أحتاج إلى شهادة اللغة للعمل؟");
      await yara.check('input[name="anonymous"]');
      await yara.click('form:has(#ask-body) button[type="submit"]');
      // Each sees the other's question arrive live, and upvotes it.
      const olenaSees = olena.locator(".question", { hasText: "هل أحتاج" });
      await olenaSees.waitFor({ timeout: 10_000 });
      expect(await olenaSees.textContent()).not.toContain("Yara"); // anonymous to the audience
      await olenaSees.locator('button[value="vote"]').click();
      const yaraSees = yara.locator(".question", { hasText: "диплом" });
      await yaraSees.waitFor({ timeout: 10_000 });
      await yaraSees.locator('button[value="vote"]').click();

      const hostView = host.locator(".question", { hasText: "диплом" });
      await expect.poll(() => hostView.textContent(), { timeout: 10_000 }).toMatch(/\b1\b/);
      await hostView.locator('button[value="moderate"]', { hasText: /./ }).first().click(); // "mark answered" comes first
      await expect
        .poll(async () => (await db().question.findFirstOrThrow({ where: { activityId, body: { startsWith: "Як" } } })).answeredAt, { timeout: 10_000 })
        .not.toBeNull();
      await expect.poll(() => olena.locator(".question.answered").count(), { timeout: 10_000 }).toBe(1);
      const votes = await db().question.findMany({ where: { activityId }, select: { voteCount: true } });
      expect(votes.map((v) => v.voteCount)).toEqual([1, 1]);
      await host.screenshot({ path: `${SCREENSHOTS}live-room-organiser-uk.png`, fullPage: true });
      await yara.screenshot({ path: `${SCREENSHOTS}live-room-attendee-ar.png`, fullPage: true });
    } finally {
      for (const page of [host, olena, yara]) await page.context().close();
    }
  });

  it("an organiser checks people in on a phone-sized screen, and the attendance chart renders", async () => {
    const organiser = await idOf("marieke");
    const created = await db().activity.findFirstOrThrow({
      where: { organiserId: organiser, seriesId: { not: null }, kind: "language-cafe" },
      orderBy: { startsAt: "asc" },
    });
    for (const name of ["olena", "yara"]) await rsvp(await idOf(name), created.id).catch(() => undefined);
    await browser.flow("door-phone", { viewport: { width: 360, height: 740 }, locale: "nl-NL" }, async (page) => {
      await signInAs(page, target.url, "marieke");
      await page.goto(`${target.url}/organise/activities/${created.id}/door`);
      await page.fill("#door-search", "yara");
      await Promise.all([page.waitForURL(/q=yara/), page.click('form[role="search"] button')]);
      await Promise.all([page.waitForURL(/door/), page.click('.door-list button[value="list"]')]);
      await expect.poll(() => page.locator(".door-list .checked").count()).toBe(1);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(360); // nothing sticks out sideways on a small phone
      await page.fill("#walk-in", "Ahmed");
      await Promise.all([page.waitForURL(/door/), page.click('button[value="walk-in"]')]);
      await page.screenshot({ path: `${SCREENSHOTS}door-phone-nl.png`, fullPage: true });

      // Pretend the first date is over so it shows in the series chart.
      await db().activity.update({
        where: { id: created.id },
        data: { startsAt: new Date(Date.now() - 3 * 3600_000), endsAt: new Date(Date.now() - 3600_000) },
      });
      await page.goto(`${target.url}/organise/activities/${created.id}/report`);
      const chart = page.locator('.chart svg[role="img"]');
      await chart.waitFor();
      expect(await chart.locator("rect").count()).toBeGreaterThan(0);
      // Present on that date: Yara, checked in from the list, and Ahmed, the walk-in (decision 021).
      expect(await page.locator(".chart table tbody td").first().textContent()).toBe("2 mensen");
      await page.screenshot({ path: `${SCREENSHOTS}report-chart-nl.png`, fullPage: true });
    });
    void activityForm;
    void localDate;
  });
});
