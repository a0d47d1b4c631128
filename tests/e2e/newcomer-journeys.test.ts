import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { utcToZonedParts } from "~/domain/activities/recurrence";
import { askQuestion } from "~/domain/live/room.server";
import { cancelRsvp, rsvp } from "~/domain/activities/rsvp.server";
import { db } from "~/lib/db.server";
import type { Locale } from "~/lib/locales";
import { choosePlace, socketConnected, useBrowser } from "../support/browser";
import { buddyPair } from "../support/buddy-factories";
import { localDate, personIn, publishedActivity } from "../support/factories";
import { BROWSER_LOCALE, LOCALES, exactly, journey, textIn } from "../support/journeys";
import { webinarNow } from "../support/live-factories";
import { useServer } from "../support/server";

const target = useServer();
const browser = useBrowser();

/** The same workshop written in all four languages, at 19:00 in a town of its own (no demo activity and no other test's is there). */
const TITLES: Record<Locale, string> = {
  en: "Bike repair workshop",
  nl: "Fietsreparatie-workshop",
  uk: "Майстерня з ремонту велосипедів",
  ar: "ورشة إصلاح الدراجات",
};
async function workshopIn(municipalityCode: string, fields: Record<string, unknown> = {}) {
  const organiser = await personIn("nl", { isOrganiser: true });
  return publishedActivity(organiser.id, {
    kind: "workshop",
    contentLocales: [...LOCALES],
    titles: LOCALES.map((locale) => TITLES[locale]),
    summaries: LOCALES.map(() => "—"),
    descriptions: LOCALES.map(() => ""),
    municipalityCode,
    venue: "Fietsenmakerij",
    date: localDate(6),
    startTime: "19:00",
    endTime: "21:00",
    capacity: "10",
    ...fields,
  });
}

const rsvpOf = (activityId: string, userId: string) => db().rsvp.findUnique({ where: { activityId_userId: { activityId, userId } } });

const TOWNS = ["GM0014", "GM0344", "GM0599", "GM0518", "GM0772"]; // Groningen, Utrecht, Rotterdam, The Hague, Eindhoven
const MATRIX = [
  ...LOCALES.map((locale) => ({ locale, javaScriptEnabled: true, label: `${locale}, JavaScript on` })),
  { locale: "nl" as const, javaScriptEnabled: false, label: "nl, JavaScript off" },
].map((row, index) => ({ ...row, town: TOWNS[index] }));

describe.each(MATRIX)("a newcomer ($label)", ({ locale, javaScriptEnabled, label, town }) => {
  const t = textIn(locale);
  const name = label.replace(/\W+/g, "-");

  it("finds a workshop by filters, signs up, downloads it for the calendar, opens the ticket, and gives the place up after confirming", async () => {
    const activityId = await workshopIn(town);
    const newcomer = await personIn(locale, { isNewcomer: true, municipalityCode: town });
    await journey(
      browser,
      `newcomer-find-${name}`,
      { locale: BROWSER_LOCALE[locale], javaScriptEnabled, baseUrl: target.url, userId: newcomer.id },
      async (page, check) => {
        await page.goto(`${target.url}/activities`);
        expect(await page.getAttribute("html", "lang")).toBe(locale);

        await page.locator("summary", { hasText: t("activities.filters.title") }).click();
        await page.getByLabel(t("activities.filters.kind"), { exact: true }).selectOption("workshop");
        await choosePlace(page, "filter-place", town);
        await page.getByLabel(t("activities.filters.evening"), { exact: true }).check();
        await page.getByRole("button", { name: exactly(t("activities.filters.apply")) }).click();
        await page.waitForURL(new RegExp(`place=${town}`));
        const cards = page.locator(".activity-card");
        await expect.poll(() => cards.count()).toBe(1);
        expect(await cards.first().getByRole("heading").textContent()).toBe(TITLES[locale]); // in the reader's own language
        await check("the filtered list");

        await cards.first().getByRole("link", { name: TITLES[locale] }).click();
        await page.waitForURL(new RegExp(`/activities/${activityId}`));
        await page.getByRole("button", { name: exactly(t("activities.rsvp.going")) }).click();
        await page.getByText(t("activities.rsvp.status.going"), { exact: true }).waitFor();
        expect((await rsvpOf(activityId, newcomer.id))?.status).toBe("going");
        await check("the activity page after signing up");

        const calendar = await page.getByRole("link", { name: t("activities.addToCalendar") }).getAttribute("href");
        const ics = await page.request.get(target.url + calendar);
        expect(ics.status()).toBe(200);
        expect(ics.headers()["content-type"]).toMatch(/^text\/calendar/);
        const event = new ICAL.Event(new ICAL.Component(ICAL.parse(await ics.text())).getFirstSubcomponent("vevent")!);
        expect(event.summary).toBe(TITLES[locale]);
        expect(utcToZonedParts(event.startDate.toJSDate(), "Europe/Amsterdam").time).toBe("19:00");

        await page.getByRole("link", { name: t("checkin.myTicket") }).click();
        await page.getByRole("heading", { level: 1, name: t("checkin.myTicket") }).waitFor();
        expect(await page.getByRole("img", { name: t("checkin.qrAlt") }).isVisible()).toBe(true);
        await check("the ticket page");

        await page.getByRole("link", { name: TITLES[locale], exact: true }).click(); // the back link, named without its arrow
        await page.getByRole("link", { name: t("activities.rsvp.cancel") }).click();
        await page.getByText(t("activities.rsvp.confirmCancel")).waitFor();
        expect((await rsvpOf(activityId, newcomer.id))?.status).toBe("going"); // asking is not doing
        await check("the cancel confirmation");
        await page.getByRole("button", { name: exactly(t("activities.rsvp.yesCancel")) }).click();
        await page.getByRole("button", { name: exactly(t("activities.rsvp.going")) }).waitFor(); // free to sign up again
        expect(await page.getByText(t("activities.rsvp.status.going")).count()).toBe(0);
        expect((await rsvpOf(activityId, newcomer.id))?.status).toBe("cancelled");
      },
    );
  });
});

