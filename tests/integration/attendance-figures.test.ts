/**
 * What the door and the report say (decision 021): findings 3 and 4 of the numbers review.
 * The door and report pages are read over HTTP as the organiser sees them.
 */
import { describe, expect, it } from "vitest";
import { cancelRsvp, rsvp } from "~/domain/activities/rsvp.server";
import { addWalkIn, checkInFromList, doorList } from "~/domain/attendance/checkin.server";
import { activityReport } from "~/domain/attendance/reports.server";
import { HEARTBEAT_MS, heartbeat, recordJoin, recordLeave } from "~/domain/attendance/sessions.server";
import { db } from "~/lib/db.server";
import { makePeople, makePerson, publishedActivity } from "../support/factories";
import { useServer } from "../support/server";
import { clientFor } from "../support/signed-in";

const target = useServer();

/** Two people going; one is checked in from the list, the other has not arrived; one walk-in. */
async function oneArrivedOneMissingOneWalkIn() {
  const organiser = await makePerson({ isOrganiser: true });
  const activityId = await publishedActivity(organiser);
  const [arrived, missing] = await makePeople(2);
  await rsvp(arrived, activityId);
  await rsvp(missing, activityId);
  await checkInFromList(organiser, activityId, arrived);
  await addWalkIn(organiser, activityId, "Walk-in");
  const activity = await db().activity.findUniqueOrThrow({ where: { id: activityId } });
  return { organiser, activityId, arrived, missing, activity };
}

/** Visible text of an HTML fragment (React escapes quotes and apostrophes, and separates text nodes with comments). */
const textOf = (fragment: string) =>
  fragment
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();

/** The text of the live region under the page's heading (the page also carries every translation, so look only there). */
async function liveRegionText(page: Response) {
  const html = await page.text();
  const main = html.slice(html.indexOf("<h1"));
  const region = /<(\w+)[^>]*aria-live="polite"[^>]*>([\s\S]*?)<\/\1>/.exec(main)?.[2] ?? "";
  return textOf(region);
}

/** The figures of the report page as term → value pairs. */
async function reportFacts(page: Response) {
  const html = await page.text();
  const list = /<dl class="facts[^"]*">([\s\S]*?)<\/dl>/.exec(html)?.[1] ?? "";
  return Object.fromEntries([...list.matchAll(/<dt[^>]*>([\s\S]*?)<\/dt>\s*<dd[^>]*>([\s\S]*?)<\/dd>/g)].map((m) => [textOf(m[1]), textOf(m[2])]));
}

describe("the door count (finding 3)", () => {
  it("counts the people going who arrived against the people going, and walk-ins apart", async () => {
    const { organiser, activityId } = await oneArrivedOneMissingOneWalkIn();
    const list = await doorList(organiser, activityId, "");
    expect(list.figures).toEqual({ present: 2, going: 2, presentGoing: 1, walkIns: 1, presentDeleted: 0, presentWithoutPlace: 0 });
  });

  it("says '2 present', '1 of 2 going' and '1 walk-in' on the door page, never '2 of 2'", async () => {
    const { organiser, activityId } = await oneArrivedOneMissingOneWalkIn();
    const english = await liveRegionText(
      await (await clientFor(target.url, organiser)).get(`/organise/activities/${activityId}/door`, { "accept-language": "en" }),
    );
    expect(english).toMatch(/^2 present\b/);
    expect(english).toContain("1 of 2 going");
    expect(english).toContain("1 walk-in");
    expect(english).not.toMatch(/2 (present )?of 2/);
  });

  it("keeps someone who checked in and then gave up their place out of 'of the people going'", async () => {
    const { organiser, activityId, arrived } = await oneArrivedOneMissingOneWalkIn();
    await cancelRsvp(arrived, activityId);
    const list = await doorList(organiser, activityId, "");
    expect(list.figures).toEqual({ present: 1, going: 1, presentGoing: 0, walkIns: 1, presentDeleted: 0, presentWithoutPlace: 1 });
    // Still on the list, so that the organiser sees who it is and can undo the check-in.
    expect(list.people.find((person) => person.userId === arrived)?.checkInId).toEqual(expect.any(String));
  });
});

