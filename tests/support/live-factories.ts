import { rsvp } from "~/domain/activities/rsvp.server";
import { db } from "~/lib/db.server";
import { localDate, makePeople, makePerson, publishedActivity } from "./factories";

const amsterdamClock = (at: Date) =>
  new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Amsterdam", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);

/** An online activity that started five minutes ago, with `people` going: its live room is open to them. */
export async function webinarNow(people: number, fields: Record<string, unknown> = {}) {
  const organiser = await makePerson({ isOrganiser: true });
  const now = new Date();
  const start = amsterdamClock(new Date(now.getTime() + 2 * 60_000));
  const end = amsterdamClock(new Date(now.getTime() + 90 * 60_000));
  const activityId = await publishedActivity(organiser, {
    kind: "webinar",
    mode: "online",
    joinUrl: "https://meet.example.org/w",
    venue: "",
    municipalityCode: "",
    date: localDate(0),
    startTime: start,
    endTime: end > start ? end : "23:59",
    ...fields,
  });
  const attendees = await makePeople(people);
  for (const userId of attendees) await rsvp(userId, activityId);
  // The form only takes times ahead; the room opens for an activity that has begun.
  await db().activity.update({ where: { id: activityId }, data: { startsAt: new Date(now.getTime() - 5 * 60_000) } });
  return { organiser, activityId, attendees };
}
