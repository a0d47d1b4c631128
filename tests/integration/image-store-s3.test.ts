/**
 * The S3-compatible image store (decision 047) against a real S3 server (s3rver, tests/support/s3-server.ts):
 * pictures stored through the same pipeline and read back from their public address, removal,
 * wrong credentials and an unreachable store, refusals that store nothing, and the server with
 * S3_URL set (pages link the bucket, the CSP allows it, /images/ is not served from disk).
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { register } from "~/domain/auth/accounts.server";
import { forgetConfig } from "~/lib/config.server";
import { db } from "~/lib/db.server";
import { removePicture, storePicture } from "~/lib/images/cover.server";
import { parseS3Config, type S3Config } from "~/lib/images/s3-config";
import { forgetImageStore, IMMUTABLE, imagesDir, imageStore, ImageStoreError, s3Store } from "~/lib/images/storage.server";
import { makePerson, publishedActivity } from "../support/factories";
import { pngOf, SVG_FILE } from "../support/images";
import { startS3, S3RVER_KEY, S3RVER_SECRET } from "../support/s3-server";
import { useServer } from "../support/server";
import { uniqueEmail } from "../support/http-client";
import { clientFor } from "../support/signed-in";

const BUCKET = "covers";
const PREFIX = "meedoen/test/";
let s3: Awaited<ReturnType<typeof startS3>>;
let settings: S3Config;

/** Points the app's configuration (and so imageStore()) at `url`, or back at the local folder. */
function useS3Url(url: string | undefined) {
  if (url === undefined) delete process.env.S3_URL;
  else process.env.S3_URL = url;
  forgetConfig();
  forgetImageStore();
}

// Registered before useServer, so the server starts with S3_URL set.
beforeAll(async () => {
  s3 = await startS3(BUCKET);
  const url = `${s3.endpoint.replace("//", `//${S3RVER_KEY}:${S3RVER_SECRET}@`)}/${BUCKET}/${PREFIX}`;
  useS3Url(url);
  settings = parseS3Config({ S3_URL: url })!;
});
afterAll(async () => {
  useS3Url(undefined);
  await s3?.close();
});
const target = useServer();

describe("the S3 store", () => {
  it("is the store when S3_URL is set, and serves every variant from its public address with its type, immutable caching and the same bytes", async () => {
    expect(settings.publicUrl).toBe(`${s3.endpoint}/${BUCKET}/${PREFIX}`);
    expect(imageStore().url("0123456789abcdef01234567-400.webp")).toBe(`${settings.publicUrl}0123456789abcdef01234567-400.webp`);
    const picture = await storePicture(await pngOf(1000, 562));
    expect(picture.variants).toHaveLength(6);
    expect(await s3.keys(PREFIX)).toEqual(picture.variants.map((variant) => `${PREFIX}${variant.name}`).sort());
    for (const variant of picture.variants) {
      // Anonymous, as a browser reads it.
      const answer = await fetch(imageStore().url(variant.name));
      expect(answer.status, variant.name).toBe(200);
      expect(answer.headers.get("content-type")).toBe(`image/${variant.format}`);
      expect(answer.headers.get("cache-control")).toBe(IMMUTABLE);
      expect(Buffer.from(await answer.arrayBuffer()).equals(variant.bytes), variant.name).toBe(true);
    }

    await removePicture(picture.key, picture.width);
    for (const variant of picture.variants) expect((await fetch(imageStore().url(variant.name))).status).toBe(404);
    expect(await s3.keys(PREFIX)).toEqual([]);
    // Removing what is already gone is not an error (S3 answers 204 or 404).
    await removePicture(picture.key, picture.width);
  });

  it("keeps the name check: nothing outside the content-hashed names reaches the bucket", async () => {
    const store = s3Store(settings);
    for (const name of ["../escape-400.webp", "0123456789abcdef01234567-400.svg", "index.html"]) {
      await expect(store.put(name, Buffer.from("x"), "image/webp"), name).rejects.toThrow(/not a variant name/);
      await expect(store.remove([name]), name).rejects.toThrow(/not a variant name/);
    }
    expect(await s3.keys()).toEqual([]);
  });

  it("refuses an SVG before the bucket: nothing is stored", async () => {
    await expect(storePicture(SVG_FILE)).rejects.toMatchObject({ messageKey: "pictures.errors.svg" });
    expect(await s3.keys()).toEqual([]);
  });

  it("fails clearly with wrong credentials, without the secret in the message, and serves nothing", async () => {
    const secret = "not-the-secret/+=";
    useS3Url(`${s3.endpoint.replace("//", `//NOBODY:${encodeURIComponent(secret)}@`)}/${BUCKET}/${PREFIX}`);
    try {
      const bytes = await pngOf(500, 300);
      const failure = await storePicture(bytes).catch((error: Error) => error);
      expect(failure).toBeInstanceOf(ImageStoreError);
      expect((failure as Error).message).toMatch(/^S3 upload of [0-9a-f]{24}-400\.avif failed: 403 InvalidAccessKeyId$/);
      expect((failure as Error).message).not.toContain(secret);
      expect((failure as Error).message).not.toContain(encodeURIComponent(secret));
      expect(await s3.keys()).toEqual([]);
    } finally {
      useS3Url(`${s3.endpoint.replace("//", `//${S3RVER_KEY}:${S3RVER_SECRET}@`)}/${BUCKET}/${PREFIX}`);
    }
  });

  it("fails clearly when the store does not answer", async () => {
    const closed = await startS3("gone");
    const endpoint = closed.endpoint;
    await closed.close();
    const store = s3Store({ ...settings, endpoint });
    await expect(store.put("0123456789abcdef01234567-400.webp", Buffer.from("x"), "image/webp")).rejects.toThrow(
      new ImageStoreError(`S3 upload of 0123456789abcdef01234567-400.webp failed: ${new URL(endpoint).host} did not answer (ECONNREFUSED)`),
    );
  });

  it("names S3's error code for a bucket that does not exist", async () => {
    const store = s3Store({ ...settings, bucket: "no-such-bucket" });
    await expect(store.put("0123456789abcdef01234567-400.webp", Buffer.from("x"), "image/webp")).rejects.toThrow(/failed: 404 NoSuchBucket$/);
  });
});

describe("the server with S3_URL set", () => {
  it("links the pictures at the bucket, allows its origin in the CSP's img-src and does not serve /images/ from disk", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const id = await publishedActivity(organiser);
    const client = await clientFor(target.url, organiser);
    const form = new FormData();
    form.append("image", new Blob([new Uint8Array(await pngOf(900, 506))], { type: "image/png" }), "cover.png");
    form.append("alt_nl", "Een groene heuvel met zon");
    const saved = await client.request(`/organise/activities/${id}/cover`, { method: "POST", body: form, headers: { origin: target.url } });
    expect(saved.status).toBe(302);
    const keys = await s3.keys(PREFIX);
    expect(keys).toHaveLength(6);
    const key = keys[0]!.slice(PREFIX.length, PREFIX.length + 24);

    const page = await client.get(`/activities/${id}`);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain(`img-src 'self' data: ${s3.endpoint};`);
    const html = await page.text();
    expect(html).toContain(
      `srcSet="${settings.publicUrl}${key}-400.avif 400w, ${settings.publicUrl}${key}-800.avif 800w, ${settings.publicUrl}${key}-900.avif 900w"`,
    );
    const src = /<img[^>]+src="([^"]+)"/.exec(html.slice(html.indexOf(key) - 2000))?.[1];
    expect(src).toBe(`${settings.publicUrl}${key}-800.webp`);
    expect((await fetch(src!)).headers.get("content-type")).toBe("image/webp");

    // A file left in the local folder from before the switch is not served.
    const name = "0123456789abcdef01234567-400.webp";
    writeFileSync(join(imagesDir(), name), "old");
    expect((await client.get(`/images/${name}`)).status).toBe(404);
  });
});

