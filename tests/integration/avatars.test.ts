/**
 * Avatars (decision 048): the pipeline's square variants with real files, the upload route
 * through the real server (body guard, session, translated refusals), who may change whose, and
 * where the picture is shown. Nothing is stored or changed on refusal.
 */
import { readdirSync } from "node:fs";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { rsvp } from "~/domain/activities/rsvp.server";
import { createGroup, joinGroup } from "~/domain/groups/groups.server";
import { removeAvatar, setAvatar } from "~/domain/people/avatar.server";
import { db } from "~/lib/db.server";
import { AVATAR, processImage } from "~/lib/images/pipeline.server";
import { imagesDir } from "~/lib/images/storage.server";
import { initialOf } from "~/components/avatar";
import { buddyPair } from "../support/buddy-factories";
import { makePerson, publishedActivity } from "../support/factories";
import { bilevelPng, HEIC_HEAD, HTML_FILE, jpegWithLocation, pngOf, SVG_FILE, webpOf } from "../support/images";
import { useServer } from "../support/server";
import { clientFor } from "../support/signed-in";

const target = useServer();
const stored = () => readdirSync(imagesDir()).filter((name) => !name.startsWith("."));
const avatarRow = (id: string) => db().user.findUniqueOrThrow({ where: { id }, select: { avatarKey: true, avatarSize: true } });
const filesOf = (key: string) =>
  stored()
    .filter((name) => name.startsWith(`${key}-`))
    .sort();
const names = (key: string, sides: number[]) => sides.flatMap((side) => [`${key}-${side}.avif`, `${key}-${side}.webp`]).sort();

type Client = Awaited<ReturnType<typeof clientFor>>;

async function upload(
  who: string | null | Client,
  file: Buffer | null,
  name = "me.jpg",
  headers: Record<string, string> = {},
  extra: Record<string, string> = {},
) {
  const form = new FormData();
  if (file) form.append("image", new Blob([new Uint8Array(file)], { type: "image/jpeg" }), name);
  form.append("intent", "save");
  for (const [key, value] of Object.entries(extra)) form.append(key, value);
  const client = typeof who === "object" && who !== null ? who : await clientFor(target.url, who);
  return client.request("/profile/avatar", { method: "POST", body: form, headers: { origin: target.url, "accept-language": "en", ...headers } });
}

describe("the avatar pipeline", () => {
  it("cuts a square from the middle at 64, 128 and 256 px, upright, in AVIF and WebP, without metadata", async () => {
    // 1200 × 800 with orientation 6: upright it is 800 wide and 1200 high; the square is 800 px.
    const photo = await jpegWithLocation(1200, 800, 6);
    const result = await processImage(photo, AVATAR);
    expect([result.width, result.height]).toEqual([800, 800]);
    expect(result.variants.map((v) => `${v.format} ${v.width}×${v.height}`)).toEqual([
      "avif 64×64",
      "webp 64×64",
      "avif 128×128",
      "webp 128×128",
      "avif 256×256",
      "webp 256×256",
    ]);
    for (const variant of result.variants) {
      const meta = await sharp(variant.bytes).metadata();
      expect([meta.width, meta.height]).toEqual([variant.width, variant.width]);
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(variant.bytes.includes("TestCam")).toBe(false);
      expect(variant.name).toMatch(/^[0-9a-f]{24}-\d{1,5}\.(avif|webp)$/); // storage's SAFE_NAME
    }
    // The same bytes as a cover get other names: removing one never removes the other's files.
    expect((await processImage(photo)).key).not.toBe(result.key);
  });

  it("never upscales: a 100 × 300 picture gives 64 and its own 100 px square", async () => {
    expect((await processImage(await pngOf(100, 300), AVATAR)).variants.map((v) => `${v.width}×${v.height}`)).toEqual(["64×64", "64×64", "100×100", "100×100"]);
  });

  it("takes the first letter as a reader sees it, in any script", () => {
    expect(["anna", "  Élodie", "Олена", "محمد", "\u0625\u0650\u0644\u0647\u0627\u0645", "👩🏽‍🦱 Ama", ""].map(initialOf)).toEqual([
      "A",
      "É",
      "О",
      "م",
      "\u0625\u0650",
      "👩🏽‍🦱",
      "?",
    ]);
  });
});

