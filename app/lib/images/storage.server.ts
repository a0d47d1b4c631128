import { createHash } from "node:crypto";
import { mkdir, rm, writeFile, rename } from "node:fs/promises";
import { join, resolve } from "node:path";
import { AwsClient } from "aws4fetch";
import { config } from "../config.server";
import type { S3Config } from "./s3-config";

/**
 * Where picture variants live (decision 043). Names are content hashes (`<key>-<width>.<format>`),
 * so a stored file never changes and may be cached for a year; a new upload gets new names.
 */
export interface ImageStore {
  put(name: string, bytes: Buffer, contentType: string): Promise<void>;
  remove(names: string[]): Promise<void>;
  /** The address a page links the variant with. */
  url(name: string): string;
}

/** Content-hashed names never change: browsers and CDNs may keep them for a year without asking. */
export const IMMUTABLE = "public, max-age=31536000, immutable";

/** Path under which the local store's files are served (server/app.ts). */
export const LOCAL_IMAGES_PATH = "/images";
const SAFE_NAME = /^[0-9a-f]{24}-\d{1,5}\.(avif|webp)$/;

function checkName(name: string) {
  if (!SAFE_NAME.test(name)) throw new Error(`not a variant name: ${name}`);
}

/** A folder on this server's disk, by default `data/images` next to the SQLite database. */
export function localStore(dir: string): ImageStore {
  const root = resolve(dir);
  return {
    async put(name, bytes) {
      checkName(name);
      await mkdir(root, { recursive: true });
      // Written under a temporary name and renamed, so a half-written file is never served.
      const partial = join(root, `.${name}.${process.pid}.part`);
      await writeFile(partial, bytes);
      await rename(partial, join(root, name));
    },
    async remove(names) {
      for (const name of names) {
        checkName(name);
        await rm(join(root, name), { force: true });
      }
    },
    url: (name) => `${LOCAL_IMAGES_PATH}/${name}`,
  };
}

/** A store's refusal or an unreachable store: the status and S3's error code, never a credential. */
export class ImageStoreError extends Error {}

/** How long one request to the bucket may take before the upload fails instead of hanging. */
const S3_TIMEOUT_MS = 30_000;

/**
 * An S3-compatible bucket (decision 047): PUT and DELETE signed with AWS SigV4 (aws4fetch),
 * path-style (`endpoint/bucket/prefix/name`). Browsers read the objects at `publicUrl`, so the
 * bucket (or the CDN in front of it) must allow anonymous GET.
 */
export function s3Store(settings: S3Config): ImageStore {
  const client = new AwsClient({
    accessKeyId: settings.accessKeyId,
    secretAccessKey: settings.secretAccessKey,
    service: "s3",
    region: settings.region,
    // aws4fetch retries 5xx and 429 ten times with growing pauses by default (about a minute):
    // an organiser waiting for an upload is better told it failed.
    retries: 2,
  });
  const objectUrl = (name: string) => `${settings.endpoint}/${settings.bucket}/${settings.prefix}${name}`;
  const send = async (action: "upload" | "removal", name: string, init: RequestInit) => {
    let response: Response;
    try {
      response = await client.fetch(objectUrl(name), { ...init, signal: AbortSignal.timeout(S3_TIMEOUT_MS) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
      throw new ImageStoreError(`S3 ${action} of ${name} failed: ${new URL(settings.endpoint).host} did not answer (${cause})`);
    }
    if (response.ok || (action === "removal" && response.status === 404)) {
      await response.body?.cancel();
      return;
    }
    // S3's error document names a code (AccessDenied, NoSuchBucket, SignatureDoesNotMatch…);
    // the rest of it (the string to sign, request ids) is not for the log.
    const code = /<Code>([A-Za-z0-9.]{1,64})<\/Code>/.exec(await response.text().catch(() => ""))?.[1];
    throw new ImageStoreError(`S3 ${action} of ${name} failed: ${response.status}${code ? ` ${code}` : ""}`);
  };
  return {
    async put(name, bytes, contentType) {
      checkName(name);
      // The payload's hash is signed (aws4fetch would send UNSIGNED-PAYLOAD), so the store
      // refuses a body changed or cut off on the way.
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      await send("upload", name, {
        method: "PUT",
        body: new Uint8Array(bytes),
        headers: { "Content-Type": contentType, "Cache-Control": IMMUTABLE, "X-Amz-Content-Sha256": sha256 },
      });
    },
    async remove(names) {
      for (const name of names) {
        checkName(name);
        await send("removal", name, { method: "DELETE" });
      }
    },
    url: (name) => `${settings.publicUrl}${name}`,
  };
}

export function imagesDir(): string {
  return process.env.IMAGES_DIR ?? "data/images";
}

let store: ImageStore | null = null;
/** The S3 store when S3_URL is set, else the local folder. */
export function imageStore(): ImageStore {
  if (store) return store;
  const s3 = config().s3;
  return (store = s3 ? s3Store(s3) : localStore(imagesDir()));
}

/** For a process whose configuration changed while it runs (tests that switch stores). */
export function forgetImageStore(): void {
  store = null;
}
