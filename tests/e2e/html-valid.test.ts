import type { Message } from "html-validate";
import { describe, expect, it } from "vitest";
import { rsvp } from "~/domain/activities/rsvp.server";
import { startSession } from "~/domain/auth/lucia.server";
import { createGroup } from "~/domain/groups/groups.server";
import { answer, askQuestion, publish, refer } from "~/domain/help/questions.server";
import { setAvatar } from "~/domain/people/avatar.server";
import { changePlan } from "~/domain/plan/plan.server";
import { db } from "~/lib/db.server";
import { enqueueMail } from "~/lib/mail/outbox.server";
import { unsubscribeToken } from "~/lib/mail/unsubscribe-token.server";
import { renderMail } from "~/lib/mail/render.server";
import { LOCALE_COOKIE } from "~/lib/i18n.server";
import type { Locale } from "~/lib/locales";
import { buddyPair } from "../support/buddy-factories";
import { activityForm, localDate, personIn, publishedActivity } from "../support/factories";
import { pngOf } from "../support/images";
import { webinarNow } from "../support/live-factories";
import { LOCALES } from "../support/journeys";
import { documentOf, validator } from "../support/html-validator";
import { builtRoutes, fill } from "../support/routes-manifest";
import { useServer } from "../support/server";

const target = useServer();

/** Every built route that answers 200 with HTML to this visitor (`cookie`), parameters filled by `valuesFor`. */
async function pagesFor(valuesFor: (pattern: string) => Record<string, string>, cookie?: string) {
  const pages: string[] = [];
  for (const route of await builtRoutes()) {
    const path = fill(route.pattern, valuesFor(route.pattern));
    const response = await fetch(target.url + path, { redirect: "manual", headers: cookie ? { cookie } : {} });
    await response.arrayBuffer();
    // A mail shown in a sandboxed frame follows the rules of mail programs (inline styles only), not the app's.
    const mail = response.headers.get("content-security-policy")?.includes("sandbox");
    if (response.status === 200 && response.headers.get("content-type")?.startsWith("text/html") && !mail) pages.push(path);
  }
  return pages;
}

/** What a visitor who is not signed in can open as a page, plus the views a query string gives. */
async function publicPages(values: Record<string, string>) {
  const pages = await pagesFor(() => values);
  const nextMonth = localDate(31).slice(0, 7);
  return [
    ...pages,
    "/activities?view=calendar",
    `/activities?view=calendar&month=${nextMonth}`,
    "/activities?kind=workshop&place=GM0344&evening=1",
    "/activities?from=2025-13-45&to=notadate", // the note about ignored filters
    "/activities?q=fiets%20samen&place=GM0363&km=50", // search, nearby and distances
    "/activities?q=fietsreperatie", // a typo: the close-matches note
    "/activities?km=10", // nearby without a municipality: the note asking for one
    "/no-such-page", // the not-found page
  ];
}

const describeMessage = (path: string, locale: string, message: Message) =>
  `${locale} ${path} ${message.line}:${message.column} ${message.ruleId}: ${message.message}${message.selector ? ` (${message.selector})` : ""}`;

/** Fetches each page in each language (the cookie's, or the one `chooseLocale` saves in the profile) and lists every NUL and every validation message. */
async function problemsOf(pages: string[], cookie = "", chooseLocale = async (_locale: Locale) => {}) {
  const problems: string[] = [];
  for (const locale of LOCALES) {
    await chooseLocale(locale);
    for (const path of pages) {
      const response = await fetch(target.url + path, { headers: { cookie: [cookie, `${LOCALE_COOKIE}=${locale}`].filter(Boolean).join("; ") } });
      const html = await response.text();
      expect(response.headers.get("content-type"), path).toMatch(/^text\/html/);
      const nul = html.indexOf("\u0000");
      if (nul >= 0) problems.push(`${locale} ${path}: NUL at ${nul}`);
      const report = await validator.validateString(documentOf(html));
      for (const result of report.results) for (const message of result.messages) problems.push(describeMessage(path, locale, message));
    }
  }
  return problems;
}

