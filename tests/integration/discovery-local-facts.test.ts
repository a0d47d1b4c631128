/**
 * Discovery runs in the database (decisions/029): each activity's local date, weekday and part
 * of day are stored when its time is written, and "for you" ranks a bounded candidate set
 * chosen by the database. These tests hold the facts to the activity's zone and the ranked list
 * to the one promise a reader relies on: every matching activity appears exactly once across pages.
 */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { updateActivity } from "~/domain/activities/activities.server";
import { backfillLocalFacts } from "~/domain/activities/local-facts.server";
import { discoverActivities } from "~/domain/activities/queries.server";
import { zonedDateTimeToUtc } from "~/domain/activities/recurrence";
import { updateProfile } from "~/domain/people/profile.server";
import { db } from "~/lib/db.server";
import { activityForm, localDate, makePerson, publishedActivity } from "../support/factories";

const PLACES = ["GM0014", "GM0034", "GM0037", "GM0047"];
let next = 0;
const nextPlace = () => PLACES[next++];

async function readerIn(place: string) {
  const reader = await makePerson();
  await updateProfile(reader, {
    displayName: "Reader",
    locale: "uk",
    municipalityCode: place,
    languages: ["uk", "nl"],
    levels: ["native", "A2"],
    interests: ["cycling"],
    sectors: [],
    availability: ["2-evening"],
  });
  return reader;
}

describe("local facts", () => {
  it("are the activity's own zone's date, weekday and part of day, also after a move to another zone", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    // Wednesday 19:00 in Amsterdam is Thursday 03:00 in Tokyo.
    const wednesday = (() => {
      for (let days = 7; days < 14; days++) if (new Date(`${localDate(days)}T12:00:00Z`).getUTCDay() === 3) return localDate(days);
      throw new Error("no Wednesday");
    })();
    const id = await publishedActivity(organiser, { date: wednesday, startTime: "19:00", endTime: "20:00" });
    expect(await db().activity.findUniqueOrThrow({ where: { id }, select: { localDate: true, localWeekday: true, localPart: true } })).toEqual({
      localDate: wednesday,
      localWeekday: 3,
      localPart: "evening",
    });
    await updateActivity(organiser, id, activityForm({ date: wednesday, startTime: "09:30", endTime: "10:30", timeZone: "Asia/Tokyo" }), "one");
    expect(await db().activity.findUniqueOrThrow({ where: { id }, select: { localWeekday: true, localPart: true } })).toEqual({
      localWeekday: 3,
      localPart: "morning",
    });
  });

  it("are filled at start-up for rows written without them, and the evening filter then finds them", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const place = nextPlace();
    const id = randomUUID();
    // 10:00 UTC is 19:00 in Tokyo: evening there, though morning by UTC.
    const startsAt = zonedDateTimeToUtc(localDate(9), "19:00", "Asia/Tokyo");
    await db().activity.create({
      data: {
        id,
        kind: "meetup",
        status: "published",
        organiserId: organiser,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3600_000),
        timeZone: "Asia/Tokyo",
        mode: "in-person",
        municipalityCode: place,
        defaultLocale: "en",
      },
    });
    expect((await discoverActivities({ place, evening: "1", sort: "date" }, { userId: null, locale: "en" })).items).toEqual([]);
    expect(await backfillLocalFacts()).toBeGreaterThanOrEqual(1);
    expect(await backfillLocalFacts()).toBe(0); // idempotent
    expect((await discoverActivities({ place, evening: "1", sort: "date" }, { userId: null, locale: "en" })).items.map((item) => item.id)).toEqual([id]);
  });
});

describe("for you", () => {
  it("puts what the reader scores on first, then everything else by date, each activity exactly once across pages", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const place = nextPlace();
    const other = "GM0363";
    const reader = await readerIn(place);
    // A mix: some in the reader's place and language, some elsewhere in other languages.
    const made: string[] = [];
    for (let index = 0; index < 14; index++) {
      const here = index % 3 === 0;
      made.push(
        await publishedActivity(organiser, {
          municipalityCode: here ? place : other,
          date: localDate(2 + index),
          startTime: index % 2 ? "19:00" : "10:00",
          endTime: index % 2 ? "20:00" : "11:00",
          spokenLanguages: [index % 4 === 0 ? "uk" : "ar"],
          interests: index % 5 === 0 ? ["cycling"] : [],
          titles: [`A${index}`],
        }),
      );
    }
    const query = { place: undefined, sort: "for-you" as const, perPage: 4 };
    const first = await discoverActivities({ ...query, page: 1 }, { userId: reader, locale: "en" });
    const pages = [first.items];
    for (let page = 2; page <= first.pageCount; page++) pages.push((await discoverActivities({ ...query, page }, { userId: reader, locale: "en" })).items);
    const seen = pages
      .flat()
      .map((item) => item.id)
      .filter((id) => made.includes(id));
    expect(new Set(seen).size).toBe(seen.length); // no activity twice
    expect(new Set(seen)).toEqual(new Set(made)); // none missing
    // The best match (in the reader's place, in Ukrainian, with their interest) leads.
    expect(first.items[0].id).toBe(made[0]);
  });

  it("keeps that promise for random readers and pages, with series collapsed", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const place = nextPlace();
    const ids: string[] = [];
    for (let index = 0; index < 6; index++)
      ids.push(await publishedActivity(organiser, { municipalityCode: place, date: localDate(3 + index), spokenLanguages: [index % 2 ? "uk" : "nl"] }));
    const series = await publishedActivity(organiser, {
      municipalityCode: place,
      date: localDate(2),
      repeat: "1",
      repeatUntil: localDate(2 + 21),
      spokenLanguages: ["uk"],
    });
    const seriesId = (await db().activity.findUniqueOrThrow({ where: { id: series } })).seriesId!;
    const reader = await readerIn(place);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5 }), async (perPage) => {
        const page1 = await discoverActivities({ place, sort: "for-you", perPage, page: 1 }, { userId: reader, locale: "en", collapseSeries: true });
        const all = [...page1.items];
        for (let page = 2; page <= page1.pageCount; page++)
          all.push(...(await discoverActivities({ place, sort: "for-you", perPage, page }, { userId: reader, locale: "en", collapseSeries: true })).items);
        const shown = all.map((item) => item.id);
        expect(new Set(shown).size).toBe(shown.length);
        expect(all.filter((item) => item.seriesId === seriesId)).toHaveLength(1); // the series once…
        expect(all.find((item) => item.seriesId === seriesId)?.moreDates).toBe(3); // …with its 3 other dates
        expect(ids.every((id) => shown.includes(id))).toBe(true);
        expect(page1.total).toBe(ids.length + 1);
      }),
      { numRuns: 5 },
    );
  });
});
