/**
 * Link previews (issue 12): a link to an activity or a group pasted in WhatsApp or Telegram shows
 * a card. The page carries Open Graph and Twitter card tags with absolute addresses in the
 * activity's language, and its image is a 1200×630 PNG of that activity; drafts have none.
 */
import { describe, expect, it } from "vitest";
import { createActivity } from "~/domain/activities/activities.server";
import { createGroup } from "~/domain/groups/groups.server";
import { activityForm, personIn, publishedActivity } from "../support/factories";
import { useServer } from "../support/server";

const target = useServer();

const decode = (value: string) =>
  value.replace(/&(amp|quot|lt|gt|#x27|#39);/g, (_, name: string) => ({ amp: "&", quot: '"', lt: "<", gt: ">", "#x27": "'", "#39": "'" })[name]!);

/** The page's `<meta>` tags by their property or name, each with every content it has (og:locale:alternate repeats). */
async function metaTags(path: string, language: string) {
  const response = await fetch(target.url + path, { headers: { "accept-language": language } });
  expect(response.status, path).toBe(200);
  const html = await response.text();
  const tags = new Map<string, string[]>();
  for (const [, attributes] of html.matchAll(/<meta\s([^>]*?)\/?>/g)) {
    const values = Object.fromEntries(Array.from(attributes.matchAll(/([\w:-]+)="([^"]*)"/g), ([, key, value]) => [key, decode(value)]));
    const key = values.property ?? values.name;
    if (key && values.content !== undefined) tags.set(key, [...(tags.get(key) ?? []), values.content]);
  }
  return { one: (key: string) => tags.get(key)?.[0], all: (key: string) => tags.get(key) ?? [] };
}

/** Width and height from the PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer) {
  expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), "PNG signature").toBe(true);
  expect(bytes.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function image(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

async function bilingualActivity(titles: { nl: string; uk: string }) {
  const organiser = await personIn("nl", { isOrganiser: true });
  return publishedActivity(organiser.id, {
    kind: "workshop",
    contentLocales: ["nl", "uk"],
    titles: [titles.nl, titles.uk],
    summaries: ["Nederlands oefenen bij de koffie", "Практикуємо нідерландську за кавою"],
    descriptions: ["", ""],
    startTime: "19:00",
    endTime: "21:00",
  });
}

describe("Link previews of activities", () => {
  it("tag the page in the reader's language when the activity has it, with absolute addresses and a 1200×630 PNG", async () => {
    const id = await bilingualActivity({ nl: "Taalcafé in de bieb", uk: "Мовне кафе в бібліотеці" });
    const tags = await metaTags(`/activities/${id}`, "uk");
    expect(tags.one("og:title")).toBe("Мовне кафе в бібліотеці");
    expect(tags.one("twitter:title")).toBe("Мовне кафе в бібліотеці");
    expect(tags.one("og:description")).toBe("Практикуємо нідерландську за кавою");
    expect(tags.one("twitter:description")).toBe("Практикуємо нідерландську за кавою");
    expect(tags.one("og:locale")).toBe("uk_UA");
    expect(tags.all("og:locale:alternate")).toEqual(["nl_NL"]);
    expect(tags.one("og:url")).toBe(`${target.url}/activities/${id}`);
    expect(tags.one("og:type")).toBe("website");
    expect(tags.one("og:site_name")).toBe("Meedoen");
    expect(tags.one("twitter:card")).toBe("summary_large_image");
    expect([tags.one("og:image:width"), tags.one("og:image:height")]).toEqual(["1200", "630"]);
    // The alt text says what the image shows, in the same language: title, when (the activity's zone), where.
    expect(tags.one("og:image:alt")).toContain("Мовне кафе в бібліотеці");
    expect(tags.one("og:image:alt")).toContain("19:00–21:00");
    expect(tags.one("twitter:image:alt")).toBe(tags.one("og:image:alt"));

    const imageUrl = tags.one("og:image")!;
    expect(imageUrl.startsWith(`${target.url}/activities/${id}/preview.png?lang=uk&v=`), imageUrl).toBe(true);
    expect(tags.one("twitter:image")).toBe(imageUrl);
    const { response, bytes } = await image(imageUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("cache-control")).toBe("public, max-age=86400");
    expect(pngSize(bytes)).toEqual({ width: 1200, height: 630 });

    // Revalidation: the same card answers 304 to its ETag, without a body.
    const etag = response.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await image(imageUrl, { "if-none-match": etag });
    expect(again.response.status).toBe(304);
    expect(again.bytes.length).toBe(0);
  });

  it("fall back to the organiser's language when the reader's is missing", async () => {
    const id = await bilingualActivity({ nl: "Taalcafé op dinsdag", uk: "Мовне кафе у вівторок" });
    const tags = await metaTags(`/activities/${id}`, "ar");
    expect(tags.one("og:title")).toBe("Taalcafé op dinsdag");
    expect(tags.one("og:locale")).toBe("nl_NL");
    expect(tags.one("og:image")).toContain("lang=nl");
    expect(tags.one("og:image:alt")).toContain("Taalcafé op dinsdag");
  });

  it("draw each activity's own image, and none for a draft or an unknown activity", async () => {
    const first = await bilingualActivity({ nl: "Fietsen repareren", uk: "Ремонт велосипедів" });
    const second = await bilingualActivity({ nl: "Samen koken", uk: "Готуємо разом" });
    const [a, b] = await Promise.all([first, second].map((id) => image(`${target.url}/activities/${id}/preview.png?lang=uk`)));
    expect([a.response.status, b.response.status]).toEqual([200, 200]);
    expect(a.bytes.equals(b.bytes)).toBe(false);
    expect(a.response.headers.get("etag")).not.toBe(b.response.headers.get("etag"));

    const organiser = await personIn("nl", { isOrganiser: true });
    const draft = await createActivity(organiser.id, activityForm({ titles: ["Nog geheim"] }), { publish: false });
    expect((await fetch(`${target.url}/activities/${draft.id}/preview.png`)).status).toBe(404);
    expect((await fetch(`${target.url}/activities/no-such-activity/preview.png`)).status).toBe(404);
  });
});

describe("Link previews of groups", () => {
  it("tag a group's page and draw its card; an unknown group has none", async () => {
    const organiser = await personIn("uk", { isOrganiser: true });
    const group = await createGroup(organiser.id, {
      name: "Велоклуб Зволле",
      description: "Щотижня катаємося разом.\n\nДеталі тут.",
      municipalityCode: "GM0193",
    });
    await publishedActivity(organiser.id, { groupId: group.id });
    const tags = await metaTags(`/groups/${group.slug}`, "uk");
    expect(tags.one("og:title")).toBe("Велоклуб Зволле");
    expect(tags.one("og:description")).toBe("Щотижня катаємося разом.");
    expect(tags.one("og:url")).toBe(`${target.url}/groups/${group.slug}`);
    expect(tags.one("og:locale")).toBe("uk_UA");
    expect(tags.one("twitter:card")).toBe("summary_large_image");
    expect(tags.one("og:image:alt")).toContain("1 найближча подія");

    const imageUrl = tags.one("og:image")!;
    expect(imageUrl.startsWith(`${target.url}/groups/${group.slug}/preview.png?lang=uk&v=`), imageUrl).toBe(true);
    const { response, bytes } = await image(imageUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=3600");
    expect(pngSize(bytes)).toEqual({ width: 1200, height: 630 });
    expect((await fetch(`${target.url}/groups/no-such-group/preview.png`)).status).toBe(404);
  });
});