describe("HTML of every page in every language", () => {
  it("is valid on every public page (html-validate, recommended rules) and holds no NUL", async () => {
    const organiser = await personIn("nl", { isOrganiser: true });
    const group = await createGroup(organiser.id, {
      name: "Fietsclub Utrecht",
      description: "Samen fietsen, elke week.\n\nВелоклуб · نادي الدراجات",
      interest: "cycling",
      municipalityCode: "GM0344",
    });
    const activityId = await publishedActivity(organiser.id, {
      ...activityForm({
        kind: "workshop",
        contentLocales: [...LOCALES],
        titles: ["Bike repair", "Fietsreparatie", "Ремонт велосипедів", "إصلاح الدراجات"],
        summaries: ["Fix your bike together.", "Samen je fiets maken.", "Лагодимо велосипеди разом.", "نصلح الدراجات معًا."],
        descriptions: ["Bring your bike.\n\nTools are there.", "Neem je fiets mee.", "Беріть свій велосипед.", "أحضر دراجتك."],
        municipalityCode: "GM0344",
        capacity: "12",
        groupId: group.id,
        accessibilityNotes: "Step-free entrance",
      }),
    });
    const unsubscribe = `/mail/unsubscribe?token=${encodeURIComponent(await unsubscribeToken(organiser.id, "digest"))}`;
    const pages = [...(await publicPages({ id: activityId, slug: group.slug })), unsubscribe, "/mail/unsubscribe?token=forged"];
    // The derivation must find the pages a visitor knows, or it proves nothing.
    expect(pages).toEqual(
      expect.arrayContaining(["/", "/activities", `/activities/${activityId}`, "/groups", `/groups/${group.slug}`, "/login", "/register", "/buddies"]),
    );

    console.info(`validating ${pages.length} public pages × ${LOCALES.length} languages: ${pages.join(" ")}`);
    for (const locale of LOCALES) {
      const html = await (await fetch(target.url + "/", { headers: { cookie: `${LOCALE_COOKIE}=${locale}` } })).text();
      expect(html, locale).toContain(`lang="${locale}"`); // the cookie chose the language
    }
    const problems = await problemsOf(pages);
    expect(problems).toEqual([]);
  });

  it("is valid on the pages of a signed-in person who is newcomer, volunteer, organiser and admin at once", async () => {
    // The volunteer of an active match, who also asks for a buddy, organises and administers.
    const { matchId, volunteerId: me, offerId, newcomerId: buddy } = await buddyPair({ state: "active", now: new Date(Date.now() - 29 * 86_400_000) });
    await db().user.update({ where: { id: me }, data: { isNewcomer: true, isOrganiser: true, isAdmin: true, municipalityCode: "GM0344" } });
    const requestId = crypto.randomUUID();
    await db().buddyRequest.create({ data: { id: requestId, newcomerId: me, kind: "job", targetSector: "it", goals: JSON.stringify(["cv"]) } });
    const group = await createGroup(me, { name: "Taalcafé Utrecht", description: "Elke dinsdag.", municipalityCode: "GM0344" });
    const activityId = await publishedActivity(me, { groupId: group.id, capacity: "2", titles: ["Taalcafé"], date: localDate(2) });
    await rsvp(me, activityId); // for the ticket page
    // An avatar, so the header, the profile and the attendee list show a <picture> and the others a letter (decision 048).
    await setAvatar(me, me, await pngOf(300, 300));
    for (const other of await Promise.all([personIn("uk", { displayName: "Олена" }), personIn("ar", { displayName: "يارا" })]))
      await rsvp(other.id, activityId); // one waits
    const { activityId: webinarId } = await webinarNow(0);
    await db().activity.update({ where: { id: webinarId }, data: { organiserId: me } });
    // An essential kind: always written, so there is an id.
    const mailId = await db().$transaction(
      async (tx) =>
        (await enqueueMail(tx, {
          kind: "password-reset",
          userId: me,
          to: "me@example.nl",
          locale: "uk",
          ...renderMail("uk", { subject: "Тема", greeting: "Вітаємо", paragraphs: ["Текст"], reason: "Тест" }),
        }))!,
    );
    // A helpdesk question of their own, answered, referred and published (the triage page shows every form).
    const { id: helpId } = await askQuestion(me, { body: "Як знайти роботу?\nДякую!", language: "uk", publishConsent: "on", anonymous: "on" });
    await answer(me, helpId, { body: "Подивіться вакансії." });
    await refer(me, helpId, { kind: "organisation", target: "fairwork" });
    await refer(me, helpId, { kind: "buddy", target: "job:it" });
    await publish(me, helpId, { locales: ["uk", "ar"], questions: ["Робота?", "عمل؟"], answers: ["Так.", "نعم."] });
    // A plan of one's own with something in every part, and the buddy's plan shared with one.
    await changePlan(me, null, "perspective", { perspective: "Over een jaar <b>werk</b> ik" });
    await changePlan(me, null, "domain", { domain: "work", situation: "Zoekend", goals: "Werk", obstacles: ["fitting-work"], obstacleNote: "" });
    await changePlan(me, null, "domain", { domain: "language-communication", obstacles: ["no-practice"], situation: "", goals: "", obstacleNote: "" });
    await changePlan(me, null, "breakthrough", { text: "Taalmaatje", happenedOn: localDate(-3), helpedBy: "Sanne", domain: "" });
    await changePlan(me, null, "step", { text: "Cv maken", owner: "ik", dueOn: localDate(7) });
    const theirPlan = await changePlan(buddy, null, "perspective", { perspective: "Verpleegkundige worden" });
    await changePlan(buddy, theirPlan, "share", { userId: me, access: "edit" });
    const ids: Record<string, string> = {
      "/help": helpId,
      "/organise/help": helpId,
      "/plan": theirPlan!,
      "/admin/outbox": mailId,
      "/buddies/match": matchId,
      "/buddies/offer": offerId,
      "/buddies/request": requestId,
      "/activities/:id/live": webinarId,
    };
    const valuesFor = (pattern: string) => ({
      id: Object.entries(ids).find(([prefix]) => pattern.startsWith(prefix))?.[1] ?? activityId,
      slug: group.slug,
      format: "csv",
    });
    const cookie = (await startSession(me)).split(";")[0];
    const pages = await pagesFor(valuesFor, cookie);
    expect(pages).toEqual(
      expect.arrayContaining([
        "/profile",
        "/profile/avatar",
        "/buddies",
        `/buddies/match/${matchId}`,
        `/buddies/offer/${offerId}`,
        `/buddies/request/${requestId}`,
        "/organise/activities/new",
        `/organise/activities/${activityId}`,
        `/organise/activities/${activityId}/door`,
        `/organise/activities/${activityId}/report`,
        `/organise/activities/${activityId}/cover`,
        `/groups/${group.slug}/cover`,
        "/organise/matching",
        "/admin/people",
        `/admin/outbox/${mailId}`,
        `/activities/${webinarId}/live`,
        `/activities/${activityId}/ticket`,
        "/help",
        `/help/${helpId}`,
        "/help/answers",
        "/organise/help",
        `/organise/help/${helpId}`,
        "/organise/help/stats",
        "/organise/help/volunteers",
        "/admin/help-stems",
        "/plan",
        `/plan/${theirPlan}`,
        "/organise/insights",
      ]),
    );
    console.info(`validating ${pages.length} signed-in pages × ${LOCALES.length} languages: ${pages.join(" ")}`);
    // Signed in, the profile's language wins over the cookie: each language is saved there first.
    expect(
      await problemsOf(pages, cookie, (locale) =>
        db()
          .user.update({ where: { id: me }, data: { locale } })
          .then(() => undefined),
      ),
    ).toEqual([]);
  });
});
