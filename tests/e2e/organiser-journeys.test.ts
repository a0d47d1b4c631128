import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createActivity } from "~/domain/activities/activities.server";
import { utcToZonedParts } from "~/domain/activities/recurrence";
import { rsvp } from "~/domain/activities/rsvp.server";
import { addWalkIn, checkInFromList } from "~/domain/attendance/checkin.server";
import { db } from "~/lib/db.server";
import { choosePlace, useBrowser } from "../support/browser";
import { activityForm, localDate, personIn, publishedActivity } from "../support/factories";
import { BROWSER_LOCALE, LOCALES, exactly, journey, textIn } from "../support/journeys";
import { useServer } from "../support/server";

const target = useServer();
const browser = useBrowser();

const amsterdam = (at: Date) => utcToZonedParts(at, "Europe/Amsterdam");
const seriesDates = (seriesId: string) => db().activity.findMany({ where: { seriesId }, orderBy: { startsAt: "asc" } });

/** The facts list of a report as label → value, as a reader sees it. */
const facts = (page: Page) =>
  page.locator("dl.facts").evaluate((list) => {
    const rows: Record<string, string> = {};
    for (const term of Array.from(list.querySelectorAll("dt"))) rows[term.textContent!.trim()] = term.nextElementSibling!.textContent!.trim();
    return rows;
  });

const FIVE = { en: "Five", nl: "Vijf", uk: "П’ять", ar: "خمسة" } as const;

const MATRIX = [
  ...LOCALES.map((locale) => ({ locale, javaScriptEnabled: true, label: `${locale}, JavaScript on` })),
  { locale: "uk" as const, javaScriptEnabled: false, label: "uk, JavaScript off" },
];

