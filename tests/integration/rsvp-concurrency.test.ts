import { describe, expect, it } from "vitest";
import { cancelRsvp, rsvp } from "~/domain/activities/rsvp.server";
import { db } from "~/lib/db.server";
import { makePeople, makePerson, publishedActivity } from "../support/factories";

describe("seats under load", () => {
  it("gives 200 simultaneous sign-ups for 20 seats exactly 20 seats and 180 waitlist places in arrival order", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const activityId = await publishedActivity(organiser, { capacity: "20" });
    const people = await makePeople(200);

    const results = await Promise.all(people.map((userId) => rsvp(userId, activityId)));

    expect(results.filter((r) => r.status === "going")).toHaveLength(20);
    expect(results.filter((r) => r.status === "waitlisted")).toHaveLength(180);
    const rows = await db().rsvp.findMany({ where: { activityId }, orderBy: { position: "asc" } });
    expect(rows).toHaveLength(200);
    expect(new Set(rows.map((r) => r.userId)).size).toBe(200);
    expect(new Set(rows.map((r) => r.position)).size).toBe(200);
    // Arrival order: the 20 earliest positions hold the seats, everyone later waits.
    expect(rows.slice(0, 20).every((r) => r.status === "going")).toBe(true);
    expect(rows.slice(20).every((r) => r.status === "waitlisted")).toBe(true);
    const activity = await db().activity.findUniqueOrThrow({ where: { id: activityId } });
    expect(activity.goingCount).toBe(20);

    // Five people give up their seats at the same moment: the first five waiting move up, in order.
    const leaving = rows.slice(0, 5).map((r) => r.userId);
    const nextInLine = rows.slice(20, 25).map((r) => r.userId);
    await Promise.all(leaving.map((userId) => cancelRsvp(userId, activityId)));
    const after = await db().rsvp.findMany({ where: { activityId, status: "going" } });
    expect(after).toHaveLength(20);
    expect(after.map((r) => r.userId)).toEqual(expect.arrayContaining(nextInLine));
    expect(after.map((r) => r.userId)).not.toEqual(expect.arrayContaining([leaving[0]]));
    expect((await db().activity.findUniqueOrThrow({ where: { id: activityId } })).goingCount).toBe(20);
    const told = await db().notification.findMany({ where: { activityId, kind: "waitlist-promoted" } });
    expect(told.map((n) => n.userId).sort()).toEqual([...nextInLine].sort());
    expect(await db().rsvp.count({ where: { activityId, status: "waitlisted" } })).toBe(175);
  });

  it("refuses a second sign-up by the same person, also when both arrive at once", async () => {
    const organiser = await makePerson({ isOrganiser: true });
    const activityId = await publishedActivity(organiser, { capacity: "5" });
    const userId = await makePerson();
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => rsvp(userId, activityId)));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refusals = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(refusals.every((o) => (o.reason as { messageKey?: string }).messageKey === "activities.errors.alreadyRsvped")).toBe(true);
    expect(await db().rsvp.count({ where: { activityId } })).toBe(1);
    expect((await db().activity.findUniqueOrThrow({ where: { id: activityId } })).goingCount).toBe(1);
  });
});
