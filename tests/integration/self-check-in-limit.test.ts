/**
 * The spoken check-in code has five characters from 31 letters and digits: without a limit on
 * wrong guesses, someone who is going but not there could guess it. Time moves with a fake Date.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { rsvp } from "~/domain/activities/rsvp.server";
import { checkInCode, selfCheckIn } from "~/domain/attendance/checkin.server";
import { startSession } from "~/domain/auth/lucia.server";
import { db } from "~/lib/db.server";
import { makePeople, makePerson, publishedActivity } from "../support/factories";
import { TestClient } from "../support/http-client";
import { refusal } from "../support/refusal";
import { useServer } from "../support/server";

const target = useServer();

afterEach(() => {
  vi.useRealTimers();
});

/** An activity running now, with its code read out and `going` people who have a place. */
async function runningActivity(going: number) {
  const organiser = await makePerson({ isOrganiser: true });
  const activityId = await publishedActivity(organiser);
  const people = await makePeople(going);
  for (const userId of people) await rsvp(userId, activityId);
  await db().activity.update({
    where: { id: activityId },
    data: { startsAt: new Date(Date.now() - 10 * 60_000), endsAt: new Date(Date.now() + 3600_000) },
  });
  return { activityId, people, code: await checkInCode(organiser, activityId) };
}

/** A wrong code of the right shape (same alphabet and length). */
const wrongCode = (code: string, index: number) => {
  const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  const guess = Array.from({ length: 5 }, (_, i) => alphabet[(index * 7 + i * 3) % alphabet.length]).join("");
  return guess === code ? guess.split("").reverse().join("") : guess;
};

describe("self check-in with the spoken code", () => {
  it("refuses a person's guesses after five wrong codes, the right one too, until ten minutes have passed", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date() });
    const { activityId, people, code } = await runningActivity(2);
    const [guesser, neighbour] = people;
    for (let i = 0; i < 5; i++) {
      expect((await refusal(selfCheckIn(guesser, activityId, wrongCode(code, i)))).fieldErrors.code.key).toBe("checkin.errors.badCode");
    }
    const limited = await refusal(selfCheckIn(guesser, activityId, wrongCode(code, 5)));
    expect(limited.code).toBe("rate_limited");
    expect(limited.messageKey).toBe("checkin.errors.tooManyCodes");
    const right = await refusal(selfCheckIn(guesser, activityId, code));
    expect(right.code).toBe("rate_limited");
    expect(right.values.count).toBeLessThanOrEqual(10);

    // Someone else at the same activity is not held up by it.
    expect((await selfCheckIn(neighbour, activityId, code)).displayName).toBe("Person 2");

    vi.setSystemTime(Date.now() + 10 * 60_000);
    expect((await selfCheckIn(guesser, activityId, code)).displayName).toBe("Person 1");
    expect(await db().checkIn.count({ where: { activityId } })).toBe(2);
  });

  it("answers over HTTP with 429, Retry-After and the wait in the person's language", async () => {
    const { activityId, people, code } = await runningActivity(1);
    await db().user.update({ where: { id: people[0] }, data: { locale: "nl" } });
    const client = new TestClient(target.url);
    const [name, value] = (await startSession(people[0])).split(";")[0].split("=");
    client.cookies.set(name, value);

    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await client.post(`/activities/${activityId}/ticket`, { code: wrongCode(code, i) })).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429, 429]);

    const right = await client.post(`/activities/${activityId}/ticket`, { code });
    expect(right.status).toBe(429);
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(9 * 60);
    expect(/role="alert">([^<]+)</.exec(await right.text())?.[1]).toMatch(/^Te vaak een verkeerde code\. .* 10 minuten/);
    expect(await db().checkIn.count({ where: { activityId } })).toBe(0);
  });
});
