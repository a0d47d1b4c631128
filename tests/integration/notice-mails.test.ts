/**
 * Issue 12: reminders, changes, organisers' messages and buddy news reach people by mail, written
 * in the transaction of the change (the outbox), in the recipient's language, once across
 * instances. Reminders, lapsing proposals and check-in questions are claimed per item, so two
 * rounds of due work at the same moment do each item once.
 */
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { messageGoing, updateActivity } from "~/domain/activities/activities.server";
import { sendDueReminders } from "~/domain/activities/reminders.server";
import { approveRsvp, rsvp } from "~/domain/activities/rsvp.server";
import { askCheckIns, respond, warnExpiringProposals } from "~/domain/matching/matches.server";
import { db } from "~/lib/db.server";
import { runDueWork } from "../../server/work/due-work";
import { buddyPair } from "../support/buddy-factories";
import { activityForm, localDate, personIn, publishedActivity } from "../support/factories";

const DAY = 86_400_000;
const mailsOf = (userId: string, kind?: string) => db().outboxMail.findMany({ where: { userId, ...(kind ? { kind } : {}) }, orderBy: { createdAt: "asc" } });

async function workshopWith(people: string[], overrides: Record<string, unknown> = {}) {
  const organiser = await personIn("nl", { isOrganiser: true });
  const fields = {
    contentLocales: ["nl", "uk"],
    titles: ["Sollicitatietraining", "Тренінг зі співбесід"],
    summaries: ["—", "—"],
    descriptions: ["", ""],
    ...overrides,
  };
  const activityId = await publishedActivity(organiser.id, fields);
  for (const locale of people) await rsvp((await personIn(locale)).id, activityId);
  return { organiser, activityId, fields };
}

const goingIds = async (activityId: string) =>
  (await db().rsvp.findMany({ where: { activityId, status: "going" }, select: { userId: true } })).map((r) => r.userId);

describe("reminder mails", () => {
  it("mails each person going once, in their language, when two rounds run at once, and leaves the activity's version alone", async () => {
    const { activityId } = await workshopWith(["uk", "nl"]);
    const before = await db().activity.findUniqueOrThrow({ where: { id: activityId }, select: { startsAt: true, updatedAt: true } });
    const due = new Date(before.startsAt.getTime() - 23 * 3600_000);
    expect(await sendDueReminders(new Date(before.startsAt.getTime() - 48 * 3600_000))).toBe(0);
    await Promise.all([runDueWork(() => {}, due), runDueWork(() => {}, due)]);
    const [uk, nl] = await goingIds(activityId).then((ids) => Promise.all(ids.map((id) => mailsOf(id, "activity-reminder"))));
    const mails = [...uk, ...nl];
    expect(mails).toHaveLength(2);
    expect(mails.map((mail) => mail.locale).sort()).toEqual(["nl", "uk"]);
    const ukMail = mails.find((mail) => mail.locale === "uk")!;
    expect(ukMail.subject).toContain("Нагадування: Тренінг зі співбесід");
    expect(ukMail.text).toContain(`/activities/${activityId}`);
    expect(await db().notification.count({ where: { activityId, kind: "activity-reminder" } })).toBe(2);
    // The remembered lists are keyed on updatedAt: a reminder must not make every list stale.
    const after = await db().activity.findUniqueOrThrow({ where: { id: activityId }, select: { updatedAt: true } });
    expect(after.updatedAt.getTime()).toBe(before.updatedAt.getTime());
  });

  it("reminds again after the activity moves to another day, and not for a date without reminders", async () => {
    const { organiser, activityId, fields } = await workshopWith(["en"]);
    const { startsAt } = await db().activity.findUniqueOrThrow({ where: { id: activityId } });
    await sendDueReminders(new Date(startsAt.getTime() - 3600_000));
    await updateActivity(organiser.id, activityId, activityForm({ ...fields, date: localDate(9) }), "one");
    const moved = await db().activity.findUniqueOrThrow({ where: { id: activityId } });
    await sendDueReminders(new Date(moved.startsAt.getTime() - 3600_000));
    const [person] = await goingIds(activityId);
    expect(await mailsOf(person, "activity-reminder")).toHaveLength(2);

    const quiet = await workshopWith(["en"], { reminderHours: "" });
    const start = (await db().activity.findUniqueOrThrow({ where: { id: quiet.activityId } })).startsAt;
    await sendDueReminders(new Date(start.getTime() - 3600_000));
    expect(await mailsOf((await goingIds(quiet.activityId))[0], "activity-reminder")).toHaveLength(0);
  });
});

