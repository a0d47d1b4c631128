/**
 * Opting out of optional mails (issue 12, decisions/039): `enqueueMail` writes no mail of a choice
 * the person turned off and gives the others RFC 8058 one-click unsubscribe headers and a footer
 * link; the link's page asks first (a GET never unsubscribes), a one-click POST without cookie or
 * Origin turns off exactly the choice the signed token names, and a forged token changes nothing.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { messageGoing, updateActivity } from "~/domain/activities/activities.server";
import { rsvp } from "~/domain/activities/rsvp.server";
import { deleteAccount, register } from "~/domain/auth/accounts.server";
import { exportMyData } from "~/domain/people/export.server";
import { getMailChoices, saveMailChoices } from "~/domain/people/mail-preferences.server";
import { db } from "~/lib/db.server";
import { ESSENTIAL_KINDS, MAIL_CHOICES, MAIL_CHOICE_NAMES, choiceOfKind } from "~/lib/mail/kinds";
import { enqueueMail, type MailDraft } from "~/lib/mail/outbox.server";
import { renderMail } from "~/lib/mail/render.server";
import { smtpTransport } from "~/lib/mail/transport.server";
import { unsubscribeToken } from "~/lib/mail/unsubscribe-token.server";
import { deliverDueMails } from "~/lib/mail/worker.server";
import type { Locale } from "~/lib/locales";
import { activityForm, localDate, personIn, publishedActivity } from "../support/factories";
import { TestClient, clientFor } from "../support/http-client";
import { useServer } from "../support/server";
import { log } from "../../server/logger";
import { startSmtp } from "../support/smtp";

const target = useServer();

function draft(kind: string, person: { id: string; email: string }, locale: Locale = "en"): MailDraft {
  const content = renderMail(locale, { subject: `About ${kind}`, greeting: "Hello", paragraphs: ["Body"], reason: "Because" });
  return { kind, userId: person.id, to: person.email, locale, ...content };
}
const enqueue = (mail: MailDraft) => db().$transaction((tx) => enqueueMail(tx, mail));
const stored = (userId: string) => db().mailPreference.findMany({ where: { userId }, orderBy: { choice: "asc" }, select: { choice: true, enabled: true } });
/** The link a mail carries, as a path on the test server (PUBLIC_ORIGIN is not set in tests). */
const linkPath = (url: string) => {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
};
async function linkOf(person: { id: string; email: string }, kind: string, locale: Locale = "en") {
  const id = await enqueue(draft(kind, person, locale));
  const mail = await db().outboxMail.findUniqueOrThrow({ where: { id: id! } });
  const header = (JSON.parse(mail.headers) as Record<string, string>)["List-Unsubscribe"];
  return linkPath(/^<([^>]+)>$/.exec(header)![1]);
}
/** What a mail program sends for RFC 8058: a form post with no cookie, no Origin and no Referer. */
const oneClick = (path: string, body = "List-Unsubscribe=One-Click", headers: Record<string, string> = {}) =>
  fetch(new URL(path, target.url), { method: "POST", redirect: "manual", body, headers: { "content-type": "application/x-www-form-urlencoded", ...headers } });

describe("the registry of mail kinds", () => {
  it("names every kind the mails use, essential or in one choice, and treats an unknown kind as essential", () => {
    const optional = MAIL_CHOICE_NAMES.flatMap((choice) => [...MAIL_CHOICES[choice].kinds]);
    expect(optional.sort()).toEqual(
      [
        "activity-reminder",
        "buddy-proposed",
        "buddy-accepted",
        "buddy-declined",
        "buddy-ended",
        "buddy-expiry-warning",
        "buddy-check-in",
        "plan-shared",
        "organiser-message",
        "weekly-digest",
      ].sort(),
    );
    expect(ESSENTIAL_KINDS.filter((kind) => choiceOfKind(kind) !== null)).toEqual([]);
    expect(choiceOfKind("something-new")).toBeNull();
    expect(MAIL_CHOICE_NAMES.filter((choice) => !MAIL_CHOICES[choice].byDefault)).toEqual(["digest"]);
  });
});