describe.each(MATRIX)("an organiser ($label)", ({ locale, javaScriptEnabled, label }) => {
  const t = textIn(locale);
  const name = label.replace(/\W+/g, "-");

  it("creates a weekly series of five dates in their own language", async () => {
    const organiser = await personIn(locale, { isOrganiser: true });
    const title = `Series ${name} ${organiser.id.slice(0, 4)}`;
    await journey(
      browser,
      `organiser-create-${name}`,
      { locale: BROWSER_LOCALE[locale], javaScriptEnabled, baseUrl: target.url, userId: organiser.id },
      async (page, check) => {
        await page.goto(`${target.url}/organise/activities/new`);
        await check("the new activity form");
        await page.getByLabel(t("organise.form.kind"), { exact: true }).selectOption("meetup");
        const content = page.locator("details.content-locale[open]"); // the reader's language is open
        expect(await content.count()).toBe(1);
        await content.getByLabel(t("organise.form.title"), { exact: true }).fill(title);
        await content.getByLabel(t("organise.form.summary"), { exact: true }).fill("—");
        await page.getByRole("textbox", { name: t("organise.form.date"), exact: true }).fill(localDate(3)); // (Arabic "date" is also the interest "history")
        await page.getByLabel(t("organise.form.startTime"), { exact: true }).fill("18:00");
        await page.getByLabel(t("organise.form.endTime"), { exact: true }).fill("19:30");
        await page.getByLabel(t("organise.form.repeat"), { exact: true }).selectOption("1");
        await page.getByLabel(t("organise.form.repeatUntil"), { exact: true }).fill(localDate(3 + 28));
        await page.getByLabel(t("organise.form.venue"), { exact: true }).fill("Bibliotheek");
        await choosePlace(page, "field-municipality", "GM0344");
        await page.getByRole("checkbox", { name: t("reference:language.nl"), exact: true }).check({ force: true });
        await page.getByRole("checkbox", { name: t("activities.theme.language-communication"), exact: true }).check({ force: true });
        await page.getByRole("button", { name: exactly(t("organise.form.publish")) }).click();
        // The notice arrives on the new series' page, never in its address (decisions/025).
        await page.getByText(t("organise.done.created", { count: 5 }), { exact: true }).waitFor();
        expect(new URL(page.url()).pathname).toMatch(/^\/organise\/activities\/[^/]+$/);
        expect(new URL(page.url()).search).toBe("");
        expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(title);
        await check("the manage page of the new series");

        const dates = await db().activity.findMany({ where: { contents: { some: { title } } }, orderBy: { startsAt: "asc" } });
        expect(dates.map((date) => date.status)).toEqual(Array(5).fill("published"));
        expect(new Set(dates.map((date) => date.seriesId)).size).toBe(1);
        expect(dates.map((date) => amsterdam(date.startsAt).time)).toEqual(Array(5).fill("18:00"));
        expect(dates.map((date) => amsterdam(date.startsAt).date)).toEqual([0, 7, 14, 21, 28].map((days) => localDate(3 + days)));
      },
    );
  });

  it("checks people in at the door from the list, by QR ticket, by the spoken code and as a walk-in, and the count adds up", async () => {
    const organiser = await personIn(locale, { isOrganiser: true });
    const activityId = await publishedActivity(organiser.id, { date: localDate(1), municipalityCode: "GM0344", capacity: "10" });
    const [listed, scanned, coder, absent] = await Promise.all(
      ["Anna Listed", "Bram Scanned", "Chen Coder", "Dina Absent"].map((displayName) => personIn(locale, { displayName })),
    );
    for (const person of [listed, scanned, coder, absent]) await rsvp(person.id, activityId);
    // The form only takes times ahead; the door (and self check-in) is for an activity under way.
    const now = Date.now();
    await db().activity.update({ where: { id: activityId }, data: { startsAt: new Date(now - 10 * 60_000), endsAt: new Date(now + 2 * 3600_000) } });
    const door = `${target.url}/organise/activities/${activityId}/door`;
    const ticket = `${target.url}/activities/${activityId}/ticket`;
    const tt = t;

    // The attendee's phone shows the QR ticket; the scanner types its text into the door page.
    let token = "";
    await journey(browser, `door-ticket-${name}`, { locale: BROWSER_LOCALE[locale], baseUrl: target.url, userId: scanned.id }, async (page, check) => {
      await page.goto(ticket);
      await page.getByRole("img", { name: tt("checkin.qrAlt") }).waitFor();
      await check("the ticket page");
      token = await page.evaluate(() => {
        const data = (window as unknown as { __remixContext: { state: { loaderData: Record<string, { ticket?: { token: string } }> } } }).__remixContext.state
          .loaderData;
        return Object.values(data).find((route) => route?.ticket)!.ticket!.token;
      });
    });
    expect(token).toMatch(new RegExp(`^${scanned.id}\\.`));

    let code = "";
    await journey(browser, `door-${name}`, { locale: BROWSER_LOCALE[locale], javaScriptEnabled, baseUrl: target.url, userId: organiser.id }, async (page) => {
      await page.goto(door);
      await page.getByText(t("checkin.codeIntro")).waitFor();
      code = (await page.locator(".big-code > [aria-hidden=true]").textContent())!.trim(); // as shown; a screen reader gets it spaced out
      expect(code).toMatch(/^[A-Z2-9]{5}$/);
      await page.getByText(t("reports.presentCount", { count: 0 }), { exact: true }).waitFor();

      // By list, after searching for the name.
      await page.getByRole("searchbox", { name: t("checkin.search") }).fill("anna");
      await page.getByRole("search").getByRole("button").click();
      await page.waitForURL(/q=anna/);
      await expect.poll(() => page.locator(".door-list li").allTextContents()).toHaveLength(1);
      await page
        .locator(".door-list li", { hasText: "Anna Listed" })
        .getByRole("button", { name: exactly(t("checkin.checkIn")) })
        .click();
      await page
        .locator(".door-list li", { hasText: "Anna Listed" })
        .getByRole("button", { name: exactly(t("checkin.undo")) })
        .waitFor();

      // By QR: the scanned text.
      await page.goto(door);
      await page.getByLabel(t("checkin.scanLabel")).fill(token);
      await page
        .locator("form", { has: page.getByLabel(t("checkin.scanLabel")) })
        .getByRole("button", { name: exactly(t("checkin.checkIn")) })
        .click();
      await page
        .locator(".door-list li", { hasText: "Bram Scanned" })
        .getByRole("button", { name: exactly(t("checkin.undo")) })
        .waitFor();

      // A walk-in without a place.
      await page.getByLabel(t("checkin.walkIn")).fill("Ahmed Walk-in");
      await page.getByRole("button", { name: exactly(t("checkin.addWalkIn")) }).click();
      await page
        .locator("form", { has: page.getByLabel(t("checkin.walkIn")) })
        .getByText("Ahmed Walk-in")
        .waitFor();
    });

    // The attendee types the code the organiser reads out.
    await journey(
      browser,
      `door-code-${name}`,
      { locale: BROWSER_LOCALE[locale], javaScriptEnabled, baseUrl: target.url, userId: coder.id },
      async (page, check) => {
        await page.goto(ticket);
        // The hint under the field tells how long the code read out is: five characters.
        expect(await page.getByText(tt("checkin.codeHint")).textContent()).toContain(FIVE[locale]);
        expect(code).toHaveLength(5);
        await page.getByLabel(tt("checkin.codeLabel")).fill(code.toLowerCase()); // as typed on a phone
        await page.getByRole("button", { name: exactly(tt("checkin.checkMeIn")) }).click();
        await page.getByText(tt("checkin.youAreIn")).waitFor();
        await page.goto(ticket); // the state, not a one-off notice
        await page.getByText(tt("checkin.youAreIn")).waitFor();
        expect(await page.getByRole("button", { name: exactly(tt("checkin.checkMeIn")) }).count()).toBe(0);
        await check("the ticket page once checked in");
      },
    );

    await journey(
      browser,
      `door-after-${name}`,
      { locale: BROWSER_LOCALE[locale], javaScriptEnabled, baseUrl: target.url, userId: organiser.id },
      async (page, check) => {
        await page.goto(door);
        const count = page.locator(".door-count");
        expect(await count.getByText(t("reports.presentCount", { count: 4 }), { exact: true }).count()).toBe(1);
        expect(await count.getByText(t("reports.ofGoing", { count: 4, arrived: 3 }), { exact: true }).count()).toBe(1);
        expect(await count.getByText(t("reports.walkInCount", { count: 1 }), { exact: true }).count()).toBe(1);
        for (const arrived of ["Anna Listed", "Bram Scanned", "Chen Coder"]) {
          expect(await page.locator(".door-list li.checked", { hasText: arrived }).count(), arrived).toBe(1);
        }
        expect(
          await page
            .locator(".door-list li", { hasText: "Dina Absent" })
            .getByRole("button", { name: exactly(t("checkin.checkIn")) })
            .count(),
        ).toBe(1);
        await check("the door page after four arrived");
      },
    );

    const checkIns = await db().checkIn.findMany({ where: { activityId } });
    const byMethod = Object.fromEntries(checkIns.map((row) => [row.method, row.userId ?? row.walkInName]));
    expect(byMethod).toEqual({ list: listed.id, qr: scanned.id, code: coder.id, "walk-in": "Ahmed Walk-in" });
    expect(checkIns.some((row) => row.userId === absent.id)).toBe(false);
  });
});

