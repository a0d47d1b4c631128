import nodemailer from "nodemailer";
import type { MailTransport } from "./worker.server";

/**
 * nodemailer over SMTP_URL: `smtp://` upgrades with STARTTLS when the server offers it, `smtps://`
 * is TLS from the start. Short timeouts: a hanging server must not hold the worker for minutes.
 */
export function smtpTransport(url: string): MailTransport {
  return nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }) as MailTransport;
}
