import { describe, expect, it } from "vitest";
import { useBrowser } from "../support/browser";
import { localDate, personIn, publishedActivity } from "../support/factories";
import { exactly, journey, textIn } from "../support/journeys";
import { useServer } from "../support/server";

const target = useServer();
const browser = useBrowser();

/**
 * Found by CI: after a sign-up, the "You're in!" notice came back on the next page. The notice
 * cookie is read once, but a request already in flight when the action answered (a hover's
 * prefetch, a second tab) carries the same cookie and reads the same notice again. The test
 * puts that cookie back, as such a request would send it, and follows a link.
 */
describe("a notice arrives once", () => {
  it("is not shown again on the next page when a second request read the same notice cookie", async () => {
    const organiser = await personIn("nl", { isOrganiser: true });
    const newcomer = await personIn("uk");
    const activityId = await publishedActivity(organiser.id, { date: localDate(5), capacity: "10" });
    const t = textIn("uk");
    await journey(browser, "notice-once", { locale: "uk-UA", baseUrl: target.url, userId: newcomer.id }, async (page) => {
      const noticeCookies: string[] = [];
      page.on("response", async (response) => {
        for (const { name, value } of await response.headersArray().catch(() => [])) {
          const cookie = /^__notice=([^;]+)/.exec(value);
          if (name.toLowerCase() === "set-cookie" && cookie) noticeCookies.push(cookie[1]);
        }
      });
      await page.goto(`${target.url}/activities/${activityId}`);
      await page.getByRole("button", { name: exactly(t("activities.rsvp.going")) }).click();
      const notice = page.locator(".page-notice");
      await expect.poll(() => notice.textContent()).toBe(t("activities.rsvp.done.going"));
      expect(noticeCookies, "the sign-up's notice travelled in a cookie").not.toEqual([]);

      await page.context().addCookies([{ name: "__notice", value: noticeCookies[0], url: target.url, httpOnly: true, sameSite: "Lax" }]);
      await page.locator('nav.main-nav a[href="/activities"]').click();
      await page.waitForURL(/\/activities$/);
      await page.locator("main h1").waitFor();
      expect(await notice.count(), "the same notice on the next page").toBe(0);
    });
  });
});
