import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { config } from "./config.server";
import { installationSecret } from "./installation-secret.server";

/**
 * Secrets that must be read back (a channel's bot token, a webhook's signing secret), kept sealed
 * with AES-256-GCM (decision 037). The key is HKDF-SHA256 of CHANNEL_SECRET_KEY when it is set, or
 * else of an installation secret kept in the database. Each value is bound to the row it belongs
 * to (additional data), so a sealed value copied into another row does not open there.
 *
 * Format: `v1.` + base64url(12-byte IV | 16-byte tag | ciphertext).
 */
const VERSION = "v1";
const derive = (ikm: Buffer) => Buffer.from(hkdfSync("sha256", ikm, Buffer.alloc(0), "meedoen sealed secrets v1", 32));
let fromDatabase: Promise<Buffer> | undefined;

/**
 * The keys to try, the one to seal with first: CHANNEL_SECRET_KEY's when it is set, then the
 * installation secret's, so that values sealed before the key was configured still open.
 */
async function keys(): Promise<Buffer[]> {
  fromDatabase ??= installationSecret("channel-secrets-key").then(derive);
  fromDatabase.catch(() => (fromDatabase = undefined));
  const material = config().CHANNEL_SECRET_KEY;
  return material ? [derive(Buffer.from(material, "utf8")), await fromDatabase] : [await fromDatabase];
}

export async function seal(plain: string, boundTo: string): Promise<string> {
  const iv = randomBytes(12);
  const [key] = await keys();
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(boundTo, "utf8"));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

/** Opens a sealed value; throws if it was altered, sealed for another row or with another key. */
export async function unseal(sealed: string, boundTo: string): Promise<string> {
  const [version, data] = sealed.split(".");
  if (version !== VERSION || !data) throw new Error("unknown sealed format");
  const raw = Buffer.from(data, "base64url");
  let failure: unknown;
  for (const key of await keys()) {
    try {
      const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(boundTo, "utf8"));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    } catch (error) {
      failure = error;
    }
  }
  throw failure;
}
