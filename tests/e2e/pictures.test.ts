import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { signInWithSession, useBrowser } from "../support/browser";
import { personIn, publishedActivity } from "../support/factories";
import { pngOf } from "../support/images";
import { BROWSER_LOCALE, exactly, journey, noticeText, textIn } from "../support/journeys";
import { useServer } from "../support/server";

const target = useServer();
const browser = useBrowser();

/** Every address in the srcsets of the page's pictures must answer 200 with the format it names. */
async function expectEverySizeServed(page: Page, key: string) {
  const urls = await page
    .locator(`picture source`)
    .evaluateAll((sources) => sources.flatMap((source) => (source.getAttribute("srcset") ?? "").split(",").map((entry) => entry.trim().split(" ")[0])));
  const mine = [...new Set(urls.filter((url) => url.includes(key)))];
  expect(mine.sort()).toEqual(["400", "800", "1200"].flatMap((w) => [`/images/${key}-${w}.avif`, `/images/${key}-${w}.webp`]).sort());
  for (const url of mine) {
    const answer = await page.request.get(`${target.url}${url}`);
    expect(answer.status(), url).toBe(200);
    expect(answer.headers()["content-type"], url).toBe(url.endsWith(".avif") ? "image/avif" : "image/webp");
  }
}

const MATRIX = [
  { locale: "en" as const, javaScriptEnabled: true, contentLocales: ["en"] },
  { locale: "ar" as const, javaScriptEnabled: false, contentLocales: ["ar", "nl"] },
];

describe("the cover form's errors", () => {
  it("shows a missing description next to its language's field, without JavaScript, and stores nothing", async () => {
    const t = textIn("ar");
    const organiser = await personIn("ar", { isOrganiser: true });
    const id = await publishedActivity(organiser.id, {
      contentLocales: ["ar", "nl"],
      titles: ["غلاف", "Omslag"],
      summaries: ["—", "—"],
      descriptions: ["", ""],
    });
    const file = join(tmpdir(), "pictures-errors.png");
    writeFileSync(file, await pngOf(600, 400));
    // Outside `journey`: the form's answer is a 400 on purpose, which the journey guard counts as a problem.
    await browser.flow("pictures-errors", { locale: "ar", javaScriptEnabled: false }, async (page) => {
      await signInWithSession(page, target.url, organiser.id);
      await page.goto(`${target.url}/organise/activities/${id}/cover`);
      await page.getByLabel(t("pictures.choose")).setInputFiles(file);
      await page.getByLabel(t("pictures.altIn", { language: t("reference:language.nl") })).fill("Een groene heuvel");
      await page.getByRole("button", { name: exactly(t("pictures.save")) }).click();
      await expect.poll(() => page.locator("#field-alt_ar-error").textContent()).toBe(t("pictures.errors.altRequired"));
      expect(await page.locator("#field-alt_nl-error").count()).toBe(0);
      expect(await page.locator("#field-alt_nl").inputValue()).toBe("Een groene heuvel");
      await page.screenshot({ path: "/tmp/pictures-errors-ar.png" });
    });
    expect((await db().activity.findUniqueOrThrow({ where: { id } })).coverKey).toBeNull();
  });
});

describe.each(MATRIX)("an organiser adds a cover ($locale, JavaScript $javaScriptEnabled)", ({ locale, javaScriptEnabled, contentLocales }) => {
  const t = textIn(locale);
  it("uploads a picture, is asked for the descriptions, and sees it on the card and the page in every size", async () => {
    const organiser = await personIn(locale, { isOrganiser: true });
    const title = `Cover ${locale} ${organiser.id.slice(0, 6)}`;
    const id = await publishedActivity(organiser.id, {
      contentLocales,
      titles: contentLocales.map(() => title),
      summaries: contentLocales.map(() => "—"),
      descriptions: contentLocales.map(() => ""),
    });
    // A real PNG with a .jpg name: the bytes decide, not the name.
    const file = join(tmpdir(), `pictures-${locale}-cover.jpg`);
    writeFileSync(file, await pngOf(1200, 675));
    await journey(
      browser,
      `pictures-${locale}`,
      { locale: BROWSER_LOCALE[locale], javaScriptEnabled, baseUrl: target.url, userId: organiser.id },
      async (page, check) => {
        await page.goto(`${target.url}/organise/activities/${id}`);
        await page.getByRole("link", { name: exactly(t("pictures.addCover")) }).click();
        await page.waitForURL(/\/cover$/);
        await check("the cover form");
        await page.getByLabel(t("pictures.choose")).setInputFiles(file);
        await page.getByLabel(t("pictures.choose")).setInputFiles(file);
        for (const content of contentLocales) {
          const language = t(`reference:language.${content}`);
          await page.getByLabel(t("pictures.altIn", { language })).fill(`A green hill under a yellow sun (${content})`);
        }
        await page.getByRole("button", { name: exactly(t("pictures.save")) }).click();
        expect(await noticeText(page)).toContain(t("pictures.saved"));
        const { coverKey } = await db().activity.findUniqueOrThrow({ where: { id } });
        expect(coverKey).toMatch(/^[0-9a-f]{24}$/);

        await page.goto(`${target.url}/activities`);
        const card = page.locator(".activity-card", { hasText: title });
        const image = card.locator("picture img");
        await expect.poll(() => image.getAttribute("alt")).toMatch(/^A green hill under a yellow sun/);
        expect([await image.getAttribute("width"), await image.getAttribute("height")]).toEqual(["800", "450"]);
        // Only the first card of the list loads its picture at once; the others when scrolled to.
        const loading = await page.locator(".activity-card .card-image img").evaluateAll((images) => images.map((img) => img.getAttribute("loading")));
        expect(loading[0]).toBe("eager");
        expect(loading.slice(1).every((value) => value === "lazy")).toBe(true);
        await expectEverySizeServed(page, coverKey!);
        await check("the list with a cover");

        await card.getByRole("link", { name: title }).click();
        await page.waitForURL(new RegExp(`/activities/${id}$`));
        const cover = page.locator(".activity-cover img");
        expect(await cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
        await expectEverySizeServed(page, coverKey!);
        await check("the activity page with its cover");
        await page.screenshot({ path: `/tmp/pictures-e2e-${locale}.png`, fullPage: false });

        // Removing asks first.
        await page.goto(`${target.url}/organise/activities/${id}/cover`);
        await page.getByRole("link", { name: exactly(t("pictures.remove")) }).click();
        await page.getByRole("button", { name: exactly(t("pictures.confirmRemove")) }).click();
        expect(await noticeText(page)).toContain(t("pictures.removed"));
        expect((await db().activity.findUniqueOrThrow({ where: { id } })).coverKey).toBeNull();
      },
    );
  });
});
