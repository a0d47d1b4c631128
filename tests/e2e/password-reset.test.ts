import { describe, expect, it } from "vitest";
import { hashPassword } from "~/domain/auth/password.server";
import { db } from "~/lib/db.server";
import { useBrowser } from "../support/browser";
import { personIn } from "../support/factories";
import { BROWSER_LOCALE, exactly, journey, noticeText, textIn } from "../support/journeys";
import { useServer } from "../support/server";
import { linkMailedTo } from "../support/mailed-links";

const target = useServer();
const browser = useBrowser();
const NEW = "een heel nieuw wachtwoord";

describe.each([
  { locale: "uk" as const, javaScriptEnabled: true },
  { locale: "ar" as const, javaScriptEnabled: false },
])("a person who forgot their password, in $locale (JavaScript $javaScriptEnabled)", ({ locale, javaScriptEnabled }) => {
  const t = textIn(locale);

  it("asks for a link, follows it from the mail, chooses a new password and is signed in", async () => {
    const person = await personIn(locale);
    await db().user.update({ where: { id: person.id }, data: { passwordHash: await hashPassword("the forgotten one 1") } });
    await journey(
      browser,
      `password-reset-${locale}-${javaScriptEnabled}`,
      { locale: BROWSER_LOCALE[locale], javaScriptEnabled, baseUrl: target.url },
      async (page, check) => {
        await page.goto(`${target.url}/login`);
        await page.getByRole("link", { name: t("auth.forgotLink") }).click();
        await page.getByRole("heading", { level: 1, name: t("auth.forgot.title") }).waitFor();
        await check("the forgot-password page");
        await page.getByLabel(t("auth.email")).fill(person.email);
        await page.getByRole("button", { name: exactly(t("auth.forgot.submit")) }).click();
        expect(await noticeText(page)).toBe(t("auth.forgot.sent"));

        await page.goto(await linkMailedTo(person.email, "/reset-password"));
        await page.getByRole("heading", { level: 1, name: t("auth.reset.title") }).waitFor();
        await check("the reset page");
        await page.getByLabel(t("auth.reset.newPassword"), { exact: true }).fill(NEW);
        await page.getByLabel(t("auth.reset.confirmPassword"), { exact: true }).fill(NEW);
        await page.getByRole("button", { name: exactly(t("auth.reset.submit")) }).click();
        expect(await noticeText(page)).toBe(t("auth.reset.done"));
        await page.getByText(person.displayName, { exact: true }).first().waitFor(); // the account menu: signed in
        await check("the start page after the reset");
      },
    );
  });
});

describe("the outbox", () => {
  it("shows an admin the mails written, in the recipient's language, with the HTML in a sandboxed frame", async () => {
    const admin = await personIn("nl", { isAdmin: true });
    const person = await personIn("ar");
    const t = textIn("nl");
    await fetch(`${target.url}/forgot-password`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: target.url },
      body: new URLSearchParams({ email: person.email }),
      redirect: "manual",
    });
    const subject = textIn("ar")("mail.reset.subject");
    await journey(browser, "outbox-nl", { locale: BROWSER_LOCALE.nl, baseUrl: target.url, userId: admin.id }, async (page, check) => {
      await page.goto(`${target.url}/admin/outbox`);
      await page.getByRole("heading", { level: 1, name: t("admin.outbox.title") }).waitFor();
      await check("the outbox");
      await page
        .getByRole("row", { name: new RegExp(person.email.replace(/[.+]/g, "\\$&")) })
        .getByRole("link", { name: subject })
        .click();
      await page.getByRole("heading", { level: 1, name: subject }).waitFor();
      const frame = page.frameLocator("iframe.mail-frame");
      await frame.getByText(textIn("ar")("mail.reset.action"), { exact: true }).waitFor();
      expect(await page.locator("pre.mail-text").textContent()).toContain("/reset-password?token=");
      await check("one mail");
    });
  });
});