describe("the avatar upload route", () => {
  it("sets the avatar from a real photo, stores square variants without metadata, shows it in the header and on /profile", async () => {
    const me = await makePerson();
    const client = await clientFor(target.url, me);
    const response = await upload(client, await jpegWithLocation(900, 600));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/profile");
    const row = await avatarRow(me);
    expect(row.avatarSize).toBe(256);
    expect(filesOf(row.avatarKey!)).toEqual(names(row.avatarKey!, [64, 128, 256]));
    for (const name of filesOf(row.avatarKey!)) {
      const file = await (await clientFor(target.url, null)).get(`/images/${name}`);
      expect(file.status).toBe(200);
      const meta = await sharp(Buffer.from(await file.arrayBuffer())).metadata();
      expect(meta.width).toBe(meta.height);
      expect(meta.exif).toBeUndefined();
    }
    const page = await client.get("/profile");
    expect(page.headers.get("cache-control")).toBe("private, no-store");
    const html = await page.text();
    expect(html).toContain("Your picture is saved.");
    expect(html).toContain(`/images/${row.avatarKey}-64.avif 64w, /images/${row.avatarKey}-128.avif 128w, /images/${row.avatarKey}-256.avif 256w`);
    // The header's one: 32 px, eager, alt="" (the name is written beside it).
    expect(html).toMatch(new RegExp(`<img src="/images/${row.avatarKey}-64.webp" alt="" width="32" height="32" loading="eager"`));
  });

  it("refuses SVG, fake types, HEIC and pictures over 10 MB with clear errors, storing and changing nothing", async () => {
    const me = await makePerson();
    expect((await upload(me, await pngOf(300, 300))).status).toBe(302);
    const before = await avatarRow(me);
    const files = stored();
    const cases: [Buffer | null, string, string][] = [
      [SVG_FILE, "drawing.svg", "SVG drawings cannot be uploaded"],
      [HTML_FILE, "photo.jpg", "This file is not a picture we can read"],
      [HEIC_HEAD, "IMG_0001.HEIC", "We cannot read HEIC photos yet"],
      [bilevelPng(50_000, 50_000, { truncated: true }), "bomb.png", "too many pixels"],
      [null, "", "Choose a picture to upload."],
    ];
    for (const [file, name, message] of cases) {
      const response = await upload(me, file, name);
      expect(response.status, name).toBe(400);
      const html = await response.text();
      expect(html, name).toContain(message);
      expect(html, name).toContain('id="field-image-error"');
    }
    const large = Buffer.concat([await pngOf(100, 100), Buffer.alloc(10 * 1024 * 1024 + 10)]);
    const tooLarge = await upload(me, large, "large.png", { "accept-language": "uk" });
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.text()).toContain("Фото може мати не більше 10 МБ");
    expect(await avatarRow(me)).toEqual(before);
    expect(stored()).toEqual(files);
  });

  it("refuses a signed-out upload, and changes only the signed-in person's own avatar", async () => {
    const files = stored();
    const signedOut = await upload(null, await pngOf(200, 200));
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("location")).toMatch(/^\/login/);
    expect(stored()).toEqual(files);

    const anna = await makePerson();
    const bert = await makePerson();
    expect((await upload(anna, await webpOf(400, 400))).status).toBe(302);
    const annas = await avatarRow(anna);
    // Naming someone else in the form changes nothing of theirs: the route acts on the session.
    expect((await upload(bert, await pngOf(500, 500), "b.png", {}, { userId: anna })).status).toBe(302);
    expect(await avatarRow(anna)).toEqual(annas);
    expect((await avatarRow(bert)).avatarKey).not.toBe(annas.avatarKey);
    // And the domain refuses it outright (decision 012: the policy decides, not the route).
    await expect(setAvatar(bert, anna, await pngOf(200, 200))).rejects.toMatchObject({ code: "not_allowed" });
    await expect(removeAvatar(bert, anna)).rejects.toMatchObject({ code: "not_allowed" });
    expect(await avatarRow(anna)).toEqual(annas);
    expect(filesOf(annas.avatarKey!)).toHaveLength(6);
  });

  it("replacing deletes the old files; removing asks first, then deletes the files; a shared picture stays for the other", async () => {
    const me = await makePerson();
    expect((await upload(me, await pngOf(600, 400))).status).toBe(302);
    const first = (await avatarRow(me)).avatarKey!;
    expect((await upload(me, await webpOf(700, 700))).status).toBe(302);
    const second = (await avatarRow(me)).avatarKey!;
    expect(second).not.toBe(first);
    expect(filesOf(first)).toEqual([]);
    expect(filesOf(second)).toHaveLength(6);

    const client = await clientFor(target.url, me);
    expect(await (await client.get("/profile?confirm=remove-avatar")).text()).toContain('value="remove"');
    const removed = await client.post("/profile/avatar", { intent: "remove" });
    expect(removed.status).toBe(302);
    expect(await avatarRow(me)).toEqual({ avatarKey: null, avatarSize: null });
    expect(filesOf(second)).toEqual([]);
    expect(await (await client.get("/profile")).text()).toContain("Your picture is removed.");

    // Two people with the same photo share its files; one removing theirs leaves the other's.
    const other = await makePerson();
    const photo = await pngOf(320, 320);
    expect((await upload(me, photo)).status).toBe(302);
    expect((await upload(other, photo)).status).toBe(302);
    const shared = (await avatarRow(me)).avatarKey!;
    expect((await avatarRow(other)).avatarKey).toBe(shared);
    expect((await client.post("/profile/avatar", { intent: "remove" })).status).toBe(302);
    expect(filesOf(shared)).toHaveLength(6);
  });
});

