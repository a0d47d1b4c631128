/**
 * Editing "this and later dates" of a series into another time zone (finding 5, decision 021):
 * every later date keeps its own local date from the zone it was planned in (moved by as many days
 * as the edited date moved) and gets the new local time in the new zone.
 */
import { describe, expect, it } from "vitest";
import { createActivity, updateActivity } from "~/domain/activities/activities.server";
import { utcToZonedParts } from "~/domain/activities/recurrence";
import { db } from "~/lib/db.server";
import { activityForm, makePerson } from "../support/factories";
import { refusal } from "../support/refusal";

const WEDNESDAY = 3;
const FRIDAY = 5;

async function weeklySeries(fields: { from: string; until: string; startTime: string; endTime: string; timeZone?: string }) {
  const organiser = await makePerson({ isOrganiser: true });
  const { seriesId } = await createActivity(
    organiser,
    activityForm({
      date: fields.from,
      repeat: "1",
      repeatUntil: fields.until,
      startTime: fields.startTime,
      endTime: fields.endTime,
      timeZone: fields.timeZone ?? "Europe/Amsterdam",
    }),
    { publish: true },
  );
  const dates = await db().activity.findMany({ where: { seriesId }, orderBy: { startsAt: "asc" } });
  return { organiser, seriesId: seriesId!, dates };
}

async function localDates(seriesId: string) {
  const rows = await db().activity.findMany({ where: { seriesId }, orderBy: { startsAt: "asc" } });
  return rows.map((row) => ({
    ...utcToZonedParts(row.startsAt, row.timeZone),
    timeZone: row.timeZone,
    minutes: (row.endsAt.getTime() - row.startsAt.getTime()) / 60_000,
  }));
}

describe("editing this and later dates into another time zone (finding 5)", () => {
  it("keeps a Wednesday series on Wednesdays when it moves from Amsterdam to Tokyo, across the March clock change", async () => {
    const { organiser, seriesId, dates } = await weeklySeries({ from: "2027-03-10", until: "2027-04-07", startTime: "19:00", endTime: "21:00" });
    await updateActivity(organiser, dates[1].id, activityForm({ date: "2027-03-17", startTime: "19:00", endTime: "21:00", timeZone: "Asia/Tokyo" }), "future");
    expect(await localDates(seriesId)).toEqual([
      { date: "2027-03-10", time: "19:00", weekday: WEDNESDAY, timeZone: "Europe/Amsterdam", minutes: 120 },
      ...["2027-03-17", "2027-03-24", "2027-03-31", "2027-04-07"].map((date) => ({
        date,
        time: "19:00",
        weekday: WEDNESDAY,
        timeZone: "Asia/Tokyo",
        minutes: 120,
      })),
    ]);
    expect(await db().activitySeries.findUniqueOrThrow({ where: { id: seriesId } })).toMatchObject({
      timeZone: "Asia/Tokyo",
      startTime: "19:00",
      intervalWeeks: 1,
    });
  });

  it("keeps a Wednesday-morning series on Wednesdays when it moves west to Los Angeles, across both October and November changes", async () => {
    const { organiser, seriesId, dates } = await weeklySeries({ from: "2027-10-20", until: "2027-11-10", startTime: "08:00", endTime: "09:00" });
    await updateActivity(
      organiser,
      dates[0].id,
      activityForm({ date: "2027-10-20", startTime: "08:00", endTime: "09:00", timeZone: "America/Los_Angeles" }),
      "future",
    );
    expect(await localDates(seriesId)).toEqual(
      ["2027-10-20", "2027-10-27", "2027-11-03", "2027-11-10"].map((date) => ({
        date,
        time: "08:00",
        weekday: WEDNESDAY,
        timeZone: "America/Los_Angeles",
        minutes: 60,
      })),
    );
  });

  it("moves the later dates by the two days the edited date moved, into Auckland (southern clock change in April)", async () => {
    const { organiser, seriesId, dates } = await weeklySeries({ from: "2027-03-17", until: "2027-04-14", startTime: "19:00", endTime: "20:30" });
    await updateActivity(
      organiser,
      dates[1].id,
      activityForm({ date: "2027-03-26", startTime: "07:30", endTime: "09:00", timeZone: "Pacific/Auckland" }),
      "future",
    );
    expect(await localDates(seriesId)).toEqual([
      { date: "2027-03-17", time: "19:00", weekday: WEDNESDAY, timeZone: "Europe/Amsterdam", minutes: 90 },
      ...["2027-03-26", "2027-04-02", "2027-04-09", "2027-04-16"].map((date) => ({
        date,
        time: "07:30",
        weekday: FRIDAY,
        timeZone: "Pacific/Auckland",
        minutes: 90,
      })),
    ]);
    expect(await db().activitySeries.findUniqueOrThrow({ where: { id: seriesId } })).toMatchObject({ timeZone: "Pacific/Auckland", startTime: "07:30" });
  });

  it("refuses a new time that a later date skips (clocks forward) as a form error, and changes nothing", async () => {
    const { organiser, seriesId, dates } = await weeklySeries({ from: "2027-03-14", until: "2027-04-04", startTime: "10:00", endTime: "11:00" });
    const before = await localDates(seriesId);
    const error = await refusal(updateActivity(organiser, dates[0].id, activityForm({ date: "2027-03-14", startTime: "02:30", endTime: "03:30" }), "future"));
    expect(error.fieldErrors.startTime).toEqual({ key: "activities.errors.invalidDate", values: { date: "2027-03-28", time: "02:30" } });
    expect(await localDates(seriesId)).toEqual(before);
    expect(await db().activitySeries.findUniqueOrThrow({ where: { id: seriesId } })).toMatchObject({ timeZone: "Europe/Amsterdam", startTime: "10:00" });
  });
});
