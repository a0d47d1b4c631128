import { randomBytes } from "node:crypto";
import { db } from "./db.server";

/**
 * A secret made once per installation and kept in the database, so that every instance signs
 * with the same key (QR tickets, notice cookies) and a restart does not invalidate what is out there.
 *
 * Only a secret that was read is remembered: a failed read (a database blip at start-up) is
 * forgotten, so the next request tries again instead of failing until the process restarts.
 */
const known = new Map<string, Promise<Buffer>>();

export function installationSecret(name: string): Promise<Buffer> {
  let secret = known.get(name);
  if (!secret) {
    secret = readOrCreateSecret(name);
    known.set(name, secret);
    secret.catch(() => known.delete(name));
  }
  return secret;
}

/**
 * Reads the secret, making it first if nobody has. Instances starting together race to make it:
 * an insert that skips an existing row lets the first one win and every one read the same value.
 * (Prisma's upsert is a read then an insert here, which fails with P2002 for the loser.)
 */
export async function readOrCreateSecret(key: string): Promise<Buffer> {
  const fresh = randomBytes(32).toString("base64url");
  await db().$executeRaw`INSERT INTO "Setting" ("key", "value") VALUES (${key}, ${fresh}) ON CONFLICT ("key") DO NOTHING`;
  const stored = await db().setting.findUniqueOrThrow({ where: { key } });
  return Buffer.from(stored.value, "base64url");
}

type SettingClient = Pick<ReturnType<typeof db>, "setting" | "$executeRaw">;

/**
 * The same secret, read through `tx`: for code that runs inside a transaction (enqueueMail signs
 * unsubscribe links there), where on SQLite a read through `db()` would wait for that very
 * transaction (decisions/022). A secret this made is not remembered: the transaction may still be
 * rolled back, and the next caller would then make (and keep) another one.
 */
export async function installationSecretThrough(tx: SettingClient, name: string): Promise<Buffer> {
  const remembered = known.get(name);
  if (remembered) return remembered;
  const stored = await tx.setting.findUnique({ where: { key: name } });
  if (stored) {
    const secret = Buffer.from(stored.value, "base64url");
    known.set(name, Promise.resolve(secret));
    return secret;
  }
  const fresh = randomBytes(32).toString("base64url");
  await tx.$executeRaw`INSERT INTO "Setting" ("key", "value") VALUES (${name}, ${fresh}) ON CONFLICT ("key") DO NOTHING`;
  const made = await tx.setting.findUniqueOrThrow({ where: { key: name } });
  return Buffer.from(made.value, "base64url");
}