describe.each([{ locale: "en" as const, javaScriptEnabled: true }])(
  "a newcomer in $locale (JavaScript $javaScriptEnabled)",
  ({ locale, javaScriptEnabled }) => {
    const t = textIn(locale);

    it("joins the waitlist of a full activity and moves up when the place frees", async () => {
      const activityId = await workshopIn("GM0193", { capacity: "1" });
      const [first] = [await personIn("nl", { isNewcomer: true })];
      await rsvp(first.id, activityId);
      const newcomer = await personIn(locale, { isNewcomer: true });
      await journey(
        browser,
        `newcomer-waitlist-${locale}-${javaScriptEnabled}`,
        { locale: BROWSER_LOCALE[locale], javaScriptEnabled, baseUrl: target.url, userId: newcomer.id },
        async (page, check) => {
          await page.goto(`${target.url}/activities/${activityId}`);
          await page.getByText(t("activities.fullWaitlist")).waitFor();
          await page.getByRole("button", { name: exactly(t("activities.rsvp.joinWaitlist")) }).click();
          await page.getByText(t("activities.rsvp.status.waitlisted", { place: 1 }), { exact: true }).waitFor();
          expect((await rsvpOf(activityId, newcomer.id))?.status).toBe("waitlisted");
          await check("the activity page on the waitlist");

          await cancelRsvp(first.id, activityId); // the one place frees up
          await page.reload();
          await page.getByText(t("activities.rsvp.status.going"), { exact: true }).waitFor();
          expect((await rsvpOf(activityId, newcomer.id))?.status).toBe("going");
        },
      );
    });
  },
);

describe("a newcomer in a live room (uk)", () => {
  const t = textIn("uk");

  it("enters from the activity page, chats, asks a question and upvotes someone else's", async () => {
    const { activityId, attendees } = await webinarNow(2);
    const [me, other] = attendees;
    await db().user.update({ where: { id: me }, data: { locale: "uk", displayName: "Олена" } });
    await askQuestion(other, { activityId, body: "Is there a recording afterwards?", anonymous: false });
    await journey(browser, "newcomer-live-uk", { locale: "uk-UA", baseUrl: target.url, userId: me }, async (page, check) => {
      await page.goto(`${target.url}/activities/${activityId}`);
      const connected = socketConnected(page);
      await page.getByRole("link", { name: t("live.enter") }).click();
      await page.waitForURL(/\/live$/);
      await connected;
      await expect.poll(() => page.locator(".live-room .title-row .badge").textContent()).toBe(t("live.present", { count: 1 }));

      await page.getByRole("textbox", { name: t("buddies.message") }).fill("Привіт усім!");
      await page
        .locator(".chat-form")
        .getByRole("button", { name: t("buddies.send") })
        .click();
      await expect.poll(() => page.locator(".chat .messages .bubble").allTextContents()).toEqual(["Привіт усім!"]);

      await page.getByLabel(t("live.askLabel")).fill("Чи будуть слайди?");
      await page.getByRole("button", { name: exactly(t("live.ask")) }).click();
      await expect.poll(() => page.locator(".question .question-body").allTextContents()).toContainEqual(expect.stringContaining("Чи будуть слайди?"));

      const theirs = page.locator(".question", { hasText: "recording afterwards" });
      await theirs.getByRole("button", { name: t("live.vote") }).click();
      await expect.poll(() => theirs.textContent()).toContain(t("live.votes", { count: 1 }));
      await expect.poll(() => theirs.getByRole("button", { name: t("live.voted") }).getAttribute("aria-pressed")).toBe("true");
      await check("the live room after chatting, asking and voting");

      expect(await db().liveMessage.count({ where: { activityId, userId: me, body: "Привіт усім!" } })).toBe(1);
      expect(await db().question.count({ where: { activityId, userId: me } })).toBe(1);
      expect((await db().question.findFirstOrThrow({ where: { activityId, userId: other } })).voteCount).toBe(1);
    });
  });
});