describe.each([{ locale: "nl" as const, javaScriptEnabled: true }])(
  "an organiser editing a series in $locale (JavaScript $javaScriptEnabled)",
  ({ locale, javaScriptEnabled }) => {
    const t = textIn(locale);

    it("moves one date to another time, then changes the venue of this and later dates", async () => {
      const organiser = await personIn(locale, { isOrganiser: true });
      const { seriesId } = await createActivity(organiser.id, activityForm({ date: localDate(4), repeat: "1", repeatUntil: localDate(4 + 28) }), {
        publish: true,
      });
      const before = await seriesDates(seriesId!);
      expect(before).toHaveLength(5);
      await journey(
        browser,
        `organiser-edit-${locale}-${javaScriptEnabled}`,
        { locale: BROWSER_LOCALE[locale], javaScriptEnabled, baseUrl: target.url, userId: organiser.id },
        async (page, check) => {
          await page.goto(`${target.url}/organise/activities/${before[1].id}`);
          await check("the manage page of the second date");
          expect(await page.getByRole("radio", { name: t("organise.form.scopeOne") }).isChecked()).toBe(true); // one date is the default
          await page.getByLabel(t("organise.form.startTime"), { exact: true }).fill("11:00");
          await page.getByLabel(t("organise.form.endTime"), { exact: true }).fill("12:30");
          await page.getByRole("button", { name: exactly(t("organise.form.save")) }).click();
          await page.getByText(t("organise.done.saved"), { exact: true }).waitFor();
          expect(await page.getByLabel(t("organise.form.startTime"), { exact: true }).inputValue()).toBe("11:00");

          await page.goto(`${target.url}/organise/activities/${before[2].id}`);
          await page.getByLabel(t("organise.form.venue"), { exact: true }).fill("Bibliotheek Oost");
          await page.getByRole("radio", { name: t("organise.form.scopeFuture") }).check();
          await page.getByRole("button", { name: exactly(t("organise.form.save")) }).click();
          await page.getByText(t("organise.done.saved"), { exact: true }).waitFor();
          expect(await page.getByLabel(t("organise.form.venue"), { exact: true }).inputValue()).toBe("Bibliotheek Oost");
          await check("the manage page after editing this and later dates");
        },
      );
      const after = await seriesDates(seriesId!);
      expect(after.map((date) => amsterdam(date.startsAt).time)).toEqual(["10:00", "11:00", "10:00", "10:00", "10:00"]);
      expect(after.map((date) => amsterdam(date.startsAt).date)).toEqual(before.map((date) => amsterdam(date.startsAt).date)); // no day moved
      expect(after.map((date) => date.venue)).toEqual(["Buurthuis", "Buurthuis", "Bibliotheek Oost", "Bibliotheek Oost", "Bibliotheek Oost"]);
    });
  },
);

