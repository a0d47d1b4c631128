/**
 * A venue the organiser keeps for people going (issue 14, item 3; decision 044) stays out of
 * everything that reaches other people: cards and the list, the public API, feeds and the
 * activity's calendar file for readers not going, link previews, group channels (Telegram,
 * webhooks: public broadcasts), and the change mails to people waiting or asking. People going
 * get it where they need it: the page, the calendar file they download, their mails.
 */
import { randomUUID } from "node:crypto";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { updateActivity } from "~/domain/activities/activities.server";
import { activityPreview } from "~/domain/activities/preview.server";
import { rsvp } from "~/domain/activities/rsvp.server";
import { homeFor } from "~/domain/home/home.server";
import { db } from "~/lib/db.server";
import { seal } from "~/lib/sealed.server";
import { activityForm, makePerson, personIn, publishedActivity } from "../support/factories";
import { useServer } from "../support/server";
import { clientFor } from "../support/signed-in";

const target = useServer();
const SECRET = "Geheime Straat 12";

const locationOf = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent")!.getFirstPropertyValue("location") as string | null;

async function womenCircle(overrides: Record<string, unknown> = {}) {
  const organiser = await makePerson({ isOrganiser: true });
  const groupId = randomUUID();
  await db().group.create({
    data: {
      id: groupId,
      slug: `kring-${groupId.slice(0, 8)}`,
      name: "Vrouwenkring",
      description: "",
      members: { create: { userId: organiser, role: "organiser" } },
    },
  });
  for (const [kind, address] of [
    ["telegram", "@vrouwenkring"],
    ["webhook", "https://hooks.example.org/meedoen"],
  ]) {
    const id = randomUUID();
    await db().groupChannel.create({ data: { id, groupId, kind, target: address, label: kind, sealedSecret: await seal("secret", id) } });
  }
  const fields = {
    groupId,
    titles: ["Vrouwencirkel"],
    venue: SECRET,
    addressForGoingOnly: "on",
    capacity: "1",
    ...overrides,
  };
  const activityId = await publishedActivity(organiser, fields);
  return { organiser, activityId, fields, groupId };
}

describe("a venue kept for people going", () => {
  it("is left out of group channels' announcements, published and changed", async () => {
    const { organiser, activityId, fields } = await womenCircle();
    await updateActivity(organiser, activityId, activityForm({ ...fields, startTime: "19:00", endTime: "20:30" }), "one");
    const deliveries = await db().channelDelivery.findMany({ where: { activityId } });
    expect(deliveries.map((row) => row.event).sort()).toEqual(["activity.changed", "activity.changed", "activity.published", "activity.published"]);
    for (const row of deliveries) {
      expect(row.payload).not.toContain("Geheime");
      expect(row.payload).toContain("Zaanstad"); // the municipality is still said
    }
  });

  it("reaches the person going by mail and calendar file, and not the person waiting", async () => {
    const { organiser, activityId, fields } = await womenCircle();
    const going = await personIn("nl");
    const waiting = await personIn("nl");
    await rsvp(going.id, activityId);
    await rsvp(waiting.id, activityId);
    const signUp = await db().outboxMail.findFirstOrThrow({ where: { userId: going.id, kind: "signup-going" } });
    expect(locationOf((JSON.parse(signUp.attachments) as { content: string }[])[0].content)).toBe(`${SECRET}, Zaanstad`);
    await updateActivity(organiser, activityId, activityForm({ ...fields, startTime: "19:00", endTime: "20:30" }), "one");
    const [toGoing] = await db().outboxMail.findMany({ where: { userId: going.id, kind: "activity-changed" } });
    const [toWaiting] = await db().outboxMail.findMany({ where: { userId: waiting.id, kind: "activity-changed" } });
    expect(locationOf((JSON.parse(toGoing.attachments) as { content: string }[])[0].content)).toBe(`${SECRET}, Zaanstad`);
    const waitingIcs = (JSON.parse(toWaiting.attachments) as { content: string }[])[0].content;
    expect(locationOf(waitingIcs)).toBe("Zaanstad");
    expect(`${toWaiting.text}${toWaiting.html}${waitingIcs}`).not.toContain("Geheime");
    // A new place is told to the person going, and only "it moved" to the person waiting.
    await updateActivity(organiser, activityId, activityForm({ ...fields, startTime: "19:00", endTime: "20:30", venue: "Andere Straat 3" }), "one");
    const moved = (userId: string) => db().outboxMail.findFirstOrThrow({ where: { userId, kind: "activity-changed" }, orderBy: { createdAt: "desc" } });
    expect((await moved(going.id)).text).toContain("Andere Straat 3");
    expect((await moved(waiting.id)).text).not.toContain("Andere Straat");
    expect((await moved(waiting.id)).text).toContain("Zaanstad");
  });

  it("is in the calendar file a person going downloads, never cached for others, and not in anyone else's", async () => {
    const { activityId } = await womenCircle();
    const going = await personIn("nl");
    await rsvp(going.id, activityId);
    const download = async (userId: string | null) => (await clientFor(target.url, userId)).get(`/activities/${activityId}/calendar.ics`);
    const mine = await download(going.id);
    expect(mine.status).toBe(200);
    expect(mine.headers.get("cache-control")).toBe("private, no-store");
    expect(locationOf(await mine.text())).toBe(`${SECRET}, Zaanstad`);
    for (const reader of [null, (await personIn("nl")).id]) {
      const other = await download(reader);
      expect(other.headers.get("cache-control")).toBe("public, max-age=300");
      expect(locationOf(await other.text())).toBe("Zaanstad");
    }
  });

  it("is on the home page's add-to-calendar links of the person going", async () => {
    const { activityId } = await womenCircle();
    const going = await personIn("nl");
    await rsvp(going.id, activityId);
    const home = await homeFor(going.id, "nl");
    expect(home.nextActivity?.id).toBe(activityId);
    expect(home.nextActivity?.venue).toBe(SECRET);
  });

  it("stays out of cards, the public API, feeds, search and link previews for everyone", async () => {
    const { activityId, groupId } = await womenCircle();
    const going = await personIn("nl");
    await rsvp(going.id, activityId);
    const slug = (await db().group.findUniqueOrThrow({ where: { id: groupId } })).slug;
    for (const reader of [null, going.id]) {
      const client = await clientFor(target.url, reader);
      for (const path of [
        "/activities",
        "/activities?q=vrouwencirkel",
        "/api/activities",
        `/api/activities/${activityId}`,
        "/feeds/activities.atom",
        `/groups/${slug}`,
        `/groups/${slug}/feed.atom`,
        `/groups/${slug}/calendar.ics`,
      ]) {
        const response = await client.get(path);
        expect(response.status, path).toBe(200);
        expect(await response.text(), `${path} for ${reader ? "the person going" : "anyone"}`).not.toContain("Geheime");
      }
    }
    const preview = await activityPreview(activityId, "nl");
    expect(preview.lines.join(" ")).not.toContain("Geheime");
    expect(preview.lines.join(" ")).toContain("Zaanstad");
    const page = await (await clientFor(target.url, null)).get(`/activities/${activityId}`);
    expect(await page.text()).not.toContain("Geheime");
  });
});
