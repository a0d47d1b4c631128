import { createHmac, timingSafeEqual } from "node:crypto";
import { installationSecret, installationSecretThrough } from "~/lib/installation-secret.server";
import { isMailChoice, type MailChoice } from "./kinds";

/**
 * The token in a mail's unsubscribe link: who and which choice, signed with an installation secret
 * (HMAC-SHA-256), so it needs no row, never expires (an old mail's link still works, as RFC 8058
 * expects), cannot be guessed and cannot be turned into another person's or another choice's.
 * `<payload>.<mac>`, payload = base64url("<userId>:<choice>"). It changes only that one choice.
 */
const SECRET = "mail-unsubscribe-secret";
const DOMAIN = "meedoen-unsubscribe-v1";

type SecretSource = Parameters<typeof installationSecretThrough>[0] | null;

const mac = (secret: Buffer, payload: string) => createHmac("sha256", secret).update(`${DOMAIN}\0${payload}`).digest();

const secretFrom = (source: SecretSource) => (source ? installationSecretThrough(source, SECRET) : installationSecret(SECRET));

/** Signs (userId, choice); `tx` when called inside a transaction. */
export async function unsubscribeToken(userId: string, choice: MailChoice, tx: SecretSource = null): Promise<string> {
  const payload = Buffer.from(`${userId}:${choice}`).toString("base64url");
  return `${payload}.${mac(await secretFrom(tx), payload).toString("base64url")}`;
}

/** Who and which choice a token names, or null for anything forged, altered or malformed. */
export async function readUnsubscribeToken(token: unknown): Promise<{ userId: string; choice: MailChoice } | null> {
  if (typeof token !== "string" || token.length > 300) return null;
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, payload, signature] = match;
  // Compared as written: base64url has spellings that decode alike (the last character's spare bits).
  const given = Buffer.from(signature);
  const expected = Buffer.from(mac(await installationSecret(SECRET), payload).toString("base64url"));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const decoded = Buffer.from(payload, "base64url").toString("utf8");
  const colon = decoded.lastIndexOf(":");
  const userId = decoded.slice(0, colon);
  const choice = decoded.slice(colon + 1);
  if (colon <= 0 || !isMailChoice(choice)) return null;
  return { userId, choice };
}
