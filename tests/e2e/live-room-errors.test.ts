import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { SCREENSHOTS, expectAccessible, signInWithSession, socketConnected, useBrowser, watchForProblems } from "../support/browser";
import { webinarNow } from "../support/live-factories";
import { useServer } from "../support/server";

const target = useServer();
const browser = useBrowser();

async function arabicAttendee() {
  const { activityId, attendees } = await webinarNow(1);
  await db().user.update({ where: { id: attendees[0] }, data: { locale: "ar", displayName: "يارا" } });
  return { activityId, userId: attendees[0] };
}

describe("live room errors", () => {
  it("a message over the limit (maxlength removed) is answered in Arabic next to the chat form, the connection stays, and the next message goes through", async () => {
    const { activityId, userId } = await arabicAttendee();
    const page = await browser.page({ locale: "ar" });
    const watch = watchForProblems(page, "the live room in Arabic");
    try {
      await signInWithSession(page, target.url, userId);
      const connected = socketConnected(page);
      await page.goto(`${target.url}/activities/${activityId}/live`);
      await connected;
      const badge = page.locator(".live-room .title-row .badge");
      await expect.poll(() => badge.textContent()).toMatch(/هنا/); // "one person here"

      await page.evaluate(() => document.querySelector("#live-message")!.removeAttribute("maxlength"));
      await page.fill("#live-message", "مرحبا ".repeat(2000)); // 12,000 characters
      await page.click(".chat-form button[type=submit]");
      const error = page.locator(".chat-form #error-message");
      await expect.poll(() => error.textContent()).toMatch(/[\u0600-\u06FF].*500|500.*[\u0600-\u06FF]/);
      expect(await page.getAttribute("#live-message", "aria-describedby")).toBe("error-message");
      expect(await badge.textContent()).toMatch(/هنا/); // still live: the socket did not drop
      await page.screenshot({ path: `${SCREENSHOTS}live-room-error-ar.png`, fullPage: true });
      await expectAccessible(page, "the live room with an error, in Arabic");

      await page.fill("#live-message", "شكرًا!");
      await page.click(".chat-form button[type=submit]");
      await expect.poll(() => page.locator(".chat .messages .bubble").allTextContents()).toEqual(["شكرًا!"]);
      await expect.poll(() => error.count()).toBe(0);
      expect(page.url()).toBe(`${target.url}/activities/${activityId}/live`);
      await watch.expectNone();
    } finally {
      await page.context().close();
    }
  });

  it("without JavaScript the badge does not promise a connection: it says how recent the page is and links to a reload", async () => {
    const { activityId, userId } = await arabicAttendee();
    const page = await browser.page({ locale: "ar", javaScriptEnabled: false });
    const watch = watchForProblems(page, "the live room without JavaScript");
    try {
      await signInWithSession(page, target.url, userId);
      await page.goto(`${target.url}/activities/${activityId}/live`);
      const badge = page.locator(".live-room .title-row .badge");
      const text = (await badge.textContent()) ?? "";
      expect(text).not.toMatch(/…|Connecting|جارٍ الاتصال/);
      expect(text).toMatch(/\b\d{2}:\d{2}\b/); // the time the page was loaded: Amsterdam, 24-hour, also in Arabic
      expect(await badge.getAttribute("href")).toBe(`/activities/${activityId}/live`);
      await page.fill("#live-message", "بدون جافاسكربت");
      await Promise.all([page.waitForLoadState("load"), page.click(".chat-form button[type=submit]")]);
      await expect.poll(() => page.locator(".chat .messages .bubble").allTextContents()).toEqual(["بدون جافاسكربت"]);
      await watch.expectNone();
    } finally {
      await page.context().close();
    }
  });
});
