/**
 * Issue 12: a new account gets a mail that confirms its address, written with the account; the
 * link works once for a week; unknown, used-up and expired links change nothing.
 */
import { describe, expect, it } from "vitest";
import { register } from "~/domain/auth/accounts.server";
import { resendVerification, verifyEmail, VERIFY_VALID_MS } from "~/domain/auth/email-verification.server";
import { db } from "~/lib/db.server";
import { refusal } from "../support/refusal";
import { useServer } from "../support/server";
import { clientFor, TestClient } from "../support/http-client";

const PASSWORD = "a long enough password";
let counter = 0;
async function newAccount(locale = "uk") {
  const email = `verify-${Date.now()}-${counter++}@example.org`;
  const { userId } = await register({ email, password: PASSWORD, displayName: "Оксана", locale }, `198.51.100.${counter}`, "https://meedoen.example");
  const mail = await db().outboxMail.findFirstOrThrow({ where: { userId, kind: "verify-address" } });
  const token = new URL(/https:\/\/meedoen\.example\/verify-email\?token=[\w-]+/.exec(mail.text)![0]).searchParams.get("token")!;
  return { userId, email, mail, token };
}
const verifiedAt = async (userId: string) => (await db().user.findUniqueOrThrow({ where: { id: userId } })).emailVerifiedAt;

describe("address verification", () => {
  it("mails a link in the person's language at registration, which confirms the address once", async () => {
    const { userId, mail, token } = await newAccount("uk");
    expect(mail.locale).toBe("uk");
    expect(mail.subject).toBe("Підтвердьте свою адресу електронної пошти в Meedoen");
    expect(await db().emailVerification.count({ where: { userId } })).toBe(1);
    expect((await db().emailVerification.findFirstOrThrow({ where: { userId } })).tokenHash).not.toContain(token);
    expect(await verifiedAt(userId)).toBeNull();
    expect(await verifyEmail(token)).toBe("confirmed");
    expect(await verifiedAt(userId)).not.toBeNull();
    expect(await verifyEmail(token)).toBe("already");
  });

  it("refuses unknown, malformed, oversized and expired links, and confirms nothing", async () => {
    const { userId, token } = await newAccount("nl");
    for (const bad of ["", "x", token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"), "A".repeat(43), token + "x".repeat(5000), "' OR 1=1 --"]) {
      expect(await verifyEmail(bad)).toBe("invalid");
    }
    expect(await verifyEmail(token, new Date(Date.now() + VERIFY_VALID_MS + 1000))).toBe("invalid");
    expect(await verifiedAt(userId)).toBeNull();
  });

  it("sends a new link on request, three an hour, and none once the address is confirmed", async () => {
    const { userId, token } = await newAccount("ar");
    for (let i = 0; i < 3; i++) expect(await resendVerification(userId, "https://meedoen.example")).toBe("sent");
    expect((await refusal(resendVerification(userId, "https://meedoen.example"))).code).toBe("rate_limited");
    expect(await db().outboxMail.count({ where: { userId, kind: "verify-address" } })).toBe(4);
    // Any of the links confirms, and then all are used up.
    expect(await verifyEmail(token)).toBe("confirmed");
    expect(await db().emailVerification.count({ where: { userId, usedAt: null } })).toBe(0);
    expect(await resendVerification(userId, "https://meedoen.example")).toBe("already");
  });

  it("registration writes no account when the mail cannot be written, and no mail without the account", async () => {
    const email = `taken-${Date.now()}@example.org`;
    await register({ email, password: PASSWORD, displayName: "Een", locale: "nl" }, "198.51.100.200");
    await refusal(register({ email, password: PASSWORD, displayName: "Twee", locale: "nl" }, "198.51.100.201"));
    expect(await db().outboxMail.count({ where: { toAddress: email, kind: "verify-address" } })).toBe(1);
  });
});

describe("the confirmation page", () => {
  const server = useServer();

  it("confirms from the link without signing in, says so in the reader's language, and keeps the page out of caches", async () => {
    const { userId, token } = await newAccount("en");
    const response = await fetch(`${server.url}/verify-email?token=${token}`, { headers: { "Accept-Language": "nl" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
    expect(await response.text()).toContain("Dank je: je e-mailadres is bevestigd.");
    expect(await verifiedAt(userId)).not.toBeNull();
  });

  it("shows a forged link as not working, and lets a signed-in person ask for a new one from the account page", async () => {
    const { userId } = await newAccount("en");
    const forged = await fetch(`${server.url}/verify-email?token=${"B".repeat(43)}`);
    expect(await forged.text()).toContain("This link no longer works");
    const client = await clientFor(server.url, userId, { "accept-language": "en" });
    const account = await client.get("/account");
    expect(await account.text()).toContain("not confirmed yet");
    const resend = await client.post("/verify-email", {});
    expect(resend.status).toBe(302);
    expect(resend.headers.get("location")).toBe("/account");
    expect(await db().outboxMail.count({ where: { userId, kind: "verify-address" } })).toBe(2);
  });

  it("refuses a new link to someone signed out", async () => {
    const response = await new TestClient(server.url).post("/verify-email", {});
    expect([302, 303]).toContain(response.status);
    expect(response.headers.get("location")).toMatch(/^\/login/);
  });
});
