import { describe, expect, it } from "vitest";
import { useBrowser } from "../support/browser";
import { personIn } from "../support/factories";
import { exactly, journey, noticeText, textIn } from "../support/journeys";
import { useServer } from "../support/server";

const target = useServer();
const browser = useBrowser();

/**
 * The page's language arrives as a cached file of its own (decision 032). A saved profile can
 * change it without a page load: the new language must be fetched before the page renders with it.
 */
describe("interface language", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`switches from Ukrainian to Arabic when the profile is saved (JavaScript ${javaScriptEnabled})`, async () => {
      const person = await personIn("uk");
      const [uk, ar] = [textIn("uk"), textIn("ar")];
      const translationFiles: string[] = [];
      await journey(
        browser,
        `interface-language-${javaScriptEnabled}`,
        { locale: "uk-UA", javaScriptEnabled, baseUrl: target.url, userId: person.id },
        async (page, check) => {
          page.on("request", (request) => {
            if (request.url().includes("/locales/")) translationFiles.push(new URL(request.url()).pathname);
          });
          await page.goto(`${target.url}/profile`);
          await page.getByRole("heading", { level: 1, name: uk("profile.title") }).waitFor();
          await page.getByLabel(uk("profile.locale")).selectOption("ar");
          await page.getByRole("button", { name: exactly(uk("profile.save")) }).click();

          expect(await noticeText(page)).toBe(ar("profile.saved"));
          expect(await page.getAttribute("html", "dir")).toBe("rtl");
          expect(await page.getAttribute("html", "lang")).toBe("ar");
          await page.getByRole("heading", { level: 1, name: ar("profile.title") }).waitFor();
          await check("the profile in Arabic");
        },
      );
      // Ukrainian for the first page, then Arabic for the saved profile (fetched by the client, or preloaded by the new page).
      expect(translationFiles[0]).toMatch(/^\/locales\/uk-/);
      expect(new Set(translationFiles.map((path) => path.slice(9, 11)))).toEqual(new Set(["uk", "ar"]));
    });
  }
});

describe("the header's menus", () => {
  it("close on Escape (focus back on the button), on a tap outside and when the focus leaves them (Arabic)", async () => {
    await journey(browser, "menu-dismissal-ar", { locale: "ar", baseUrl: target.url }, async (page) => {
      await page.goto(`${target.url}/activities`);
      await page.waitForFunction(() => "__remixRouter" in window);
      const menu = page.locator("details.language-menu");
      const summary = menu.locator("summary");
      const isOpen = () => menu.evaluate((element) => (element as HTMLDetailsElement).open);

      await summary.click();
      expect(await isOpen()).toBe(true);
      await page.keyboard.press("Escape");
      expect(await isOpen()).toBe(false);
      expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);

      await summary.click();
      await page.mouse.click(20, 700); // on the page below the header, away from the menu
      expect(await isOpen()).toBe(false);

      await summary.focus();
      await page.keyboard.press("Enter");
      expect(await isOpen()).toBe(true);
      const buttons = await menu.locator("button").count();
      for (let step = 0; step <= buttons; step++) await page.keyboard.press("Tab");
      expect(await menu.evaluate((element) => element.contains(document.activeElement))).toBe(false);
      expect(await isOpen()).toBe(false);
    });
  });
});