describe("a changed activity", () => {
  it("mails the new time with a calendar file that moves it, and the new place, to everyone signed up", async () => {
    const { organiser, activityId, fields } = await workshopWith(["uk"], { capacity: "1" });
    const waiting = await personIn("nl");
    await rsvp(waiting.id, activityId);
    await updateActivity(
      organiser.id,
      activityId,
      activityForm({ ...fields, capacity: "1", startTime: "20:00", endTime: "21:30", venue: "Bibliotheek" }),
      "one",
    );
    const [going] = await goingIds(activityId);
    const [ukMail] = await mailsOf(going, "activity-changed");
    expect(ukMail.subject).toBe("Зміни: Тренінг зі співбесід");
    expect(ukMail.text).toContain("Новий час:");
    expect(ukMail.text).toContain("20:00");
    expect(ukMail.text).toContain("Нове місце: Bibliotheek");
    const [ics] = JSON.parse(ukMail.attachments) as { content: string }[];
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics.content)).getFirstSubcomponent("vevent")!);
    expect(event.startDate.toJSDate().getTime()).toBe((await db().activity.findUniqueOrThrow({ where: { id: activityId } })).startsAt.getTime());
    const [nlMail] = await mailsOf(waiting.id, "activity-changed");
    expect(nlMail.subject).toBe("Gewijzigd: Sollicitatietraining");
  });

  it("sends nothing when only the description changed", async () => {
    const { organiser, activityId, fields } = await workshopWith(["en"]);
    await updateActivity(organiser.id, activityId, activityForm({ ...fields, summaries: ["Nieuw", "Нове"] }), "one");
    expect(await mailsOf((await goingIds(activityId))[0], "activity-changed")).toHaveLength(0);
  });

  it("says the online link changed, without a new place", async () => {
    const online = { mode: "online", joinUrl: "https://meet.example/a", venue: "", municipalityCode: "" };
    const { organiser, activityId, fields } = await workshopWith(["en"], online);
    await updateActivity(organiser.id, activityId, activityForm({ ...fields, joinUrl: "https://meet.example/b" }), "one");
    const [mail] = await mailsOf((await goingIds(activityId))[0], "activity-changed");
    expect(mail.text).toContain("The online link has changed");
    expect(mail.text).not.toContain("New place");
    expect(mail.text).not.toContain("meet.example"); // the link itself stays on the page, for people signed up
  });
});

describe("organisers' messages and approvals", () => {
  it("mails the organiser's message to everyone going, in their language around it", async () => {
    const { organiser, activityId } = await workshopWith(["ar"]);
    await messageGoing(organiser.id, activityId, "Neem je cv mee / Візьміть резюме");
    const [mail] = await mailsOf((await goingIds(activityId))[0], "organiser-message");
    expect(mail.locale).toBe("ar");
    expect(mail.text).toContain("Neem je cv mee / Візьміть резюме");
    expect(mail.html).toContain('dir="rtl"');
  });

  it("confirms an approved sign-up by mail with the calendar file", async () => {
    const { organiser, activityId } = await workshopWith([], { requiresApproval: "on" });
    const person = await personIn("uk");
    await rsvp(person.id, activityId);
    await approveRsvp(organiser.id, activityId, person.id);
    const kinds = (await mailsOf(person.id)).map((mail) => mail.kind);
    expect(kinds).toEqual(["signup-pending", "signup-going"]);
  });
});

describe("buddy mails", () => {
  it("tells both sides when they are buddies, each in their language, with the match's page", async () => {
    const pair = await buddyPair({ state: "proposed-volunteer-accepted" });
    await respond(pair.newcomerId, pair.matchId, "accept");
    const [newcomer] = await mailsOf(pair.newcomerId, "buddy-accepted");
    const [volunteer] = await mailsOf(pair.volunteerId, "buddy-accepted");
    expect(newcomer.subject).toBe("Тепер ви бадді");
    expect(volunteer.subject).toBe("Jullie zijn nu maatjes");
    expect(newcomer.text).toContain(`/buddies/match/${pair.matchId}`);
  });

  it("warns only the side that has not answered, once, a day before the proposal lapses", async () => {
    const sent = new Date(Date.now() - 6.5 * DAY);
    const pair = await buddyPair({ state: "proposed-volunteer-accepted", now: sent });
    expect(await warnExpiringProposals(new Date(sent.getTime() + 5 * DAY))).toBe(0); // two days left
    const now = new Date();
    const [first, second] = await Promise.all([warnExpiringProposals(now), warnExpiringProposals(now)]);
    expect(first + second).toBe(1);
    expect(await mailsOf(pair.volunteerId, "buddy-expiry-warning")).toHaveLength(0);
    const [mail] = await mailsOf(pair.newcomerId, "buddy-expiry-warning");
    expect(mail.subject).toBe("Пропозиція бадді чекає на вашу відповідь");
    expect(mail.text).toMatch(/Пропозиція діє до .*\d{4}/);
  });

  it("asks both the check-in questions once, after four weeks together and not before", async () => {
    const pair = await buddyPair({ state: "active", now: new Date(Date.now() - 27 * DAY) });
    expect(await askCheckIns()).toBe(0);
    const later = new Date(Date.now() + 2 * DAY);
    await Promise.all([askCheckIns(later), askCheckIns(later)]);
    expect(await mailsOf(pair.newcomerId, "buddy-check-in")).toHaveLength(1);
    const [mail] = await mailsOf(pair.volunteerId, "buddy-check-in");
    expect(mail.subject).toBe("Hoe gaat het met je maatje?");
    expect(mail.text).toContain(`/buddies/match/${pair.matchId}`);
  });
});
