import { describe, expect, it } from "vitest";
import { rsvp } from "~/domain/activities/rsvp.server";
import { addWalkIn, checkInByQr, checkInCode, checkInFromList, doorList, selfCheckIn, ticketFor, undoCheckIn } from "~/domain/attendance/checkin.server";
import { activityReport, attendanceExport, attendanceTrend, themeReach } from "~/domain/attendance/reports.server";
import { createActivity } from "~/domain/activities/activities.server";
import { sendDueReminders } from "~/domain/activities/reminders.server";
import { db } from "~/lib/db.server";
import { refusal } from "../support/refusal";
import { activityForm, localDate, makePeople, makePerson, publishedActivity } from "../support/factories";

async function inPerson(going: number) {
  const organiser = await makePerson({ isOrganiser: true });
  const activityId = await publishedActivity(organiser, { themes: ["language-communication", "social-bridges"] });
  const people = await makePeople(going);
  for (const userId of people) await rsvp(userId, activityId);
  return { organiser, activityId, people };
}

describe("check-in at the door", () => {
  it("accepts a person's own QR code once, and refuses forged codes and codes for another activity", async () => {
    const { organiser, activityId, people } = await inPerson(2);
    const other = await inPerson(1);
    const ticket = await ticketFor(people[0], activityId);
    expect(ticket.svg).toMatch(/^<svg/);
    const forged = `${people[1]}.${ticket.token.split(".")[1]}`; // someone else's id with this signature
    expect((await refusal(checkInByQr(organiser, activityId, forged))).fieldErrors.token.key).toBe("checkin.errors.badCode");
    expect((await refusal(checkInByQr(organiser, activityId, "garbage"))).code).toBe("validation");
    expect((await refusal(checkInByQr(other.organiser, other.activityId, ticket.token))).code).toBe("validation"); // other activity
    expect((await checkInByQr(organiser, activityId, ticket.token)).displayName).toBe("Person 1");
    expect((await refusal(checkInByQr(organiser, activityId, ticket.token))).messageKey).toBe("checkin.errors.alreadyCheckedIn");
    expect((await refusal(checkInByQr(people[1], activityId, ticket.token))).code).toBe("not_allowed"); // not the organiser
    expect(await db().checkIn.count({ where: { activityId } })).toBe(1);
  });

  it("checks in from the list, undoes, adds walk-ins and lets people use the spoken code", async () => {
    const { organiser, activityId, people } = await inPerson(3);
    await checkInFromList(organiser, activityId, people[0]);
    expect((await refusal(checkInFromList(organiser, activityId, people[0]))).messageKey).toBe("checkin.errors.alreadyCheckedIn");
    const stranger = await makePerson();
    expect((await refusal(checkInFromList(organiser, activityId, stranger))).messageKey).toBe("checkin.errors.notGoing");
    await addWalkIn(organiser, activityId, "Іван (без реєстрації)");
    expect((await refusal(addWalkIn(organiser, activityId, " "))).code).toBe("validation");
    let list = await doorList(organiser, activityId, "person 1");
    expect(list.people.map((p) => p.name)).toEqual(["Person 1"]);
    await undoCheckIn(organiser, activityId, list.people[0].checkInId!);
    list = await doorList(organiser, activityId, "");
    expect(list.figures.present).toBe(1); // the walk-in
    const code = await checkInCode(organiser, activityId);
    expect(code).toMatch(/^[A-Z2-9]{5}$/);
    const activity = await db().activity.findUniqueOrThrow({ where: { id: activityId } });
    const during = new Date(activity.startsAt.getTime() + 10 * 60_000);
    expect((await refusal(selfCheckIn(people[1], activityId, "WRONG", during))).code).toBe("validation");
    expect((await refusal(selfCheckIn(people[1], activityId, code, new Date(activity.startsAt.getTime() - 3 * 3600_000)))).messageKey).toBe(
      "checkin.errors.notOpen",
    );
    await selfCheckIn(people[1], activityId, code.toLowerCase(), during);
    expect((await doorList(organiser, activityId, "")).figures.present).toBe(2);
  });
});

describe("attendance reports", () => {
  it("counts going, present and walk-ins, and exports a spreadsheet-safe CSV", async () => {
    const { organiser, activityId, people } = await inPerson(3);
    await db().user.update({ where: { id: people[0] }, data: { displayName: '=HYPERLINK("x"), Олена' } });
    await checkInFromList(organiser, activityId, people[0]);
    await addWalkIn(organiser, activityId, "Walk-in");
    const report = await activityReport(organiser, activityId);
    expect(report.figures).toMatchObject({ going: 3, present: 2, presentGoing: 1, walkIns: 1, noShows: null }); // a week ahead: no no-shows yet
    const csv = await attendanceExport(organiser, activityId, "csv");
    expect(csv.startsWith("\uFEFFname,")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x""), Олена"`);
    expect(JSON.parse(await attendanceExport(organiser, activityId, "json")).figures.present).toBe(2);
    expect((await refusal(activityReport(people[1], activityId))).code).toBe("not_allowed");
  });

  it("shows attendance over a series with new and returning people, and reach per theme", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const series = await createActivity(organiser, activityForm({ date: localDate(1), repeat: "1", repeatUntil: localDate(15), themes: ["culture"] }), {
      publish: true,
    });
    const dates = await db().activity.findMany({ where: { seriesId: series.seriesId }, orderBy: { startsAt: "asc" } });
    const [a, b] = await makePeople(2);
    for (const date of dates) for (const userId of [a, b]) await rsvp(userId, date.id);
    await checkInFromList(organiser, dates[0].id, a);
    await checkInFromList(organiser, dates[1].id, a);
    await checkInFromList(organiser, dates[1].id, b);
    // Pretend the first two dates are over.
    const later = new Date(dates[1].endsAt.getTime() + 3600_000);
    const trend = await attendanceTrend(organiser, dates[0].id, later);
    expect(trend.map((row) => [row.attended, row.newcomers, row.returning])).toEqual([
      [1, 1, 0],
      [2, 1, 1],
    ]);
    const reach = await themeReach(organiser, new Date(Date.now() - 86_400_000), new Date(Date.now() + 30 * 86_400_000), later);
    expect(reach.find((row) => row.theme === "culture")?.people).toBe(2);
  });
});

describe("reminders", () => {
  it("reminds people going once, when the reminder time has come", async () => {
    const { activityId, people } = await inPerson(2);
    const activity = await db().activity.findUniqueOrThrow({ where: { id: activityId } });
    const tooEarly = new Date(activity.startsAt.getTime() - 48 * 3600_000);
    const due = new Date(activity.startsAt.getTime() - 23 * 3600_000);
    await sendDueReminders(tooEarly);
    expect(await db().notification.count({ where: { activityId, kind: "activity-reminder" } })).toBe(0);
    await Promise.all([sendDueReminders(due), sendDueReminders(due)]);
    expect(await db().notification.count({ where: { activityId, kind: "activity-reminder" } })).toBe(people.length);
  });
});
