/**
 * Avatars (decision 048) in a browser: a person adds a picture on /profile, sees it in the header
 * and next to their name on their group's page, removes it after confirming, and sees their
 * initial again. English with JavaScript, Arabic (right to left) without.
 */
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createGroup, joinGroup } from "~/domain/groups/groups.server";
import { db } from "~/lib/db.server";
import { useBrowser } from "../support/browser";
import { makePerson, personIn } from "../support/factories";
import { jpegWithLocation } from "../support/images";
import { BROWSER_LOCALE, exactly, journey, noticeText, textIn } from "../support/journeys";
import { useServer } from "../support/server";

const target = useServer();
const browser = useBrowser();

const MATRIX = [
  { locale: "en" as const, javaScriptEnabled: true, name: "Anna Visser", initial: "A" },
  { locale: "ar" as const, javaScriptEnabled: false, name: "ليلى حداد", initial: "ل" },
];

/** The picture in the header's menu button has loaded (or, without one, the letter is there). */
const headerAvatar = (page: Page) => page.locator(".menu > summary .avatar");
const loaded = (page: Page, scope: string) =>
  page
    .locator(`${scope} picture.avatar img`)
    .first()
    .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);

describe.each(MATRIX)("a person adds and removes their picture ($locale, JavaScript $javaScriptEnabled)", ({ locale, javaScriptEnabled, name, initial }) => {
  const t = textIn(locale);
  it("uploads on /profile, sees it in the header and on the group page, removes it after confirming", async () => {
    const person = await personIn(locale, { displayName: name });
    const organiser = await makePerson({ isOrganiser: true });
    const group = await createGroup(organiser, {
      name: `Buurtmoestuin ${person.id.slice(0, 6)}`,
      description: "Samen tuinieren.",
      interest: "cycling",
      municipalityCode: "GM0363",
    });
    await joinGroup(person.id, group.id);
    // A real photo with a GPS position, wider than high: the middle square is kept.
    const file = join(tmpdir(), `avatars-${locale}.jpg`);
    writeFileSync(file, await jpegWithLocation(1200, 675));

    await journey(
      browser,
      `avatars-${locale}`,
      { locale: BROWSER_LOCALE[locale], javaScriptEnabled, baseUrl: target.url, userId: person.id },
      async (page, check) => {
        await page.goto(`${target.url}/profile`);
        expect(await headerAvatar(page).textContent()).toBe(initial);
        await check("the profile without a picture");

        await page.getByLabel(t("avatar.choose")).setInputFiles(file);
        await page.getByRole("button", { name: exactly(t("avatar.save")) }).click();
        expect(await noticeText(page)).toContain(t("avatar.saved"));
        const { avatarKey } = await db().user.findUniqueOrThrow({ where: { id: person.id } });
        expect(avatarKey).toMatch(/^[0-9a-f]{24}$/);
        await expect.poll(() => loaded(page, ".menu > summary")).toBe(true);
        expect(await page.locator(".menu > summary picture img").getAttribute("alt")).toBe("");
        await expect.poll(() => loaded(page, "#avatar")).toBe(true);
        // The saved file no longer waits in the picker as if it still had to be sent.
        expect(await page.locator("#field-image").evaluate((input) => (input as HTMLInputElement).files?.length ?? 0)).toBe(0);
        await check("the profile with a picture");
        await page.screenshot({ path: `/tmp/avatars-profile-${locale}.png` });
        await page.locator("#avatar").scrollIntoViewIfNeeded();
        await page.screenshot({ path: `/tmp/avatars-profile-section-${locale}.png` });

        await page.goto(`${target.url}/groups/${group.slug}`);
        const mine = page.locator(".member-list li", { hasText: name });
        await mine.scrollIntoViewIfNeeded();
        await expect.poll(() => loaded(page, ".member-list")).toBe(true);
        expect([await mine.locator("img").getAttribute("width"), await mine.locator("img").getAttribute("loading")]).toEqual(["32", "lazy"]);
        // The organiser has no picture: the letter, in the same circle.
        expect(await page.locator(".member-list .avatar-initial").count()).toBe(1);
        await check("the group page with the picture");
        await page.screenshot({ path: `/tmp/avatars-group-${locale}.png` });

        await page.goto(`${target.url}/profile`);
        await page.getByRole("link", { name: exactly(t("avatar.remove")) }).click();
        await page.getByRole("button", { name: exactly(t("avatar.confirmRemove")) }).click();
        expect(await noticeText(page)).toContain(t("avatar.removed"));
        expect((await db().user.findUniqueOrThrow({ where: { id: person.id } })).avatarKey).toBeNull();
        expect(await headerAvatar(page).textContent()).toBe(initial);
        expect(await page.locator(".menu > summary picture").count()).toBe(0);
        await check("the profile after removing the picture");
        await page.locator("#avatar").scrollIntoViewIfNeeded();
        await page.screenshot({ path: `/tmp/avatars-profile-removed-${locale}.png` });
      },
    );
  });
});
