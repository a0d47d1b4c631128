import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { useBrowser } from "../support/browser";
import { personIn } from "../support/factories";
import { BROWSER_LOCALE, exactly, journey, textIn } from "../support/journeys";
import { useServer } from "../support/server";

const target = useServer();
const browser = useBrowser();

describe.each([
  { locale: "ar" as const, javaScriptEnabled: true },
  { locale: "nl" as const, javaScriptEnabled: false },
])("an admin in $locale (JavaScript $javaScriptEnabled)", ({ locale, javaScriptEnabled }) => {
  const t = textIn(locale);

  it("finds a person at /admin/people and grants the organiser right, which opens the organiser's pages to them", async () => {
    const admin = await personIn(locale, { isAdmin: true });
    const person = await personIn(locale, { displayName: `Oksana Grant ${locale}${javaScriptEnabled ? "" : " nojs"}` });
    await journey(
      browser,
      `admin-grant-${locale}-${javaScriptEnabled}`,
      { locale: BROWSER_LOCALE[locale], javaScriptEnabled, baseUrl: target.url, userId: admin.id },
      async (page, check) => {
        await page.goto(`${target.url}/admin/people`);
        await check("the people page");
        await page.getByRole("searchbox", { name: t("admin.search") }).fill(person.displayName);
        await page
          .getByRole("search")
          .getByRole("button", { name: exactly(t("admin.searchButton")) })
          .click();
        await page.waitForURL(/[?&]q=/);
        const row = page.locator(".people-list li", { hasText: person.displayName });
        await expect.poll(() => page.locator(".people-list li").count()).toBe(1);
        expect(await row.getByText(t("roles.organiser"), { exact: true }).count()).toBe(0);
        await row.getByRole("button", { name: exactly(t("admin.grantOrganiser")) }).click();
        // A confirmation first: nothing has changed yet.
        await page.getByRole("heading", { name: t("offline.grantConfirm", { name: person.displayName }) }).waitFor();
        await check("the grant confirmation");
        expect((await db().user.findUniqueOrThrow({ where: { id: person.id } })).isOrganiser).toBe(false);
        await page.getByRole("button", { name: exactly(t("offline.grantYes")) }).click();
        await page
          .getByRole("status")
          .filter({ hasText: t("offline.granted", { name: person.displayName }) })
          .waitFor();
        await row.getByRole("button", { name: exactly(t("admin.revokeOrganiser")) }).waitFor();
        expect(await row.getByText(t("roles.organiser"), { exact: true }).count()).toBe(1);
        await check("the people page after granting");
      },
    );
    expect((await db().user.findUniqueOrThrow({ where: { id: person.id } })).isOrganiser).toBe(true);

    await journey(
      browser,
      `admin-granted-${locale}-${javaScriptEnabled}`,
      { locale: BROWSER_LOCALE[locale], javaScriptEnabled, baseUrl: target.url, userId: person.id },
      async (page, check) => {
        await page.goto(`${target.url}/organise/activities/new`);
        await page.getByRole("heading", { level: 1, name: t("organise.new") }).waitFor();
        await check("the new activity form of the new organiser");
      },
    );
  });
});
