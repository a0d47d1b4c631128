import nodemailer from "nodemailer";
import type { MailTransport } from "./worker.server";

/** How long a hanging server may hold the worker: a mail is retried later (worker.server.ts), not waited for. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

/**
 * SMTP_URL as nodemailer's connection options. Not `{ url }`: given a url, createTransport keeps
 * only what the url says and drops every other option, so the timeouts never applied (a silent
 * server held each mail for nodemailer's 30 s greeting default; found by mail-delivery.test.ts).
 */
export function smtpConnection(url: string) {
  const parsed = new URL(url);
  const secure = parsed.protocol === "smtps:";
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
    ...(parsed.username ? { auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } } : {}),
  };
}

/**
 * nodemailer over SMTP_URL: `smtp://` upgrades with STARTTLS when the server offers it, `smtps://`
 * is TLS from the start. Short timeouts: a hanging server must not hold the worker for minutes.
 */
export function smtpTransport(url: string, timeouts: Partial<typeof TIMEOUTS> = {}): MailTransport {
  return nodemailer.createTransport({ ...smtpConnection(url), ...TIMEOUTS, ...timeouts }) as MailTransport;
}