describe("an organiser after an activity (en)", () => {
  const t = textIn("en");

  it("reads a report that adds up, only counts no-shows after the end, and downloads the attendance as CSV", async () => {
    const organiser = await personIn("en", { isOrganiser: true });
    const activityId = await publishedActivity(organiser.id, { date: localDate(6), capacity: "3", titles: ["Report café"] });
    const people = await Promise.all(["Anna", "Bram", "Chen", "Dina"].map((displayName) => personIn("en", { displayName })));
    for (const person of people) await rsvp(person.id, activityId); // Dina is on the waitlist
    await checkInFromList(organiser.id, activityId, people[0].id);
    await checkInFromList(organiser.id, activityId, people[1].id);
    await addWalkIn(organiser.id, activityId, "Ahmed");
    await journey(browser, "organiser-report-en", { locale: "en-GB", baseUrl: target.url, userId: organiser.id }, async (page, check) => {
      await page.goto(`${target.url}/organise/activities/${activityId}`);
      await page.getByRole("link", { name: t("reports.title") }).click();
      await page.waitForURL(/\/report$/);
      expect((await facts(page))[t("reports.noShows")]).toBe(t("reports.noShowsLater")); // six days ahead: nobody has failed to come yet

      await db().activity.update({
        where: { id: activityId },
        data: { startsAt: new Date(Date.now() - 3 * 3600_000), endsAt: new Date(Date.now() - 3600_000) },
      });
      await page.reload();
      const figures = await facts(page);
      expect(figures).toMatchObject({
        [t("reports.signUps")]: "4",
        [t("reports.going")]: "3",
        [t("reports.waitlisted")]: "1",
        [t("reports.cancelled")]: "0",
        [t("reports.present")]: "3",
        [t("reports.presentGoing")]: t("reports.ofGoing", { count: 3, arrived: 2 }),
        [t("reports.walkIns")]: "1",
        [t("reports.noShows")]: "1",
      });
      await check("the report after the activity");

      const csvLink = await page.getByRole("link", { name: t("reports.downloadCsv") }).getAttribute("href");
      const csv = await page.request.get(target.url + csvLink);
      expect(csv.status()).toBe(200);
      expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
      expect(csv.headers()["content-disposition"]).toMatch(/attachment/);
      const lines = (await csv.text())
        .replace(/^\uFEFF/, "")
        .trim()
        .split(/\r?\n/);
      expect(lines).toHaveLength(1 + 5); // a header, four sign-ups and the walk-in
      for (const person of ["Anna", "Bram", "Chen", "Dina", "Ahmed"])
        expect(
          lines.some((line) => line.includes(person)),
          person,
        ).toBe(true);
    });
  });
});

