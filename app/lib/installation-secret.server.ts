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
