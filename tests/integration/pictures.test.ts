/**
 * Cover pictures (decision 043): the pipeline with real files, the local store, and the upload
 * route through the real server (body guard, policy, translated refusals). Nothing is stored on
 * refusal: neither a file in the store nor a column in the database.
 */
import { readdirSync } from "node:fs";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { setGroupCover } from "~/domain/groups/cover.server";
import { createGroup, joinGroup } from "~/domain/groups/groups.server";
import { erasePerson } from "~/domain/people/deletion.server";
import { db } from "~/lib/db.server";
import type { DomainError } from "~/domain/errors";
import { AVATAR, COVER, processImage, MAX_PIXELS } from "~/lib/images/pipeline.server";
import { imagesDir, localStore } from "~/lib/images/storage.server";
import { activityForm, makePerson, publishedActivity } from "../support/factories";
import { bilevelPng, HEIC_HEAD, HTML_FILE, jpegWithLocation, PDF_FILE, pngOf, SVG_FILE, webpOf } from "../support/images";
import { useServer } from "../support/server";
import { clientFor } from "../support/signed-in";

const target = useServer();
const stored = () => readdirSync(imagesDir()).filter((name) => !name.startsWith("."));

async function reason(bytes: Buffer) {
  return processImage(bytes).then(
    () => "accepted",
    (error: { messageKey: string }) => error.messageKey,
  );
}

