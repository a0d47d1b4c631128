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
