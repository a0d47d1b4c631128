/**
 * Atom feeds of upcoming activities (issue 12): all of them, per kind, per municipality and per
 * group, in the language asked for, read back with an independent feed parser.
 */
import { parseFeed } from "@rowanmanning/feed-parser";
import { describe, expect, it } from "vitest";
import { createActivity, publishActivity } from "~/domain/activities/activities.server";
import { createGroup } from "~/domain/groups/groups.server";
import { db } from "~/lib/db.server";
import { LOCALES, type Locale } from "~/lib/locales";
import { activityForm, localDate, personIn, publishedActivity } from "../support/factories";
import { useServer } from "../support/server";

const target = useServer();
const TITLES: Record<Locale, string> = { en: "Bike repair <&> more", nl: "Fietsreparatie", uk: "Ремонт велосипедів", ar: "إصلاح الدراجات" };

async function feed(path: string) {
  const response = await fetch(target.url + path);
  expect(response.status, path).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
  expect(response.headers.get("cache-control")).toBe("public, max-age=300");
  const xml = await response.text();
  return { xml, parsed: parseFeed(xml) };
}

async function workshopIn(place: string, fields: Record<string, unknown> = {}, organiserId?: string) {
  const organiser = organiserId ?? (await personIn("nl", { isOrganiser: true })).id;
  return publishedActivity(organiser, {
    kind: "workshop",
    contentLocales: [...LOCALES],
    titles: LOCALES.map((locale) => TITLES[locale]),
    summaries: LOCALES.map((locale) => `${TITLES[locale]} — samen`),
    descriptions: LOCALES.map(() => ""),
    municipalityCode: place,
    date: localDate(4),
    startTime: "19:00",
    endTime: "21:00",
    ...fields,
  });
}

describe("Atom feeds", () => {
  it.each(LOCALES)("list a town's upcoming activities in %s, each with its time and a link", async (locale) => {
    const place = "GM0093";
    const id = await workshopIn(place);
    const { parsed, xml } = await feed(`/feeds/activities.atom?place=${place}&lang=${locale}`);
    expect(parsed.meta.type).toBe("atom");
    expect(xml).toContain(`xml:lang="${locale}"`);
    const entry = parsed.items.find((item) => item.url === `${target.url}/activities/${id}`);
    expect(entry, "the activity is in the feed").toBeDefined();
    expect(entry!.title).toContain(TITLES[locale]);
    expect(entry!.title).toContain("19:00");
    expect(entry!.updated).toBeInstanceOf(Date);
    expect(parsed.items.every((item) => item.url?.startsWith(`${target.url}/activities/`))).toBe(true);
  });

  it("dates an entry from when it was published, not from when its draft was begun", async () => {
    const place = "GM0098";
    const organiser = (await personIn("nl", { isOrganiser: true })).id;
    const { id } = await createActivity(
      organiser,
      activityForm({ kind: "workshop", titles: ["Lang een concept"], municipalityCode: place, date: localDate(5) }),
      {
        publish: false,
      },
    );
    const begun = new Date(Date.now() - 30 * 86_400_000);
    await db().activity.update({ where: { id }, data: { createdAt: begun } });
    const before = Date.now();
    await publishActivity(organiser, id, "one");
    const { xml } = await feed(`/feeds/activities.atom?place=${place}`);
    const published = new Date(/<entry[^>]*>[\s\S]*?<published>([^<]+)<\/published>/.exec(xml)![1]!).getTime();
    expect(published).toBeGreaterThanOrEqual(before - 1000);
    expect(published).not.toBe(begun.getTime());
  });

  it("follows the list's filters: only the kind asked for, and a value it cannot read is left out", async () => {
    const place = "GM0096";
    const workshop = await workshopIn(place);
    const cafe = await workshopIn(place, { kind: "meetup" });
    const urls = async (query: string) => (await feed(`/feeds/activities.atom?place=${place}${query}`)).parsed.items.map((item) => item.url);
    expect(await urls("&kind=workshop")).toEqual([`${target.url}/activities/${workshop}`]);
    expect((await urls("&kind=no-such-kind&lang=xx")).sort()).toEqual([`${target.url}/activities/${workshop}`, `${target.url}/activities/${cafe}`].sort());
  });

  it("gives a group its own feed, linked from the group's page, and a missing group a 404", async () => {
    const organiser = await personIn("uk", { isOrganiser: true });
    const group = await createGroup(organiser.id, { name: "Велоклуб Зволле", description: "Щотижня", municipalityCode: "GM0193" });
    const id = await workshopIn("GM0193", { groupId: group.id }, organiser.id);
    const { parsed } = await feed(`/groups/${group.slug}/feed.atom?lang=uk`);
    expect(parsed.title).toContain("Велоклуб Зволле");
    expect(parsed.items.map((item) => item.url)).toEqual([`${target.url}/activities/${id}`]);

    const page = await (await fetch(`${target.url}/groups/${group.slug}`, { headers: { "accept-language": "uk" } })).text();
    expect(page).toMatch(new RegExp(`<link rel="alternate" type="application/atom\\+xml" title="[^"]+" href="/groups/${group.slug}/feed.atom\\?lang=uk"`));
    const missing = await fetch(`${target.url}/groups/no-such-group/feed.atom`);
    expect(missing.status).toBe(404);
  });

  it("is linked from the activities page", async () => {
    const page = await (await fetch(`${target.url}/activities`, { headers: { "accept-language": "nl" } })).text();
    expect(page).toContain('href="/feeds/activities.atom?lang=nl"');
  });
});
