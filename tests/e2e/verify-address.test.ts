/** Issue 12's browser journey "verify address": register, follow the mailed link, see the address confirmed. */
import { describe, expect, it } from "vitest";
import { useBrowser } from "../support/browser";
import { uniqueEmail } from "../support/http-client";
import { BROWSER_LOCALE, exactly, journey, noticeText, textIn } from "../support/journeys";
import { useServer } from "../support/server";
import { linkMailedTo } from "../support/mailed-links";

const target = useServer();
const browser = useBrowser();

describe.each([
  { locale: "nl" as const, javaScriptEnabled: true },
  { locale: "ar" as const, javaScriptEnabled: false },
])("a new person confirming their address, in $locale (JavaScript $javaScriptEnabled)", ({ locale, javaScriptEnabled }) => {
  const t = textIn(locale);

  it("registers, sees that a mail went out, follows its link and finds the address confirmed on the account page", async () => {
    const email = uniqueEmail("verify");
    await journey(
      browser,
      `verify-address-${locale}-${javaScriptEnabled}`,
      { locale: BROWSER_LOCALE[locale], javaScriptEnabled, baseUrl: target.url },
      async (page, check) => {
        await page.goto(`${target.url}/register`);
        await page.getByLabel(t("profile.displayName")).fill("Mariam");
        await page.getByLabel(t("auth.email")).fill(email);
        await page.getByLabel(t("auth.password"), { exact: true }).fill("correct horse battery");
        await page.getByRole("button", { name: exactly(t("auth.register")) }).click();
        expect(await noticeText(page)).toBe(t("profile.welcome", { name: "Mariam" }));

        await page.goto(`${target.url}/account`);
        await page.getByText(t("auth.verify.badgeOpen"), { exact: true }).waitFor();
        await check("the account page before confirming");

        await page.goto(await linkMailedTo(email, "/verify-email"));
        await page.getByText(t("auth.verify.confirmed"), { exact: true }).waitFor();
        await check("the confirmation page");
        await page.getByRole("link", { name: t("auth.verify.toAccount") }).click();
        await page.getByText(t("auth.verify.badgeConfirmed"), { exact: true }).waitFor();
        expect(await page.getByRole("button", { name: t("auth.verify.resend") }).count()).toBe(0);
      },
    );
  });
});
