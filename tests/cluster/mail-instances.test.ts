/**
 * Issue 12: "Two instances on PostgreSQL: each mail sent once." Three real server processes on
 * one PostgreSQL database, each with its own mail worker polling the outbox, send to one real
 * SMTP server: every mail arrives exactly once, whichever instance claimed it.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { enqueueMail } from "~/lib/mail/outbox.server";
import { renderMail } from "~/lib/mail/render.server";
import { startServerProcess, type StartedServer } from "../load/support";
import { startSmtp, type Smtp } from "../support/smtp";

const MAILS = 120;
let smtp: Smtp;
let servers: StartedServer[] = [];

beforeAll(async () => {
  smtp = await startSmtp();
  const env = { DATABASE_URL: process.env.DATABASE_URL!, SMTP_URL: smtp.url, LOG_LEVEL: "error", REDIS_PREFIX: `mail-${randomBytes(4).toString("hex")}:` };
  servers = await Promise.all([0, 1, 2].map(() => startServerProcess(env)));
});
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await smtp?.stop();
});

describe("mail workers of several instances on PostgreSQL", () => {
  it("send each mail exactly once between them", async () => {
    // Written in small transactions while the workers already poll, as requests would.
    for (let i = 0; i < MAILS; i++) {
      const content = renderMail("nl", { subject: `Bevestiging #${i}`, greeting: "Hoi", paragraphs: ["…"], reason: "test" });
      await db().$transaction((tx) => enqueueMail(tx, { kind: "password-reset", userId: null, to: `persoon${i}@example.nl`, locale: "nl", ...content }));
    }
    await expect.poll(() => smtp.received.length, { timeout: 60_000, interval: 250 }).toBeGreaterThanOrEqual(MAILS);
    await new Promise((resolve) => setTimeout(resolve, 4_000)); // one more poll of every worker: nothing may follow
    const subjects = smtp.received.map((mail) => mail.subject);
    expect(subjects).toHaveLength(MAILS);
    expect(new Set(subjects).size).toBe(MAILS);
    const rows = await db().outboxMail.findMany({ select: { status: true, attempts: true, claimedBy: true } });
    expect(rows.every((row) => row.status === "sent" && row.attempts === 1)).toBe(true);
    const byInstance = new Map<string, number>();
    for (const row of rows) byInstance.set(row.claimedBy!, (byInstance.get(row.claimedBy!) ?? 0) + 1);
    console.info(`mails per instance: ${[...byInstance.values()].join(", ")}`);
    expect(byInstance.size).toBeGreaterThanOrEqual(2);
  });
});