describe("the picture pipeline", () => {
  it("strips EXIF (GPS location, camera), turns the picture upright and stores AVIF and WebP at 400, 800 and the picture's own width", async () => {
    const photo = await jpegWithLocation(1200, 800, 6);
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const result = await processImage(photo);
    // Orientation 6: the camera held it upright, so the stored picture is 800 wide, 1200 high.
    expect([result.width, result.height]).toEqual([800, 1200]);
    expect(result.variants.map((v) => `${v.format} ${v.width}×${v.height}`)).toEqual(["avif 400×600", "webp 400×600", "avif 800×1200", "webp 800×1200"]);
    for (const variant of result.variants) {
      const meta = await sharp(variant.bytes).metadata();
      expect(meta.format).toBe(variant.format === "avif" ? "heif" : "webp");
      expect([meta.width, meta.height]).toEqual([variant.width, variant.height]);
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(variant.bytes.includes("TestCam")).toBe(false);
    }
  });

  it("never upscales: a 2400 px picture gets 400, 800 and 1600; a 300 px one only itself", async () => {
    expect((await processImage(await webpOf(2400, 1350))).variants.map((v) => v.width)).toEqual([400, 400, 800, 800, 1600, 1600]);
    expect((await processImage(await pngOf(300, 169))).variants.map((v) => v.width)).toEqual([300, 300]);
  });

  it("refuses by the bytes: HTML, PDF and SVG files, a decompression bomb, 100 megapixels, HEIC this libvips cannot decode", async () => {
    expect(await reason(HTML_FILE)).toBe("pictures.errors.notAnImage");
    expect(await reason(PDF_FILE)).toBe("pictures.errors.notAnImage");
    expect(await reason(SVG_FILE)).toBe("pictures.errors.svg");
    // 74 bytes declaring 50,000 × 50,000 pixels (2.5 gigapixels): stopped at the header.
    const bomb = bilevelPng(50_000, 50_000, { truncated: true });
    expect(bomb.length).toBeLessThan(200);
    const started = performance.now();
    expect(await reason(bomb)).toBe("pictures.errors.tooManyPixels");
    expect(performance.now() - started).toBeLessThan(1000);
    // A real, valid 10,000 × 10,000 picture (12 KB as 1-bit PNG): above the 40 megapixel limit.
    const huge = bilevelPng(10_000, 10_000);
    expect((await sharp(huge, { limitInputPixels: false }).metadata()).width).toBe(10_000);
    expect(10_000 * 10_000).toBeGreaterThan(MAX_PIXELS);
    expect(await reason(huge)).toBe("pictures.errors.tooManyPixels");
    expect(await reason(HEIC_HEAD)).toBe("pictures.errors.heic");
    expect(await reason(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe("pictures.errors.notAnImage"); // a JPEG cut off after its marker
  });
});

describe("pictures too small to show", () => {
  it("are refused with their size and the least allowed, for covers (100 px a side) and avatars (64 px), not blown up", async () => {
    const refusal = async (bytes: Buffer, shape = COVER) =>
      processImage(bytes, shape).then(
        () => null,
        (error: DomainError) => error.fieldErrors.image,
      );
    expect(await refusal(await pngOf(10, 10), AVATAR)).toEqual({ key: "pictures.errors.tooSmall", values: { width: 10, height: 10, min: 64 } });
    expect(await refusal(await pngOf(300, 80))).toEqual({ key: "pictures.errors.tooSmall", values: { width: 300, height: 80, min: 100 } });
    expect(await refusal(await pngOf(64, 64), AVATAR)).toBeNull();
    expect(await refusal(await pngOf(160, 100))).toBeNull();
  });
});

describe("the local store", () => {
  it("writes, names safely and removes", async () => {
    const store = localStore(imagesDir());
    const name = "0123456789abcdef01234567-400.webp";
    await store.put(name, Buffer.from("x"), "image/webp");
    expect(stored()).toContain(name);
    expect(store.url(name)).toBe(`/images/${name}`);
    await expect(store.put("../escape-400.webp", Buffer.from("x"), "image/webp")).rejects.toThrow();
    await store.remove([name]);
    expect(stored()).not.toContain(name);
  });
});

describe("the cover upload route", () => {
  const upload = async (
    client: Awaited<ReturnType<typeof clientFor>>,
    id: string,
    file: Buffer | null,
    name: string,
    fields: Record<string, string>,
    headers: Record<string, string> = {},
  ) => {
    const form = new FormData();
    if (file) form.append("image", new Blob([new Uint8Array(file)], { type: "image/jpeg" }), name);
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    return client.request(`/organise/activities/${id}/cover`, { method: "POST", body: form, headers: { origin: target.url, ...headers } });
  };
  const coverOf = (id: string) =>
    db().activity.findUniqueOrThrow({ where: { id }, select: { coverKey: true, coverWidth: true, contents: { select: { coverAlt: true } } } });

  it("stores a real PNG named .jpg, shows it on the card and the page in every size, served immutable as AVIF and WebP", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const id = await publishedActivity(organiser, {
      contentLocales: ["nl", "uk"],
      titles: ["Koffie", "Кава"],
      summaries: ["Samen", "Разом"],
      descriptions: ["", ""],
    });
    const client = await clientFor(target.url, organiser);
    const response = await upload(client, id, await pngOf(1000, 562), "cover.jpg", { alt_nl: "Een groene heuvel met zon", alt_uk: "Зелений пагорб і сонце" });
    expect(response.status).toBe(302);
    const row = await coverOf(id);
    expect(row.coverWidth).toBe(1000);
    expect(row.contents.map((c) => c.coverAlt).sort()).toEqual(["Een groene heuvel met zon", "Зелений пагорб і сонце"].sort());
    expect(
      stored()
        .filter((name) => name.startsWith(row.coverKey!))
        .sort(),
    ).toEqual(["400", "800", "1000"].flatMap((w) => [`${row.coverKey}-${w}.avif`, `${row.coverKey}-${w}.webp`]).sort());
    const list = await (await client.get("/activities?lang=nl")).text();
    const page = await (await client.get(`/activities/${id}`)).text();
    for (const html of [list, page]) {
      expect(html).toContain(`srcSet="/images/${row.coverKey}-400.avif 400w, /images/${row.coverKey}-800.avif 800w, /images/${row.coverKey}-1000.avif 1000w"`);
      expect(html).toMatch(/<img[^>]+alt="(Een groene heuvel met zon|Зелений пагорб і сонце)"[^>]+width="800"[^>]+height="450"/);
    }
    for (const format of ["avif", "webp"]) {
      const image = await client.get(`/images/${row.coverKey}-800.${format}`);
      expect(image.status).toBe(200);
      expect(image.headers.get("content-type")).toBe(`image/${format}`);
      expect(image.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    }
  });

  it("refuses lies, SVG, bombs and huge pictures with the message next to the field, storing nothing", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const id = await publishedActivity(organiser);
    const client = await clientFor(target.url, organiser);
    const before = stored();
    const cases: [Buffer, string, string][] = [
      [HTML_FILE, "photo.jpg", "This file is not a picture we can read"],
      [PDF_FILE, "photo.jpg", "This file is not a picture we can read"],
      [SVG_FILE, "drawing.svg", "SVG drawings cannot be uploaded"],
      [bilevelPng(50_000, 50_000, { truncated: true }), "bomb.png", "too many pixels"],
      [bilevelPng(10_000, 10_000), "big.png", "too many pixels"],
      [HEIC_HEAD, "IMG_0001.HEIC", "We cannot read HEIC photos yet"],
    ];
    for (const [file, name, message] of cases) {
      const response = await upload(client, id, file, name, { alt_nl: "Iets" }, { "accept-language": "en" });
      expect(response.status, name).toBe(400);
      expect(await response.text()).toContain(message);
    }
    // The alternative text is required in each content language, and checked before the picture.
    const missingAlt = await upload(client, id, await pngOf(600, 400), "ok.png", { alt_nl: "  " }, { "accept-language": "en" });
    expect(missingAlt.status).toBe(400);
    expect(await missingAlt.text()).toContain("Describe the picture in this language.");
    expect(stored()).toEqual(before);
    expect((await coverOf(id)).coverKey).toBeNull();
  });

  it("answers more than 10 MB with a translated 413 page as the bytes arrive, and files anywhere else with 400 as before", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const id = await publishedActivity(organiser);
    const client = await clientFor(target.url, organiser);
    const before = stored();
    const large = Buffer.concat([await pngOf(100, 100), Buffer.alloc(10 * 1024 * 1024 + 10)]);
    const response = await upload(client, id, large, "large.png", { alt_nl: "Iets" }, { "accept-language": "ar" });
    expect(response.status).toBe(413);
    const html = await response.text();
    expect(html).toContain('lang="ar" dir="rtl"');
    expect(html).toContain("هذه الصورة كبيرة جدًا");
    expect(stored()).toEqual(before);
    // The exception is narrow: a file on another form is refused, and so is a second file here.
    const form = new FormData();
    form.append("image", new Blob([new Uint8Array(await pngOf(10, 10))]), "a.png");
    expect((await client.request("/profile", { method: "POST", body: form, headers: { origin: target.url } })).status).toBe(400);
    form.append("image", new Blob([new Uint8Array(await pngOf(10, 10))]), "b.png");
    expect((await client.request(`/organise/activities/${id}/cover`, { method: "POST", body: form, headers: { origin: target.url } })).status).toBe(400);
    const other = new FormData();
    other.append("photo", new Blob([new Uint8Array(await pngOf(10, 10))]), "a.png");
    expect((await client.request(`/organise/activities/${id}/cover`, { method: "POST", body: other, headers: { origin: target.url } })).status).toBe(400);
  });

  it("refuses another organiser's activity (403) and removes the cover, and its files, after confirmation", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const stranger = await makePerson({ isOrganiser: true });
    const id = await publishedActivity(organiser);
    const before = stored();
    const refused = await upload(await clientFor(target.url, stranger), id, await pngOf(600, 400), "ok.png", { alt_nl: "Een heuvel" });
    expect(refused.status).toBe(403);
    expect(stored()).toEqual(before);
    const client = await clientFor(target.url, organiser);
    expect((await upload(client, id, await pngOf(600, 400), "ok.png", { alt_nl: "Een heuvel" })).status).toBe(302);
    const { coverKey } = await coverOf(id);
    expect(stored().some((name) => name.startsWith(coverKey!))).toBe(true);
    // Editing the activity keeps the description (the contents are written again on save).
    expect((await client.post(`/organise/activities/${id}`, { ...activityForm({ titles: ["Nieuwe titel"] }), intent: "save", scope: "one" })).status).toBe(302);
    expect((await coverOf(id)).contents.map((c) => c.coverAlt)).toEqual(["Een heuvel"]);
    expect(await (await client.get(`/organise/activities/${id}/cover?confirm=remove`)).text()).toContain('value="remove"');
    expect((await client.post(`/organise/activities/${id}/cover`, { intent: "remove" })).status).toBe(302);
    expect((await coverOf(id)).coverKey).toBeNull();
    expect(stored().some((name) => name.startsWith(coverKey!))).toBe(false);
  });

  it("removes the files of the covers that go with a deleted account, and keeps those of a group that stays", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const member = await makePerson();
    const id = await publishedActivity(organiser);
    const client = await clientFor(target.url, organiser);
    expect((await upload(client, id, await pngOf(640, 360), "a.png", { alt_nl: "Een tafel met koffie" })).status).toBe(302);
    // Different pictures: the store names a picture by its content, so the same bytes would share files.
    const groupCover = async (slug: string, width: number) => setGroupCover(organiser, slug, new Uint8Array(await pngOf(width, 300)), { alt: "Fietsen" });
    const alone = await createGroup(organiser, {
      name: `Alleen ${organiser.slice(0, 6)}`,
      description: "Nog niemand.",
      interest: "cycling",
      municipalityCode: "GM0034",
    });
    const shared = await createGroup(organiser, {
      name: `Samen ${organiser.slice(0, 6)}`,
      description: "Met anderen.",
      interest: "cycling",
      municipalityCode: "GM0034",
    });
    await groupCover(alone.slug, 500);
    await groupCover(shared.slug, 520);
    await joinGroup(member, shared.id);
    const keys = {
      activity: (await coverOf(id)).coverKey!,
      alone: (await db().group.findUniqueOrThrow({ where: { id: alone.id } })).coverKey!,
      shared: (await db().group.findUniqueOrThrow({ where: { id: shared.id } })).coverKey!,
    };
    const filesOf = (key: string) => stored().filter((name) => name.startsWith(key)).length;
    expect([filesOf(keys.activity), filesOf(keys.alone), filesOf(keys.shared)]).toEqual([4, 4, 4]);
    await erasePerson(organiser);
    expect([filesOf(keys.activity), filesOf(keys.alone), filesOf(keys.shared)]).toEqual([0, 0, 4]);
    await expect((await clientFor(target.url, null)).get(`/images/${keys.activity}-400.webp`).then((answer) => answer.status)).resolves.toBe(404);
  });

  it("gives a group a cover with one description, for its organisers only, shown on the group page", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const stranger = await makePerson({ isOrganiser: true });
    const group = await createGroup(organiser, {
      name: `Fietsclub ${organiser.slice(0, 6)}`,
      description: "Samen fietsen.",
      interest: "cycling",
      municipalityCode: "GM0034",
    });
    const send = async (who: string, fields: Record<string, string>) => {
      const form = new FormData();
      form.append("image", new Blob([new Uint8Array(await pngOf(900, 500))]), "group.webp");
      for (const [key, value] of Object.entries(fields)) form.append(key, value);
      return (await clientFor(target.url, who)).request(`/groups/${group.slug}/cover`, {
        method: "POST",
        body: form,
        headers: { origin: target.url, "accept-language": "en" },
      });
    };
    const before = stored();
    expect((await send(stranger, { alt: "Fietsen" })).status).toBe(403);
    const missing = await send(organiser, { alt: "" });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("Describe the picture in this language.");
    expect(stored()).toEqual(before);
    expect((await send(organiser, { alt: "Fietsen langs de dijk" })).status).toBe(302);
    const row = await db().group.findUniqueOrThrow({ where: { id: group.id } });
    expect([row.coverWidth, row.coverAlt]).toEqual([900, "Fietsen langs de dijk"]);
    const page = await (await clientFor(target.url, null)).get(`/groups/${group.slug}`);
    expect(await page.text()).toContain(`/images/${row.coverKey}-400.avif 400w, /images/${row.coverKey}-800.avif 800w, /images/${row.coverKey}-900.avif 900w`);
  });

  it("shows group covers on the groups list, and the group illustration on cards without one", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    await db().group.create({
      data: {
        id: "g-cover",
        slug: "met-foto",
        name: "Aaa met foto",
        description: "",
        coverKey: "a".repeat(24),
        coverWidth: 1000,
        coverHeight: 500,
        coverAlt: "Fietsen",
      },
    });
    await createGroup(organiser, { name: "Zzz zonder foto", description: "Nog geen foto." });
    const html = await (await clientFor(target.url, null)).get("/groups").then((response) => response.text());
    const cards = html.split('<li class="card">').slice(1);
    const withCover = cards.find((card) => card.includes("Aaa met foto"))!;
    expect(withCover).toContain(
      `srcSet="/images/${"a".repeat(24)}-400.avif 400w, /images/${"a".repeat(24)}-800.avif 800w, /images/${"a".repeat(24)}-1000.avif 1000w"`,
    ); // React writes the attribute as srcSet; HTML ignores the case
    expect(withCover).toContain('alt="Fietsen"');
    // The first card is painted at once; the others wait until they are scrolled to.
    expect(withCover).toContain('loading="eager"');
    const without = cards.find((card) => card.includes("Zzz zonder foto"))!;
    expect(without).toContain('src="/illustrations/group-session.svg"');
    expect(without).toContain('loading="lazy"');
  });
});
