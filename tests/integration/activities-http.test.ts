import ICAL from "ical.js";
import { io as connect } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { cancelRsvp, rsvp } from "~/domain/activities/rsvp.server";
import { db } from "~/lib/db.server";
import { activityForm, makePerson, publishedActivity } from "../support/factories";
import { TestClient, uniqueEmail } from "../support/http-client";
import { useServer } from "../support/server";

const target = useServer();

async function signedInClient(locale = "en") {
  const client = new TestClient(target.url, { "accept-language": locale });
  const email = uniqueEmail();
  await client.post("/register", { email, password: "correct horse battery", displayName: "Olena", locale });
  const user = await db().user.findUniqueOrThrow({ where: { email } });
  return { client, userId: user.id };
}

function parseEvents(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
}

describe("activities over HTTP", () => {
  it("signs up through the form, shows the place, and refuses a second sign-up with a translated message", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const id = await publishedActivity(organiser, { capacity: "3" });
    const { client, userId } = await signedInClient("nl");
    const response = await client.post(`/activities/${id}`, { intent: "rsvp" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/activities/${id}`);
    expect(await (await client.get(`/activities/${id}`)).text()).toContain("Je komt! We hebben een plek voor je gereserveerd.");
    const again = await client.post(`/activities/${id}`, { intent: "rsvp" });
    expect(again.status).toBe(409);
    // The page also carries every translation, so look inside the alert itself.
    expect(/role="alert">([^<]+)</.exec(await again.text())?.[1]).toBe("Je bent al aangemeld voor deze activiteit.");
    expect(await db().rsvp.count({ where: { activityId: id, userId } })).toBe(1);
    const anonymous = await new TestClient(target.url).post(`/activities/${id}`, { intent: "rsvp" });
    expect(anonymous.headers.get("location")).toMatch(/^\/login/);
  });

  it("keeps organiser pages and actions to the activity's organiser", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const id = await publishedActivity(organiser);
    const { client } = await signedInClient();
    expect((await client.get(`/organise/activities/${id}`)).status).toBe(403);
    expect((await client.post(`/organise/activities/${id}`, { intent: "cancel" })).status).toBe(403);
    expect((await db().activity.findUniqueOrThrow({ where: { id } })).status).toBe("published");
    expect((await client.get("/organise/activities/new")).status).toBe(403);
  });

  it("serves a valid iCalendar file per activity, with text escaped", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const id = await publishedActivity(organiser, { titles: ["Taalcafé; koffie, thee & praten"] });
    const response = await fetch(`${target.url}/activities/${id}/calendar.ics`);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const [event] = parseEvents(await response.text());
    expect(event.summary).toBe("Taalcafé; koffie, thee & praten");
    const stored = await db().activity.findUniqueOrThrow({ where: { id } });
    expect(event.startDate.toJSDate().getTime()).toBe(stored.startsAt.getTime());
    expect((await fetch(`${target.url}/activities/nope/calendar.ics`)).status).toBe(404);
  });

  it("keeps a private personal feed with the activities a person is going to", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const [going, notGoing] = [await publishedActivity(organiser, { titles: ["Going"] }), await publishedActivity(organiser, { titles: ["Not going"] })];
    const { client, userId } = await signedInClient();
    await rsvp(userId, going);
    const page = await (await client.get("/activities/mine")).text();
    const feed = /value="(http[^"]+\/calendar\/[^"]+\/meedoen\.ics)"/.exec(page)![1];
    const events = parseEvents(await (await fetch(feed)).text());
    expect(events.map((e) => e.summary)).toEqual(["Going"]);
    void notGoing;
    await client.post("/activities/mine", {});
    expect((await fetch(feed)).status).toBe(404); // the old address stops working
    expect((await fetch(`${target.url}/calendar/forged-token-that-is-long-enough/meedoen.ics`)).status).toBe(404);
  });

  it("offers partners a cacheable JSON API without personal data", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const id = await publishedActivity(organiser, { municipalityCode: "GM0299", capacity: "10" });
    const visitor = await makePerson();
    await rsvp(visitor, id);
    const response = await fetch(`${target.url}/api/activities?place=GM0299&lang=nl`);
    expect(response.headers.get("cache-control")).toMatch(/public, max-age=\d+/);
    const body = await response.json();
    expect(body.items.map((item: { id: string }) => item.id)).toContain(id);
    const item = body.items.find((entry: { id: string }) => entry.id === id);
    expect(item.seatsLeft).toBe(9);
    const text = JSON.stringify(body);
    for (const secret of [organiser, visitor, "email", "organiserId", "joinUrl"]) expect(text).not.toContain(secret);
    const single = await fetch(`${target.url}/api/activities/${id}`);
    expect((await single.json()).id).toBe(id);
    const draft = (await db().activity.create({ data: { ...(await db().activity.findUniqueOrThrow({ where: { id } })), id: `draft-${id}`, status: "draft" } }))
      .id;
    expect((await fetch(`${target.url}/api/activities/${draft}`)).status).toBe(404);
    const junk = await fetch(`${target.url}/api/activities?page=-3&perPage=100000&kind=<script>`);
    expect(junk.status).toBe(200);
    expect((await junk.json()).perPage).toBe(20);
  });

  it("tells a promoted person live over Socket.IO", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const id = await publishedActivity(organiser, { capacity: "1", titles: ["Live"] });
    const first = await makePerson();
    const { client, userId: waiting } = await signedInClient();
    await rsvp(first, id);
    await rsvp(waiting, id);
    const socket = connect(target.url, { transports: ["websocket"], extraHeaders: { cookie: client.cookieHeader() }, reconnection: false });
    await new Promise((resolve, reject) => {
      socket.once("connect", () => resolve(null));
      socket.once("connect_error", reject);
    });
    try {
      const received = new Promise<{ kind: string; activityId: string }>((resolve) => socket.once("notification", resolve));
      await cancelRsvp(first, id);
      expect(await received).toMatchObject({ kind: "waitlist-promoted", activityId: id });
    } finally {
      socket.close();
    }
    void activityForm;
  });
});
