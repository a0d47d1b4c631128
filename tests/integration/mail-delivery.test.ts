/**
 * The outbox against a real SMTP server (`smtp-server`, from the nodemailer project) on a free
 * port: what arrives is parsed with `mailparser`. A server that goes away in the middle of a
 * batch must still get every mail exactly once when it is back; two workers at once send each once.
 */
import net from "node:net";
import type { ParsedMail } from "mailparser";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { enqueueMail } from "~/lib/mail/outbox.server";
import { renderMail } from "~/lib/mail/render.server";
import { smtpTransport } from "~/lib/mail/transport.server";
import { deliverDueMails, MAX_ATTEMPTS, retryMail, type MailTransport } from "~/lib/mail/worker.server";
import type { Locale } from "~/lib/locales";
import { startSmtp } from "../support/smtp";

const WORDS: Record<Locale, string> = { en: "Hello", nl: "Hoi", uk: "Вітаємо", ar: "مرحبًا" };

async function mails(count: number, locales: Locale[] = ["en", "nl", "uk", "ar"]) {
  for (let i = 0; i < count; i++) {
    const locale = locales[i % locales.length];
    const content = renderMail(locale, { subject: `${WORDS[locale]} #${i}`, greeting: WORDS[locale], paragraphs: ["…"], reason: "test" });
    await db().$transaction((tx) =>
      enqueueMail(tx, { kind: "password-reset", userId: null, to: `person${i}@example.nl`, locale, ...content, headers: { "X-Meedoen-Test": String(i) } }),
    );
  }
}

const subjects = (received: ParsedMail[]) => received.map((mail) => mail.subject).sort();
const later = (ms: number) => new Date(Date.now() + ms);

beforeEach(async () => {
  await db().outboxMail.deleteMany();
});

