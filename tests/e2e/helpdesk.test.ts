/**
 * The helpdesk end to end in the browser (issue 13): a newcomer asks, a helpdesk volunteer
 * triages, takes a suggested theme, answers and publishes; the newcomer is notified, reads the
 * answer and finds the published pair. In Ukrainian with JavaScript, and in Arabic with the ask
 * form sent without JavaScript; at 390×844 with the journey guards (console, HTTP, NUL, axe).
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import type { Locale } from "~/lib/locales";
import { useBrowser } from "../support/browser";
import { personIn } from "../support/factories";
import { BROWSER_LOCALE, exactly, journey, textIn } from "../support/journeys";
import { useServer } from "../support/server";

const target = useServer();
const browser = useBrowser();

const CASES: { locale: Locale; askWithJavaScript: boolean; question: string; answer: string; published: [string, string] }[] = [
  {
    locale: "uk",
    askWithJavaScript: true,
    question: "Де шукати вакансії для бухгалтера?",
    answer: "Подивіться вакансії на сайтах для англомовних і попросіть бадді з роботи.",
    published: ["Де шукати вакансії бухгалтера", "Шукайте на сайтах для англомовних."],
  },
  {
    locale: "ar",
    askWithJavaScript: false,
    question: "كيف أجد عملاً كمحاسب؟",
    answer: "ابحث في مواقع الوظائف للناطقين بالإنجليزية واطلب رفيق عمل.",
    published: ["كيف أجد عملاً في المحاسبة", "ابحث في مواقع الوظائف للناطقين بالإنجليزية."],
  },
];

describe.each(CASES)("the helpdesk in $locale", ({ locale, askWithJavaScript, question, answer, published }) => {
  const t = textIn(locale);

  it("ask → triage → label → answer → notification → publish to the knowledge base", async () => {
    const tag = randomUUID().slice(0, 6);
    const asker = await personIn(locale, { isNewcomer: true });
    const volunteer = await personIn(locale, { isHelpdeskVolunteer: true });
    const body = `${question} (${tag})`;
    const [publishedQuestion, publishedAnswer] = [`${published[0]} ${tag}`, published[1]];
    // An earlier pair sharing the tag, for "people asked this before".
    const earlier = `${published[0]} (${tag}, earlier)`;
    await db().helpArticle.create({
      data: { id: randomUUID(), publishedById: volunteer.id, texts: { create: [{ locale, question: earlier, answer: `${published[1]} —` }] } },
    });

    await journey(
      browser,
      `helpdesk-ask-${locale}`,
      { locale: BROWSER_LOCALE[locale], javaScriptEnabled: askWithJavaScript, baseUrl: target.url, userId: asker.id },
      async (page, check) => {
        await page.goto(`${target.url}/help`);
        expect(await page.getAttribute("html", "lang")).toBe(locale);
        await page.getByText(t("help.mine.none")).waitFor(); // the empty state
        await check("the ask form");
        expect(await page.getByLabel(t("help.ask.language")).inputValue()).toBe(locale); // their interface language by default
        await page.getByLabel(t("help.ask.body")).fill(body);
        // Earlier answers: as one types with JavaScript, by the second button without it (the text stays).
        if (!askWithJavaScript) await page.getByRole("button", { name: exactly(t("help.ask.lookFirst")) }).click();
        await page.getByRole("heading", { name: t("help.ask.similarTitle") }).waitFor();
        await page.getByText(earlier).waitFor();
        expect(await page.getByLabel(t("help.ask.body")).inputValue()).toBe(body);
        await page.getByLabel(t("help.ask.consent")).check();
        await page.getByRole("button", { name: exactly(t("help.ask.submit")) }).click();
        await page.waitForURL(/\/help\/[0-9a-f-]{36}$/);
        await page.getByText(body).waitFor();
        await page.getByText(t("help.question.waiting")).waitFor();
        await check("the question, waiting");
      },
    );
    const asked = await db().helpQuestion.findFirstOrThrow({ where: { askerId: asker.id } });
    expect(asked).toMatchObject({ body, language: locale, publishConsent: true, anonymous: false });

    await journey(browser, `helpdesk-triage-${locale}`, { locale: BROWSER_LOCALE[locale], baseUrl: target.url, userId: volunteer.id }, async (page, check) => {
      await page.goto(`${target.url}/organise/help?language=${locale}`);
      await check("the queue");
      await page.getByRole("link", { name: body }).click();
      await page.waitForURL(new RegExp(`/organise/help/${asked.id}`));
      await check("the triage page");
      // The suggestion is shown with the words it rests on, and applied only by the click.
      const work = t("activities.theme.work");
      expect(await db().helpQuestionTheme.count({ where: { questionId: asked.id } })).toBe(0);
      await page.getByRole("button", { name: t("help.triage.useSuggestion", { theme: work }) }).click();
      await page.getByText(t("help.notice.labelled")).waitFor();
      expect(await page.getByRole("checkbox", { name: work }).isChecked()).toBe(true);

      await page.getByLabel(t("help.triage.answerLabel", { language: locale === "uk" ? "Українська" : "العربية" })).fill(answer);
      await page.getByRole("button", { name: exactly(t("help.triage.sendAnswer")) }).click();
      await page.getByText(t("help.notice.answered")).waitFor();

      await page.locator(`#question-${locale}`).fill(publishedQuestion);
      await page.locator(`#answer-${locale}`).fill(publishedAnswer);
      await page.getByRole("button", { name: exactly(t("help.triage.publishButton")) }).click();
      await page.getByText(t("help.notice.published")).waitFor();
      await check("the triage page after publishing");
      await page.screenshot({ path: `/tmp/helpdesk-triage-journey-${locale}.png`, fullPage: true });
    });
    expect((await db().helpQuestionTheme.findMany({ where: { questionId: asked.id } })).map((row) => row.theme)).toEqual(["work"]);

    await journey(browser, `helpdesk-answered-${locale}`, { locale: BROWSER_LOCALE[locale], baseUrl: target.url, userId: asker.id }, async (page, check) => {
      await page.goto(`${target.url}/notifications`);
      await page.getByText(t("notifications.kinds.help-answered")).waitFor();
      await check("the notification");
      await page
        .getByRole("link", { name: t("help.openQuestion") })
        .first()
        .click();
      await page.waitForURL(new RegExp(`/help/${asked.id}`));
      await page.getByText(answer).waitFor();
      expect(await page.content()).not.toContain(volunteer.displayName); // the asker hears from "the helpdesk"
      await check("the answered question");

      await page.goto(`${target.url}/help/answers?q=${encodeURIComponent(tag)}`);
      await page.getByText(publishedQuestion).click(); // opens the details
      await page.getByText(publishedAnswer, { exact: true }).waitFor();
      expect(await page.content()).not.toContain(body); // the published text is the helpdesk's rewrite
      await check("the knowledge base");
    });
    expect(await db().outboxMail.count({ where: { userId: asker.id, kind: "help-answered" } })).toBe(1);
  });
});
