import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { io as connect, type Socket } from "socket.io-client";
import { db } from "~/lib/db.server";
import { TestClient, uniqueEmail } from "../support/http-client";
import { useServer } from "../support/server";

const target = useServer();
const PASSWORD = "correct horse battery";

async function registeredClient(locale = "uk", headers: Record<string, string> = {}) {
  const client = new TestClient(target.url, headers);
  const email = uniqueEmail();
  const response = await client.post("/register", { email, password: PASSWORD, displayName: "Olena", locale, isNewcomer: "on" });
  expect(response.status).toBe(302);
  expect(response.headers.get("location")).toBe("/profile");
  return { client, email };
}

function socketFor(client: TestClient | null, extraHeaders: Record<string, string> = {}): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(target.url, {
      transports: ["websocket"],
      extraHeaders: { ...(client ? { cookie: client.cookieHeader() } : {}), ...extraHeaders },
      reconnection: false,
    });
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => {
      socket.close();
      reject(error);
    });
  });
}

describe("HTTP", () => {
  it("reports health with the database checked", async () => {
    const response = await fetch(`${target.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("sends security headers with a per-request script nonce", async () => {
    const first = await fetch(target.url);
    const second = await fetch(target.url);
    const csp = first.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toBe(second.headers.get("content-security-policy"));
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("x-powered-by")).toBeNull();
    const html = await first.text();
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(html).toContain(`nonce="${nonce}"`);
  });

  it("writes the stylesheet into the page, allowed by its hash alone, and still serves the file for the error page", async () => {
    const answer = await fetch(`${target.url}/activities`);
    const csp = answer.headers.get("content-security-policy") ?? "";
    const html = await answer.text();
    const inline = /<style id="app-styles">([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
    const sheet = await (await fetch(`${target.url}/styles/app.css`)).text();
    expect(inline).toBe(sheet);
    expect(inline).toContain("--green: #0b5d4b");
    const hash = createHash("sha256").update(inline).digest("base64");
    expect(/style-src ([^;]*)/.exec(csp)?.[1]).toBe(`'self' 'sha256-${hash}'`);
    expect(csp).not.toContain("unsafe-inline");
    expect(html).not.toContain('rel="stylesheet"');
  });

  it("chooses the language from the account, then the cookie, then Accept-Language", async () => {
    const anonymous = new TestClient(target.url, { "accept-language": "uk-UA,uk;q=0.9,en;q=0.5" });
    expect(await (await anonymous.get("/")).text()).toContain('<html lang="uk" dir="ltr"');

    const switched = await anonymous.post("/language", { locale: "ar", returnTo: "/activities" });
    expect(switched.status).toBe(302);
    expect(switched.headers.get("location")).toBe("/activities");
    expect(await (await anonymous.get("/")).text()).toContain('<html lang="ar" dir="rtl"');

    const { client } = await registeredClient("nl", { "accept-language": "uk" });
    client.cookies.set("meedoen_lng", "ar");
    expect(await (await client.get("/")).text()).toContain('<html lang="nl" dir="ltr"');
  });

  it("refuses an open redirect after switching language", async () => {
    const client = new TestClient(target.url);
    const response = await client.post("/language", { locale: "nl", returnTo: "//evil.example/phish" });
    expect(response.headers.get("location")).toBe("/");
  });

  it("registers, shows the profile, saves it and renders markup in names as text", async () => {
    const { client } = await registeredClient();
    const page = await (await client.get("/profile")).text();
    expect(page).toMatch(/page-notice[^>]*>[^<]*Olena/); // the welcome, by name, once
    expect(page).toContain('lang="uk"');
    const saved = await client.post("/profile", {
      displayName: "<script>alert('x')</script>",
      locale: "uk",
      isNewcomer: "on",
      municipalityCode: "GM0268",
      languages: ["uk", ""],
      levels: ["native", ""],
      interests: ["yoga"],
      sectors: [],
      availability: ["3-morning"],
    });
    expect(saved.status).toBe(302);
    const html = await (await client.get("/profile")).text();
    expect(html).not.toContain("<script>alert('x')</script>");
    expect(html).toContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;");
  });

  it("answers an invalid profile with translated errors next to the fields and changes nothing", async () => {
    const { client, email } = await registeredClient("uk");
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    const base = { displayName: "Olena", locale: "uk", municipalityCode: "GM0268", languages: ["uk"], levels: ["native"] };
    // The page also carries every translation for the browser, so look for the message in its field's element.
    const errorOf = (html: string, id: string) => new RegExp(`id="${id}" role="alert">([^<]+)<`).exec(html)?.[1];

    const unknownPlace = await client.post("/profile", { ...base, municipalityCode: "GM9999" });
    expect(unknownPlace.status).toBe(400);
    expect(errorOf(await unknownPlace.text(), "field-municipality-error")).toBe("Такого муніципалітету ми не знаємо. Оберіть муніципалітет зі списку.");
    const unknownLanguage = await client.post("/profile", { ...base, languages: ["xx"], levels: ["A1"] });
    expect(errorOf(await unknownLanguage.text(), "field-languages-error")).toMatch(/[\u0400-\u04FF]/);
    const typedBack = await client.post("/profile", { ...base, displayName: "", interests: ["yoga"] });
    const html = await typedBack.text();
    expect(errorOf(html, "field-displayName-error")).toMatch(/[\u0400-\u04FF]/);
    expect(/<input[^>]*value="yoga"[^>]*>/.exec(html)?.[0]).toContain('checked=""'); // what was ticked stays ticked

    const after = await db().user.findUniqueOrThrow({ where: { id: user.id }, include: { languages: true, interests: true } });
    expect(after.municipalityCode).toBeNull();
    expect(after.displayName).toBe("Olena");
    expect(after.languages).toEqual([]);
    expect(after.interests).toEqual([]);
  });

  it("refuses a mutation from a foreign origin and creates nothing", async () => {
    const client = new TestClient(target.url);
    const email = uniqueEmail();
    const response = await client.post("/register", { email, password: PASSWORD, displayName: "Mallory", locale: "en" }, { origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect(await db().user.count({ where: { email } })).toBe(0);
  });

  it("refuses a 1 MB body with a translated message and creates nothing", async () => {
    const client = new TestClient(target.url, { "accept-language": "nl" });
    const email = uniqueEmail();
    const response = await client.post("/register", { email, password: PASSWORD, displayName: "x".repeat(1_000_000), locale: "en" });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain('lang="nl"');
    expect(await db().user.count({ where: { email } })).toBe(0);
  });

  it("shows one generic message for wrong credentials", async () => {
    const { email } = await registeredClient("en");
    const client = new TestClient(target.url);
    const response = await client.post("/login", { email, password: "wrong password" });
    expect(response.status).toBe(401);
    expect(await response.text()).toContain("That email address and password don&#x27;t match");
  });

  it("rotates the session on sign-in and ends it on sign-out", async () => {
    const { client, email } = await registeredClient("en");
    const registeredSession = client.cookies.get("meedoen_session");
    await client.post("/logout", {});
    expect(client.cookies.get("meedoen_session")).toBeUndefined();
    expect((await client.get("/profile")).headers.get("location")).toBe("/login?redirectTo=%2Fprofile");

    const signedIn = await client.post("/login", { email, password: PASSWORD, redirectTo: "/account" });
    expect(signedIn.headers.get("location")).toBe("/account");
    expect(client.cookies.get("meedoen_session")).not.toBe(registeredSession);
    expect((await client.get("/account")).status).toBe(200);
  });

  it("treats a forged session cookie as signed out and clears it", async () => {
    const client = new TestClient(target.url);
    client.cookies.set("meedoen_session", "forged");
    const response = await client.get("/account");
    expect(response.status).toBe(302);
    expect(response.headers.getSetCookie().join()).toMatch(/meedoen_session=;/);
  });

  it("downloads the export as a JSON attachment", async () => {
    const { client, email } = await registeredClient("en");
    const response = await client.get("/account/export");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="meedoen-my-data-/);
    const body = await response.json();
    expect(body.account.email).toBe(email);
    expect(JSON.stringify(body)).not.toMatch(/passwordHash|argon2/);
  });

  it("lets only admins open the people page", async () => {
    const { client } = await registeredClient("en");
    expect((await client.get("/admin/people")).status).toBe(403);
    const post = await client.post("/admin/people", { userId: "x", organiser: "grant" });
    expect(post.status).toBe(403);
  });

  it("refuses a NUL byte in the address with a translated 400", async () => {
    const response = await new TestClient(target.url, { "accept-language": "nl" }).get("/activities/abc%00def");
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Er klopt iets niet in dat adres");
  });

  it("serves a translated 404 page", async () => {
    const response = await new TestClient(target.url, { "accept-language": "uk" }).get("/no/such/page");
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Сторінку не знайдено");
  });
});

describe("Socket.IO", () => {
  it("refuses a handshake without a session, with a forged cookie or from a foreign origin", async () => {
    await expect(socketFor(null)).rejects.toThrow(/sign in/i);
    const forged = new TestClient(target.url);
    forged.cookies.set("meedoen_session", "forged");
    await expect(socketFor(forged)).rejects.toThrow();
    const { client } = await registeredClient("en");
    await expect(socketFor(client, { origin: "https://evil.example" })).rejects.toThrow();
  });

  it("knows the signed-in person and answers malformed events with a typed, translated error", async () => {
    const { client } = await registeredClient("uk");
    const socket = await socketFor(client);
    try {
      const who = await socket.emitWithAck("session:whoami", {});
      expect(who).toEqual({ ok: true, data: { id: expect.any(String), displayName: "Olena" } });
      const bad = await socket.emitWithAck("session:whoami", { unexpected: "x".repeat(1000) });
      expect(bad.ok).toBe(false);
      expect(bad.error.code).toBe("validation");
      expect(bad.error.message).toMatch(/[\u0400-\u04FF]/); // answered in the person's Ukrainian
    } finally {
      socket.close();
    }
  });

  it("closes a connection that sends an oversized frame", async () => {
    const { client } = await registeredClient("en");
    const socket = await socketFor(client);
    const closed = new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));
    socket.emit("session:whoami", { blob: "x".repeat(100_000) }, () => undefined);
    expect(await closed).toMatch(/transport (close|error)/);
  });
});