describe("enqueueMail and the person's choices", () => {
  it("writes no mail of a choice turned off, and the others with one-click headers and a footer link", async () => {
    const person = await personIn("nl");
    await saveMailChoices(person.id, { reminders: "on", organiser: "on" }); // buddy news off, digest off

    expect(await enqueue(draft("buddy-proposed", person))).toBeNull();
    expect(await enqueue(draft("buddy-check-in", person))).toBeNull();
    expect(await enqueue(draft("weekly-digest", person))).toBeNull();
    const id = await enqueue(draft("activity-reminder", person, "nl"));
    expect(id).not.toBeNull();
    const mails = await db().outboxMail.findMany({ where: { userId: person.id } });
    expect(mails.map((mail) => mail.kind)).toEqual(["activity-reminder"]);

    const headers = JSON.parse(mails[0].headers) as Record<string, string>;
    expect(headers["List-Unsubscribe"]).toMatch(/^<http:\/\/[^>]+\/mail\/unsubscribe\?token=[\w.-]+&lang=nl>$/);
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const url = /^<([^>]+)>$/.exec(headers["List-Unsubscribe"])![1];
    expect(mails[0].text).toContain(url);
    expect(mails[0].text).toContain("Herinneringen voor activiteiten"); // the choice, in the mail's language
    expect(mails[0].html).toContain(`href="${url.replaceAll("&", "&amp;")}"`);
    expect(mails[0].html.endsWith("</div></body></html>")).toBe(true); // the footer goes inside the mail's column
  });

  it("always writes essential mails, without unsubscribe headers or footer, whatever the choices", async () => {
    const person = await personIn("en");
    await saveMailChoices(person.id, {}); // everything optional off
    for (const kind of ESSENTIAL_KINDS) expect(await enqueue(draft(kind, person)), kind).not.toBeNull();
    const mails = await db().outboxMail.findMany({ where: { userId: person.id } });
    expect(mails).toHaveLength(ESSENTIAL_KINDS.length);
    for (const mail of mails) {
      expect(JSON.parse(mail.headers), mail.kind).toEqual({});
      expect(mail.text, mail.kind).not.toContain("/mail/unsubscribe");
    }
  });

  it("sends the weekly digest only to people who asked for it (opt-in), the other choices by default", async () => {
    const person = await personIn("uk");
    expect(await getMailChoices(person.id)).toEqual({ reminders: true, buddy: true, organiser: true, digest: false });
    expect(await enqueue(draft("weekly-digest", person))).toBeNull();
    expect(await enqueue(draft("organiser-message", person))).not.toBeNull();
  });

  it("delivers an optional mail over SMTP with List-Unsubscribe and List-Unsubscribe-Post, an essential one with neither", async () => {
    const person = await personIn("ar");
    await db().outboxMail.deleteMany();
    await enqueue(draft("buddy-accepted", person, "ar"));
    await enqueue(draft("signup-going", person, "ar"));
    const smtp = await startSmtp();
    try {
      expect(await deliverDueMails({ transport: smtpTransport(smtp.url) })).toMatchObject({ sent: 2 });
      const optional = smtp.received.find((mail) => mail.subject === "About buddy-accepted")!;
      const essential = smtp.received.find((mail) => mail.subject === "About signup-going")!;
      // mailparser folds the List-* headers into one parsed object; the raw lines (unfolded) are what the mail carried.
      const line = (key: string) => optional.headerLines.find((header) => header.key === key)?.line.replace(/\r?\n\s+/g, " ");
      expect(line("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
      expect(line("list-unsubscribe")).toMatch(/^List-Unsubscribe: <http:\/\/[^>]+\/mail\/unsubscribe\?token=[\w.-]+&lang=ar>$/);
      expect(optional.text).toContain("/mail/unsubscribe?token=");
      expect(essential.headerLines.map((line) => line.key)).not.toContain("list-unsubscribe");
      expect(essential.headerLines.map((line) => line.key)).not.toContain("list-unsubscribe-post");
    } finally {
      await smtp.stop();
    }
  });
});

describe("the mails the app sends", () => {
  it("leave out an organiser's message for who turned them off, and still tell everyone of a change to the activity", async () => {
    const organiser = await personIn("nl", { isOrganiser: true });
    const fields = { titles: ["Taalcafé"], date: localDate(8) };
    const activityId = await publishedActivity(organiser.id, fields);
    const [keeps, leaves] = await Promise.all([personIn("uk"), personIn("nl")]);
    for (const person of [keeps, leaves]) await rsvp(person.id, activityId);
    await saveMailChoices(leaves.id, {}); // every optional mail off

    await messageGoing(organiser.id, activityId, "We beginnen een half uur later.");
    await updateActivity(organiser.id, activityId, activityForm({ ...fields, date: localDate(9) }), "one");
    const kinds = async (userId: string) => (await db().outboxMail.findMany({ where: { userId }, orderBy: { createdAt: "asc" } })).map((mail) => mail.kind);
    expect(await kinds(keeps.id)).toEqual(["signup-going", "organiser-message", "activity-changed"]);
    expect(await kinds(leaves.id)).toEqual(["signup-going", "activity-changed"]);
    const message = await db().outboxMail.findFirstOrThrow({ where: { userId: keeps.id, kind: "organiser-message" } });
    expect(JSON.parse(message.headers)).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    const changed = await db().outboxMail.findFirstOrThrow({ where: { userId: keeps.id, kind: "activity-changed" } });
    expect(JSON.parse(changed.headers)).not.toHaveProperty("List-Unsubscribe");
  });
});

describe("the unsubscribe link", () => {
  it("shows what it would stop in the mail's language, private and without a referrer, and a GET changes nothing", async () => {
    const person = await personIn("en"); // the browser and the account say English; the mail was Ukrainian
    const path = await linkOf(person, "organiser-message", "uk");
    const page = await new TestClient(target.url).get(path, { "accept-language": "nl" });
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("private, no-store");
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    const html = await page.text();
    expect(html).toContain('lang="uk"');
    expect(html).toContain("Повідомлення від організаторів");
    expect(await stored(person.id)).toEqual([]); // nothing chosen: still the defaults
    expect((await getMailChoices(person.id)).organiser).toBe(true);
  });

  it("turns off exactly the choice it names on a one-click POST without cookie or Origin, and undo turns it back on", async () => {
    const person = await personIn("nl");
    const other = await personIn("nl");
    const path = await linkOf(person, "buddy-ended");
    await linkOf(other, "buddy-ended");

    const answer = await oneClick(path);
    expect(answer.status).toBe(200);
    expect(await getMailChoices(person.id)).toEqual({ reminders: true, buddy: false, organiser: true, digest: false });
    expect(await stored(person.id)).toEqual([{ choice: "buddy", enabled: false }]);
    expect(await stored(other.id)).toEqual([]);
    expect(await enqueue(draft("buddy-proposed", person))).toBeNull();

    // A webmail page that posts from its own origin passes too: the token is the only key here.
    expect((await oneClick(path, "List-Unsubscribe=One-Click", { origin: "https://mail.example.com" })).status).toBe(200);

    const undone = await oneClick(path, "intent=undo");
    expect(undone.status).toBe(200);
    expect(await stored(person.id)).toEqual([{ choice: "buddy", enabled: true }]);
  });

  it("answers the page's own form (Origin: null under no-referrer) and then shows the confirmation with undo", async () => {
    const person = await personIn("ar");
    const path = await linkOf(person, "activity-reminder", "ar");
    const token = new URL(path, target.url).searchParams.get("token")!;
    const client = await clientFor(target.url, person.id);
    const answer = await client.post(path, { token, "List-Unsubscribe": "One-Click" }, { origin: "null" });
    expect(answer.status).toBe(200);
    const html = await answer.text();
    expect(html).toContain('dir="rtl"');
    expect(html).toContain("لن تصلك بعد الآن رسائل «تذكيرات قبل الأنشطة»");
    expect(html).toContain('name="intent" value="undo"');
    expect(html).toContain('href="/account#mail-heading"');
    expect((await getMailChoices(person.id)).reminders).toBe(false);
  });

  it("refuses a forged, altered or truncated token with a translated 400, and changes nothing", async () => {
    const person = await personIn("uk");
    const path = await linkOf(person, "organiser-message", "uk");
    const token = new URL(path, target.url).searchParams.get("token")!;
    const [payload, mac] = token.split(".");
    const otherChoice = `${Buffer.from(`${person.id}:reminders`).toString("base64url")}.${mac}`; // another choice, same signature
    const flipped = `${payload}.${mac.slice(0, 10)}${mac[10] === "A" ? "B" : "A"}${mac.slice(11)}`;
    // The last character holds two spare bits: another spelling of the same bytes is still not the token.
    const respelled = `${payload}.${mac.slice(0, -1)}${String.fromCharCode(mac.at(-1)!.charCodeAt(0) + 1)}`; // A→B, E→F …: the same 32 bytes
    const bad = [otherChoice, flipped, respelled, token.slice(0, -5), "", "not-a-token", `${payload}.${"A".repeat(43)}`];
    for (const forged of bad) {
      const query = `/mail/unsubscribe?token=${encodeURIComponent(forged)}&lang=uk`;
      const page = await new TestClient(target.url).get(query);
      expect(page.status, forged).toBe(400);
      expect(await page.text()).toContain("Це посилання не працює");
      expect((await oneClick(query)).status, forged).toBe(400);
      expect((await oneClick(query, "intent=undo")).status, forged).toBe(400);
    }
    // A real token with a body that is not the one-click one is refused too.
    expect((await oneClick(path, "List-Unsubscribe=Other")).status).toBe(400);
    expect(await stored(person.id)).toEqual([]);
  });

  it("keeps the token out of the request log", async () => {
    const person = await personIn("en");
    const path = await linkOf(person, "organiser-message");
    const token = new URL(path, target.url).searchParams.get("token")!;
    const ids = [`look-${randomUUID()}`, `post-${randomUUID()}`];
    const logged = vi.spyOn(log, "info");
    try {
      await (await new TestClient(target.url).get(path, { "x-request-id": ids[0] })).text();
      await (await oneClick(path, undefined, { "x-request-id": ids[1] })).text();
      const ours = () =>
        logged.mock.calls.filter(([message, fields]) => message === "request" && ids.includes(String(fields?.id))).map(([, fields]) => JSON.stringify(fields));
      // A request is logged when its answer has been written out, which may be just after the client read it.
      await vi.waitFor(() => expect(ours()).toHaveLength(2));
      expect(ours().every((line) => line.includes('"path":"/mail/unsubscribe"'))).toBe(true);
      expect(ours().filter((line) => line.includes(token.split(".")[1]) || line.includes("token="))).toEqual([]);
    } finally {
      logged.mockRestore();
    }
  });

  it("names nobody once the account is deleted", async () => {
    const { userId } = await register(
      { email: `gone-${Date.now()}@example.nl`, password: "lang-genoeg-wachtwoord-9", displayName: "Weg", locale: "nl" },
      "10.3.3.3",
    );
    const token = await unsubscribeToken(userId, "buddy");
    await deleteAccount(userId, { password: "lang-genoeg-wachtwoord-9", confirm: "on" });
    expect((await oneClick(`/mail/unsubscribe?token=${encodeURIComponent(token)}`)).status).toBe(400);
  });

  it("is the only path the Origin check lets through", async () => {
    const person = await personIn("en");
    const path = await linkOf(person, "buddy-declined");
    const foreign = { origin: "https://evil.example" };
    expect((await oneClick(path.replace("/mail/unsubscribe", "/mail/unsubscribe/"), undefined, foreign)).status).toBe(403);
    expect((await oneClick(path.replace("/mail/unsubscribe", "/Mail/Unsubscribe"), undefined, foreign)).status).toBe(403);
    expect((await oneClick("/account", "intent=mail", foreign)).status).toBe(403);
  });
});

describe("the account page's Mails section", () => {
  it("saves the boxes without JavaScript and says so once", async () => {
    const person = await personIn("nl");
    const client = await clientFor(target.url, person.id);
    const page = await (await client.get("/account")).text();
    expect(page).toContain("Wekelijks overzicht");
    expect(page).toContain("Altijd verstuurd");
    const saved = await client.post("/account", { intent: "mail", reminders: "on", digest: "on" });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe("/account");
    expect(await getMailChoices(person.id)).toEqual({ reminders: true, buddy: false, organiser: false, digest: true });
    const after = await (await client.get("/account")).text();
    expect(after).toContain("Je mailkeuzes zijn opgeslagen.");
    expect(await (await client.get("/account")).text()).not.toContain("Je mailkeuzes zijn opgeslagen.");
  });
});

describe("data rights", () => {
  it("exports the choices as they apply, with when each was set, and deletes them with the account", async () => {
    const password = "lang-genoeg-wachtwoord-9";
    const { userId } = await register({ email: `rights-${Date.now()}@example.nl`, password, displayName: "Recht", locale: "uk" }, "10.3.3.4");
    await saveMailChoices(userId, { digest: "on", reminders: "on" });
    const exported = await exportMyData(userId);
    const byChoice = new Map(exported.mailChoices.choices.map((entry) => [entry.choice, entry]));
    expect([...byChoice.keys()].sort()).toEqual([...MAIL_CHOICE_NAMES].sort());
    expect(byChoice.get("digest")).toMatchObject({ enabled: true, chosenAt: expect.any(String) });
    expect(byChoice.get("buddy")).toMatchObject({ enabled: false, chosenAt: expect.any(String) });

    await deleteAccount(userId, { password, confirm: "on" });
    expect(await db().mailPreference.count({ where: { userId } })).toBe(0);
    expect(await db().digestRun.count({ where: { userId } })).toBe(0);
  });
});