describe("the report's figures (finding 4)", () => {
  it("counts no no-shows before the activity has ended", async () => {
    const { organiser, activityId, activity } = await oneArrivedOneMissingOneWalkIn();
    const sixDaysBefore = new Date(activity.startsAt.getTime() - 6 * 86_400_000);
    expect((await activityReport(organiser, activityId, sixDaysBefore)).figures.noShows).toBeNull();
    const during = new Date(activity.startsAt.getTime() + 30 * 60_000);
    expect((await activityReport(organiser, activityId, during)).figures.noShows).toBeNull();
  });

  it("adds up after the end: present = going who came + walk-ins, no-shows = going − going who came", async () => {
    const { organiser, activityId, activity } = await oneArrivedOneMissingOneWalkIn();
    const afterwards = new Date(activity.endsAt.getTime() + 3600_000);
    const { figures } = await activityReport(organiser, activityId, afterwards);
    expect(figures).toMatchObject({ signUps: 2, going: 2, present: 2, presentGoing: 1, walkIns: 1, presentWithoutPlace: 0, noShows: 1 });
  });

  it("counts a person who checked in and then cancelled apart, so that present stays within going + walk-ins", async () => {
    const { organiser, activityId, arrived, activity } = await oneArrivedOneMissingOneWalkIn();
    await cancelRsvp(arrived, activityId);
    const afterwards = new Date(activity.endsAt.getTime() + 3600_000);
    const { figures, people } = await activityReport(organiser, activityId, afterwards);
    expect(figures).toMatchObject({ signUps: 2, going: 1, cancelled: 1, present: 1, presentGoing: 0, walkIns: 1, presentWithoutPlace: 1, noShows: 1 });
    expect(people.find((person) => person.name === "Person 1")).toMatchObject({ rsvp: "cancelled", checkedIn: "list", counted: "without-place" });
  });

  it("shows no number of no-shows on the report page six days ahead, and the breakdown of present", async () => {
    const { organiser, activityId } = await oneArrivedOneMissingOneWalkIn();
    const facts = await reportFacts(
      await (await clientFor(target.url, organiser)).get(`/organise/activities/${activityId}/report`, { "accept-language": "en" }),
    );
    expect(facts["Didn't come"]).toBe("Known after the end");
    expect(facts["Present"]).toBe("2");
    expect(facts["Of the people going"]).toBe("1 of 2 going");
    expect(facts["Walk-ins"]).toBe("1");
  });
});

describe("online minutes before the sweep has run (found by the invariants)", () => {
  async function webinarGoing() {
    const organiser = await makePerson({ isOrganiser: true });
    const activityId = await publishedActivity(organiser, { mode: "online", joinUrl: "https://meet.example.org/w", venue: "", municipalityCode: "" });
    const person = await makePerson();
    await rsvp(person, activityId);
    const { startsAt } = await db().activity.findUniqueOrThrow({ where: { id: activityId } });
    const at = (minutes: number) => new Date(startsAt.getTime() + minutes * 60_000);
    return { organiser, activityId, person, at };
  }

  it("ends a dropped session at the drop, not at the moment the report is read", async () => {
    const { organiser, activityId, person, at } = await webinarGoing();
    await recordJoin(activityId, person, at(0));
    await heartbeat([{ activityId, userId: person }], at(0.5));
    await recordLeave(activityId, person, at(1));
    // No sweep has closed the session yet: it is still open in the database, with the drop recorded.
    const { people } = await activityReport(organiser, activityId, at(30));
    expect(people[0].minutes).toBe(1);
  });

  it("ends a session whose server stopped beating at its last beat", async () => {
    const { organiser, activityId, person, at } = await webinarGoing();
    await recordJoin(activityId, person, at(0));
    await heartbeat([{ activityId, userId: person }], at(10));
    const { people } = await activityReport(organiser, activityId, at(40));
    expect(people[0].minutes).toBe(10);
    // While the beats come, the session is still going.
    await heartbeat([{ activityId, userId: person }], new Date(at(40).getTime() - HEARTBEAT_MS));
    expect((await activityReport(organiser, activityId, at(40))).people[0].minutes).toBe(40);
  });
});