describe("mail delivery", () => {
  it("sends every due mail once, in its language and direction, with its headers", async () => {
    const smtp = await startSmtp();
    try {
      await mails(4);
      expect(await deliverDueMails({ transport: smtpTransport(smtp.url) })).toEqual({ sent: 4, failed: 0, kept: 0 });
      expect(await deliverDueMails({ transport: smtpTransport(smtp.url) })).toEqual({ sent: 0, failed: 0, kept: 0 });
      expect(subjects(smtp.received)).toEqual(["Hello #0", "Hoi #1", "Вітаємо #2", "مرحبًا #3"].sort());
      const arabic = smtp.received.find((mail) => mail.subject === "مرحبًا #3")!;
      expect(arabic.to && "text" in arabic.to ? arabic.to.text : "").toBe("person3@example.nl");
      expect(arabic.html).toContain('dir="rtl"');
      expect(arabic.text).toContain("مرحبًا");
      expect(arabic.headers.get("x-meedoen-test")).toBe("3");
      expect(await db().outboxMail.count({ where: { status: "sent" } })).toBe(4);
    } finally {
      await smtp.stop();
    }
  });

  it("delivers every mail exactly once after the server went away in the middle of a batch", async () => {
    const first = await startSmtp({ closeAfter: 4 });
    const port = Number(new URL(first.url).port);
    await mails(10);
    const firstPass = await deliverDueMails({ transport: smtpTransport(first.url) });
    expect(firstPass.sent).toBe(4);
    expect(firstPass.failed).toBe(6);
    const waiting = await db().outboxMail.findMany({ where: { status: "pending" } });
    expect(waiting).toHaveLength(6);
    expect(waiting.every((mail) => mail.attempts === 1 && mail.lastError && mail.nextAttemptAt > new Date())).toBe(true);
    // Not due yet: nothing is tried before the wait is over.
    expect((await deliverDueMails({ transport: smtpTransport(first.url) })).sent).toBe(0);

    const second = await startSmtp({ port });
    try {
      expect(await deliverDueMails({ transport: smtpTransport(second.url), now: later(60 * 60_000) })).toEqual({ sent: 6, failed: 0, kept: 0 });
      const all = [...first.received, ...second.received];
      expect(all).toHaveLength(10);
      expect(new Set(subjects(all)).size).toBe(10);
    } finally {
      await second.stop();
    }
  });

  it("sends each mail once when two workers look at the same moment", async () => {
    const smtp = await startSmtp();
    try {
      await mails(30);
      const passes = await Promise.all([deliverDueMails({ transport: smtpTransport(smtp.url) }), deliverDueMails({ transport: smtpTransport(smtp.url) })]);
      const rest = await deliverDueMails({ transport: smtpTransport(smtp.url) });
      expect(passes[0].sent + passes[1].sent + rest.sent).toBe(30);
      expect(smtp.received).toHaveLength(30);
      expect(new Set(subjects(smtp.received)).size).toBe(30);
    } finally {
      await smtp.stop();
    }
  });

  it("carries an attachment (a sign-up's calendar file) as its own part", async () => {
    const smtp = await startSmtp();
    try {
      const ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";
      const content = renderMail("nl", { subject: "Je bent erbij", greeting: "Hoi", paragraphs: ["…"], reason: "test" });
      await db().$transaction((tx) =>
        enqueueMail(tx, {
          kind: "signup-going",
          userId: null,
          to: "a@example.nl",
          locale: "nl",
          ...content,
          attachments: [{ filename: "meedoen.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH", content: ics }],
        }),
      );
      expect((await deliverDueMails({ transport: smtpTransport(smtp.url) })).sent).toBe(1);
      const [attachment] = smtp.received[0].attachments;
      expect(attachment).toMatchObject({ filename: "meedoen.ics", contentType: "text/calendar" });
      expect(attachment.content.toString("utf8")).toBe(ics);
    } finally {
      await smtp.stop();
    }
  });

  it("keeps mails for /admin/outbox when there is no mail server", async () => {
    await mails(2);
    expect(await deliverDueMails({ transport: null })).toEqual({ sent: 0, failed: 0, kept: 2 });
    expect(await db().outboxMail.count({ where: { status: "kept" } })).toBe(2);
  });

  it("records a server that never answers as a timeout, keeps the mail and sends it once the server works", async () => {
    // A server that takes the connection and then says nothing, as a hung mail relay does.
    const connections: net.Socket[] = [];
    const silent = net.createServer((socket) => connections.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as net.AddressInfo).port;
    try {
      await mails(1);
      const result = await deliverDueMails({ transport: smtpTransport(`smtp://127.0.0.1:${port}`, { greetingTimeout: 300, connectionTimeout: 300 }) });
      expect(result).toEqual({ sent: 0, failed: 1, kept: 0 });
      const [waiting] = await db().outboxMail.findMany();
      expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
      expect(waiting.lastError).toMatch(/greeting|timeout/i);
    } finally {
      for (const socket of connections) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
    const smtp = await startSmtp();
    try {
      expect((await deliverDueMails({ transport: smtpTransport(smtp.url), now: later(60_000) })).sent).toBe(1);
      expect(smtp.received).toHaveLength(1);
    } finally {
      await smtp.stop();
    }
  });

  it("records a refusing server's answer, gives up after the last attempt, and sends once an admin retries", async () => {
    const refusing = await startSmtp({ refuse: true });
    await mails(1);
    let now = new Date();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect((await deliverDueMails({ transport: smtpTransport(refusing.url), now })).failed).toBe(1);
      now = new Date(now.getTime() + 7 * 3600_000);
    }
    await refusing.stop();
    const [failed] = await db().outboxMail.findMany();
    expect(failed).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(failed.lastError).toMatch(/550|Mailbox unavailable/);
    expect((await deliverDueMails({ transport: smtpTransport(refusing.url), now })).failed).toBe(0); // given up: not tried again

    expect(await retryMail(failed.id)).toBe(true);
    expect(await retryMail("no-such-mail")).toBe(false);
    const smtp = await startSmtp();
    try {
      expect((await deliverDueMails({ transport: smtpTransport(smtp.url) })).sent).toBe(1);
      expect(smtp.received).toHaveLength(1);
    } finally {
      await smtp.stop();
    }
  });

  it("does not stop the batch on a transport that throws for one mail", async () => {
    const sent: string[] = [];
    const flaky: MailTransport = {
      async sendMail(mail) {
        if (mail.to === "person1@example.nl") throw new Error("connection reset");
        sent.push(mail.to);
      },
    };
    await mails(3);
    expect(await deliverDueMails({ transport: flaky })).toEqual({ sent: 2, failed: 1, kept: 0 });
    expect(sent.sort()).toEqual(["person0@example.nl", "person2@example.nl"]);
  });
});
