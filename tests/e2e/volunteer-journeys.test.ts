import { describe, expect, it } from "vitest";
import { respond } from "~/domain/matching/matches.server";
import { db } from "~/lib/db.server";
import { useBrowser } from "../support/browser";
import { buddyPair } from "../support/buddy-factories";
import { personIn } from "../support/factories";
import { BROWSER_LOCALE, exactly, journey, textIn } from "../support/journeys";
import { useServer } from "../support/server";

const target = useServer();
const browser = useBrowser();

describe.each([
  { locale: "ar" as const, javaScriptEnabled: true },
  { locale: "en" as const, javaScriptEnabled: false },
])("a volunteer in $locale (JavaScript $javaScriptEnabled)", ({ locale, javaScriptEnabled }) => {
  const t = textIn(locale);

  it("offers two places as a Dutch language buddy", async () => {
    const volunteer = await personIn(locale, { isVolunteer: true, municipalityCode: "GM0344" });
    await journey(
      browser,
      `volunteer-offer-${locale}-${javaScriptEnabled}`,
      { locale: BROWSER_LOCALE[locale], javaScriptEnabled, baseUrl: target.url, userId: volunteer.id },
      async (page, check) => {
        await page.goto(`${target.url}/buddies`);
        await page.getByText(t("buddies.noOffers")).waitFor();
        await check("the buddies page of a volunteer");
        await page.getByRole("link", { name: t("buddies.offerSlots") }).click();
        await page.waitForURL(/\/buddies\/offer\/new$/);
        await page.getByRole("radio", { name: new RegExp(t("buddies.kind.language")) }).check();
        const dutch = page.getByRole("checkbox", { name: t("buddies.form.practiseLanguage", { language: t("reference:language.nl") }), exact: true }); // named without the decorative check mark
        expect(await dutch.isChecked({ timeout: 5_000 })).toBe(true); // the likely choice comes ticked
        await page.getByLabel(t("buddies.form.capacity"), { exact: true }).fill("2");
        await check("the offer form");
        await page.getByRole("button", { name: t("buddies.saveOffer") }).click();
        await page.waitForURL(/\/buddies(\?|$)/);
        await page.getByText(t("buddies.slotsTaken", { taken: 0, capacity: 2 }), { exact: false }).waitFor();
        await check("the buddies page with the offer");
      },
    );
    const offers = await db().buddyOffer.findMany({ where: { volunteerId: volunteer.id } });
    expect(offers.map((o) => [o.kind, JSON.parse(o.helpsWith), o.capacity, o.status])).toEqual([["language", ["nl"], 2, "active"]]);
  });
});

describe.each([{ locale: "nl" as const, javaScriptEnabled: true }])(
  "a volunteer with a proposal in $locale (JavaScript $javaScriptEnabled)",
  ({ locale, javaScriptEnabled }) => {
    const t = textIn(locale);

    it("accepts, chats once both said yes, answers the four-week check-in and ends the match after confirming", async () => {
      const { matchId, newcomerId, volunteerId } = await buddyPair({
        state: "proposed",
        volunteer: { locale, displayName: "Sanne" },
        newcomer: { displayName: "Olena" },
      });
      const newcomer = await db().user.findUniqueOrThrow({ where: { id: newcomerId } });
      const options = { locale: BROWSER_LOCALE[locale], javaScriptEnabled, baseUrl: target.url, userId: volunteerId };
      await journey(browser, `volunteer-accept-${locale}-${javaScriptEnabled}`, options, async (page, check) => {
        await page.goto(`${target.url}/buddies`);
        const proposal = page.locator("li", { has: page.getByRole("heading", { name: /Olena/ }) });
        await check("the buddies page with a proposal");
        await proposal.getByRole("button", { name: exactly(t("buddies.accept")) }).click();
        await page.getByText(t("buddies.waitingForOther")).waitFor();
        const match = await db().buddyMatch.findUniqueOrThrow({ where: { id: matchId } });
        expect(match.volunteerAcceptedAt).not.toBeNull();
        expect(match.status).toBe("proposed");
        expect(await page.getByRole("link", { name: newcomer.email }).count()).toBe(0); // not before both said yes
      });

      await respond(newcomerId, matchId, "accept");
      // Four weeks later.
      await db().buddyMatch.update({ where: { id: matchId }, data: { activatedAt: new Date(Date.now() - 29 * 86_400_000) } });

      await journey(browser, `volunteer-match-${locale}-${javaScriptEnabled}`, options, async (page, check) => {
        await page.goto(`${target.url}/buddies`);
        await page.getByRole("link", { name: t("buddies.openChat") }).click();
        await page.waitForURL(new RegExp(`/buddies/match/${matchId}`));
        expect(await page.getByRole("link", { name: newcomer.email }).getAttribute("href")).toBe(`mailto:${newcomer.email}`);
        await page.getByRole("textbox", { name: t("buddies.message") }).fill("Hoi Olena, zullen we dinsdag afspreken?");
        await page
          .locator(".chat-form")
          .getByRole("button", { name: t("buddies.send") })
          .click();
        await expect.poll(() => page.locator(".messages li.mine .bubble").allTextContents()).toEqual(["Hoi Olena, zullen we dinsdag afspreken?"]);
        await check("the match page with the four-week check-in");

        const checkIn = page.locator("form", { has: page.getByRole("heading", { name: t("buddies.checkIn.four-weeks") }) });
        await checkIn.getByRole("radio", { name: t("buddies.checkIn.scale.4"), exact: true }).check();
        await checkIn.getByLabel(t("buddies.checkIn.note")).fill("Gaat goed.");
        await checkIn.getByRole("button", { name: exactly(t("buddies.checkIn.send")) }).click();
        await expect.poll(() => page.getByRole("heading", { name: t("buddies.checkIn.four-weeks") }).count()).toBe(0); // answered once
        expect(await db().matchCheckIn.findMany({ where: { matchId }, select: { userId: true, stage: true, rating: true } })).toEqual([
          { userId: volunteerId, stage: "four-weeks", rating: 4 },
        ]);

        await page.getByRole("link", { name: t("buddies.end") }).click();
        await page.getByRole("heading", { name: t("buddies.endTitle") }).waitFor();
        expect((await db().buddyMatch.findUniqueOrThrow({ where: { id: matchId } })).status).toBe("active"); // asking is not doing
        await page.getByLabel(t("buddies.endReason"), { exact: true }).selectOption("moved");
        await check("the end confirmation");
        await page.getByRole("button", { name: exactly(t("buddies.endYes")) }).click();
        await page.getByText(t("buddies.errors.chatClosed")).waitFor();
        await page.getByRole("heading", { name: t("buddies.checkIn.end") }).waitFor(); // the closing check-in follows
        await check("the ended match");
      });
      expect(await db().buddyMatch.findUniqueOrThrow({ where: { id: matchId } })).toMatchObject({ status: "ended", endedBy: volunteerId, endReason: "moved" });
    });
  },
);
