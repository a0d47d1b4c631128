/**
 * The signed-in home (decisions/045): the next activity, waitlist places, the buddy with unread
 * chat, "for you" picks with their reasons, what is new in the person's groups, and first steps
 * when there is nothing yet; and the organiser's desk, where a series is one row at its next date
 * with the sign-ups, seats and waitlist of every date. On SQLite and PostgreSQL alike.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createActivity, publishActivity } from "~/domain/activities/activities.server";
import { organiserDesk } from "~/domain/activities/desk.server";
import { rsvp } from "~/domain/activities/rsvp.server";
import { utcToZonedParts } from "~/domain/activities/recurrence";
import { homeFor } from "~/domain/home/home.server";
import { listMessages, sendMessage } from "~/domain/matching/chat.server";
import { db } from "~/lib/db.server";
import { buddyPair } from "../support/buddy-factories";
import { activityForm, localDate, personIn, publishedActivity } from "../support/factories";

const DAY = 86_400_000;
const weekdayIn = (days: number) => utcToZonedParts(new Date(Date.now() + days * DAY), "Europe/Amsterdam").weekday;

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  console.log(`[timing] ${label}: ${(performance.now() - started).toFixed(1)} ms`);
  return result;
}

describe("the signed-in home", () => {
  it("leads a newcomer with nothing yet to a first step", async () => {
    const newcomer = await personIn("ar", { isNewcomer: true });
    const home = await timed("home, empty", () => homeFor(newcomer.id, "ar"));
    expect(home.nextActivity).toBeNull();
    expect(home.waitlist).toEqual([]);
    expect(home.buddy).toBeNull();
    expect(home.newInGroups).toEqual([]);
    expect(home.inGroups).toBe(false);
    expect(home.firstSteps).toEqual({ profile: true, activity: true, buddy: true });
    // A volunteer is not sent to ask for a buddy.
    const volunteer = await personIn("nl", { isVolunteer: true });
    expect((await homeFor(volunteer.id, "nl", { mayRequestBuddy: false })).firstSteps.buddy).toBe(false);
  });

  it("shows the next activity, waitlist places, picks with their reasons and what is new in the person's groups", async () => {
    const organiser = await personIn("nl", { isOrganiser: true });
    const olena = await personIn("uk", { isNewcomer: true, municipalityCode: "GM0479" });
    await db().userLanguage.create({ data: { userId: olena.id, language: "uk", level: "native" } });
    await db().userAvailability.create({ data: { userId: olena.id, weekday: weekdayIn(9), part: "evening" } });

    const later = await publishedActivity(organiser.id, { titles: ["Later"], date: localDate(20) });
    const sooner = await publishedActivity(organiser.id, { titles: ["Sooner"], date: localDate(5) });
    await rsvp(olena.id, later);
    await rsvp(olena.id, sooner);

    // Full: someone else has the seat and someone else waits first, so Olena is second in line.
    const full = await publishedActivity(organiser.id, { titles: ["Vol"], capacity: "1", date: localDate(6) });
    const [first, second] = [await personIn("nl"), await personIn("nl")];
    await rsvp(first.id, full);
    await rsvp(second.id, full);
    expect((await rsvp(olena.id, full)).status).toBe("waitlisted");

    // A Ukrainian evening in Zaanstad on a free evening of hers: every reason the score has.
    const fits = await publishedActivity(organiser.id, {
      titles: ["Вечір українською"],
      contentLocales: ["uk"],
      spokenLanguages: ["uk"],
      municipalityCode: "GM0479",
      date: localDate(9),
      startTime: "19:00",
      endTime: "21:00",
    });

    const group = await db().group.create({ data: { id: randomUUID(), slug: `g-${randomUUID().slice(0, 8)}`, name: "Fietsers", description: "—" } });
    const other = await db().group.create({ data: { id: randomUUID(), slug: `g-${randomUUID().slice(0, 8)}`, name: "Ander", description: "—" } });
    await db().groupMember.create({ data: { groupId: group.id, userId: olena.id } });
    await db().groupMember.createMany({ data: [group, other].map(({ id }) => ({ groupId: id, userId: organiser.id, role: "organiser" })) });
    const inGroup = await publishedActivity(organiser.id, { titles: ["Fietsles"], groupId: group.id, date: localDate(12) });
    await createActivity(
      organiser.id,
      activityForm({ titles: ["Wekelijks fietsen"], groupId: group.id, repeat: "1", repeatUntil: localDate(40), date: localDate(13) }),
      {
        publish: true,
      },
    );
    const notMine = await publishedActivity(organiser.id, { titles: ["Elders"], groupId: other.id, date: localDate(12) });
    // Fits her as well as "fits" does, but it is news from her group: shown there, not suggested again.
    const groupFit = await createActivity(
      organiser.id,
      activityForm({
        titles: ["Українська розмова в групі"],
        contentLocales: ["uk"],
        spokenLanguages: ["uk"],
        municipalityCode: "GM0479",
        groupId: group.id,
        repeat: "1",
        repeatUntil: localDate(30),
        date: localDate(9),
        startTime: "19:00",
        endTime: "21:00",
      }),
      { publish: true },
    );
    // News is what was published lately: a draft begun a month ago and published today is, one published three weeks ago is not.
    const { id: lateDraft } = await createActivity(
      organiser.id,
      activityForm({ titles: ["Fietsen na lang plannen"], groupId: group.id, date: localDate(14) }),
      {
        publish: false,
      },
    );
    await db().activity.update({ where: { id: lateDraft }, data: { createdAt: new Date(Date.now() - 30 * DAY) } });
    await publishActivity(organiser.id, lateDraft, "one");
    const stale = await publishedActivity(organiser.id, { titles: ["Al lang bekend"], groupId: group.id, date: localDate(15) });
    await db().activity.update({ where: { id: stale }, data: { publishedAt: new Date(Date.now() - 21 * DAY) } });

    const home = await timed("home, full", () => homeFor(olena.id, "uk"));
    await timed("home, full, again", () => homeFor(olena.id, "uk"));
    expect(home.nextActivity?.id).toBe(sooner);
    expect(home.going).toEqual(expect.arrayContaining([sooner]));
    expect(home.waitlist.map((entry) => [entry.activity.id, entry.place])).toEqual([[full, 2]]);

    const pick = home.recommendations.find((entry) => entry.activity.id === fits);
    expect(pick?.reasons).toEqual([
      { kind: "language", language: "uk" },
      { kind: "place", municipalityCode: "GM0479" },
      { kind: "time", part: "evening" },
    ]);
    // Picks are things to go to: never one she already goes to.
    expect(home.recommendations.map((entry) => entry.activity.id)).not.toContain(sooner);
    for (const entry of home.recommendations) expect(entry.reasons.length).toBeGreaterThan(0);

    const news = home.newInGroups.map((activity) => activity.title);
    expect(news).toContain("Fietsles");
    // A weekly series is news once, not once per date.
    expect(news.filter((title) => title === "Wekelijks fietsen")).toHaveLength(1);
    expect(home.newInGroups.map((activity) => activity.id)).not.toContain(notMine);
    expect(home.newInGroups.map((activity) => activity.id)).toContain(inGroup);
    expect(news).toContain("Fietsen na lang plannen");
    expect(news).toContain("Українська розмова в групі");
    const suggestedSeries = home.recommendations.map((entry) => entry.activity.seriesId);
    expect(suggestedSeries).not.toContain(groupFit.seriesId);
    expect(news).not.toContain("Al lang bekend");
    expect(home.firstSteps).toEqual({ profile: false, activity: false, buddy: true });
  });

  it("shows the buddy and counts the other side's messages since the person last opened the chat", async () => {
    const pair = await buddyPair();
    const empty = await homeFor(pair.newcomerId, "uk");
    expect(empty.buddy).toMatchObject({ matchId: pair.matchId, status: "active", otherName: "Sanne", unread: 0 });
    expect(empty.firstSteps.buddy).toBe(false);

    await sendMessage(pair.volunteerId, { matchId: pair.matchId, body: "Hoi Olena!" });
    await sendMessage(pair.volunteerId, { matchId: pair.matchId, body: "Zullen we donderdag?" });
    expect((await homeFor(pair.newcomerId, "uk")).buddy?.unread).toBe(2);
    // Her own messages are never unread to the writer.
    expect((await homeFor(pair.volunteerId, "nl")).buddy).toMatchObject({ otherName: "Olena", unread: 0 });

    await listMessages(pair.newcomerId, pair.matchId);
    expect((await homeFor(pair.newcomerId, "uk")).buddy?.unread).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await sendMessage(pair.volunteerId, { matchId: pair.matchId, body: "Tot dan" });
    expect((await homeFor(pair.newcomerId, "uk")).buddy?.unread).toBe(1);
    // Answering reads the chat too.
    await sendMessage(pair.newcomerId, { matchId: pair.matchId, body: "Ja!" });
    expect((await homeFor(pair.newcomerId, "uk")).buddy?.unread).toBe(0);
  });
});

describe("the organiser's desk", () => {
  it("folds a series of five dates into one row at its next date and splits drafts, upcoming and past", async () => {
    const organiser = await personIn("nl", { isOrganiser: true });
    const someoneElse = await personIn("nl", { isOrganiser: true });
    const { id: firstDate } = await createActivity(
      organiser.id,
      activityForm({ titles: ["Taalcafé"], repeat: "1", date: localDate(3), repeatUntil: localDate(31), capacity: "2" }),
      { publish: true },
    );
    const series = await db().activity.findMany({ where: { organiserId: organiser.id }, orderBy: { startsAt: "asc" } });
    expect(series).toHaveLength(5);
    expect(series[0].id).toBe(firstDate);
    const single = await publishedActivity(organiser.id, { titles: ["Workshop cv"], date: localDate(11), requiresApproval: "on" });
    const { id: draft } = await createActivity(organiser.id, activityForm({ titles: ["Nog niet af"] }), { publish: false });
    const past = await publishedActivity(organiser.id, { titles: ["Vorige maand"], date: localDate(2) });
    await db().activity.update({
      where: { id: past },
      data: { startsAt: new Date(Date.now() - 30 * DAY), endsAt: new Date(Date.now() - 30 * DAY + 3600_000) },
    });
    await publishedActivity(someoneElse.id, { titles: ["Niet van mij"] });

    const people = await Promise.all([1, 2, 3, 4].map(() => personIn("uk")));
    for (const person of people.slice(0, 3)) await rsvp(person.id, firstDate);
    await rsvp(people[3].id, series[1].id);
    expect((await rsvp(people[0].id, single)).status).toBe("pending");

    const desk = await timed("organiser desk", () => organiserDesk(organiser.id, "nl"));
    expect(desk.upcoming.map((row) => row.title)).toEqual(["Taalcafé", "Workshop cv"]);
    const [row, workshop] = desk.upcoming;
    expect(row.next.id).toBe(firstDate);
    expect(row.dates.map((date) => date.id)).toEqual(series.map((date) => date.id));
    expect(row.next).toMatchObject({ going: 2, capacity: 2, seatsLeft: 0, waitlisted: 1, pending: 0 });
    expect(row.dates[1]).toMatchObject({ going: 1, seatsLeft: 1, waitlisted: 0 });
    expect(workshop).toMatchObject({ id: single, dates: [expect.objectContaining({ going: 0, pending: 1 })] });
    expect(desk.drafts.map((entry) => entry.id)).toEqual([draft]);
    expect(desk.past.map((entry) => entry.id)).toEqual([past]);
    expect(desk.pastPageCount).toBe(1);

    // The counts are the sign-ups' own: every going, waiting and pending person on the first date.
    const signUps = await db().rsvp.groupBy({ by: ["status"], where: { activityId: firstDate }, _count: { _all: true } });
    expect(Object.fromEntries(signUps.map((entry) => [entry.status, entry._count._all]))).toEqual({ going: row.next.going, waitlisted: row.next.waitlisted });

    // Once the first date is over, the series' next date is the second one.
    await db().activity.update({
      where: { id: firstDate },
      data: { startsAt: new Date(Date.now() - 2 * DAY), endsAt: new Date(Date.now() - 2 * DAY + 3600_000) },
    });
    const after = await organiserDesk(organiser.id, "nl");
    expect(after.upcoming[0]).toMatchObject({ title: "Taalcafé", next: expect.objectContaining({ id: series[1].id }) });
    expect(after.upcoming[0].dates).toHaveLength(4);
    expect(after.past.map((entry) => entry.id)).toEqual([firstDate, past]);
  });

  it("pages the past list", async () => {
    const organiser = await personIn("nl", { isOrganiser: true });
    for (let index = 0; index < 23; index++) {
      const id = await publishedActivity(organiser.id, { titles: [`Oud ${index}`] });
      await db().activity.update({
        where: { id },
        data: { startsAt: new Date(Date.now() - (index + 2) * DAY), endsAt: new Date(Date.now() - (index + 2) * DAY + 3600_000) },
      });
    }
    const first = await organiserDesk(organiser.id, "nl");
    expect(first.past).toHaveLength(20);
    expect(first.pastPageCount).toBe(2);
    expect(first.past[0].title).toBe("Oud 0");
    const second = await organiserDesk(organiser.id, "nl", { pastPage: 2 });
    expect(second.past.map((entry) => entry.title)).toEqual(["Oud 20", "Oud 21", "Oud 22"]);
  });
});
