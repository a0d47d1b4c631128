import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SCREENSHOTS, expectAccessible, signInWithSession, socketConnected, useBrowser, watchForProblems } from "../support/browser";
import { buddyPair } from "../support/buddy-factories";
import { useServer } from "../support/server";

const target = useServer();
const browser = useBrowser();

/** What the chat box shows: its text, or that an error page replaced the chat. */
const chatBox = (page: Page) =>
  page.evaluate(() =>
    document.querySelector(".error-page") ? "(error page)" : ((document.querySelector("#chat-body") as HTMLTextAreaElement | null)?.value ?? "(no chat box)"),
  );

/** Sends over the live connection (JavaScript on): the page stays, the text box empties. */
async function sendLive(page: Page, text: string, problems: string[]) {
  await page.fill("#chat-body", text);
  await page.click(".chat-form button[type=submit]");
  await expect.poll(() => chatBox(page), { message: `after sending "${text}": ${problems.join("; ")}` }).toBe("");
}

const bubbles = (page: Page, side: "mine" | "theirs") => page.locator(`.messages li.${side} .bubble`).allTextContents();

describe("buddy chat with JavaScript", () => {
  it("two buddies with the page open both send, each sees the other's message arrive without a reload, and no error page appears", async () => {
    const { matchId, newcomerId, volunteerId } = await buddyPair({ state: "active" });
    const olena = await browser.page({ locale: "uk-UA" });
    const sanne = await browser.page({ locale: "nl-NL" });
    const problems = [watchForProblems(olena, "Olena's chat"), watchForProblems(sanne, "Sanne's chat")];
    try {
      await signInWithSession(olena, target.url, newcomerId);
      await signInWithSession(sanne, target.url, volunteerId);
      for (const page of [olena, sanne]) {
        const connected = socketConnected(page);
        await page.goto(`${target.url}/buddies/match/${matchId}`);
        await connected;
      }

      await sendLive(olena, "Привіт, Sanne!", problems[0].problems);
      await expect.poll(() => bubbles(sanne, "theirs")).toEqual(["Привіт, Sanne!"]);
      await sendLive(sanne, "Hoi Olena, tot dinsdag!", problems[1].problems);
      await expect.poll(() => bubbles(olena, "theirs")).toEqual(["Hoi Olena, tot dinsdag!"]);
      await sendLive(olena, "До вівторка!", problems[0].problems);
      await expect.poll(() => bubbles(sanne, "theirs")).toEqual(["Привіт, Sanne!", "До вівторка!"]);

      for (const page of [olena, sanne]) {
        expect(page.url()).toBe(`${target.url}/buddies/match/${matchId}`); // no navigation: the socket carried it
        expect(await page.locator("h1").first().textContent()).not.toMatch(/went wrong|misgegaan|пішло не так/i);
        await expect.poll(() => page.locator(".chat-form").count()).toBe(1);
      }
      expect(await bubbles(olena, "mine")).toEqual(["Привіт, Sanne!", "До вівторка!"]);
      expect(await bubbles(sanne, "mine")).toEqual(["Hoi Olena, tot dinsdag!"]);
      await olena.screenshot({ path: `${SCREENSHOTS}buddy-chat-live-uk.png`, fullPage: true });
      await expectAccessible(olena, "the buddy chat in Ukrainian");
      await expectAccessible(sanne, "the buddy chat in Dutch");
      for (const watch of problems) await watch.expectNone();
    } finally {
      await olena.context().close();
      await sanne.context().close();
    }
  });
});
