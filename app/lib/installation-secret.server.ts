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
    secret = readOrCreate(name);
    known.set(name, secret);
    secret.catch(() => known.delete(name));
  }
  return secret;
}

async function readOrCreate(key: string): Promise<Buffer> {
  const fresh = randomBytes(32).toString("base64url");
  // Two instances starting together both upsert; `update: {}` keeps whichever came first.
  await db().setting.upsert({ where: { key }, create: { key, value: fresh }, update: {} });
  const stored = await db().setting.findUniqueOrThrow({ where: { key } });
  return Buffer.from(stored.value, "base64url");
}