describe("where avatars are shown", () => {
  it("next to members' names on the group page and attendees' names for the organiser; a letter for people without one", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const member = await makePerson();
    await setAvatar(member, member, await pngOf(256, 256));
    const { avatarKey } = await avatarRow(member);
    const group = await createGroup(organiser, {
      name: `Wandelclub ${organiser.slice(0, 6)}`,
      description: "Samen wandelen.",
      interest: "walking",
      municipalityCode: "GM0034",
    });
    await joinGroup(member, group.id);
    const groupPage = await (await (await clientFor(target.url, member)).get(`/groups/${group.slug}`)).text();
    expect(groupPage).toMatch(new RegExp(`<img src="/images/${avatarKey}-64.webp" alt="" width="32" height="32" loading="lazy"`));
    expect(groupPage).toMatch(/<span class="avatar avatar-32 avatar-initial" aria-hidden="true">.<\/span>/);

    const activity = await publishedActivity(organiser);
    await rsvp(member, activity);
    const manage = await (await (await clientFor(target.url, organiser)).get(`/organise/activities/${activity}`)).text();
    expect(manage).toContain(`/images/${avatarKey}-64.webp`);
  });

  it("on the buddy match page and its chat, each side the other's", async () => {
    const { newcomerId, volunteerId, matchId } = await buddyPair({ state: "active", newcomer: { displayName: "Олена" } });
    await setAvatar(volunteerId, volunteerId, await webpOf(300, 300));
    const { avatarKey } = await avatarRow(volunteerId);
    const newcomerSees = await (await (await clientFor(target.url, newcomerId)).get(`/buddies/match/${matchId}`)).text();
    // The 48 px one by the name, and the 32 px one in the chat's heading.
    expect(newcomerSees).toMatch(new RegExp(`<img src="/images/${avatarKey}-64.webp" alt="" width="48" height="48"`));
    expect(newcomerSees).toMatch(new RegExp(`<img src="/images/${avatarKey}-64.webp" alt="" width="32" height="32"`));
    const volunteerSees = await (await (await clientFor(target.url, volunteerId)).get(`/buddies/match/${matchId}`)).text();
    expect(volunteerSees).toContain('<span class="avatar avatar-48 avatar-initial" aria-hidden="true">О</span>');
  });
});