describe.each([{ locale: "ar" as const, javaScriptEnabled: true }])(
  "an organiser matching buddies in $locale (JavaScript $javaScriptEnabled)",
  ({ locale, javaScriptEnabled }) => {
    const t = textIn(locale);

    it("runs the matching for one town, reviews the proposal and sends it", async () => {
      const town = "GM0153"; // Enschede: far from every demo volunteer
      const organiser = await personIn(locale, { isOrganiser: true });
      const newcomer = await personIn("uk", { displayName: `Olena ${locale}`, isNewcomer: true, municipalityCode: town });
      const volunteer = await personIn("nl", { displayName: `Sanne ${locale}`, isVolunteer: true, municipalityCode: town, vogCheckedAt: new Date() });
      for (const { id } of [newcomer, volunteer]) {
        await db().userLanguage.create({ data: { userId: id, language: "en", level: "native" } });
        await db().userAvailability.create({ data: { userId: id, weekday: 2, part: "evening" } });
      }
      await db().buddyRequest.create({
        data: { id: crypto.randomUUID(), newcomerId: newcomer.id, kind: "language", targetLanguage: "nl", targetLevel: "A2", onlineOk: false },
      });
      await db().buddyOffer.create({
        data: {
          id: crypto.randomUUID(),
          volunteerId: volunteer.id,
          kind: "language",
          helpsWith: JSON.stringify(["nl"]),
          capacity: 1,
          commitment: "1h-week-3-months",
          travelKm: 10,
          onlineOk: false,
        },
      });

      await journey(
        browser,
        `organiser-matching-${locale}`,
        { locale: BROWSER_LOCALE[locale], javaScriptEnabled, baseUrl: target.url, userId: organiser.id },
        async (page, check) => {
          await page.goto(`${target.url}/organise/matching`);
          await check("the matching page");
          await choosePlace(page, "field-municipality", town);
          await page.getByRole("button", { name: exactly(t("matching.runButton")) }).click();
          await page.getByText(t("matching.ran", { matched: 1, count: 1 }), { exact: true }).waitFor();
          const proposal = page.locator("li", { hasText: `Olena ${locale}` }).filter({ hasText: `Sanne ${locale}` });
          await proposal.waitFor();
          expect(await proposal.getByRole("checkbox").isChecked()).toBe(true);
          await check("the matching page with a proposal to review");
          const match = await db().buddyMatch.findFirstOrThrow({ where: { newcomerId: newcomer.id } });
          expect(match).toMatchObject({ volunteerId: volunteer.id, status: "proposed", sentAt: null });

          await page.getByRole("button", { name: exactly(t("matching.sendSelected")) }).click();
          await page.getByText(t("matching.nothingToReview")).waitFor();
          expect((await db().buddyMatch.findUniqueOrThrow({ where: { id: match.id } })).sentAt).not.toBeNull();
          expect(await db().notification.count({ where: { userId: { in: [newcomer.id, volunteer.id] }, kind: "buddy-proposed" } })).toBe(2);
        },
      );
    });
  },
);
