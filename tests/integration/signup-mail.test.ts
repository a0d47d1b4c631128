/**
 * A sign-up is confirmed by mail, written in the sign-up's own transaction (issue 12): one mail
 * exactly when there is a sign-up, in the person's language, with the activity's .ics when they
 * have a place.
 */
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { cancelActivity } from "~/domain/activities/activities.server";
import { cancelRsvp, rsvp } from "~/domain/activities/rsvp.server";
import { db } from "~/lib/db.server";
import { LOCALES, type Locale } from "~/lib/locales";
import { localDate, personIn, publishedActivity } from "../support/factories";

const TITLES: Record<Locale, string> = { en: "Bike repair", nl: "Fietsreparatie", uk: "Ремонт велосипедів", ar: "إصلاح الدراجات" };
const mailsTo = (to: string) => db().outboxMail.findMany({ where: { toAddress: to }, orderBy: { createdAt: "asc" } });

async function workshop(capacity: string) {
  const organiser = await personIn("nl", { isOrganiser: true });
  return publishedActivity(organiser.id, {
    contentLocales: [...LOCALES],
    titles: LOCALES.map((locale) => TITLES[locale]),
    summaries: LOCALES.map(() => "—"),
    descriptions: LOCALES.map(() => ""),
    date: localDate(6),
    startTime: "19:00",
    endTime: "21:00",
    capacity,
  });
}

describe("sign-up confirmation mail", () => {
  it.each(LOCALES)("confirms a place in %s, with the activity's calendar file in that language", async (locale) => {
    const activityId = await workshop("5");
    const person = await personIn(locale);
    await rsvp(person.id, activityId, new Date(), "https://meedoen.example");
    const [mail] = await mailsTo(person.email);
    expect(mail).toMatchObject({ kind: "signup-going", locale, userId: person.id });
    expect(mail.subject).toContain(TITLES[locale]);
    expect(mail.text).toContain(`https://meedoen.example/activities/${activityId}`);
    expect(mail.text).toContain("19:00");
    const [ics] = JSON.parse(mail.attachments) as { filename: string; contentType: string; content: string }[];
    expect(ics.contentType).toMatch(/^text\/calendar/);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics.content)).getFirstSubcomponent("vevent")!);
    expect(event.summary).toBe(TITLES[locale]);
  });

  it("tells the second person their place on the waiting list, without a calendar file", async () => {
    const activityId = await workshop("1");
    const [first, second] = [await personIn("en"), await personIn("uk")];
    await rsvp(first.id, activityId);
    await rsvp(second.id, activityId);
    const [mail] = await mailsTo(second.email);
    expect(mail.kind).toBe("signup-waitlisted");
    expect(mail.text).toMatch(/номером 1 /);
    expect(JSON.parse(mail.attachments)).toEqual([]);
  });

  it("tells the first on the waiting list by mail, with the calendar file, when a place comes free", async () => {
    const activityId = await workshop("1");
    const [first, second] = [await personIn("en"), await personIn("ar")];
    await rsvp(first.id, activityId);
    await rsvp(second.id, activityId);
    await cancelRsvp(first.id, activityId);
    const mails = await mailsTo(second.email);
    expect(mails.map((mail) => mail.kind)).toEqual(["signup-waitlisted", "signup-promoted"]);
    expect(mails[1].subject).toContain(TITLES.ar);
    expect(JSON.parse(mails[1].attachments)).toHaveLength(1);
  });

  it("tells everyone with a place or a request when the organiser cancels, with a file that takes it out of their calendar", async () => {
    const organiser = await personIn("nl", { isOrganiser: true });
    const activityId = await publishedActivity(organiser.id, { date: localDate(6), capacity: "1" });
    const [going, waiting] = [await personIn("uk"), await personIn("nl")];
    await rsvp(going.id, activityId);
    await rsvp(waiting.id, activityId);
    await cancelActivity(organiser.id, activityId, "one");
    for (const person of [going, waiting]) {
      const last = (await mailsTo(person.email)).at(-1)!;
      expect(last.kind).toBe("signup-called-off");
      const [ics] = JSON.parse(last.attachments) as { content: string }[];
      expect(new ICAL.Component(ICAL.parse(ics.content)).getFirstSubcomponent("vevent")!.getFirstPropertyValue("status")).toBe("CANCELLED");
    }
  });

  it("writes no mail when the sign-up is refused", async () => {
    const activityId = await workshop("5");
    const person = await personIn("nl");
    await rsvp(person.id, activityId);
    await expect(rsvp(person.id, activityId)).rejects.toMatchObject({ messageKey: "activities.errors.alreadyRsvped" });
    expect(await mailsTo(person.email)).toHaveLength(1);
  });
});
