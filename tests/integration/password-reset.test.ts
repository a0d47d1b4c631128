/**
 * A person who forgot their password asks for a link by mail (issue 12): the same answer whether
 * or not the address has an account, a link that works once for an hour, stored only as a hash,
 * and a reset that signs out every other session.
 */
import { describe, expect, it } from "vitest";
import { requestPasswordReset, resetPassword, RESET_VALID_MS } from "~/domain/auth/password-reset.server";
import { hashPassword } from "~/domain/auth/password.server";
import { db } from "~/lib/db.server";
import { personIn } from "../support/factories";
import { clientFor, TestClient } from "../support/http-client";
import { useServer } from "../support/server";

const target = useServer();
const OLD = "the old password 1";
const NEW = "a brand new password";
let address = 0;
/** Each test from its own address, so that the per-address limit counts only its own requests. */
const from = () => ({ "x-forwarded-for": `203.0.113.${++address}` });
const visible = (html: string) => html.slice(0, html.indexOf("</main>"));

async function personWithPassword(locale = "uk") {
  const person = await personIn(locale);
  await db().user.update({ where: { id: person.id }, data: { passwordHash: await hashPassword(OLD) } });
  return person;
}

const mailsTo = (to: string) => db().outboxMail.findMany({ where: { toAddress: to }, orderBy: { createdAt: "asc" } });
const linkIn = (text: string) => /https?:\/\/\S+\/reset-password\?token=([\w-]{43})/.exec(text);

async function signInAnswer(email: string, password: string) {
  return (await new TestClient(target.url, from()).post("/login", { email, password })).status;
}

describe("forgotten password", () => {
  it("answers an unknown and a known address alike, and mails only the known one, in their language", async () => {
    const person = await personWithPassword("uk");
    const client = new TestClient(target.url, from());
    const unknown = await client.post("/forgot-password", { email: "nobody-here@example.nl" });
    const known = await client.post("/forgot-password", { email: person.email.toUpperCase() });
    expect([unknown.status, known.status]).toEqual([302, 302]);
    expect(unknown.headers.get("location")).toBe(known.headers.get("location"));
    expect(await mailsTo("nobody-here@example.nl")).toEqual([]);

    const [mail] = await mailsTo(person.email);
    expect(mail).toMatchObject({ kind: "password-reset", locale: "uk", userId: person.id });
    expect(mail.subject).toMatch(/[\u0400-\u04FF]/);
    expect(mail.html).toContain('lang="uk"');
    const token = linkIn(mail.text)![1];
    expect(mail.html).toContain(token);
    // Only a hash of the token is kept.
    const resets = await db().passwordReset.findMany({ where: { userId: person.id } });
    expect(resets).toHaveLength(1);
    expect(JSON.stringify(resets)).not.toContain(token);

    const page = await new TestClient(target.url).get(`/reset-password?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("private, no-store");
    expect(page.headers.get("referrer-policy")).toBe("same-origin");
    expect(visible(await page.text())).toContain('name="newPassword"');
  });

  it("sets the new password once, signs the person in and everyone else out", async () => {
    const person = await personWithPassword("nl");
    const elsewhere = await clientFor(target.url, person.id);
    await requestPasswordReset({ email: person.email }, { clientAddress: "198.51.100.1", origin: target.url });
    const token = linkIn((await mailsTo(person.email))[0].text)![1];

    const browser = new TestClient(target.url, from());
    const answer = await browser.post(`/reset-password?token=${token}`, { token, newPassword: NEW, confirmPassword: NEW });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe("/");
    expect(browser.cookies.has("meedoen_session")).toBe(true);
    expect((await browser.get("/account")).status).toBe(200);
    expect((await elsewhere.get("/account")).status).toBe(302); // the other session ended
    expect(await signInAnswer(person.email, OLD)).toBe(401);
    expect(await signInAnswer(person.email, NEW)).toBe(302);

    const again = await new TestClient(target.url, from()).post(`/reset-password?token=${token}`, {
      token,
      newPassword: "yet another password",
      confirmPassword: "yet another password",
    });
    expect(again.status).toBe(409);
    expect(visible(await again.text())).toContain("no longer works");
    expect(await signInAnswer(person.email, NEW)).toBe(302); // unchanged by the second try
    const page = await new TestClient(target.url).get(`/reset-password?token=${token}`);
    expect(visible(await page.text())).not.toContain('name="newPassword"');
  });

  it("refuses a link older than an hour, an unknown one and a malformed one, and changes nothing", async () => {
    const person = await personWithPassword("en");
    const past = new Date(Date.now() - RESET_VALID_MS - 60_000);
    await requestPasswordReset({ email: person.email }, { clientAddress: "198.51.100.2", origin: target.url, now: past });
    const expired = linkIn((await mailsTo(person.email))[0].text)![1];
    for (const token of [expired, "A".repeat(43), "../../etc/passwd", "x".repeat(5000)]) {
      await expect(resetPassword({ token, newPassword: NEW, confirmPassword: NEW })).rejects.toMatchObject({
        messageKey: token.length > 100 ? "errors.validation" : "auth.reset.invalid",
      });
      const page = await new TestClient(target.url).get(`/reset-password?token=${encodeURIComponent(token)}`);
      expect(page.status).toBe(200);
      expect(visible(await page.text())).toContain("no longer works");
    }
    expect(await signInAnswer(person.email, OLD)).toBe(302);
  });

  it("keeps the link when the two passwords differ, and says so next to the field", async () => {
    const person = await personWithPassword("en");
    await requestPasswordReset({ email: person.email }, { clientAddress: "198.51.100.3", origin: target.url });
    const token = linkIn((await mailsTo(person.email))[0].text)![1];
    const answer = await new TestClient(target.url, from()).post(`/reset-password?token=${token}`, {
      token,
      newPassword: NEW,
      confirmPassword: "something else entirely",
    });
    expect(answer.status).toBe(400);
    expect(visible(await answer.text())).toContain("field-confirmPassword-error");
    const later = await new TestClient(target.url, from()).post(`/reset-password?token=${token}`, { token, newPassword: NEW, confirmPassword: NEW });
    expect(later.status).toBe(302);
  });

  it("mails one account at most three times an hour, without saying so, and slows one address after ten requests", async () => {
    const person = await personWithPassword("ar");
    const client = new TestClient(target.url, from());
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await client.post("/forgot-password", { email: person.email })).status);
    expect(statuses).toEqual(Array(10).fill(302));
    expect(await mailsTo(person.email)).toHaveLength(3);
    const refused = await client.post("/forgot-password", { email: "someone-else@example.nl" });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  it("answers malformed input with a message next to the field and sends nothing", async () => {
    const client = new TestClient(target.url, from());
    for (const email of ["not an address", "x".repeat(300) + "@example.nl", ""]) {
      const answer = await client.post("/forgot-password", { email });
      expect(answer.status, email.slice(0, 20)).toBe(400);
      expect(visible(await answer.text())).toContain("field-email-error");
    }
    expect(await db().outboxMail.count({ where: { toAddress: { contains: "x".repeat(50) } } })).toBe(0);
  });
});
