import { requireActor } from "~/domain/policy/guards.server";
import { policy } from "~/domain/policy/rules";
import { NotFound } from "~/domain/errors";
import { db } from "~/lib/db.server";
import { retryMail } from "./worker.server";

const PAGE_SIZE = 50;

/** The outbox for an admin, newest first: what was written to whom, and how sending went. */
export async function listOutbox(actorId: string, page: number) {
  await requireActor(actorId, policy.canReadOutbox);
  const [mails, total] = await Promise.all([
    db().outboxMail.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        kind: true,
        toAddress: true,
        locale: true,
        subject: true,
        status: true,
        attempts: true,
        lastError: true,
        createdAt: true,
        sentAt: true,
      },
    }),
    db().outboxMail.count(),
  ]);
  return {
    mails: mails.map((mail) => ({ ...mail, createdAt: mail.createdAt.toISOString(), sentAt: mail.sentAt?.toISOString() ?? null })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

export async function readOutboxMail(actorId: string, id: string) {
  await requireActor(actorId, policy.canReadOutbox);
  const mail = await db().outboxMail.findUnique({ where: { id } });
  if (!mail) throw NotFound("errors.notFound");
  return {
    ...mail,
    createdAt: mail.createdAt.toISOString(),
    sentAt: mail.sentAt?.toISOString() ?? null,
    headers: JSON.parse(mail.headers) as Record<string, string>,
  };
}

export async function retryOutboxMail(actorId: string, id: string) {
  await requireActor(actorId, policy.canReadOutbox);
  if (!(await retryMail(id))) throw NotFound("errors.notFound");
}
