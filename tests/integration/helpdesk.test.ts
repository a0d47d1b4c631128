/**
 * The helpdesk (issue 13, decision 041) over HTTP and through the domain, on the real database:
 * plain text, limits, rate limit, who sees what, anonymity, answers with notice and mail,
 * referrals, consent-bound publication, and the statistics' small counts.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { answer, askQuestion, publish, refer, setPublishConsent, setThemes, suggestionsFor } from "~/domain/help/questions.server";
import { saveStems } from "~/domain/help/stems.server";
import { db } from "~/lib/db.server";
import { serverT } from "~/lib/i18n.server";
import { QUESTION_MAX } from "~/lib/reference/help";
import { makePerson, personIn } from "../support/factories";
import { useServer } from "../support/server";
import { clientFor } from "../support/signed-in";

const target = useServer();
const questionIdFrom = (response: Response) => /\/help\/([0-9a-f-]{36})/.exec(response.headers.get("location") ?? "")?.[1];

describe("asking the helpdesk", () => {
  it("keeps HTML in a question as text: stored as typed, shown escaped, never as markup", async () => {
    const asker = await personIn("uk", { isNewcomer: true });
    const client = await clientFor(target.url, asker.id);
    const body = `<script>alert("x")</script><b>Де знайти роботу?</b>`;
    const response = await client.post("/help?index", { body, language: "uk" });
    expect(response.status).toBe(302);
    const id = questionIdFrom(response)!;
    expect((await db().helpQuestion.findUniqueOrThrow({ where: { id } })).body).toBe(body);
    const page = await (await client.get(`/help/${id}`)).text();
    expect(page).not.toContain("<script>alert");
    expect(page).not.toContain("<b>Де");
    expect(page).toContain("&lt;script&gt;");
  });

  it("refuses an oversized question with the limit in the asker's language next to the field, and stores nothing", async () => {
    const asker = await personIn("uk", { isNewcomer: true });
    const client = await clientFor(target.url, asker.id);
    const response = await client.post("/help?index", { body: "а".repeat(QUESTION_MAX + 1), language: "uk" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('id="help-body-error"');
    expect(html).toContain(serverT("uk")("validation.tooLong", { count: QUESTION_MAX }));
    expect(await db().helpQuestion.count({ where: { askerId: asker.id } })).toBe(0);
  });

  it("asks for the question text and a known language", async () => {
    const asker = await personIn("ar");
    const client = await clientFor(target.url, asker.id);
    const response = await client.post("/help?index", { body: "   ", language: "xx" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('id="help-body-error"');
    expect(html).toContain('id="help-language-error"');
    expect(await db().helpQuestion.count({ where: { askerId: asker.id } })).toBe(0);
  });

  it("allows five questions an hour, then answers 429 with Retry-After", async () => {
    const asker = await personIn("nl");
    const client = await clientFor(target.url, asker.id);
    for (let i = 0; i < 5; i++) expect((await client.post("/help?index", { body: `Vraag ${i}`, language: "nl" })).status).toBe(302);
    const refused = await client.post("/help?index", { body: "Nog een vraag", language: "nl" });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await db().helpQuestion.count({ where: { askerId: asker.id } })).toBe(5);
  });

  it("is private: no-store, and another person's question is not found", async () => {
    const asker = await personIn("uk");
    const other = await personIn("uk");
    const { id } = await askQuestion(asker.id, { body: "Особисте питання", language: "uk" });
    const mine = await (await clientFor(target.url, asker.id)).get(`/help/${id}`);
    expect(mine.status).toBe(200);
    expect(mine.headers.get("cache-control")).toBe("private, no-store");
    const theirs = await (await clientFor(target.url, other.id)).get(`/help/${id}`);
    expect(theirs.status).toBe(404);
    expect(await theirs.text()).not.toContain("Особисте питання");
  });

  it("offers earlier published answers for the typed text, without JavaScript", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const asker = await personIn("nl");
    const { id } = await askQuestion(asker.id, { body: "Hoe vind ik een tandarts voor mijn kind?", language: "nl", publishConsent: "on" });
    await answer(organiser, id, { body: "Kijk op de website van je zorgverzekeraar." });
    const word = `tandartszoeker${randomUUID().slice(0, 6)}`;
    await publish(organiser, id, { locales: ["nl"], questions: [`Een ${word} voor kinderen?`], answers: ["Vraag het je zorgverzekeraar."] });
    const someoneElse = await clientFor(target.url, (await personIn("nl")).id);
    const html = await (await someoneElse.post("/help?index", { intent: "similar", body: `Ik zoek een ${word}` })).text();
    expect(html).toContain(`Een ${word} voor kinderen?`);
  });
});

describe("triage", () => {
  it("is refused to people without the helpdesk right, with nothing changed", async () => {
    const asker = await personIn("uk");
    const { id } = await askQuestion(asker.id, { body: "Питання", language: "uk" });
    const buddyVolunteer = await clientFor(target.url, (await personIn("nl", { isVolunteer: true })).id);
    expect((await buddyVolunteer.get("/organise/help")).status).toBe(403);
    expect((await buddyVolunteer.get(`/organise/help/${id}`)).status).toBe(403);
    expect((await buddyVolunteer.post(`/organise/help/${id}`, { intent: "answer", body: "Ik weet het" })).status).toBe(403);
    expect((await buddyVolunteer.get("/organise/help/stats")).status).toBe(403);
    expect(await db().helpMessage.count({ where: { questionId: id } })).toBe(0);
  });

  it("hides an anonymous asker's name from helpdesk volunteers, not from organisers", async () => {
    const asker = await personIn("ar", { displayName: `Samira ${randomUUID().slice(0, 8)}` });
    const name = (await db().user.findUniqueOrThrow({ where: { id: asker.id } })).displayName;
    const { id } = await askQuestion(asker.id, { body: "أين أجد طبيب أسنان؟", language: "ar", anonymous: "on" });
    const volunteer = await clientFor(target.url, (await personIn("en", { isHelpdeskVolunteer: true })).id);
    for (const path of [`/organise/help/${id}`, "/organise/help?language=ar", "/organise/help?status=all"]) {
      const response = await volunteer.get(path);
      expect(response.status).toBe(200);
      expect(await response.text()).not.toContain(name);
    }
    const organiser = await clientFor(target.url, await makePerson({ isOrganiser: true }));
    expect(await (await organiser.get(`/organise/help/${id}`)).text()).toContain(name);
  });

  it("suggests themes without applying them; a click adds one", async () => {
    const asker = await personIn("uk");
    const volunteer = await personIn("en", { isHelpdeskVolunteer: true });
    const { id } = await askQuestion(asker.id, { body: "Де шукати вакансії для бухгалтера?", language: "uk" });
    const suggestions = await suggestionsFor(volunteer.id, id);
    expect(suggestions[0]).toEqual({ theme: "work", matched: ["ваканс"] });
    expect(await db().helpQuestionTheme.count({ where: { questionId: id } })).toBe(0);
    const client = await clientFor(target.url, volunteer.id);
    expect(await (await client.get(`/organise/help/${id}`)).text()).toContain("ваканс");
    expect((await client.post(`/organise/help/${id}`, { intent: "add-theme", theme: "work" })).status).toBe(302);
    expect((await db().helpQuestionTheme.findMany({ where: { questionId: id } })).map((row) => row.theme)).toEqual(["work"]);
  });

  it("uses an admin's stems instead of the curated ones for that theme and language", async () => {
    const admin = await makePerson({ isAdmin: true });
    const asker = await personIn("en");
    const { id } = await askQuestion(asker.id, { body: "Is there a choir I could join?", language: "en" });
    expect((await suggestionsFor(admin, id)).map((s) => s.theme)).toEqual(["other"]);
    await saveStems(admin, { locale: "en", theme: "culture", stems: "choir\nmuseum" });
    try {
      expect(await suggestionsFor(admin, id)).toEqual([{ theme: "culture", matched: ["choir"] }]);
    } finally {
      await saveStems(admin, { locale: "en", theme: "culture", stems: "" }); // back to the curated list
    }
    expect((await suggestionsFor(admin, id)).map((s) => s.theme)).toEqual(["other"]);
  });

  it("answers with a notice and a mail in the asker's language, in one transaction; a reply reopens it", async () => {
    const asker = await personIn("uk");
    const volunteer = await personIn("nl", { isHelpdeskVolunteer: true });
    const { id } = await askQuestion(asker.id, { body: "Як записатися до лікаря?", language: "uk" });
    const client = await clientFor(target.url, volunteer.id);
    expect((await client.post(`/organise/help/${id}`, { intent: "answer", body: "Зателефонуйте до гейсарта." })).status).toBe(302);
    const question = await db().helpQuestion.findUniqueOrThrow({ where: { id } });
    expect(question).toMatchObject({ status: "answered", assigneeId: volunteer.id });
    expect(question.firstAnsweredAt).not.toBeNull();
    const notice = await db().notification.findFirstOrThrow({ where: { userId: asker.id, kind: "help-answered" } });
    expect(JSON.parse(notice.data)).toEqual({ questionId: id });
    const mail = await db().outboxMail.findFirstOrThrow({ where: { userId: asker.id, kind: "help-answered" } });
    expect(mail.subject).toBe(serverT("uk")("mail.notice.help-answered.subject"));
    expect(mail.text).toContain(`/help/${id}`);

    const asAsker = await clientFor(target.url, asker.id);
    const page = await (await asAsker.get(`/help/${id}`)).text();
    expect(page).toContain("Зателефонуйте до гейсарта.");
    expect(page).not.toContain(volunteer.displayName); // the asker hears from "the helpdesk"
    expect((await asAsker.post(`/help/${id}`, { body: "Дякую, а якщо лікар не приймає?" })).status).toBe(302);
    expect((await db().helpQuestion.findUniqueOrThrow({ where: { id } })).status).toBe("open");
  });

  it("closes and reopens; the asker may close but not reopen", async () => {
    const asker = await personIn("en");
    const organiser = await makePerson({ isOrganiser: true });
    const { id } = await askQuestion(asker.id, { body: "Question", language: "en" });
    const asAsker = await clientFor(target.url, asker.id);
    expect((await asAsker.post(`/help/${id}`, { intent: "close" })).status).toBe(302);
    expect((await db().helpQuestion.findUniqueOrThrow({ where: { id } })).status).toBe("closed");
    const staff = await clientFor(target.url, organiser);
    expect((await staff.post(`/organise/help/${id}`, { intent: "reopen" })).status).toBe(302);
    expect((await db().helpQuestion.findUniqueOrThrow({ where: { id } })).status).toBe("open");
  });

  it("refers to a buddy; the asker's one click makes their own buddy request", async () => {
    const asker = await personIn("uk", { isNewcomer: true });
    const organiser = await makePerson({ isOrganiser: true });
    const { id } = await askQuestion(asker.id, { body: "Хочу практикувати нідерландську", language: "uk" });
    await refer(organiser, id, { kind: "buddy", target: "language" });
    await expect(refer(organiser, id, { kind: "organisation", target: "no-such-organisation" })).rejects.toMatchObject({ code: "validation" });
    const referral = await db().helpReferral.findFirstOrThrow({ where: { questionId: id } });
    expect(await db().buddyRequest.count({ where: { newcomerId: asker.id } })).toBe(0); // nothing without the person's click
    const asAsker = await clientFor(target.url, asker.id);
    expect((await asAsker.post(`/help/${id}`, { intent: "accept-buddy", referralId: referral.id })).status).toBe(302);
    expect(await db().buddyRequest.findFirstOrThrow({ where: { newcomerId: asker.id } })).toMatchObject({ kind: "language", targetLanguage: "nl" });
    expect(await db().notification.count({ where: { userId: asker.id, kind: "help-referred" } })).toBe(1);
  });
});

describe("the knowledge base", () => {
  it("publishes only with the asker's consent, without their identity, and withdrawal takes it down", async () => {
    const asker = await personIn("uk", { displayName: `Oksana ${randomUUID().slice(0, 8)}` });
    const name = (await db().user.findUniqueOrThrow({ where: { id: asker.id } })).displayName;
    const organiser = await makePerson({ isOrganiser: true });
    const { id } = await askQuestion(asker.id, { body: "Чи можна змінити школу посеред року?", language: "uk" });
    await answer(organiser, id, { body: "Так, через гементе." });
    const word = `школа${randomUUID().slice(0, 6)}`;
    const texts = { locales: ["uk", "en"], questions: [`Зміна ${word} посеред року?`, "Changing school mid-year?"], answers: ["Так.", "Yes."] };
    await expect(publish(organiser, id, texts)).rejects.toMatchObject({ code: "not_allowed" });

    await setPublishConsent(asker.id, id, true);
    await publish(organiser, id, texts);
    const reader = await clientFor(target.url, (await personIn("uk")).id);
    const found = await (await reader.get(`/help/answers?q=${encodeURIComponent(word)}`)).text();
    expect(found).toContain(`Зміна ${word} посеред року?`);
    expect(found).not.toContain(name);
    expect(found).not.toContain("Чи можна змінити школу посеред року?");

    await setPublishConsent(asker.id, id, false);
    expect(await (await reader.get(`/help/answers?q=${encodeURIComponent(word)}`)).text()).not.toContain(`Зміна ${word}`);
  });
});

describe("statistics", () => {
  it("shows small counts as <5 on the page and in the CSV, and only organisers see them", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const client = await clientFor(target.url, organiser);
    const page = await client.get("/organise/help/stats");
    expect(page.status).toBe(200);
    const csv = await client.get("/organise/help/stats.csv");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("section,key,label,count,percent");
    for (const line of lines.slice(1)) {
      const cells = line.split(",");
      const count = cells.at(-2)!;
      expect(count === "" || count === "<5" || Number(count) === 0 || Number(count) >= 5, line).toBe(true);
    }
  });

  it("counts a labelled question under each of its themes", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const asker = await personIn("nl");
    const before = await db().helpQuestionTheme.count({ where: { theme: "digital-skills" } });
    const { id } = await askQuestion(asker.id, { body: "Hoe werkt DigiD op mijn laptop?", language: "nl" });
    await setThemes(organiser, id, { themes: ["digital-skills", "other", "digital-skills"] });
    expect(await db().helpQuestionTheme.count({ where: { theme: "digital-skills" } })).toBe(before + 1);
  });
});
