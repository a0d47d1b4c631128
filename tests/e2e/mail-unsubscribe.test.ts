/**
 * Leaving a mail list from the mail itself (decisions/039), at phone size: the link in a weekly
 * digest from the outbox opens a page in the mail's language that asks first, stops that one
 * choice on the button, confirms with an undo, and leads to the account page's mail choices.
 * Ukrainian with JavaScript (not signed in), Dutch without (signed in, on to the account page).
 */
import { describe, expect, it } from "vitest";
import { sendDueDigests } from "~/domain/activities/digest.server";
import { getMailChoices, saveMailChoices } from "~/domain/people/mail-preferences.server";
import { db } from "~/lib/db.server";
import type { Locale } from "~/lib/locales";
import { SCREENSHOTS, useBrowser } from "../support/browser";
import { localDate, personIn, publishedActivity } from "../support/factories";
import { BROWSER_LOCALE, exactly, journey, noticeText, textIn } from "../support/journeys";
import { useServer } from "../support/server";

const target = useServer();
const browser = useBrowser();

/** A digest for a person who asked for it, written by the real weekly step; returns its unsubscribe link on this server. */
async function digestLinkFor(locale: Locale, language: string) {
  const person = await personIn(locale);
  await db().userLanguage.create({ data: { userId: person.id, language, level: "native" } });
  await saveMailChoices(person.id, { digest: "on", reminders: "on" });
  const organiser = await personIn("nl", { isOrganiser: true });
  await publishedActivity(organiser.id, { titles: [`Taalcafé ${locale}`], spokenLanguages: [language], date: localDate(5) });
  await sendDueDigests();
  const mail = await db().outboxMail.findFirstOrThrow({ where: { userId: person.id, kind: "weekly-digest" } });
  const url = new URL(/https?:\/\/\S+\/mail\/unsubscribe\?token=[\w.-]+&lang=\w+/.exec(mail.text)![0]);
  return { person, link: `${target.url}${url.pathname}${url.search}` };
}

describe.each([
  { locale: "uk" as const, language: "uk", javaScriptEnabled: true, signedIn: false },
  { locale: "nl" as const, language: "nl", javaScriptEnabled: false, signedIn: true },
])("leaving the weekly digest from its mail, in $locale (JavaScript $javaScriptEnabled)", ({ locale, language, javaScriptEnabled, signedIn }) => {
  const t = textIn(locale);
  const choice = t("mailPrefs.choices.digest.label");

  it("asks, stops the digest, confirms with an undo, and leads to the mail choices", async () => {
    const { person, link } = await digestLinkFor(locale, language);
    await journey(
      browser,
      `mail-unsubscribe-${locale}-${javaScriptEnabled}`,
      { locale: BROWSER_LOCALE.en, javaScriptEnabled, baseUrl: target.url, userId: signedIn ? person.id : undefined },
      async (page, check) => {
        await page.goto(link);
        await page.getByRole("heading", { level: 1, name: t("mailPrefs.unsubscribe.title") }).waitFor();
        await page.getByText(t("mailPrefs.unsubscribe.confirm", { choice })).waitFor();
        expect(await page.locator("html").getAttribute("lang")).toBe(locale); // the mail's language, not the browser's
        await check("the unsubscribe page");
        expect((await getMailChoices(person.id)).digest).toBe(true); // opening the link changed nothing

        await page.getByRole("button", { name: exactly(t("mailPrefs.unsubscribe.button")) }).click();
        expect(await noticeText(page)).toBe(t("mailPrefs.unsubscribe.done", { choice }));
        await check("the confirmation");
        expect(await getMailChoices(person.id)).toMatchObject({ digest: false, reminders: true });

        // With JavaScript the page changes in place: wait for the new words, not for any notice.
        const status = (text: string) => page.getByRole("status").filter({ hasText: text }).waitFor();
        await page.getByRole("button", { name: exactly(t("mailPrefs.unsubscribe.undo")) }).click();
        await status(t("mailPrefs.unsubscribe.undone", { choice }));
        expect((await getMailChoices(person.id)).digest).toBe(true);
        await page.getByRole("button", { name: exactly(t("mailPrefs.unsubscribe.button")) }).click();
        await status(t("mailPrefs.unsubscribe.done", { choice }));
        expect((await getMailChoices(person.id)).digest).toBe(false);

        if (!signedIn) return;
        await page.getByRole("link", { name: t("mailPrefs.unsubscribe.settings") }).click();
        await page.getByRole("heading", { level: 2, name: t("mailPrefs.heading") }).waitFor();
        const digestBox = page.getByRole("checkbox", { name: choice });
        expect(await digestBox.isChecked()).toBe(false);
        await check("the account page's mail choices");
        await digestBox.check();
        await page.getByRole("button", { name: exactly(t("mailPrefs.save")) }).click();
        expect(await noticeText(page)).toBe(t("mailPrefs.saved"));
        expect((await getMailChoices(person.id)).digest).toBe(true);
      },
    );
  });
});

describe("the account page's mail choices, in ar with JavaScript", () => {
  const t = textIn("ar");

  it("shows the essential mails as always on and saves the boxes", async () => {
    const person = await personIn("ar");
    await journey(browser, "mail-choices-ar", { locale: BROWSER_LOCALE.ar, baseUrl: target.url, userId: person.id }, async (page, check) => {
      await page.goto(`${target.url}/account`);
      await page.getByRole("heading", { level: 2, name: t("mailPrefs.heading") }).waitFor();
      const essential = page.getByRole("checkbox", { name: new RegExp(t("mailPrefs.essentialTitle")) });
      expect(await essential.isChecked()).toBe(true);
      expect(await essential.isDisabled()).toBe(true);
      expect(await page.getByRole("checkbox", { name: t("mailPrefs.choices.digest.label") }).isChecked()).toBe(false);
      await check("the mail choices");
      await page.getByRole("checkbox", { name: t("mailPrefs.choices.digest.label") }).check();
      await page.getByRole("checkbox", { name: t("mailPrefs.choices.buddy.label") }).uncheck();
      await page.getByRole("button", { name: exactly(t("mailPrefs.save")) }).click();
      expect(await noticeText(page)).toBe(t("mailPrefs.saved"));
      await page.screenshot({ path: `${SCREENSHOTS}mail-choices-ar.png`, fullPage: true });
      expect(await getMailChoices(person.id)).toEqual({ reminders: true, buddy: false, organiser: true, digest: true });
    });
  });
});
