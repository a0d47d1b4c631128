import { db } from "~/lib/db.server";

/** The link to `path` in the newest mail to an address: what the person would click in their mail program. */
export async function linkMailedTo(email: string, path: string) {
  const mail = await db().outboxMail.findFirstOrThrow({ where: { toAddress: email, text: { contains: path } }, orderBy: { createdAt: "desc" } });
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`https?://\\S+${escaped}\\?token=[\\w-]{43}`).exec(mail.text)![0];
}
