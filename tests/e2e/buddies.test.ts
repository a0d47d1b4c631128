import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { choosePlace, SCREENSHOTS, signInAs, submitForNotice, useBrowser } from "../support/browser";
import { useServer } from "../support/server";

const target = useServer();
const browser = useBrowser();

const submit = (page: Page, selector: string, url: RegExp) => Promise.all([page.waitForURL(url), page.click(selector)]);
void (null as unknown as Browser);

describe("buddies", () => {
  it("a Ukrainian newcomer asks for a Dutch language buddy, a volunteer accepts, and they see each other's contact and chat", async () => {
    await browser.flow("buddy-volunteer-offer", { locale: "nl-NL" }, async (page) => {
      await signInAs(page, target.url, "sanne");
      await page.goto(`${target.url}/buddies/offer/new`);
      await page.check('input[name="kind"][value="language"]');
      await page.fill("#field-capacity", "1");
      await submitForNotice(page, 'main form button[type="submit"]');
    });
    await browser.flow("buddy-newcomer-request", { locale: "uk-UA" }, async (page) => {
      await signInAs(page, target.url, "olena");
      await page.goto(`${target.url}/buddies`);
      await submit(page, 'a[href="/buddies/request/new"]', /request\/new/);
      await page.check('input[name="kind"][value="language"]');
      await page.selectOption("#field-targetLanguage", "nl");
      await page.selectOption("#field-targetLevel", "A2");
      await submitForNotice(page, 'main form button[type="submit"]');
      expect(await page.textContent("[role=status]")).toMatch(/[\u0400-\u04FF]/);
    });
    await browser.flow("buddy-organiser-run", { locale: "en-GB" }, async (page) => {
      await signInAs(page, target.url, "marieke");
      await page.goto(`${target.url}/organise/matching`);
      const sanne = page.locator(".people-list li", { hasText: "Sanne" });
      await sanne.locator('button[value="verify"]').click();
      await page.locator(".page-notice").waitFor();
      await choosePlace(page, "field-municipality", "GM0363");
      await page.check('input[name="autoSend"]');
      await submitForNotice(page, 'button[value="run"]');
    });

    await browser.flow("buddy-volunteer-accepts", { locale: "nl-NL" }, async (page) => {
      await signInAs(page, target.url, "sanne");
      await page.goto(`${target.url}/buddies`);
      const proposal = page.locator("li", { hasText: "Olena" }).first();
      expect(await proposal.textContent()).not.toContain("@demo.meedoen.nl"); // no contact before both say yes
      await submitForNotice(page, 'button[value="accept"]');
    });
    let matchUrl = "";
    await browser.flow("buddy-newcomer-accepts", { locale: "uk-UA" }, async (page) => {
      await signInAs(page, target.url, "olena");
      await page.goto(`${target.url}/buddies`);
      expect(await page.textContent(".explanation")).toMatch(/[\u0400-\u04FF]/); // why this match, in Ukrainian
      await submitForNotice(page, 'button[value="accept"]');
      await submit(page, 'a[href^="/buddies/match/"]', /\/buddies\/match\//);
      matchUrl = page.url();
      expect(await page.textContent('a[href^="mailto:"]')).toBe("sanne@demo.meedoen.nl");
      await page.fill("#chat-body", "Привіт, Sanne! Hallo!");
      await page.click(".chat-form button[type=submit]");
      await expect.poll(() => page.locator(".messages li.mine").count()).toBe(1);
      await page.screenshot({ path: `${SCREENSHOTS}buddy-chat-uk.png`, fullPage: true });
    });
    await browser.flow("buddy-volunteer-reads", { locale: "nl-NL" }, async (page) => {
      await signInAs(page, target.url, "sanne");
      await page.goto(matchUrl);
      expect(await page.textContent('a[href^="mailto:"]')).toBe("olena@demo.meedoen.nl");
      expect(await page.textContent(".messages li.theirs .bubble")).toBe("Привіт, Sanne! Hallo!");
    });
    await browser.flow("buddy-volunteer-replies-nojs", { locale: "nl-NL", javaScriptEnabled: false }, async (page) => {
      await signInAs(page, target.url, "sanne");
      await page.goto(matchUrl);
      await page.fill("#chat-body", "Hoi Olena, tot dinsdag!");
      await submitForNotice(page, ".chat-form button[type=submit]");
      expect(await page.locator(".messages li.mine .bubble").last().textContent()).toBe("Hoi Olena, tot dinsdag!");
    });
  });
});
