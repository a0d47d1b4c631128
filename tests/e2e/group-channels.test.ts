/**
 * One journey on a phone (390×844), in Ukrainian with JavaScript: a group's organiser connects
 * the group's Telegram channel (a stand-in Bot API), adds a webhook and sees its secret once,
 * sends a test message and reads the delivery log, then removes the channel after confirming.
 */
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { forgetConfig } from "~/lib/config.server";
import { db } from "~/lib/db.server";
import { useBrowser } from "../support/browser";
import { GOOD_TOKEN, startTelegramStandIn } from "../support/channel-stand-ins";
import { personIn } from "../support/factories";
import { BROWSER_LOCALE, exactly, journey, noticeText, textIn } from "../support/journeys";
import { useServer } from "../support/server";

const telegram = await startTelegramStandIn();
process.env.TELEGRAM_API_URL = telegram.url;
forgetConfig();
const target = useServer();
const browser = useBrowser();

afterAll(async () => {
  await telegram.stop();
  delete process.env.TELEGRAM_API_URL;
  forgetConfig();
});

describe("a group's channels", () => {
  it("are connected, tested, read and removed by the group's organiser on a phone", async () => {
    const organiser = await personIn("uk", { isOrganiser: true });
    const slug = `kanaly-${randomUUID().slice(0, 8)}`;
    await db().group.create({
      data: {
        id: randomUUID(),
        slug,
        name: "Велоклуб Утрехт",
        description: "Катаємося разом",
        members: { create: { userId: organiser.id, role: "organiser" } },
      },
    });
    const t = textIn("uk");
    await journey(browser, "group-channels-uk", { locale: BROWSER_LOCALE.uk, baseUrl: target.url, userId: organiser.id }, async (page, check) => {
      await page.goto(`${target.url}/groups/${slug}`);
      await page.getByRole("link", { name: t("channels.manageLink") }).click();
      await page.getByRole("heading", { level: 1, name: t("channels.title") }).waitFor();
      await page.getByText(t("channels.empty")).waitFor();
      await check("the empty channels page");

      await page.getByLabel(t("channels.telegram.token")).fill(GOOD_TOKEN);
      await page.getByLabel(t("channels.telegram.chatId")).fill("@velo_utrecht");
      await page.getByRole("button", { name: exactly(t("channels.telegram.connect")) }).click();
      expect(await noticeText(page)).toBe(t("channels.notices.telegramConnected"));
      await page.getByText("@velo_utrecht (@meedoen_test_bot)").waitFor();
      expect(telegram.messages().map((call) => call.body.text)).toEqual([t("channels.telegram.hello", { group: "Велоклуб Утрехт" })]);

      await page.getByLabel(t("channels.webhook.url")).fill("https://93.184.216.34/velo-hook");
      await page.getByRole("button", { name: exactly(t("channels.webhook.add")) }).click();
      const secret = page.locator("code.secret");
      await secret.waitFor();
      expect(await secret.textContent()).toMatch(/^whsec_[\w-]{43}$/);
      await check("the page with the new webhook's secret");

      const telegramCard = page.getByRole("listitem").filter({ hasText: "@velo_utrecht" });
      await telegramCard.getByRole("button", { name: exactly(t("channels.sendTest")) }).click();
      expect(await noticeText(page)).toBe(t("channels.notices.testQueued"));
      await expect.poll(() => telegram.messages().length, { timeout: 10_000 }).toBe(2);
      await page.reload();
      await telegramCard.getByText(t("channels.log.statuses.sent")).waitFor();
      await telegramCard.getByText(t("channels.log.attempts", { count: 1 })).waitFor();
      await check("the delivery log");

      await telegramCard.getByLabel(t("channels.confirmRemove")).check();
      await telegramCard.getByRole("button", { name: exactly(t("channels.remove")) }).click();
      expect(await noticeText(page)).toBe(t("channels.notices.removed"));
      await page.getByText("https://93.184.216.34/velo-hook").waitFor();
      expect(await page.getByText("@velo_utrecht").count()).toBe(0);
    });
    expect(await db().groupChannel.count({ where: { group: { slug } } })).toBe(1);
  });
});