const BUDDY_MATRIX = [
  ...LOCALES.map((locale) => ({ locale, javaScriptEnabled: true, label: `${locale}, JavaScript on` })),
  { locale: "nl" as const, javaScriptEnabled: false, label: "nl, JavaScript off" },
];

describe.each(BUDDY_MATRIX)("a newcomer asking for a buddy ($label)", ({ locale, javaScriptEnabled, label }) => {
  const t = textIn(locale);

  it("asks for a Dutch language buddy and sees the request waiting", async () => {
    const newcomer = await personIn(locale, { isNewcomer: true, municipalityCode: "GM0014" });
    await journey(
      browser,
      `newcomer-ask-buddy-${label.replace(/\W+/g, "-")}`,
      { locale: BROWSER_LOCALE[locale], javaScriptEnabled, baseUrl: target.url, userId: newcomer.id },
      async (page, check) => {
        await page.goto(`${target.url}/buddies`);
        await page.getByText(t("buddies.noRequests")).waitFor();
        await check("the buddies page");
        await page.getByRole("link", { name: t("buddies.askForBuddy") }).click();
        await page.waitForURL(/\/buddies\/request\/new$/);
        await page.getByRole("radio", { name: new RegExp(t("buddies.kind.language")) }).check();
        await page.getByLabel(t("buddies.form.targetLanguage"), { exact: true }).selectOption("nl");
        await page.getByLabel(t("buddies.form.targetLevel"), { exact: true }).selectOption("A2");
        await check("the request form");
        await page.getByRole("button", { name: t("buddies.sendRequest") }).click();
        await page.waitForURL(/\/buddies(\?|$)/);
        await page.getByText(t("buddies.requestStatus.open"), { exact: false }).waitFor();
        await check("the buddies page with the request");
        const requests = await db().buddyRequest.findMany({ where: { newcomerId: newcomer.id } });
        expect(requests.map((r) => [r.kind, r.targetLanguage, r.targetLevel, r.status])).toEqual([["language", "nl", "A2", "open"]]);
      },
    );
  });
});

describe.each([{ locale: "ar" as const, javaScriptEnabled: true }])(
  "a newcomer with a proposal in $locale (JavaScript $javaScriptEnabled)",
  ({ locale, javaScriptEnabled }) => {
    const t = textIn(locale);

    it("accepts the volunteer's proposal, then sees the contact and chats", async () => {
      const { newcomerId, volunteerId, matchId } = await buddyPair({
        state: "proposed-volunteer-accepted",
        newcomer: { locale, displayName: "Olena" },
        volunteer: { displayName: "Sanne" },
      });
      const volunteer = await db().user.findUniqueOrThrow({ where: { id: volunteerId } });
      await journey(
        browser,
        `newcomer-accept-${locale}-${javaScriptEnabled}`,
        { locale: BROWSER_LOCALE[locale], javaScriptEnabled, baseUrl: target.url, userId: newcomerId },
        async (page, check) => {
          await page.goto(`${target.url}/buddies`);
          const proposal = page.locator("li", { has: page.getByRole("heading", { name: /Sanne/ }) });
          expect(await proposal.textContent()).not.toContain(volunteer.email); // no contact before both say yes
          await check("the buddies page with a proposal");
          await proposal.getByRole("button", { name: exactly(t("buddies.accept")) }).click();
          await page.getByRole("heading", { name: t("buddies.activeTitle") }).waitFor();
          expect((await db().buddyMatch.findUniqueOrThrow({ where: { id: matchId } })).status).toBe("active");

          await page.getByRole("link", { name: t("buddies.openChat") }).click();
          await page.waitForURL(new RegExp(`/buddies/match/${matchId}`));
          expect(await page.getByRole("link", { name: volunteer.email }).getAttribute("href")).toBe(`mailto:${volunteer.email}`);
          await page.getByRole("textbox", { name: t("buddies.message") }).fill("مرحبا Sanne!");
          await page
            .locator(".chat-form")
            .getByRole("button", { name: t("buddies.send") })
            .click();
          await expect.poll(() => page.locator(".messages li.mine .bubble").allTextContents()).toEqual(["مرحبا Sanne!"]);
          await check("the match page after the first message");
          expect(await db().matchMessage.count({ where: { matchId, senderId: newcomerId } })).toBe(1);
        },
      );
    });
  },
);