describe("deleting an account while the store is down", () => {
  it("still deletes it and says goodbye, not 500 (the sessions go, the activity goes); the files stay for lack of a store", async () => {
    const password = "lang-genoeg-wachtwoord-9";
    const { userId } = await register({ email: uniqueEmail("s3-down"), password, displayName: "Oksana", locale: "uk", isNewcomer: "on" }, "10.47.0.1");
    await db().user.update({ where: { id: userId }, data: { isOrganiser: true } });
    const id = await publishedActivity(userId);
    const client = await clientFor(target.url, userId);
    const form = new FormData();
    form.append("image", new Blob([new Uint8Array(await pngOf(900, 500))], { type: "image/png" }), "cover.png");
    form.append("alt_nl", "Een tafel met koffie");
    expect((await client.request(`/organise/activities/${id}/cover`, { method: "POST", body: form, headers: { origin: target.url } })).status).toBe(302);
    const { coverKey } = await db().activity.findUniqueOrThrow({ where: { id }, select: { coverKey: true } });
    const stored = async () => (await s3.keys(PREFIX)).filter((key) => key.includes(coverKey!)).length;
    expect(await stored()).toBe(6);

    // The same bucket behind a port nobody listens on: every removal fails.
    const working = process.env.S3_URL!;
    useS3Url(working.replace(/:\d+\//, ":1/"));
    try {
      const deleted = await client.post("/account/delete", { password, confirm: "on" });
      expect(deleted.status).toBe(302);
      expect(await db().user.findUnique({ where: { id: userId } })).toBeNull();
      expect(await db().activity.findUnique({ where: { id } })).toBeNull();
      expect(await db().session.count({ where: { userId } })).toBe(0);
    } finally {
      useS3Url(working);
    }
    expect(await stored()).toBe(6);
  });
});

describe("a malformed S3_URL", () => {
  it("stops `server/index.ts` before it listens, with a readable message that does not print the secret", async () => {
    const secret = "very-secret-Value";
    const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
      env: { ...process.env, S3_URL: `https://KEY:${secret}@s3.example.com`, PORT: "0", HOST: "127.0.0.1", NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(output.trim()).toBe(
      "Invalid configuration in environment variables:\n  S3_URL: names no bucket (expected https://ACCESS_KEY:SECRET@host/bucket[/prefix], key and secret URL-encoded)",
    );
    expect(output).not.toContain(secret);
  }, 60_000);
});
