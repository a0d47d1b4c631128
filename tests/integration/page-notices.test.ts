/**
 * What an action tells the person ("Olena is in", "Saved") travels in a signed, read-once
 * cookie: before, the door page put the person's name in the address (`?in=<name>`), and so
 * in the browser history, the server's request log and anyone's shared link.
 */
import { describe, expect, it } from "vitest";
import { rsvp } from "~/domain/activities/rsvp.server";
import { ticketFor } from "~/domain/attendance/checkin.server";
import { db } from "~/lib/db.server";
import { buddyPair } from "../support/buddy-factories";
import { makePerson, publishedActivity } from "../support/factories";
import { clientFor } from "../support/http-client";
import { useServer } from "../support/server";

const target = useServer();
/** What the page shows, without the translations and data streamed after it. */
const visible = (html: string) => html.slice(0, html.indexOf("</main>"));

async function doorWithTicket() {
  const organiser = await makePerson({ isOrganiser: true });
  const guest = await makePerson();
  await db().user.update({ where: { id: guest }, data: { displayName: "Олена Коваль" } });
  const activityId = await publishedActivity(organiser);
  await rsvp(guest, activityId);
  const { token } = await ticketFor(guest, activityId);
  return { organiser, activityId, token, client: await clientFor(target.url, organiser) };
}

describe("notices after an action", () => {
  it("name the person checked in on the next page, never in the address, and only once", async () => {
    const { activityId, token, client } = await doorWithTicket();
    const door = `/organise/activities/${activityId}/door`;
    const answer = await client.post(door, { intent: "qr", token });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe(door);
    expect(decodeURIComponent(answer.headers.get("location") ?? "")).not.toContain("Олена");

    const next = await (await client.get(door)).text();
    expect(next).toContain("Олена Коваль");
    expect(next).toMatch(/class="alert alert-success page-notice" role="status"[^>]*>Welcome, Олена Коваль! Checked in\./);

    // Read once: a reload or a bookmark does not say it again.
    const reload = await (await client.get(door)).text();
    expect(reload).not.toMatch(/class="[^"]*page-notice/); // the class, not the stylesheet's rule for it
  });

  it("are shown in the reader's language", async () => {
    const { activityId, token, client } = await doorWithTicket();
    await db().user.update({ where: { id: (await db().activity.findUniqueOrThrow({ where: { id: activityId } })).organiserId }, data: { locale: "uk" } });
    await client.post(`/organise/activities/${activityId}/door`, { intent: "qr", token });
    const page = await (await client.get(`/organise/activities/${activityId}/door`)).text();
    expect(page).toMatch(/page-notice[^>]*>[^<]*Олена Коваль/);
    expect(page).not.toContain("Welcome, Олена");
  });

  it("ignore a notice cookie the server did not sign, and change nothing", async () => {
    const { activityId, client } = await doorWithTicket();
    const forged = Buffer.from(JSON.stringify({ __flash_notice__: { key: "checkin.welcome", values: { name: "Mallory" } } })).toString("base64");
    client.cookies.set("__notice", `${encodeURIComponent(forged)}.AAAA`);
    const answer = await client.get(`/organise/activities/${activityId}/door`);
    expect(answer.status).toBe(200);
    const page = await answer.text();
    expect(page).not.toContain("Mallory");
    expect(page).not.toMatch(/class="[^"]*page-notice/);
    expect(client.cookies.has("__notice")).toBe(false); // cleared, not kept around
  });

  it("tell a newcomer who says yes second that they are buddies now, not to wait for the other person", async () => {
    const { matchId, newcomerId } = await buddyPair({ state: "proposed-volunteer-accepted", newcomer: { locale: "en" } });
    const client = await clientFor(target.url, newcomerId);
    const answer = await client.post("/buddies", { matchId, answer: "accept" });
    expect(answer.headers.get("location")).toBe("/buddies");
    const page = visible(await (await client.get("/buddies")).text());
    expect(page).toContain("You&#x27;ve both said yes: you&#x27;re buddies now.");
    expect(page).not.toContain("When the other person says yes too");
  });

  it("tell the first to say yes that the other side still has to answer", async () => {
    const { matchId, volunteerId } = await buddyPair({ state: "proposed", volunteer: { locale: "en" } });
    const client = await clientFor(target.url, volunteerId);
    await client.post("/buddies", { matchId, answer: "accept" });
    const page = visible(await (await client.get("/buddies")).text());
    expect(page).toContain("When the other person says yes too, you&#x27;ll see each other&#x27;s contact details.");
  });
});
